package io.servicedocs.history;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A time a product spent in one phase.
 *
 * @param until the day it left the phase (or was deleted), or the "as of" day for the current phase
 * @param next the phase it moved to, empty when it is still there or was deleted
 */
public record PhaseStay(String phase, LocalDate from, LocalDate until, long days, Optional<String> next) {

    /** Whether the stay has not ended in a move: the product is still in the phase (or was deleted in it). */
    public boolean current() {
        return next.isEmpty();
    }
}
