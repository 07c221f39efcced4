package io.servicedocs.cost.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.servicedocs.model.Money;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SharedCostSplitterTest {

    static final YearMonth OCT = YearMonth.of(2026, 10);

    static PoolSplit split(String poolId, SplitRule rule, Money amount, SplitBasis basis) {
        return SharedCostSplitter.split(new SharedPool(poolId, rule), new PoolCost(poolId, OCT, amount, false), basis);
    }

    static PoolSplit split(SplitRule rule, Money amount) {
        return split("pool", rule, amount, SplitBasis.none(OCT));
    }

    static Map<String, Money> amounts(PoolSplit split) {
        Map<String, Money> byProduct = new java.util.LinkedHashMap<>();
        split.shares().forEach(s -> byProduct.put(s.productId(), s.amount()));
        return byProduct;
    }

    static Money jpy(String amount) {
        return Money.of(amount, "JPY");
    }

    static Money usd(String amount) {
        return Money.of(amount, "USD");
    }

    @Test
    void evenJpy100AmongThreeGivesTheLeftoverYenToTheFirstId() {
        // 100 / 3 = 33.33...: 33 each, 1 yen left; equal remainders, so the id sorting first ("a-") gets it
        PoolSplit split = split(new SplitRule.Even(List.of("c-svc", "a-svc", "b-svc")), jpy("100"));
        assertEquals(Map.of("a-svc", jpy("34"), "b-svc", jpy("33"), "c-svc", jpy("33")), amounts(split));
        assertEquals(List.of("a-svc", "b-svc", "c-svc"), split.shares().stream().map(PoolShare::productId).toList());
        assertEquals(0, split.roundingDifference().amount().signum());
        PoolShare first = split.shares().get(0);
        assertEquals("pool", first.poolId());
        assertEquals(SplitMethod.EVEN, first.method());
        assertEquals(0, first.weight().compareTo(BigDecimal.ONE));
        assertEquals(0, first.totalWeight().compareTo(BigDecimal.valueOf(3)));
    }

    @Test
    void evenUsdTenCentsAmongThree() {
        // 10 cents / 3: 3 each, 1 cent to the first id
        PoolSplit split = split(new SplitRule.Even(List.of("x", "y", "z")), usd("0.10"));
        assertEquals(Map.of("x", usd("0.04"), "y", usd("0.03"), "z", usd("0.03")), amounts(split));
    }

    @Test
    void amountFinerThanTheCentIsRoundedHalfEvenAndTheDifferenceReported() {
        // Cost Explorer gives 10 decimals: 100.1234567891 -> 100.12 (difference 0.0034567891 reported);
        // 10012 cents / 3 = 3337 r 1 -> 33.38 / 33.37 / 33.37
        PoolSplit split = split(new SplitRule.Even(List.of("a", "b", "c")), usd("100.1234567891"));
        assertEquals(usd("100.12"), split.allocated());
        assertEquals(0, split.roundingDifference().amount().compareTo(new BigDecimal("0.0034567891")));
        assertEquals(Map.of("a", usd("33.38"), "b", usd("33.37"), "c", usd("33.37")), amounts(split));
        // half-even: 0.125 -> 0.12, 0.135 -> 0.14
        assertEquals(usd("0.12"), split(new SplitRule.Even(List.of("a")), usd("0.125")).allocated());
        assertEquals(usd("0.14"), split(new SplitRule.Even(List.of("a")), usd("0.135")).allocated());
    }

    @Test
    void proportionalToDirectCost() {
        // direct 1,000 / 2,000 / 7,000 of 10,000: pool 1,001 -> quotas 100.1 / 200.2 / 700.7;
        // floors 100 / 200 / 700 leave 1 yen, which goes to the largest remainder (.7, "c")
        SplitBasis basis = new SplitBasis(OCT, Map.of("a", jpy("1000"), "b", jpy("2000"), "c", jpy("7000")), Map.of());
        PoolSplit split = split("k8s", new SplitRule.Proportional(List.of("a", "b", "c")), jpy("1001"), basis);
        assertEquals(Map.of("a", jpy("100"), "b", jpy("200"), "c", jpy("701")), amounts(split));
        PoolShare c = split.shares().get(2);
        assertEquals(SplitMethod.PROPORTIONAL, c.method());
        assertEquals(0, c.weight().compareTo(new BigDecimal("7000")));
        assertEquals(0, c.totalWeight().compareTo(new BigDecimal("10000")));
    }

    @Test
    void proportionalTargetWithoutDirectCostGetsNothing() {
        SplitBasis basis = new SplitBasis(OCT, Map.of("a", usd("3.0000000001"), "b", usd("1")), Map.of());
        PoolSplit split = split("k8s", new SplitRule.Proportional(List.of("a", "b", "c")), usd("10.00"), basis);
        assertEquals(Map.of("a", usd("7.50"), "b", usd("2.50"), "c", usd("0.00")), amounts(split));
    }

    @Test
    void proportionalRefusesNoDirectCostNegativeDirectCostAndMixedCurrencies() {
        SplitRule rule = new SplitRule.Proportional(List.of("a", "b"));
        LedgerException none = assertThrows(LedgerException.class, () -> split("k8s", rule, jpy("100"),
                new SplitBasis(OCT, Map.of("a", jpy("0")), Map.of())));
        assertTrue(none.getMessage().contains("'k8s'") && none.getMessage().contains("2026-10"), none.getMessage());
        LedgerException negative = assertThrows(LedgerException.class, () -> split("k8s", rule, jpy("100"),
                new SplitBasis(OCT, Map.of("a", jpy("10"), "b", jpy("-1")), Map.of())));
        assertTrue(negative.getMessage().contains("'b'"), negative.getMessage());
        LedgerException mixed = assertThrows(LedgerException.class, () -> split("k8s", rule, jpy("100"),
                new SplitBasis(OCT, Map.of("a", jpy("10"), "b", usd("1")), Map.of())));
        assertTrue(mixed.getMessage().contains("convert"), mixed.getMessage());
    }

    @Test
    void fixedPercentages() {
        // 999 x 50 / 30 / 20 % = 499.5 / 299.7 / 199.8 -> floors 499 / 299 / 199 (997), 2 yen left:
        // largest remainders .8 ("c") and .7 ("b")
        PoolSplit split = split(SplitRule.Fixed.of(Map.of("a", new BigDecimal("50"), "b", new BigDecimal("30"),
                "c", new BigDecimal("20"))), jpy("999"));
        assertEquals(Map.of("a", jpy("499"), "b", jpy("300"), "c", jpy("200")), amounts(split));
        assertEquals(SplitMethod.FIXED, split.method());
        // fractional percentages are fine as long as they total exactly 100
        PoolSplit thirds = split(SplitRule.Fixed.of(Map.of("a", new BigDecimal("33.33"), "b", new BigDecimal("33.33"),
                "c", new BigDecimal("33.34"))), usd("1.00"));
        assertEquals(Map.of("a", usd("0.33"), "b", usd("0.33"), "c", usd("0.34")), amounts(thirds));
    }

    @Test
    void fixedPercentagesThatDoNotTotal100AreAnErrorNamingThePool() {
        SplitRule rule = SplitRule.Fixed.of(Map.of("a", new BigDecimal("50"), "b", new BigDecimal("30"),
                "c", new BigDecimal("19")));
        LedgerException e = assertThrows(LedgerException.class,
                () -> split("security-licences", rule, jpy("1000"), SplitBasis.none(OCT)));
        assertTrue(e.getMessage().contains("'security-licences'"), e.getMessage());
        assertTrue(e.getMessage().contains("total 99"), e.getMessage());
        assertThrows(LedgerException.class, () -> split(SplitRule.Fixed.of(Map.of("a", new BigDecimal("100.01"))), jpy("1")));
        assertThrows(LedgerException.class, () -> split(SplitRule.Fixed.of(Map.of("a", new BigDecimal("110"),
                "b", new BigDecimal("-10"))), jpy("1")));
    }

    @Test
    void usageMetric() {
        // devices 120 / 80 / 0 of 200: 5,000 yen -> 3,000 / 2,000 / 0
        SplitBasis basis = new SplitBasis(OCT, Map.of(), Map.of("devices",
                Map.of("a", new BigDecimal("120"), "b", new BigDecimal("80"), "c", BigDecimal.ZERO)));
        PoolSplit split = split("iot-hub", new SplitRule.Usage("devices", List.of("a", "b", "c")), jpy("5000"), basis);
        assertEquals(Map.of("a", jpy("3000"), "b", jpy("2000"), "c", jpy("0")), amounts(split));
        assertEquals(SplitMethod.USAGE, split.shares().get(0).method());
    }

    @Test
    void usageAllZeroOrMissingIsAnErrorNeverAnEvenSplit() {
        SplitRule rule = new SplitRule.Usage("devices", List.of("a", "b"));
        LedgerException zero = assertThrows(LedgerException.class, () -> split("iot-hub", rule, jpy("5000"),
                new SplitBasis(OCT, Map.of(), Map.of("devices", Map.of("a", BigDecimal.ZERO, "b", BigDecimal.ZERO)))));
        assertTrue(zero.getMessage().contains("'iot-hub'") && zero.getMessage().contains("zero"), zero.getMessage());
        LedgerException missing = assertThrows(LedgerException.class, () -> split("iot-hub", rule, jpy("5000"),
                new SplitBasis(OCT, Map.of(), Map.of("devices", Map.of("a", BigDecimal.TEN)))));
        assertTrue(missing.getMessage().contains("[b]") && missing.getMessage().contains("devices"), missing.getMessage());
        assertThrows(LedgerException.class, () -> split("iot-hub", rule, jpy("5000"), SplitBasis.none(OCT)));
    }

    @Test
    void creditSplitsAsTheMirrorOfTheCharge() {
        PoolSplit credit = split(new SplitRule.Even(List.of("a", "b", "c")), jpy("-100"));
        assertEquals(Map.of("a", jpy("-34"), "b", jpy("-33"), "c", jpy("-33")), amounts(credit));
        // -999 at 50/30/20: the mirror of 499 / 300 / 200
        PoolSplit fixed = split(SplitRule.Fixed.of(Map.of("a", new BigDecimal("50"), "b", new BigDecimal("30"),
                "c", new BigDecimal("20"))), jpy("-999"));
        assertEquals(Map.of("a", jpy("-499"), "b", jpy("-300"), "c", jpy("-200")), amounts(fixed));
    }

    @Test
    void zeroAmountGivesZeroShares() {
        PoolSplit split = split(new SplitRule.Even(List.of("a", "b")), usd("0"));
        assertEquals(Map.of("a", usd("0.00"), "b", usd("0.00")), amounts(split));
    }

    @Test
    void misuseIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new SplitRule.Even(List.of()));
        assertThrows(IllegalArgumentException.class, () -> new SplitRule.Even(List.of("a", "a")));
        SharedPool pool = new SharedPool("p", new SplitRule.Even(List.of("a")));
        assertThrows(IllegalArgumentException.class, () -> SharedCostSplitter.split(pool,
                new PoolCost("q", OCT, jpy("1"), false), SplitBasis.none(OCT)));
        assertThrows(IllegalArgumentException.class, () -> SharedCostSplitter.split(pool,
                new PoolCost("p", OCT, jpy("1"), false), SplitBasis.none(OCT.plusMonths(1))));
        // gold has no smallest unit to conserve to
        assertThrows(LedgerException.class, () -> SharedCostSplitter.split(pool,
                new PoolCost("p", OCT, Money.of("1", "XAU"), false), SplitBasis.none(OCT)));
    }
}
