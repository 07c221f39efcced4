package io.servicedocs.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;
import tools.jackson.databind.JsonNode;

/**
 * The minimum level one phase requires of a quality item: either one level for every tier, or a
 * level per tier id (a tier that is not listed requires level 0).
 */
public record RequiredLevel(OptionalInt allTiers, Map<String, Integer> byTier) {

    public RequiredLevel {
        byTier = Map.copyOf(byTier);
        if (allTiers.isPresent() == !byTier.isEmpty()) {
            throw new IllegalArgumentException("a requirement is either one level or a level per tier");
        }
    }

    public static RequiredLevel of(int level) {
        return new RequiredLevel(OptionalInt.of(level), Map.of());
    }

    public static RequiredLevel perTier(Map<String, Integer> levels) {
        return new RequiredLevel(OptionalInt.empty(), levels);
    }

    /** Reads the YAML form: a number, or a map of tier id to number (the schema checked the shape). */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static RequiredLevel fromYaml(JsonNode node) {
        if (node.isObject()) {
            Map<String, Integer> levels = new LinkedHashMap<>();
            node.properties().forEach(e -> levels.put(e.getKey(), e.getValue().asInt()));
            return perTier(levels);
        }
        return of(node.asInt());
    }

    /** The level required of a product of the given tier. */
    public int forTier(String tier) {
        return allTiers.isPresent() ? allTiers.getAsInt() : byTier.getOrDefault(tier, 0);
    }
}
