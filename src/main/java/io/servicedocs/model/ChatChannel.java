package io.servicedocs.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** A team's chat channel: its name (e.g. '#platform-team') and, when given, a link that opens it. */
public record ChatChannel(String name, Optional<String> url) {

    /** Reads the YAML form: the name alone, or {name, url} (the schema checked the shape). */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static ChatChannel fromYaml(JsonNode node) {
        if (node.isObject()) {
            return new ChatChannel(node.path("name").asString(), Optional.of(node.path("url").asString()));
        }
        return new ChatChannel(node.asString(), Optional.empty());
    }
}
