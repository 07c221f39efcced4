package io.servicedocs.cost.ledger;

import io.servicedocs.model.Money;
import java.time.YearMonth;
import java.util.Objects;

/** What a pool cost in one month, as billed; {@code provisional} while the month's bill is not final. */
public record PoolCost(String poolId, YearMonth month, Money amount, boolean provisional) {

    public PoolCost {
        Objects.requireNonNull(poolId, "poolId");
        Objects.requireNonNull(month, "month");
        Objects.requireNonNull(amount, "amount");
    }
}
