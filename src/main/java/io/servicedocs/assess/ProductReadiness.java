package io.servicedocs.assess;

import io.servicedocs.model.Assessment.Waiver;
import io.servicedocs.model.Phase;
import io.servicedocs.model.Product;
import java.util.List;
import java.util.Optional;

/**
 * A product judged as of a day: how it fits its current phase and the next one it aims for, and
 * what needs attention (stale assessment, overdue plans, waivers expired or about to).
 *
 * @param next the target phase of phase.yaml, else the following phase that is not a retirement
 */
public record ProductReadiness(Product product, Phase phase, PhaseFit current, Optional<PhaseFit> next,
                               boolean stale, List<ItemResult> overduePlans, List<Waiver> expiringWaivers,
                               List<Waiver> expiredWaivers) {

    public ProductReadiness {
        overduePlans = List.copyOf(overduePlans);
        expiringWaivers = List.copyOf(expiringWaivers);
        expiredWaivers = List.copyOf(expiredWaivers);
    }

    public String id() {
        return product.id();
    }

    /** Ready to be promoted: meets every requirement of the next phase. */
    public boolean readyForNext() {
        return next.map(PhaseFit::meets).orElse(false);
    }
}
