package io.servicedocs.history;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A product entering a phase: its first appearance ({@code from} empty) or a change of phase.yaml.
 *
 * @param commit the abbreviated commit id
 */
public record PhaseChange(String product, LocalDate date, Optional<String> from, String to, String commit,
                          String author) {
}
