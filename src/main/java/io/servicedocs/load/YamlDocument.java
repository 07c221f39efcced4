package io.servicedocs.load;

import io.servicedocs.model.Position;
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
    /**
     * The parse cache's key of the bytes this tree was read from ({@link ParsedFileCache}), or
     * null: a tree made otherwise (a copy, a translation) is not the parse of any bytes.
     */
    private final String cacheKey;
    /** The places of a released document (then it has no tree and no {@link #places}), else null. */
    private final ReleasedPlaces releasedPlaces;

    YamlDocument(String path, JsonNode root, long rootPlace, Places places) {
        this(path, root, rootPlace, places, null, null);
    }

    private YamlDocument(String path, JsonNode root, long rootPlace, Places places, String cacheKey,
                         ReleasedPlaces releasedPlaces) {
        this.path = path;
        this.root = root;
        this.rootPlace = rootPlace;
        this.places = places;
        this.cacheKey = cacheKey;
        this.releasedPlaces = releasedPlaces;
    }

    /** The same document, known to the parse cache by {@code key}. */
    YamlDocument cachedAs(String key) {
        return new YamlDocument(path, root(), rootPlace, places, key, null);
    }

    /** The parse cache's key of this tree's bytes, when it was read through the cache. */
    java.util.Optional<String> cacheKey() {
        return java.util.Optional.ofNullable(cacheKey);
    }

    public String path() {
        return path;
    }

    /**
     * The tree.
     *
     * @throws IllegalStateException for a document {@link #released()} after its file's checks
     */
    public JsonNode root() {
        if (root == null) {
            throw new IllegalStateException("the tree of " + path + " was released after its checks;"
                    + " only its places are kept");
        }
        return root;
    }

    /**
     * This document without its tree, only its path and places: what the rules that span files
     * need of a product's files once each was bound and checked ({@link #locate}). Keeping every
     * tree of a validation made the live heap grow with the repository (~920 MB at 5,000
     * products, issue 15).
     */
    public YamlDocument released() {
        return releasedPlaces != null ? this
                : new YamlDocument(path, null, rootPlace, null, null, ReleasedPlaces.of(rootPlace, places));
    }

    long rootPlace() {
        return rootPlace;
    }

    Places places() {
        root(); // a released document has only the flat form of its places
        return places;
    }

    /**
     * The best place to point at for a problem with the node at {@code pointer}: the value itself
     * for a scalar, the key for a mapping or sequence (so the line reads "owners:" rather than its
     * first child). A pointer that does not exist (a missing property) falls back to its nearest
     * existing ancestor.
     */
    public Position locate(String pointer) {
        if (releasedPlaces != null) {
            return releasedPlaces.locate(pointer);
        }
        long found = rootPlace;
        long foundKey = Places.UNKNOWN;
        boolean container = false;
        Places here = places;
        int at = 0;
        while (at < pointer.length() && pointer.charAt(at) == '/') {
            int end = pointer.indexOf('/', at + 1);
            int index = here.indexOf(pointer.substring(at + 1, end < 0 ? pointer.length() : end));
            if (index < 0) {
                break;
            }
            long value = here.value(index);
            if (value != Places.UNKNOWN) {
                found = value;
                foundKey = here.key(index);
                container = here.container(index);
            }
            here = here.child(index);
            at = end < 0 ? pointer.length() : end;
        }
        if (found == Places.UNKNOWN) {
            return Position.START;
        }
        return Places.position(container && foundKey != Places.UNKNOWN ? foundKey : found);
    }

    /** Where the key of the property at {@code pointer} stands, else where its node stands. */
    public Position locateKey(String pointer) {
        if (releasedPlaces != null) {
            return releasedPlaces.locateKey(pointer);
        }
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
        return new YamlDocument(path, root(), root, places().shifted(lines));
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
        Places here = places();
        int at = 0;
        for (int d = 0; d < depth; d++) {
            int end = pointer.indexOf('/', at + 1);
            int index = here.indexOf(pointer.substring(at + 1, end < 0 ? pointer.length() : end));
            if (index < 0) {
                return null;
            }
            path[d] = index;
            here = here.child(index);
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
            return new YamlDocument(this.path, root(), value, Places.NONE);
        }
        return new YamlDocument(this.path, root(), rootPlace, replaced(places(), path, 0, value));
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
        return new YamlDocument(path, root, rootPlace, places());
    }

    /** The value place of the node at {@code path} ({@link #indexes}). */
    long valuePlace(int[] path) {
        if (path.length == 0) {
            return rootPlace;
        }
        Places parent = places();
        for (int i = 0; i < path.length - 1; i++) {
            parent = parent.child(path[i]);
        }
        return parent.value(path[path.length - 1]);
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
