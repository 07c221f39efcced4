package io.servicedocs.assess;

import io.servicedocs.model.Assessment.Waiver;
import io.servicedocs.model.Phase;
import io.servicedocs.model.Product;
import io.servicedocs.model.SecurityAnswers.CheckWaiver;
import java.util.List;
import java.util.Optional;

/**
 * A product judged as of a day: how it fits its current phase and the next one it aims for, and
 * what needs attention (stale assessment, overdue plans and phase target, waivers expired or about
 * to, objectives missed).
 *
 * @param next the target phase of phase.yaml, else the following phase that is not a retirement
 * @param targetOverdue the date phase.yaml sets for reaching its target phase has passed
 * @param waivers every waiver of the assessment, in its order, with its state
 * @param checkWaivers every waiver of the security answers, in their order, with its state
 * @param slos every objective of the Service Doc, in its order, against its measurement
 */
public record ProductReadiness(Product product, Phase phase, PhaseFit current, Optional<PhaseFit> next,
                               boolean stale, List<ItemResult> overduePlans, List<Waiver> expiringWaivers,
                               List<Waiver> expiredWaivers, boolean targetOverdue, List<WaiverResult<Waiver>> waivers,
                               List<SloResult> slos, List<WaiverResult<CheckWaiver>> checkWaivers) {

    public ProductReadiness {
        overduePlans = List.copyOf(overduePlans);
        expiringWaivers = List.copyOf(expiringWaivers);
        expiredWaivers = List.copyOf(expiredWaivers);
        waivers = List.copyOf(waivers);
        slos = List.copyOf(slos);
        checkWaivers = List.copyOf(checkWaivers);
    }

    public String id() {
        return product.id();
    }

    /** Ready to be promoted: meets every requirement of the next phase. */
    public boolean readyForNext() {
        return next.map(PhaseFit::meets).orElse(false);
    }
}
