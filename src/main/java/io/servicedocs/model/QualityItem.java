package io.servicedocs.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An item of the service-quality standard with its levels and the level each phase requires.
 *
 * @param appliesIf when the item applies to a product (its category's condition must hold too);
 *                  empty: it applies to every product
 */
public record QualityItem(String id, String category, String title, String description,
                          List<Level> levels, Map<String, RequiredLevel> required, Optional<AppliesIf> appliesIf) {

    public QualityItem {
        levels = List.copyOf(levels);
        required = Map.copyOf(required);
        appliesIf = appliesIf == null ? Optional.empty() : appliesIf;
    }

    public QualityItem(String id, String category, String title, String description,
                       List<Level> levels, Map<String, RequiredLevel> required) {
        this(id, category, title, description, levels, required, Optional.empty());
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
