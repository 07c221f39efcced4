package io.servicedocs.cost.ledger;

import io.servicedocs.model.Money;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Objects;

/**
 * One product's share of one pool in one month, and where it came from: the pool, the method,
 * and the product's weight out of the total weight (1 of n for even, the percentage of 100 for
 * fixed, its direct cost of the sum for proportional, its usage of the total for usage), so a
 * page can say "30 % of security-licences, fixed".
 */
public record PoolShare(String productId, String poolId, YearMonth month, SplitMethod method,
                        BigDecimal weight, BigDecimal totalWeight, Money amount, boolean provisional) {

    public PoolShare {
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(poolId, "poolId");
        Objects.requireNonNull(month, "month");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(weight, "weight");
        Objects.requireNonNull(totalWeight, "totalWeight");
        Objects.requireNonNull(amount, "amount");
    }

    /** The weight as a percentage of the total weight, one decimal (half-even); 0 when the total is 0. */
    public BigDecimal percent() {
        if (totalWeight.signum() == 0) {
            return BigDecimal.ZERO;
        }
        return weight.multiply(BigDecimal.valueOf(100)).divide(totalWeight, 1, java.math.RoundingMode.HALF_EVEN);
    }
}
