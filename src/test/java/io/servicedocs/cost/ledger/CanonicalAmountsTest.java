package io.servicedocs.cost.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.servicedocs.model.Money;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Currency;
import org.junit.jupiter.api.Test;

class CanonicalAmountsTest {

    private static final Currency JPY = Currency.getInstance("JPY");

    @Test
    void equalAmountsShareOneObjectAndKeepTheirScaleAndCurrency() {
        CanonicalAmounts amounts = new CanonicalAmounts();
        Money first = amounts.of(Money.of("1200.50", "USD"));
        assertSame(first, amounts.of(Money.of("1200.50", "USD")));
        assertEquals(Money.of("1200.50", "USD"), first);
        // 1200.5 is not equal to 1200.50 (another scale prints otherwise), nor is the same amount in EUR
        Money otherScale = amounts.of(Money.of("1200.5", "USD"));
        assertNotSame(first, otherScale);
        assertEquals("1200.5 USD", otherScale.toString());
        assertNotSame(first, amounts.of(Money.of("1200.50", "EUR")));
        assertEquals("1200.50 USD", amounts.of(Money.of("1200.50", "USD")).toString());
    }

    @Test
    void anAmountMadeFromABigIntegerKeepsItsValueScaleAndText() {
        BigDecimal fromUnits = new BigDecimal(BigInteger.valueOf(-123456789), 2);
        BigDecimal compact = CanonicalAmounts.compact(fromUnits);
        assertEquals(fromUnits, compact);
        assertEquals(2, compact.scale());
        assertEquals("-1234567.89", compact.toPlainString());
        assertEquals(new Money(new BigDecimal("-1234567.89"), JPY), new CanonicalAmounts().of(new Money(fromUnits, JPY)));
        // beyond a long, the amount stays as it is
        BigDecimal huge = new BigDecimal(BigInteger.TWO.pow(70), 0);
        assertSame(huge, CanonicalAmounts.compact(huge));
        assertEquals("1180591620717411303424", CanonicalAmounts.compact(huge).toPlainString());
    }

    @Test
    void poolSharesOfOneComputationShareTheirEqualAmounts() {
        CanonicalAmounts amounts = new CanonicalAmounts();
        YearMonthSplits splits = new YearMonthSplits(amounts);
        // even split of 3,000 yen among 3 products: 1,000 each, one object
        PoolSplit split = splits.even("3000");
        assertEquals(Money.of("1000", "JPY"), split.shares().get(0).amount());
        assertSame(split.shares().get(0).amount(), split.shares().get(1).amount());
        assertSame(split.shares().get(0).amount(), split.shares().get(2).amount());
        assertSame(split.shares().get(0).amount(), splits.even("3000").shares().get(2).amount());
    }

    /** Even splits of one pool in October 2026 with the given shared amounts. */
    private record YearMonthSplits(CanonicalAmounts amounts) {
        PoolSplit even(String yen) {
            java.time.YearMonth october = java.time.YearMonth.of(2026, 10);
            return SharedCostSplitter.split(new SharedPool("cluster", new SplitRule.Even(java.util.List.of("a", "b", "c"))),
                    new PoolCost("cluster", october, Money.of(yen, "JPY"), false), SplitBasis.none(october), amounts);
        }
    }
}
