package io.servicedocs.cost.ledger;

import io.servicedocs.model.Money;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Splits one pool's monthly cost among its target products so that no money is created or lost:
 * the bill is rounded once to the currency's unit (HALF_EVEN, the difference reported), then
 * apportioned in whole units by the largest-remainder method, ties to the target id that sorts
 * first. The same input always gives the same output, and a credit splits as the exact mirror
 * of a charge of the same size.
 */
public final class SharedCostSplitter {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private SharedCostSplitter() {
    }

    public static PoolSplit split(SharedPool pool, PoolCost cost, SplitBasis basis) {
        return split(pool, cost, basis, new CanonicalAmounts());
    }

    /** @param amounts the computation's shared amounts: equal shares of all pools and months share one object */
    public static PoolSplit split(SharedPool pool, PoolCost cost, SplitBasis basis, CanonicalAmounts amounts) {
        if (!pool.id().equals(cost.poolId())) {
            throw new IllegalArgumentException("cost of pool '" + cost.poolId() + "' given to pool '" + pool.id() + "'");
        }
        if (!cost.month().equals(basis.month())) {
            throw new IllegalArgumentException("pool '" + pool.id() + "': cost of " + cost.month()
                    + " split with the basis of " + basis.month());
        }
        SplitRule rule = pool.rule();
        List<String> targets = rule.targets();
        List<BigDecimal> weights = weights(pool.id(), cost.month(), rule, basis);
        BigDecimal totalWeight = weights.stream().reduce(BigDecimal.ZERO, BigDecimal::add);

        Currency currency = cost.amount().currency();
        Money allocated = MinorUnit.round(cost.amount());
        Money roundingDifference = MinorUnit.minus(cost.amount(), allocated);
        List<BigInteger> units = LargestRemainder.apportion(MinorUnit.units(allocated),
                LargestRemainder.integerWeights(weights));

        List<PoolShare> shares = new ArrayList<>(targets.size());
        for (int i = 0; i < targets.size(); i++) {
            shares.add(new PoolShare(targets.get(i), pool.id(), cost.month(), rule.method(), weights.get(i),
                    totalWeight, amounts.of(MinorUnit.ofUnits(units.get(i), currency)), cost.provisional()));
        }
        return new PoolSplit(cost, rule, allocated, roundingDifference, shares);
    }

    /** Each target's weight, in the order of {@code rule.targets()}; refuses anything that would need a guess. */
    private static List<BigDecimal> weights(String poolId, YearMonth month, SplitRule rule, SplitBasis basis) {
        String where = "shared pool '" + poolId + "' (" + rule.method().name().toLowerCase(java.util.Locale.ROOT)
                + " split) in " + month;
        if (rule instanceof SplitRule.Even even) {
            return even.targets().stream().map(t -> BigDecimal.ONE).toList();
        }
        if (rule instanceof SplitRule.Fixed fixed) {
            BigDecimal total = fixed.percentages().values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            fixed.percentages().forEach((target, p) -> requireNotNegative(where, target, "percentage", p));
            if (total.compareTo(HUNDRED) != 0) {
                throw new LedgerException(where + ": the fixed percentages total " + total.toPlainString()
                        + ", expected exactly 100 " + fixed.percentages());
            }
            return List.copyOf(fixed.percentages().values());
        }
        if (rule instanceof SplitRule.Proportional proportional) {
            return proportionalWeights(where, proportional, basis);
        }
        SplitRule.Usage usage = (SplitRule.Usage) rule;
        Map<String, BigDecimal> values = Optional.ofNullable(basis.usage().get(usage.metric())).orElse(Map.of());
        List<BigDecimal> weights = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String target : usage.targets()) {
            BigDecimal value = values.get(target);
            if (value == null) {
                missing.add(target);
            } else {
                requireNotNegative(where, target, "usage of '" + usage.metric() + "'", value);
                weights.add(value);
            }
        }
        // a target without a measurement is not a target with no usage: refuse rather than guess
        if (!missing.isEmpty()) {
            throw new LedgerException(where + ": no value of usage metric '" + usage.metric() + "' for " + missing);
        }
        requireSomeWeight(where, weights, "usage of '" + usage.metric() + "' is zero for every target "
                + usage.targets() + "; declare the usage or choose another split method");
        return weights;
    }

    private static List<BigDecimal> proportionalWeights(String where, SplitRule.Proportional rule, SplitBasis basis) {
        List<BigDecimal> weights = new ArrayList<>();
        Optional<Currency> currency = Optional.empty();
        for (String target : rule.targets()) {
            Optional<Money> direct = Optional.ofNullable(basis.directCost().get(target));
            if (direct.isPresent()) {
                if (currency.isPresent() && !currency.get().equals(direct.get().currency())) {
                    throw new LedgerException(where + ": direct costs in " + currency.get() + " and "
                            + direct.get().currency() + " cannot be compared; convert them to the reporting currency first");
                }
                currency = Optional.of(direct.get().currency());
                requireNotNegative(where, target, "direct cost", direct.get().amount());
            }
            // no direct cost this month: nothing to be proportional to, so no share
            weights.add(direct.map(Money::amount).orElse(BigDecimal.ZERO));
        }
        requireSomeWeight(where, weights, "the targets " + rule.targets()
                + " have no direct cost; nothing to be proportional to");
        return weights;
    }

    private static void requireNotNegative(String where, String target, String what, BigDecimal value) {
        if (value.signum() < 0) {
            throw new LedgerException(where + ": " + what + " of '" + target + "' is negative ("
                    + value.toPlainString() + "); a share cannot be weighed by a negative amount");
        }
    }

    private static void requireSomeWeight(String where, List<BigDecimal> weights, String message) {
        if (weights.stream().allMatch(w -> w.signum() == 0)) {
            throw new LedgerException(where + ": " + message);
        }
    }
}
