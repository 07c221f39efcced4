package io.servicedocs.model;

import java.util.List;
import java.util.Map;

/** An item of the service-quality standard with its levels and the level each phase requires. */
public record QualityItem(String id, String category, String title, String description,
                          List<Level> levels, Map<String, RequiredLevel> required) {

    public QualityItem {
        levels = List.copyOf(levels);
        required = Map.copyOf(required);
    }

    public int maxLevel() {
        return levels.size() - 1;
    }

    /** The level required in a phase from a product of a tier; 0 when the phase sets no requirement. */
    public int requiredLevel(String phase, String tier) {
        RequiredLevel r = required.get(phase);
        return r == null ? 0 : r.forTier(tier);
    }
}
