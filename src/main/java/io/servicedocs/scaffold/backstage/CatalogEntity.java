package io.servicedocs.scaffold.backstage;

import io.servicedocs.load.YamlDocument;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * One YAML document of a catalog file, as Backstage's entity format reads it
 * ({@code apiVersion}, {@code kind}, {@code metadata}, {@code spec}). Nothing here is trusted:
 * every accessor gives a value only when it has the documented type.
 *
 * @param file the catalog file as the user named it (or under the folder they named)
 * @param line where the document starts in that file
 */
public record CatalogEntity(String file, int line, YamlDocument document) {

    /** The text at a JSON pointer when it is a non-blank string, e.g. {@code /metadata/name}. */
    public Optional<String> text(String pointer) {
        JsonNode node = document.root().at(pointer);
        return node.isString() && !node.asString().isBlank() ? Optional.of(node.asString().strip()) : Optional.empty();
    }

    public Optional<String> kind() {
        return text("/kind");
    }

    public Optional<String> name() {
        return text("/metadata/name");
    }

    public String namespace() {
        return text("/metadata/namespace").orElse("default");
    }

    /** The entity reference Backstage would show, e.g. {@code component:default/payments-api}. */
    public String reference() {
        return kind().orElse("?").toLowerCase(Locale.ROOT) + ":" + namespace() + "/" + name().orElse("?");
    }

    /** The strings of a list at a pointer (others are left out), e.g. {@code /metadata/tags}. */
    public List<String> texts(String pointer) {
        JsonNode node = document.root().at(pointer);
        if (!node.isArray()) {
            return List.of();
        }
        return node.values().stream().filter(JsonNode::isString).map(JsonNode::asString)
                .filter(s -> !s.isBlank()).map(String::strip).toList();
    }

    /** {@code metadata.annotations} with string values, in file order. */
    public Map<String, String> annotations() {
        Map<String, String> annotations = new LinkedHashMap<>();
        JsonNode node = document.root().at("/metadata/annotations");
        if (node.isObject()) {
            node.properties().forEach(e -> {
                if (e.getValue().isString() && !e.getValue().asString().isBlank()) {
                    annotations.put(e.getKey(), e.getValue().asString().strip());
                }
            });
        }
        return annotations;
    }

    /** {@code metadata.links}: url, and title, icon and type when given. */
    public List<Link> links() {
        JsonNode node = document.root().at("/metadata/links");
        if (!node.isArray()) {
            return List.of();
        }
        return node.values().stream().filter(JsonNode::isObject)
                .map(link -> new Link(string(link, "url"), string(link, "title"), string(link, "icon"), string(link, "type")))
                .filter(link -> link.url().isPresent())
                .toList();
    }

    private static Optional<String> string(JsonNode object, String property) {
        JsonNode value = object.get(property);
        return value != null && value.isString() && !value.asString().isBlank()
                ? Optional.of(value.asString().strip()) : Optional.empty();
    }

    /** An entry of {@code metadata.links}. */
    public record Link(Optional<String> url, Optional<String> title, Optional<String> icon, Optional<String> type) {
    }
}
