package io.servicedocs.cost.focus;

import io.servicedocs.model.Money;
import java.time.YearMonth;
import java.util.Objects;
import java.util.Optional;

/**
 * The sum of EffectiveCost of one sub-account in one billing month (the UTC month of
 * ChargePeriodStart) in one billing currency, how many rows made it up, and the line of the file
 * where the first of them starts (for messages about the group).
 */
public record MonthlyCost(String provider, Optional<String> subAccountId, Optional<String> subAccountName,
                          YearMonth month, Money effectiveCost, int rows, int firstLine) {

    public MonthlyCost {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(subAccountId, "subAccountId");
        Objects.requireNonNull(subAccountName, "subAccountName");
        Objects.requireNonNull(month, "month");
        Objects.requireNonNull(effectiveCost, "effectiveCost");
        if (rows < 1) {
            throw new IllegalArgumentException("a monthly cost comes from at least one row, got " + rows);
        }
        if (firstLine < 2) {
            throw new IllegalArgumentException("rows start after the header, on line 2 or later; got " + firstLine);
        }
    }
}
