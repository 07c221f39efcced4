package io.servicedocs.cost.focus;

import io.servicedocs.model.Money;
import java.time.YearMonth;
import java.util.Objects;
import java.util.Optional;

/**
 * The sum of EffectiveCost of one sub-account in one billing month (the UTC month of
 * ChargePeriodStart) in one billing currency, how many rows made it up, and the line of the file
 * where the first of them starts (for messages about the group). When the import groups by a
 * tag key, {@code tag} is the rows' value of that tag ("" for rows without it), and there is one
 * such sum per value.
 */
public record MonthlyCost(String provider, Optional<String> subAccountId, Optional<String> subAccountName,
                          YearMonth month, Money effectiveCost, int rows, int firstLine, Optional<String> tag) {

    /** A sum of an import that does not group by a tag. */
    public MonthlyCost(String provider, Optional<String> subAccountId, Optional<String> subAccountName,
                       YearMonth month, Money effectiveCost, int rows, int firstLine) {
        this(provider, subAccountId, subAccountName, month, effectiveCost, rows, firstLine, Optional.empty());
    }

    public MonthlyCost {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(tag, "tag");
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
