package io.servicedocs.cost.ledger;

import io.servicedocs.model.Money;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;

/**
 * A pool's cost of one month split among its targets. {@code allocated} is the billed amount
 * rounded to the currency's unit; {@code roundingDifference} = billed - allocated is what that
 * rounding left out (zero unless the bill was finer than the unit), reported so it is not lost.
 * The shares add up to {@code allocated} exactly; the constructor refuses anything else.
 */
public record PoolSplit(PoolCost cost, SplitRule rule, Money allocated, Money roundingDifference, List<PoolShare> shares) {

    public PoolSplit {
        Objects.requireNonNull(cost, "cost");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(allocated, "allocated");
        Objects.requireNonNull(roundingDifference, "roundingDifference");
        shares = List.copyOf(shares);
        if (MinorUnit.plus(allocated, roundingDifference).amount().compareTo(cost.amount().amount()) != 0) {
            throw new IllegalArgumentException("pool '" + cost.poolId() + "' " + cost.month() + ": allocated "
                    + allocated + " + rounding difference " + roundingDifference + " != billed " + cost.amount());
        }
        BigDecimal sum = shares.stream().map(s -> s.amount().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (sum.compareTo(allocated.amount()) != 0) {
            throw new IllegalArgumentException("pool '" + cost.poolId() + "' " + cost.month() + ": shares sum to "
                    + sum.toPlainString() + ", not to the allocated " + allocated);
        }
    }

    public String poolId() {
        return cost.poolId();
    }

    public YearMonth month() {
        return cost.month();
    }

    public SplitMethod method() {
        return rule.method();
    }
}
