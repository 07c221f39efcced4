package io.servicedocs.load;

import io.servicedocs.model.Position;

/**
 * The places of a released document ({@link YamlDocument#released()}) in one flat form: every
 * node in tree order (the root first, each node followed by its subtree) with its name in its
 * mapping (interned: the same keys recur in every product), its key's and its value's place, and
 * where its subtree ends. A tree of {@link Places} costs an object and up to four arrays per
 * mapping or sequence; kept for every file of 5,000 products that was ~75 KB a product, most of
 * a validation's live heap (issue 15). This form costs ~25 bytes a node. Immutable.
 */
final class ReleasedPlaces {

    /** The node's name in its mapping, or null (the root, an element of a sequence). */
    private final String[] names;
    private final long[] keys;
    private final long[] values;
    /** The index after the node's subtree; negative (as -end - 1) for a mapping or sequence. */
    private final int[] ends;

    private ReleasedPlaces(int nodes) {
        names = new String[nodes];
        keys = new long[nodes];
        values = new long[nodes];
        ends = new int[nodes];
    }

    static ReleasedPlaces of(long rootPlace, Places places) {
        ReleasedPlaces flat = new ReleasedPlaces(1 + count(places));
        flat.values[0] = rootPlace;
        flat.keys[0] = Places.UNKNOWN;
        flat.ends[0] = -flat.fill(places, 1) - 1;
        return flat;
    }

    private static int count(Places places) {
        int nodes = places.size();
        for (int i = 0; i < places.size(); i++) {
            nodes += count(places.child(i));
        }
        return nodes;
    }

    /** Writes the children of {@code places} from {@code next} on; the index after them. */
    private int fill(Places places, int next) {
        for (int i = 0; i < places.size(); i++) {
            int node = next++;
            String name = places.name(i);
            names[node] = name == null ? null : name.intern();
            keys[node] = places.key(i);
            values[node] = places.value(i);
            next = fill(places.child(i), next);
            ends[node] = places.container(i) ? -next - 1 : next;
        }
        return next;
    }

    private int end(int node) {
        int end = ends[node];
        return end < 0 ? -end - 1 : end;
    }

    /** As {@link YamlDocument#locate}. */
    Position locate(String pointer) {
        long found = values[0];
        long foundKey = Places.UNKNOWN;
        boolean container = false;
        int node = 0;
        int at = 0;
        while (at < pointer.length() && pointer.charAt(at) == '/') {
            int end = pointer.indexOf('/', at + 1);
            int child = childOf(node, pointer.substring(at + 1, end < 0 ? pointer.length() : end));
            if (child < 0) {
                break;
            }
            if (values[child] != Places.UNKNOWN) {
                found = values[child];
                foundKey = keys[child];
                container = ends[child] < 0;
            }
            node = child;
            at = end < 0 ? pointer.length() : end;
        }
        if (found == Places.UNKNOWN) {
            return Position.START;
        }
        return Places.position(container && foundKey != Places.UNKNOWN ? foundKey : found);
    }

    /** As {@link YamlDocument#locateKey}. */
    Position locateKey(String pointer) {
        int node = 0;
        int at = 0;
        while (node >= 0 && at < pointer.length()) {
            if (pointer.charAt(at) != '/') {
                node = -1;
                break;
            }
            int end = pointer.indexOf('/', at + 1);
            node = childOf(node, pointer.substring(at + 1, end < 0 ? pointer.length() : end));
            at = end < 0 ? pointer.length() : end;
        }
        if (node > 0 && keys[node] != Places.UNKNOWN) {
            return Places.position(keys[node]);
        }
        return locate(pointer);
    }

    /** The child of {@code node} named by one pointer segment, or -1 (see {@link Places#indexOf}). */
    private int childOf(int node, String segment) {
        int first = node + 1;
        int end = end(node);
        if (first >= end) {
            return -1;
        }
        if (names[first] != null) {
            String name = Places.unescape(segment);
            if (name == null) {
                return -1;
            }
            for (int child = first; child < end; child = end(child)) {
                if (names[child].equals(name)) {
                    return child;
                }
            }
            return -1;
        }
        int index = Places.index(segment);
        if (index < 0) {
            return -1;
        }
        int child = first;
        for (int i = 0; i < index && child < end; i++) {
            child = end(child);
        }
        return child < end ? child : -1;
    }
}
