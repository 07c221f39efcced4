package io.servicedocs.model;

import java.time.LocalDate;
import java.util.Optional;

/** A product's current phase, since when, and the phase it aims for next. */
public record PhaseStatus(String phase, LocalDate since, Optional<Target> target) {

    public record Target(String phase, LocalDate date) {
    }
}
