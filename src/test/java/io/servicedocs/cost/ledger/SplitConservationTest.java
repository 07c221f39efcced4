package io.servicedocs.cost.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.servicedocs.model.Money;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Many random pools, every method: the shares always add up exactly, and the same input gives the same output. */
class SplitConservationTest {

    private static final YearMonth MONTH = YearMonth.of(2026, 10);
    private static final List<Currency> CURRENCIES = List.of(Currency.getInstance("JPY"),
            Currency.getInstance("USD"), Currency.getInstance("BHD"));

    @Test
    void sharesAlwaysAddUpToThePoolForEveryMethod() {
        Random random = new Random(20261124L);
        for (int round = 0; round < 2000; round++) {
            Currency currency = CURRENCIES.get(random.nextInt(CURRENCIES.size()));
            Money amount = new Money(randomAmount(random), currency);
            int n = 1 + random.nextInt(12);
            List<String> targets = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                targets.add("product-" + (char) ('a' + i));
            }
            Collections.shuffle(targets, random);
            Map<String, Money> direct = new HashMap<>();
            Map<String, BigDecimal> usage = new HashMap<>();
            for (String t : targets) {
                direct.put(t, new Money(BigDecimal.valueOf(random.nextInt(1_000_000), random.nextInt(4)), currency));
                usage.put(t, BigDecimal.valueOf(random.nextInt(500)));
            }
            direct.put(targets.get(0), new Money(BigDecimal.valueOf(1 + random.nextInt(1000)), currency));
            usage.put(targets.get(0), BigDecimal.valueOf(1 + random.nextInt(500)));
            SplitBasis basis = new SplitBasis(MONTH, direct, Map.of("cpu", usage));

            for (SplitRule rule : List.of(new SplitRule.Even(targets), new SplitRule.Proportional(targets),
                    fixedRule(random, targets), new SplitRule.Usage("cpu", targets))) {
                PoolSplit split = SharedCostSplitter.split(new SharedPool("pool", rule),
                        new PoolCost("pool", MONTH, amount, false), basis);
                String context = rule + " of " + amount;
                BigDecimal sum = split.shares().stream().map(s -> s.amount().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
                assertEquals(0, sum.compareTo(split.allocated().amount()), context);
                assertEquals(0, split.allocated().amount().add(split.roundingDifference().amount())
                        .compareTo(amount.amount()), context);
                BigDecimal unit = BigDecimal.ONE.movePointLeft(currency.getDefaultFractionDigits());
                for (PoolShare share : split.shares()) {
                    assertEquals(currency.getDefaultFractionDigits(), share.amount().amount().scale(), context);
                    // largest remainder: each share is less than one unit away from its exact quota
                    BigDecimal quota = split.allocated().amount().multiply(share.weight())
                            .divide(share.totalWeight(), MathContext.DECIMAL128);
                    assertTrue(quota.subtract(share.amount().amount()).abs().compareTo(unit) < 0, context + " " + share);
                }
                // deterministic, whatever order the targets were declared in
                List<String> reversed = new ArrayList<>(targets);
                Collections.reverse(reversed);
                PoolSplit again = SharedCostSplitter.split(new SharedPool("pool", reorder(rule, reversed)),
                        new PoolCost("pool", MONTH, amount, false), basis);
                assertEquals(split.shares(), again.shares(), context);
                // a credit is the exact mirror of the charge
                PoolSplit credit = SharedCostSplitter.split(new SharedPool("pool", rule),
                        new PoolCost("pool", MONTH, new Money(amount.amount().negate(), currency), false), basis);
                for (int i = 0; i < split.shares().size(); i++) {
                    assertEquals(0, credit.shares().get(i).amount().amount()
                            .compareTo(split.shares().get(i).amount().amount().negate()), context);
                }
            }
        }
    }

    /** Up to a billion, sometimes negative, sometimes with Cost Explorer's 10 decimals. */
    private static BigDecimal randomAmount(Random random) {
        long units = (long) (random.nextDouble() * 1_000_000_000L);
        BigDecimal amount = BigDecimal.valueOf(units, random.nextInt(11));
        return random.nextInt(5) == 0 ? amount.negate() : amount;
    }

    /** Random percentages with two decimals that total exactly 100. */
    private static SplitRule.Fixed fixedRule(Random random, List<String> targets) {
        Map<String, BigDecimal> percentages = new TreeMap<>();
        int left = 10_000;
        for (int i = 0; i < targets.size() - 1; i++) {
            int p = random.nextInt(left + 1);
            percentages.put(targets.get(i), BigDecimal.valueOf(p, 2));
            left -= p;
        }
        percentages.put(targets.get(targets.size() - 1), BigDecimal.valueOf(left, 2));
        return SplitRule.Fixed.of(percentages);
    }

    private static SplitRule reorder(SplitRule rule, List<String> targets) {
        if (rule instanceof SplitRule.Even) {
            return new SplitRule.Even(targets);
        }
        if (rule instanceof SplitRule.Proportional) {
            return new SplitRule.Proportional(targets);
        }
        if (rule instanceof SplitRule.Usage usage) {
            return new SplitRule.Usage(usage.metric(), targets);
        }
        return rule;
    }
}
