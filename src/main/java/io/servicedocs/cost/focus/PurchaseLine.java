package io.servicedocs.cost.focus;

import io.servicedocs.model.Money;
import java.time.YearMonth;
import java.util.Objects;
import java.util.Optional;

/**
 * A one-time purchase row (ChargeCategory Purchase, ChargeFrequency One-Time). It is also counted
 * in its {@link MonthlyCost}; it is listed apart because a prepaid amount may later be spread over
 * its term. {@code line} is where the row starts in the file.
 */
public record PurchaseLine(int line, String provider, Optional<String> subAccountId,
                           Optional<String> subAccountName, YearMonth month, Money effectiveCost,
                           Optional<String> description) {

    public PurchaseLine {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(subAccountId, "subAccountId");
        Objects.requireNonNull(subAccountName, "subAccountName");
        Objects.requireNonNull(month, "month");
        Objects.requireNonNull(effectiveCost, "effectiveCost");
        Objects.requireNonNull(description, "description");
    }
}
