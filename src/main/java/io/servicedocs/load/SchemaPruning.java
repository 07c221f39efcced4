package io.servicedocs.load;

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
            Copy.Copied root = copy.of(original.root(), original.places(), "", "");
            // the copy's places are the original's, so that findings point at the file as written
            YamlDocument doc = new YamlDocument(original.path(), root.node(), original.rootPlace(), root.places());
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

        /** A copied node and where its children stand in the original. */
        record Copied(JsonNode node, Places places) {
        }

        Copied of(JsonNode node, Places places, String at, String from) {
            origin.put(at, from);
            if (node.isObject()) {
                ObjectNode copy = JsonNodeFactory.instance.objectNode();
                Places.Builder copied = new Places.Builder(true);
                int index = 0;
                for (Map.Entry<String, JsonNode> property : node.properties()) {
                    String source = YamlDocument.child(from, property.getKey());
                    if (!pruned.contains(source)) {
                        Copied child = of(property.getValue(), places.child(index),
                                YamlDocument.child(at, property.getKey()), source);
                        copy.set(property.getKey(), child.node());
                        copied.add(property.getKey(), places.key(index), places.value(index), child.places());
                    }
                    index++;
                }
                return new Copied(copy, copied.build());
            }
            if (node.isArray()) {
                ArrayNode copy = JsonNodeFactory.instance.arrayNode();
                Places.Builder copied = new Places.Builder(false);
                for (int i = 0; i < node.size(); i++) {
                    String source = YamlDocument.child(from, i);
                    if (!pruned.contains(source)) {
                        Copied child = of(node.get(i), places.child(i), YamlDocument.child(at, copy.size()), source);
                        copy.add(child.node());
                        copied.add(places.value(i), child.places());
                    }
                }
                return new Copied(copy, copied.build());
            }
            return new Copied(node, Places.NONE);
        }
    }
}
