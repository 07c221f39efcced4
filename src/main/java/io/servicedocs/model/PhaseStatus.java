package io.servicedocs.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A product's current phase, since when, the phase it aims for next, and the transitions it made
 * before the repository recorded them (a company adopting servicedocs has years of history that
 * no commit can tell).
 */
public record PhaseStatus(String phase, LocalDate since, Optional<Target> target, List<PastTransition> history) {

    public PhaseStatus {
        target = target == null ? Optional.empty() : target;
        history = history == null ? List.of() : List.copyOf(history);
    }

    public PhaseStatus(String phase, LocalDate since, Optional<Target> target) {
        this(phase, since, target, List.of());
    }

    public record Target(String phase, LocalDate date) {
    }

    /**
     * A change of phase declared in phase.yaml, e.g. from before the repository existed.
     *
     * @param from the phase it left; empty only for the first entry, which says where the product
     *             started (e.g. when it was created in poc): a start, not a transition
     * @param reference where the decision is recorded (a review board ticket, minutes), if given
     */
    public record PastTransition(LocalDate date, Optional<String> from, String to, Optional<String> reference) {

        public PastTransition {
            from = from == null ? Optional.empty() : from;
            reference = reference == null ? Optional.empty() : reference;
        }
    }
}
