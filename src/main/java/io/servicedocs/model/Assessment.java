package io.servicedocs.model;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A product's quality self-assessment: the level reached per item, and approved waivers. */
public record Assessment(LocalDate assessedOn, String assessedBy, Map<String, ItemAssessment> items,
                         List<Waiver> waivers) {

    public Assessment {
        items = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(items));
        waivers = waivers == null ? List.of() : List.copyOf(waivers);
    }

    /** Whether this assessment is older than {@code interval} on {@code day}: it must be reviewed. */
    public boolean isStaleOn(LocalDate day, java.time.Period interval) {
        return assessedOn.plus(interval).isBefore(day);
    }

    /** The waiver that covers {@code item} in {@code phase} on {@code day}, if any (the first one listed). */
    public Optional<Waiver> waiverFor(String item, String phase, LocalDate day) {
        return waivers.stream().filter(w -> w.item().equals(item) && w.phase().equals(phase) && w.isValidOn(day))
                .findFirst();
    }

    /**
     * One item's answer: a level (0 when the item is answered not applicable), or not applicable
     * with a reason, like a security checklist answer.
     */
    public record ItemAssessment(int level, List<Link> evidence, Optional<String> note,
                                 Optional<ImprovementPlan> plan, Optional<NotApplicable> notApplicable) {

        public ItemAssessment {
            evidence = evidence == null ? List.of() : List.copyOf(evidence);
            notApplicable = notApplicable == null ? Optional.empty() : notApplicable;
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

    public record ImprovementPlan(int targetLevel, LocalDate due, Optional<String> note) {
    }

    /** An exemption from the requirement of one item in one phase, until it expires. */
    public record Waiver(String item, String phase, String reason, String approvedBy,
                         Optional<LocalDate> approvedOn, LocalDate expires) {

        /** A waiver is valid up to and including its expiry date. */
        public boolean isValidOn(LocalDate day) {
            return !day.isAfter(expires);
        }

        /** Valid on {@code day} and expiring before {@code day + within}: the site and the review warn alike. */
        public boolean isExpiringOn(LocalDate day, java.time.Period within) {
            return isValidOn(day) && expires.isBefore(day.plus(within));
        }
    }
}
