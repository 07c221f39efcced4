package io.servicedocs.cost.focus;

import io.servicedocs.model.Money;
import java.time.YearMonth;
import java.util.Objects;
import java.util.Optional;

/**
 * The sum of EffectiveCost of one sub-account in one billing month (the UTC month of
 * ChargePeriodStart) in one billing currency, and how many rows made it up.
 */
public record MonthlyCost(String provider, Optional<String> subAccountId, Optional<String> subAccountName,
                          YearMonth month, Money effectiveCost, int rows) {

    public MonthlyCost {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(subAccountId, "subAccountId");
        Objects.requireNonNull(subAccountName, "subAccountName");
        Objects.requireNonNull(month, "month");
        Objects.requireNonNull(effectiveCost, "effectiveCost");
        if (rows < 1) {
            throw new IllegalArgumentException("a monthly cost comes from at least one row, got " + rows);
        }
    }
}
