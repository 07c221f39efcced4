package io.servicedocs.assess;

import io.servicedocs.model.Phase;

/**
 * What a phase of the standard asks of products, whatever their tier.
 *
 * @param itemsRequired items that require a level above 0 of at least one tier in this phase
 * @param checksRequired security checks required from this phase or an earlier one (counted whatever
 *        tiers a check is limited to, as the phases page has always shown them)
 */
public record PhaseScope(Phase phase, int itemsRequired, int checksRequired) {
}
