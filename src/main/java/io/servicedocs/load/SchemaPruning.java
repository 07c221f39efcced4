package io.servicedocs.load;

import io.servicedocs.model.Position;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Makes a copy of a tree that failed its schema conform by removing the nodes at fault: an
 * unknown property, an optional property with a wrong value, an array element or map entry that
 * is wrong. Removing a required property makes its parent the node at fault, so the pruning
 * climbs until the copy conforms or it would have to remove the whole file (a required property
 * missing at the top, or a file of the wrong type): then there is nothing to salvage.
 */
final class SchemaPruning {

    /** Each round climbs one level; the schemas are a handful of levels deep. */
    private static final int MAX_ROUNDS = 12;

    private final SchemaValidator schemas;

    SchemaPruning(SchemaValidator schemas) {
        this.schemas = schemas;
    }

    /** The pruned copy that conforms, with the pointers removed (original coordinates, none under another). */
    record Pruned(YamlDocument document, Set<String> pruned) {
    }

    Optional<Pruned> prune(FileKind kind, YamlDocument original, List<SchemaValidator.Problem> problems) {
        Set<String> pruned = new TreeSet<>();
        List<String> faults = problems.stream().map(SchemaValidator.Problem::node).toList();
        for (int round = 0; round < MAX_ROUNDS; round++) {
            for (String fault : faults) {
                if (fault.isEmpty()) {
                    return Optional.empty();
                }
                pruned.add(fault);
            }
            Copy copy = new Copy(pruned);
            JsonNode root = copy.of(original.root(), "", "");
            YamlDocument doc = copy.document(original, root);
            List<SchemaValidator.Problem> again = schemas.check(kind, doc);
            if (again.isEmpty()) {
                return Optional.of(new Pruned(doc, outermost(pruned)));
            }
            List<String> next = again.stream().map(p -> copy.origin.get(p.node())).toList();
            if (next.contains(null)) {
                return Optional.empty(); // a fault outside the copy's nodes: not one pruning can settle
            }
            faults = next;
        }
        return Optional.empty();
    }

    private static Set<String> outermost(Set<String> pointers) {
        Set<String> result = new TreeSet<>();
        for (String p : pointers) {
            if (pointers.stream().noneMatch(q -> !q.equals(p) && p.startsWith(q + "/"))) {
                result.add(p);
            }
        }
        return result;
    }

    /** A deep copy without the pruned nodes, remembering each copied node's pointer in the original. */
    private static final class Copy {
        private final Set<String> pruned;
        /** pointer in the copy -> pointer in the original (array indices shift when elements go) */
        final Map<String, String> origin = new HashMap<>();

        Copy(Set<String> pruned) {
            this.pruned = pruned;
        }

        JsonNode of(JsonNode node, String at, String from) {
            origin.put(at, from);
            if (node.isObject()) {
                ObjectNode copy = JsonNodeFactory.instance.objectNode();
                for (Map.Entry<String, JsonNode> property : node.properties()) {
                    String source = YamlDocument.child(from, property.getKey());
                    if (!pruned.contains(source)) {
                        copy.set(property.getKey(), of(property.getValue(), YamlDocument.child(at, property.getKey()), source));
                    }
                }
                return copy;
            }
            if (node.isArray()) {
                ArrayNode copy = JsonNodeFactory.instance.arrayNode();
                for (int i = 0; i < node.size(); i++) {
                    String source = YamlDocument.child(from, i);
                    if (!pruned.contains(source)) {
                        copy.add(of(node.get(i), YamlDocument.child(at, copy.size()), source));
                    }
                }
                return copy;
            }
            return node;
        }

        /** The copy as a document whose positions are the original's, so findings point at the file as written. */
        YamlDocument document(YamlDocument original, JsonNode root) {
            Map<String, Position> keys = new HashMap<>();
            Map<String, Position> values = new HashMap<>();
            origin.forEach((at, from) -> {
                Position key = original.keyPositions().get(from);
                if (key != null) {
                    keys.put(at, key);
                }
                Position value = original.valuePositions().get(from);
                if (value != null) {
                    values.put(at, value);
                }
            });
            return new YamlDocument(original.path(), root, keys, values);
        }
    }
}
