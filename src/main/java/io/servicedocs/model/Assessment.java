package io.servicedocs.model;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A product's quality self-assessment: the level reached per item, approved waivers, and the
 * results of past assessments made before the repository recorded them (the survey results a
 * company already has), each with its date.
 */
public record Assessment(LocalDate assessedOn, String assessedBy, Map<String, ItemAssessment> items,
                         List<Waiver> waivers, List<PastResult> history) {

    public Assessment {
        items = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(items));
        waivers = waivers == null ? List.of() : List.copyOf(waivers);
        history = history == null ? List.of() : List.copyOf(history);
    }

    public Assessment(LocalDate assessedOn, String assessedBy, Map<String, ItemAssessment> items, List<Waiver> waivers) {
        this(assessedOn, assessedBy, items, waivers, List.of());
    }

    /**
     * The result of a past assessment: per item a level, or for a binary item true / false (met or
     * not), as the schema allows; {@link #levels()} reads both as one number, like the items above.
     */
    public record PastResult(LocalDate date, Map<String, Object> items) {

        public PastResult {
            items = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(items));
        }

        /** Level per item; a binary item's true / false is 1 / 0. */
        public Map<String, Integer> levels() {
            Map<String, Integer> levels = new LinkedHashMap<>();
            items.forEach((item, value) -> {
                if (value instanceof Boolean met) {
                    levels.put(item, met ? 1 : 0);
                } else if (value instanceof Number number) {
                    levels.put(item, number.intValue());
                }
            });
            return levels;
        }
    }

    /** Whether this assessment is older than {@code interval} on {@code day}: it must be reviewed. */
    public boolean isStaleOn(LocalDate day, java.time.Period interval) {
        return assessedOn.plus(interval).isBefore(day);
    }

    /** The waiver that covers {@code item} in {@code phase} on {@code day}, if any (the first one listed). */
    public Optional<Waiver> waiverFor(String item, String phase, LocalDate day) {
        return WaiverTerms.covering(waivers, item, phase, day);
    }

    /**
     * The answer for one item. A level item is answered with {@code level: N}; a binary item with
     * {@code met: true|false}, which is level 1 or 0 here so that every stage reads one number
     * (validation checks that each item is answered in the form of its kind). Either kind may
     * instead be answered not applicable with a reason, like a security checklist answer: then it
     * has neither level nor met, and its level here is 0.
     */
    public record ItemAssessment(int level, List<Link> evidence, Optional<String> note,
                                 Optional<ImprovementPlan> plan, Optional<NotApplicable> notApplicable,
                                 Optional<Boolean> met) {

        public ItemAssessment {
            evidence = evidence == null ? List.of() : List.copyOf(evidence);
            notApplicable = notApplicable == null ? Optional.empty() : notApplicable;
            met = met == null ? Optional.empty() : met;
            plan = plan == null ? Optional.empty() : plan;
            note = note == null ? Optional.empty() : note;
            if (met.isPresent()) {
                level = met.get() ? 1 : 0;
            }
        }

        /** A level item's answer, or any item's not-applicable answer. */
        public ItemAssessment(int level, List<Link> evidence, Optional<String> note, Optional<ImprovementPlan> plan,
                              Optional<NotApplicable> notApplicable) {
            this(level, evidence, note, plan, notApplicable, Optional.empty());
        }

        public ItemAssessment(int level, List<Link> evidence, Optional<String> note, Optional<ImprovementPlan> plan) {
            this(level, evidence, note, plan, Optional.empty());
        }

        public boolean answeredNotApplicable() {
            return notApplicable.isPresent();
        }
    }

    /** The team's answer that an item does not apply to its product, and why. */
    public record NotApplicable(String reason) {
    }

    /**
     * A plan to reach {@code targetLevel} by {@code due}; a binary item's plan has no target level
     * (it reads "met by DATE"), so its target is the item's highest level, 1.
     */
    public record ImprovementPlan(OptionalInt targetLevel, LocalDate due, Optional<String> note) {

        public ImprovementPlan {
            targetLevel = targetLevel == null ? OptionalInt.empty() : targetLevel;
            note = note == null ? Optional.empty() : note;
        }

        public ImprovementPlan(int targetLevel, LocalDate due, Optional<String> note) {
            this(OptionalInt.of(targetLevel), due, note);
        }

        /** The level the plan reaches for {@code item}: its target, or the top level when none is given. */
        public int targetFor(QualityItem item) {
            return targetLevel.orElse(item.maxLevel());
        }
    }

    /** An exemption from the requirement of one item in one phase, until it expires. */
    public record Waiver(String item, String phase, String reason, String approvedBy,
                         Optional<LocalDate> approvedOn, LocalDate expires) implements WaiverTerms {

        @Override
        public String subject() {
            return item;
        }
    }
}
