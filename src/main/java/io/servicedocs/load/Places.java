package io.servicedocs.load;

import io.servicedocs.model.Position;
import java.util.Arrays;

/**
 * Where the children of one mapping or sequence of a {@link YamlDocument}'s tree stand, in child
 * order: each child's value and (for a mapping) its key, as a packed line and column
 * ({@link #pack}; {@link #UNKNOWN} for none), and the places of the children that are themselves
 * containers. A tree of these runs beside the JSON tree, so that a document keeps no string per
 * node: the first form (two maps from every node's JSON pointer to a Position) held ~70 MB of
 * pointer strings at 1,000 products and made every parse build them (issue 15). Immutable once
 * built; derived documents share the subtrees they do not change.
 */
final class Places {

    /** No place known (lines start at 1, so no real place packs to 0). */
    static final long UNKNOWN = 0;

    /** The places of an empty container, or of a scalar (it has no children). */
    static final Places NONE = new Places(null, null, new long[0], null);

    /** The children's names, for a mapping (the same strings as its tree's keys), or null for a sequence. */
    private final String[] names;
    /** Key places per child, or null for a sequence. */
    private final long[] keys;
    private final long[] values;
    /** The children's own places, or null when no child is a container (a null entry for a scalar). */
    private final Places[] children;

    private Places(String[] names, long[] keys, long[] values, Places[] children) {
        this.names = names;
        this.keys = keys;
        this.values = values;
        this.children = children;
    }

    static long pack(int line, int column) {
        return ((long) line << 32) | (column & 0xFFFFFFFFL);
    }

    static long pack(Position at) {
        return pack(at.line(), at.column());
    }

    static int line(long place) {
        return (int) (place >>> 32);
    }

    static int column(long place) {
        return (int) place;
    }

    /** The place as a Position, when known. */
    static Position position(long place) {
        return new Position(line(place), column(place));
    }

    int size() {
        return values.length;
    }

    /**
     * The index of the child named by one JSON pointer segment (not unescaped): a property of a
     * mapping, or an element of a sequence by its decimal index as {@link YamlDocument#child(String, int)}
     * writes it; -1 when there is none.
     */
    int indexOf(String segment) {
        if (names != null) {
            String name = unescape(segment);
            if (name != null) {
                for (int i = 0; i < names.length; i++) {
                    if (names[i].equals(name)) {
                        return i;
                    }
                }
            }
            return -1;
        }
        int index = index(segment);
        return index < values.length ? index : -1;
    }

    /** The name of the child at {@code index} in its mapping, or null in a sequence. */
    String name(int index) {
        return names == null ? null : names[index];
    }

    /** A segment as a sequence index, as {@link YamlDocument#child(String, int)} writes it, or -1. */
    static int index(String segment) {
        int length = segment.length();
        if (length == 0 || length > 9 || (length > 1 && segment.charAt(0) == '0')) {
            return -1;
        }
        int index = 0;
        for (int i = 0; i < length; i++) {
            char c = segment.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            index = index * 10 + (c - '0');
        }
        return index;
    }

    /** A segment as the property name it escapes ("~1" is '/', "~0" is '~'), or null when it escapes none. */
    static String unescape(String segment) {
        if (segment.indexOf('~') < 0) {
            return segment;
        }
        StringBuilder name = new StringBuilder(segment.length());
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c != '~') {
                name.append(c);
            } else if (i + 1 < segment.length() && segment.charAt(i + 1) == '0') {
                name.append('~');
                i++;
            } else if (i + 1 < segment.length() && segment.charAt(i + 1) == '1') {
                name.append('/');
                i++;
            } else {
                return null;
            }
        }
        return name.toString();
    }

    /** Whether the child at {@code index} is a mapping or sequence (else a scalar). */
    boolean container(int index) {
        return children != null && children[index] != null;
    }

    long key(int index) {
        return keys == null ? UNKNOWN : keys[index];
    }

    long value(int index) {
        return values[index];
    }

    /** The places of the child at {@code index}: {@link #NONE} for a scalar. */
    Places child(int index) {
        Places child = children == null ? null : children[index];
        return child == null ? NONE : child;
    }

    /** A copy with every line moved down by {@code lines} (a document read from a part of a file). */
    Places shifted(int lines) {
        long[] k = keys == null ? null : shift(keys, lines);
        long[] v = shift(values, lines);
        Places[] c = null;
        if (children != null) {
            c = new Places[children.length];
            for (int i = 0; i < c.length; i++) {
                c[i] = children[i] == null ? null : children[i].shifted(lines);
            }
        }
        return new Places(names, k, v, c);
    }

    private static long[] shift(long[] places, int lines) {
        long[] shifted = new long[places.length];
        for (int i = 0; i < places.length; i++) {
            shifted[i] = places[i] == UNKNOWN ? UNKNOWN : pack(line(places[i]) + lines, column(places[i]));
        }
        return shifted;
    }

    /** A copy with the child at {@code index} given another value place and children (path copying). */
    Places with(int index, long value, Places child) {
        long[] v = values.clone();
        v[index] = value;
        Places[] c = children == null ? null : children.clone();
        if (c == null && child != NONE) {
            c = new Places[values.length];
        }
        if (c != null) {
            c[index] = child == NONE ? null : child;
        }
        return new Places(names, keys, v, c);
    }

    /** Collects the places of one container's children, in order, as it is read. */
    static final class Builder {
        private final boolean mapping;
        private String[] names;
        private long[] keys;
        private long[] values;
        private Places[] children;
        private int size;

        Builder(boolean mapping) {
            this.mapping = mapping;
            this.values = new long[4];
            this.keys = mapping ? new long[4] : null;
            this.names = mapping ? new String[4] : null;
        }

        /** Adds the next element of a sequence: its value's place and its own places. */
        void add(long value, Places child) {
            add(null, UNKNOWN, value, child);
        }

        /** Adds the next child: its name and key's place (none for a sequence), its value's and its own places. */
        void add(String name, long key, long value, Places child) {
            if (size == values.length) {
                int grown = size * 2;
                values = Arrays.copyOf(values, grown);
                if (mapping) {
                    keys = Arrays.copyOf(keys, grown);
                    names = Arrays.copyOf(names, grown);
                }
                if (children != null) {
                    children = Arrays.copyOf(children, grown);
                }
            }
            if (mapping) {
                keys[size] = key;
                names[size] = name;
            }
            values[size] = value;
            if (child != NONE && child != null) {
                if (children == null) {
                    children = new Places[values.length];
                }
                children[size] = child;
            }
            size++;
        }

        /** The key place of the child named {@code name}, already added. */
        long key(String name) {
            for (int i = 0; i < size; i++) {
                if (names[i].equals(name)) {
                    return keys[i];
                }
            }
            return UNKNOWN;
        }

        Places build() {
            return new Places(mapping ? Arrays.copyOf(names, size) : null, mapping ? Arrays.copyOf(keys, size) : null,
                    Arrays.copyOf(values, size),
                    children == null ? null : Arrays.copyOf(children, size));
        }
    }
}
