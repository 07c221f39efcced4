package io.servicedocs.load;

import io.servicedocs.model.Position;
import java.util.Iterator;
import tools.jackson.databind.JsonNode;

/**
 * A parsed YAML file: its tree, and where each node and each mapping key stands in the file.
 * Nodes are named by JSON pointer ("" is the root, "/owners/team" a property, "/items/0" an
 * array element). The places are kept in a tree beside the JSON tree ({@link Places}), not by
 * pointer: a pointer is only walked down when a place is asked for, which is rare (a finding),
 * while every file is parsed. Immutable. Two documents are equal only when they are the same one.
 */
public final class YamlDocument {

    private final String path;
    private final JsonNode root;
    /** Where the root itself stands. */
    private final long rootPlace;
    /** Where the root's children stand (and theirs, down the tree). */
    private final Places places;

    YamlDocument(String path, JsonNode root, long rootPlace, Places places) {
        this.path = path;
        this.root = root;
        this.rootPlace = rootPlace;
        this.places = places;
    }

    public String path() {
        return path;
    }

    public JsonNode root() {
        return root;
    }

    long rootPlace() {
        return rootPlace;
    }

    Places places() {
        return places;
    }

    /**
     * The best place to point at for a problem with the node at {@code pointer}: the value itself
     * for a scalar, the key for a mapping or sequence (so the line reads "owners:" rather than its
     * first child). A pointer that does not exist (a missing property) falls back to its nearest
     * existing ancestor.
     */
    public Position locate(String pointer) {
        long found = rootPlace;
        long foundKey = Places.UNKNOWN;
        JsonNode foundNode = root;
        JsonNode node = root;
        Places here = places;
        int at = 0;
        while (at < pointer.length() && pointer.charAt(at) == '/') {
            int end = pointer.indexOf('/', at + 1);
            String segment = pointer.substring(at + 1, end < 0 ? pointer.length() : end);
            int index = indexOf(node, segment);
            if (index < 0) {
                break;
            }
            JsonNode child = childAt(node, segment, index);
            long value = here.value(index);
            if (value != Places.UNKNOWN) {
                found = value;
                foundKey = here.key(index);
                foundNode = child;
            }
            node = child;
            here = here.child(index);
            at = end < 0 ? pointer.length() : end;
        }
        if (found == Places.UNKNOWN) {
            return Position.START;
        }
        return Places.position(foundNode.isContainer() && foundKey != Places.UNKNOWN ? foundKey : found);
    }

    /** Where the key of the property at {@code pointer} stands, else where its node stands. */
    public Position locateKey(String pointer) {
        int[] path = indexes(pointer);
        if (path != null && path.length > 0) {
            Places parent = places;
            for (int i = 0; i < path.length - 1; i++) {
                parent = parent.child(path[i]);
            }
            long key = parent.key(path[path.length - 1]);
            if (key != Places.UNKNOWN) {
                return Places.position(key);
            }
        }
        return locate(pointer);
    }

    /** This document with every line moved down by {@code lines}: a document read from a part of a file. */
    public YamlDocument shifted(int lines) {
        long root = rootPlace == Places.UNKNOWN ? Places.UNKNOWN
                : Places.pack(Places.line(rootPlace) + lines, Places.column(rootPlace));
        return new YamlDocument(path, this.root, root, places.shifted(lines));
    }

    /**
     * The child indexes down the tree to the node at {@code pointer} (a property's index is its
     * place in its mapping's order), or null when there is no such node.
     */
    int[] indexes(String pointer) {
        if (pointer.isEmpty()) {
            return new int[0];
        }
        if (pointer.charAt(0) != '/') {
            return null;
        }
        int depth = 0;
        for (int i = 0; i < pointer.length(); i++) {
            if (pointer.charAt(i) == '/') {
                depth++;
            }
        }
        int[] path = new int[depth];
        JsonNode node = root;
        int at = 0;
        for (int d = 0; d < depth; d++) {
            int end = pointer.indexOf('/', at + 1);
            String segment = pointer.substring(at + 1, end < 0 ? pointer.length() : end);
            int index = indexOf(node, segment);
            if (index < 0) {
                return null;
            }
            path[d] = index;
            node = childAt(node, segment, index);
            at = end < 0 ? pointer.length() : end;
        }
        return path;
    }

    /**
     * A copy in which the node at {@code path} ({@link #indexes}) stands at {@code value} and has
     * no places of children: the container there became a scalar (a text chosen among its
     * translations). The tree stays this one's; the caller pairs the places with its new tree.
     */
    YamlDocument withScalarAt(int[] path, long value) {
        if (path.length == 0) {
            return new YamlDocument(this.path, root, value, Places.NONE);
        }
        return new YamlDocument(this.path, root, rootPlace, replaced(places, path, 0, value));
    }

    private static Places replaced(Places here, int[] path, int depth, long value) {
        int index = path[depth];
        if (depth == path.length - 1) {
            return here.with(index, value, Places.NONE);
        }
        return here.with(index, here.value(index), replaced(here.child(index), path, depth + 1, value));
    }

    /** The same places with another tree of the same shape (a copy of this one's, changed where the places were). */
    YamlDocument withRoot(JsonNode root) {
        return new YamlDocument(path, root, rootPlace, places);
    }

    /** The value place of the node at {@code path} ({@link #indexes}). */
    long valuePlace(int[] path) {
        if (path.length == 0) {
            return rootPlace;
        }
        Places parent = places;
        for (int i = 0; i < path.length - 1; i++) {
            parent = parent.child(path[i]);
        }
        return parent.value(path[path.length - 1]);
    }

    /**
     * The index of the child named by one pointer segment: a property (by its order in the
     * mapping, after unescaping "~1" and "~0"), or an element by its decimal index as
     * {@link #child(String, int)} writes it; -1 when there is none.
     */
    private static int indexOf(JsonNode node, String segment) {
        if (node.isObject()) {
            String name = unescape(segment);
            if (name == null || !node.has(name)) {
                return -1;
            }
            int index = 0;
            for (Iterator<String> names = node.propertyNames().iterator(); names.hasNext(); index++) {
                if (names.next().equals(name)) {
                    return index;
                }
            }
            return -1;
        }
        if (node.isArray()) {
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
            return index < node.size() ? index : -1;
        }
        return -1;
    }

    /** The child that {@link #indexOf} found. */
    private static JsonNode childAt(JsonNode node, String segment, int index) {
        return node.isObject() ? node.get(unescape(segment)) : node.get(index);
    }

    /** A segment as the property name it escapes, or null when it is not one {@link #child} writes. */
    private static String unescape(String segment) {
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

    /** The JSON pointer of a child property, with '~' and '/' escaped as RFC 6901 requires. */
    public static String child(String pointer, String property) {
        return pointer + "/" + property.replace("~", "~0").replace("/", "~1");
    }

    public static String child(String pointer, int index) {
        return pointer + "/" + index;
    }

    @Override
    public String toString() {
        return "YamlDocument[" + path + "]";
    }
}
