package io.servicedocs.cost.ledger;

import io.servicedocs.model.Money;
import java.util.List;
import java.util.Objects;

/**
 * A prepaid amount spread over its term: one part per month, in month order, adding up exactly
 * to the amount rounded to the currency's unit; {@code roundingDifference} = amount - that
 * rounded amount (zero for any amount already at the unit).
 */
public record PrepaidSpread(PrepaidCost prepaid, Money roundingDifference, List<PrepaidPart> parts) {

    public PrepaidSpread {
        Objects.requireNonNull(prepaid, "prepaid");
        Objects.requireNonNull(roundingDifference, "roundingDifference");
        parts = List.copyOf(parts);
    }
}
