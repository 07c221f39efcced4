package io.servicedocs.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An item of the service-quality standard with its levels and the level each phase requires.
 *
 * <p>A {@link Kind#BINARY binary} item is a yes/no check (met / not met) as real checklists write
 * them: it has one {@code criteria} instead of levels and is required from a phase on
 * ({@code required_from}, optionally only for some {@code tiers}), like a security check. It keeps
 * the same API as a level item so that assessment, matrix and review need no second path: its
 * levels are 0 "not met" and 1 "met" (criteria), and {@link #required()} holds level 1 for every
 * phase from {@code required_from} on once {@link #resolvedIn(List)} has read the lifecycle order.
 * Either kind may be not applicable to a product ({@code applies_if}, or a team's answer).
 *
 * @param appliesIf when the item applies to a product (its category's condition must hold too);
 *                  empty: it applies to every product
 */
public record QualityItem(String id, String category, String title, String description, Kind kind,
                          List<Level> levels, Optional<String> criteria, Map<String, RequiredLevel> required,
                          Optional<String> requiredFrom, List<String> tiers, Optional<AppliesIf> appliesIf) {

    /** The titles of a binary item's two levels; pages translate them by the item's kind. */
    public static final String NOT_MET = "not met";
    public static final String MET = "met";

    public enum Kind {
        @JsonProperty("levels") LEVELS,
        @JsonProperty("binary") BINARY
    }

    public QualityItem {
        kind = kind == null ? Kind.LEVELS : kind;
        criteria = criteria == null ? Optional.empty() : criteria;
        requiredFrom = requiredFrom == null ? Optional.empty() : requiredFrom;
        tiers = tiers == null ? List.of() : List.copyOf(tiers);
        required = required == null ? Map.of() : Map.copyOf(required);
        appliesIf = appliesIf == null ? Optional.empty() : appliesIf;
        if (kind == Kind.BINARY && (levels == null || levels.isEmpty())) {
            levels = List.of(new Level(0, NOT_MET, ""), new Level(1, MET, criteria.orElse("")));
        }
        levels = levels == null ? List.of() : List.copyOf(levels);
    }

    /** A level item that applies when {@code appliesIf} holds (or always, when empty). */
    public QualityItem(String id, String category, String title, String description, List<Level> levels,
                       Map<String, RequiredLevel> required, Optional<AppliesIf> appliesIf) {
        this(id, category, title, description, Kind.LEVELS, levels, Optional.empty(), required, Optional.empty(),
                List.of(), appliesIf);
    }

    /** A level item, as most code and tests build one. */
    public QualityItem(String id, String category, String title, String description, List<Level> levels,
                       Map<String, RequiredLevel> required) {
        this(id, category, title, description, levels, required, Optional.empty());
    }

    /** A binary item required from {@code requiredFrom} on (for the listed tiers, or every tier when empty). */
    public static QualityItem binary(String id, String category, String title, String description, String criteria,
                                     String requiredFrom, List<String> tiers) {
        return new QualityItem(id, category, title, description, Kind.BINARY, null, Optional.of(criteria), Map.of(),
                Optional.of(requiredFrom), tiers, Optional.empty());
    }

    public boolean isBinary() {
        return kind == Kind.BINARY;
    }

    public int maxLevel() {
        return levels.size() - 1;
    }

    /** The level required in a phase from a product of a tier; 0 when the phase sets no requirement. */
    public int requiredLevel(String phase, String tier) {
        RequiredLevel r = required.get(phase);
        return r == null ? 0 : r.forTier(tier);
    }

    /**
     * This item with a binary item's {@code required_from} turned into level 1 for that phase and
     * every later one (per tier when {@code tiers} is set). An unknown phase requires nothing here;
     * validation reports it. A level item is returned as it is.
     */
    public QualityItem resolvedIn(List<Phase> phases) {
        if (!isBinary() || requiredFrom.isEmpty()) {
            return this;
        }
        Map<String, RequiredLevel> resolved = new LinkedHashMap<>();
        boolean from = false;
        for (Phase phase : phases) {
            from |= phase.id().equals(requiredFrom.get());
            if (from) {
                Map<String, Integer> byTier = new LinkedHashMap<>();
                tiers.forEach(t -> byTier.put(t, 1));
                resolved.putIfAbsent(phase.id(), tiers.isEmpty() ? RequiredLevel.of(1) : RequiredLevel.perTier(byTier));
            }
        }
        return new QualityItem(id, category, title, description, kind, levels, criteria, resolved, requiredFrom, tiers,
                appliesIf);
    }
}
