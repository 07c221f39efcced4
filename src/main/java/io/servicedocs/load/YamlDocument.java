package io.servicedocs.load;

import io.servicedocs.model.Position;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * A parsed YAML file: its tree, and where each node and each mapping key stands in the file, by
 * JSON pointer ("" is the root, "/owners/team" a property, "/items/0" an array element).
 */
public record YamlDocument(String path, JsonNode root, Map<String, Position> keyPositions,
                           Map<String, Position> valuePositions) {

    public YamlDocument {
        keyPositions = Map.copyOf(keyPositions);
        valuePositions = Map.copyOf(valuePositions);
    }

    /**
     * The best place to point at for a problem with the node at {@code pointer}: the value itself
     * for a scalar, the key for a mapping or sequence (so the line reads "owners:" rather than its
     * first child). A pointer that does not exist (a missing property) falls back to its nearest
     * existing ancestor.
     */
    public Position locate(String pointer) {
        String p = pointer;
        while (true) {
            Position value = valuePositions.get(p);
            if (value != null) {
                JsonNode node = root.at(p);
                Position key = keyPositions.get(p);
                return (node.isContainer() && key != null) ? key : value;
            }
            if (p.isEmpty()) {
                return Position.START;
            }
            p = p.substring(0, p.lastIndexOf('/'));
        }
    }

    /** Where the key of the property at {@code pointer} stands, else where its node stands. */
    public Position locateKey(String pointer) {
        Position key = keyPositions.get(pointer);
        return key != null ? key : locate(pointer);
    }

    /** The JSON pointer of a child property, with '~' and '/' escaped as RFC 6901 requires. */
    public static String child(String pointer, String property) {
        return pointer + "/" + property.replace("~", "~0").replace("/", "~1");
    }

    public static String child(String pointer, int index) {
        return pointer + "/" + index;
    }
}
