package io.servicedocs.cost.allocation;

import io.servicedocs.cost.ledger.PrepaidSpread;
import io.servicedocs.model.CostSettings;

/**
 * A declared prepaid amount, who carries it ({@code ownerKind} "product" or "pool" and its id),
 * and its monthly parts.
 */
public record PrepaidReport(CostSettings.Prepaid prepaid, String ownerKind, String ownerId, PrepaidSpread spread) {
}
