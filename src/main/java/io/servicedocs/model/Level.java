package io.servicedocs.model;

import java.util.Objects;
import java.util.Optional;

/**
 * One level of a quality item: its number (0..N), a short title and checkable criteria; and,
 * when the standard ties the level to measurements, the SLO record it requires
 * ({@code requires_slo}).
 */
public record Level(int level, String title, String criteria, Optional<SloRequirement> requiresSlo) {

    public Level {
        requiresSlo = requiresSlo == null ? Optional.empty() : requiresSlo;
    }

    public Level(int level, String title, String criteria) {
        this(level, title, criteria, Optional.empty());
    }

    /**
     * To claim the level, the product's SLOs measured with the standard's SLI template
     * {@code sliTemplate} must each have been met in at least {@code met} of their last
     * {@code ofLast} final months (slo-data/).
     */
    public record SloRequirement(String sliTemplate, int met, int ofLast) {
        public SloRequirement {
            Objects.requireNonNull(sliTemplate, "sliTemplate");
        }
    }
}
