package io.servicedocs.cost.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.servicedocs.model.Finance;
import io.servicedocs.model.Money;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * October 2026 of two products, reported in JPY with USD->JPY 151.23, worked out by hand:
 *
 * <pre>
 * pools (converted before splitting)
 *   k8s-cluster        USD 1,000.00 x 151.23 = 151,230   fixed 60 / 40
 *                        data-api 90,738, device-management 60,492
 *   security-licences  JPY 100,001                       even: 50,000.5 each; the leftover yen
 *                        goes to "data-api" (sorts first): 50,001 / 50,000
 *   pools total 251,231
 *
 * data-api
 *   direct        aws USD 2,000.00 = 302,460 (two accounts 1,500.00 + 500.00, converted once);
 *                 saas JPY 37,540                                       = 340,000
 *   shared        90,738 + 50,001                                       = 140,739
 *   prepaid       0
 *   maintenance   150,000 (investment 300,000 excluded)
 *   operating     340,000 + 140,739 + 0 + 150,000                       = 630,739
 *   MRR           1,200,000      profit 1,200,000 - 630,739             = 569,261
 *   unit cost     630,739 / 250 requests = 2,522.956                    -> 2,522.96
 *   final: nothing provisional
 *
 * device-management
 *   direct        aws USD 400.00 (provisional) = 60,492
 *   shared        60,492 + 50,000                                       = 110,492
 *   prepaid       monitoring licence USD 1,200.00 / 12 = USD 100.00     = 15,123
 *   maintenance   80,000 (investment 400,000 excluded)
 *   operating     60,492 + 110,492 + 15,123 + 80,000                    = 266,107
 *   MRR           USD 1,000.00 = 151,230    profit 151,230 - 266,107    = -114,877
 *   unit cost     demand 0 -> none;   provisional (the AWS month is an estimate)
 *
 * shared allocated to products 140,739 + 110,492 = 251,231 = pools total
 * </pre>
 */
class MonthlyKpiTest {

    private static final Currency JPY = Currency.getInstance("JPY");
    private static final Currency USD = Currency.getInstance("USD");
    private static final YearMonth OCT = YearMonth.of(2026, 10);

    private final CurrencyConverter converter = new CurrencyConverter(JPY,
            List.of(new ExchangeRate(OCT, USD, JPY, new BigDecimal("151.23"))));
    private final MonthlyKpi kpi = new MonthlyKpi(converter);

    private static Money jpy(String amount) {
        return Money.of(amount, "JPY");
    }

    private static Money usd(String amount) {
        return Money.of(amount, "USD");
    }

    private List<PoolSplit> splits() {
        PoolCost k8sBill = new PoolCost("k8s-cluster", OCT, usd("1000.00"), false);
        PoolCost k8s = new PoolCost("k8s-cluster", OCT, converter.convert(k8sBill.amount(), OCT), false);
        return List.of(
                SharedCostSplitter.split(new SharedPool("k8s-cluster", SplitRule.Fixed.of(Map.of(
                        "data-api", new BigDecimal("60"), "device-management", new BigDecimal("40")))), k8s, SplitBasis.none(OCT)),
                SharedCostSplitter.split(new SharedPool("security-licences",
                                new SplitRule.Even(List.of("device-management", "data-api"))),
                        new PoolCost("security-licences", OCT, jpy("100001"), false), SplitBasis.none(OCT)));
    }

    private static List<PoolShare> sharesOf(String product, List<PoolSplit> splits) {
        return splits.stream().flatMap(s -> s.shares().stream()).filter(s -> s.productId().equals(product)).toList();
    }

    private List<ProductMonth> october(List<PoolSplit> splits) {
        PrepaidPart monitoring = PrepaidSpreader.spread(new PrepaidCost("monitoring-licence", usd("1200.00"),
                YearMonth.of(2026, 4), 12)).parts().stream().filter(p -> p.month().equals(OCT)).findFirst().orElseThrow();
        ProductMonth dataApi = kpi.compute(new ProductMonthInput("data-api", OCT,
                List.of(new DirectCost("aws", OCT, usd("1500.00"), false), new DirectCost("aws", OCT, usd("500.00"), false),
                        new DirectCost("saas", OCT, jpy("37540"), false)),
                sharesOf("data-api", splits), List.of(),
                Optional.of(new Finance.Month(Optional.of(jpy("1200000")),
                        Optional.of(new Finance.Labour(jpy("300000"), jpy("150000"))), Optional.of(new BigDecimal("250"))))));
        ProductMonth deviceManagement = kpi.compute(new ProductMonthInput("device-management", OCT,
                List.of(new DirectCost("aws", OCT, usd("400.00"), true)),
                sharesOf("device-management", splits), List.of(monitoring),
                Optional.of(new Finance.Month(Optional.of(usd("1000.00")),
                        Optional.of(new Finance.Labour(jpy("400000"), jpy("80000"))), Optional.of(BigDecimal.ZERO)))));
        return List.of(dataApi, deviceManagement);
    }

    @Test
    void equalAmountsOfTheMonthsShareOneObject() {
        // issue 15: the report keeps every month of every product through the render
        List<ProductMonth> months = october(splits());
        ProductMonth dataApi = months.get(0);
        ProductMonth deviceManagement = months.get(1);
        assertSame(dataApi.prepaidCost(), kpi.compute(new ProductMonthInput("other", OCT, List.of(), List.of(), List.of(),
                Optional.empty())).prepaidCost()); // JPY 0, as every empty amount of the computation
        ProductMonth again = kpi.compute(new ProductMonthInput("data-api-copy", OCT, List.of(), List.of(), List.of(),
                Optional.of(new Finance.Month(Optional.of(jpy("1200000")),
                        Optional.of(new Finance.Labour(jpy("400000"), jpy("80000"))), Optional.empty()))));
        assertSame(dataApi.mrr().orElseThrow(), again.mrr().orElseThrow());
        assertSame(deviceManagement.maintenanceLabour(), again.maintenanceLabour());
        assertSame(deviceManagement.investmentLabour(), again.investmentLabour());
        assertEquals(Optional.of(jpy("1120000")), again.profit()); // MRR 1,200,000 - maintenance 80,000
    }

    @Test
    void aFullMonthOfTwoProducts() {
        List<PoolSplit> splits = splits();
        List<ProductMonth> months = october(splits);
        ProductMonth dataApi = months.get(0);
        assertEquals(JPY, dataApi.currency());
        assertEquals(Map.of("aws", jpy("302460"), "saas", jpy("37540")), dataApi.directCostByProvider());
        assertEquals(jpy("340000"), dataApi.directCost());
        assertEquals(List.of("k8s-cluster", "security-licences"),
                dataApi.sharedShares().stream().map(PoolShare::poolId).toList());
        assertEquals(List.of(jpy("90738"), jpy("50001")), dataApi.sharedShares().stream().map(PoolShare::amount).toList());
        assertEquals(List.of(SplitMethod.FIXED, SplitMethod.EVEN),
                dataApi.sharedShares().stream().map(PoolShare::method).toList());
        assertEquals(jpy("140739"), dataApi.sharedCost());
        assertEquals(jpy("0"), dataApi.prepaidCost());
        assertEquals(jpy("150000"), dataApi.maintenanceLabour());
        assertEquals(jpy("300000"), dataApi.investmentLabour());
        assertEquals(jpy("630739"), dataApi.operatingCost());
        assertEquals(Optional.of(jpy("1200000")), dataApi.mrr());
        assertEquals(Optional.of(jpy("569261")), dataApi.profit());
        assertTrue(dataApi.profitable());
        assertEquals(Optional.of(new Money(new BigDecimal("2522.96"), JPY)), dataApi.unitCost());
        assertFalse(dataApi.provisional());

        ProductMonth deviceManagement = months.get(1);
        assertEquals(Map.of("aws", jpy("60492")), deviceManagement.directCostByProvider());
        assertEquals(jpy("110492"), deviceManagement.sharedCost());
        assertEquals(List.of(new PrepaidPart("monitoring-licence", OCT, jpy("15123"))), deviceManagement.prepaidParts());
        assertEquals(jpy("15123"), deviceManagement.prepaidCost());
        assertEquals(jpy("80000"), deviceManagement.maintenanceLabour());
        assertEquals(jpy("400000"), deviceManagement.investmentLabour());
        assertEquals(jpy("266107"), deviceManagement.operatingCost());
        assertEquals(Optional.of(jpy("151230")), deviceManagement.mrr());
        assertEquals(Optional.of(jpy("-114877")), deviceManagement.profit());
        assertFalse(deviceManagement.profitable());
        assertEquals(Optional.of(BigDecimal.ZERO), deviceManagement.demand());
        assertEquals(Optional.empty(), deviceManagement.unitCost());
        assertTrue(deviceManagement.provisional());

        List<LedgerTotals.MonthTotal> totals = LedgerTotals.verify(splits, months);
        assertEquals(1, totals.size());
        assertEquals(jpy("251231"), totals.get(0).pools());
        assertEquals(jpy("251231"), totals.get(0).allocatedToProducts());
        assertEquals(0, totals.get(0).poolRoundingDifference().amount().signum());
        assertTrue(totals.get(0).balanced());
    }

    @Test
    void aMonthWithoutFinanceOrCostsIsZeroWithoutUnitCost() {
        ProductMonth empty = kpi.compute(new ProductMonthInput("poc", OCT, List.of(), List.of(), List.of(), Optional.empty()));
        assertEquals(jpy("0"), empty.operatingCost());
        assertEquals(Optional.of(jpy("0")), empty.profit());
        assertFalse(empty.profitable()); // breaking even is not a profit
        assertEquals(Optional.empty(), empty.demand());
        assertEquals(Optional.empty(), empty.unitCost());
        assertFalse(empty.provisional());
        // a provisional pool share makes the month provisional too
        PoolSplit split = SharedCostSplitter.split(new SharedPool("p", new SplitRule.Even(List.of("poc"))),
                new PoolCost("p", OCT, jpy("10"), true), SplitBasis.none(OCT));
        assertTrue(kpi.compute(new ProductMonthInput("poc", OCT, List.of(), split.shares(), List.of(), Optional.empty()))
                .provisional());
    }

    @Test
    void aMonthFinanceYamlHasNotReportedYetHasNoProfitRatherThanALoss() {
        // data-api's costs of October, with finance.yaml ending in September: the month's MRR and
        // labour are not known yet. Counting them as zero would show a loss of the whole cost.
        List<PoolSplit> splits = splits();
        ProductMonth month = kpi.compute(new ProductMonthInput("data-api", OCT,
                List.of(new DirectCost("aws", OCT, usd("2000.00"), false), new DirectCost("saas", OCT, jpy("37540"), false)),
                sharesOf("data-api", splits), List.of(), Optional.empty(), false));
        assertFalse(month.financeReported());
        assertEquals(Optional.empty(), month.mrr());
        assertEquals(Optional.empty(), month.profit());
        assertFalse(month.profitable());
        assertEquals(jpy("0"), month.maintenanceLabour()); // not known: nothing of it is in the operating cost
        assertEquals(jpy("0"), month.investmentLabour());
        assertEquals(jpy("480739"), month.operatingCost()); // direct 340,000 + shared 140,739: the billed part
        assertEquals(Optional.empty(), month.demand());
        assertEquals(Optional.empty(), month.unitCost());
        // the same month reported without figures (a month finance.yaml skips) earned and spent nothing
        ProductMonth skipped = kpi.compute(new ProductMonthInput("data-api", OCT,
                List.of(new DirectCost("aws", OCT, usd("2000.00"), false), new DirectCost("saas", OCT, jpy("37540"), false)),
                sharesOf("data-api", splits), List.of(), Optional.empty(), true));
        assertTrue(skipped.financeReported());
        assertEquals(Optional.of(jpy("-480739")), skipped.profit());

        IllegalArgumentException given = assertThrows(IllegalArgumentException.class, () -> new ProductMonthInput(
                "data-api", OCT, List.of(), List.of(), List.of(), Optional.of(new Finance.Month(Optional.of(jpy("1")),
                Optional.empty(), Optional.empty())), false));
        assertEquals("data-api 2026-10: finance.yaml's month is given but said not reported", given.getMessage());
        IllegalArgumentException labour = assertThrows(IllegalArgumentException.class, () -> new ProductMonth("data-api",
                OCT, JPY, new java.util.TreeMap<>(), jpy("0"), List.of(), jpy("0"), List.of(), jpy("0"), jpy("5"),
                jpy("5"), Optional.empty(), Optional.empty(), jpy("0"), false, Optional.empty(), Optional.empty()));
        assertEquals("data-api 2026-10: a month whose finance is not reported has no labour or demand", labour.getMessage());
    }

    @Test
    void financeYamlReportsUpToItsLastMonthOrEveryMonthWhenItListsNone() {
        Finance.Month nothing = new Finance.Month(Optional.empty(), Optional.empty(), Optional.empty());
        Finance upToSeptember = new Finance(Map.of(YearMonth.of(2026, 6), nothing, YearMonth.of(2026, 9), nothing));
        assertTrue(upToSeptember.reports(YearMonth.of(2025, 1)));
        assertTrue(upToSeptember.reports(YearMonth.of(2026, 7))); // skipped: nothing earned or spent
        assertTrue(upToSeptember.reports(YearMonth.of(2026, 9)));
        assertFalse(upToSeptember.reports(OCT));
        assertTrue(new Finance(Map.of()).reports(OCT));
    }

    @Test
    void sharesMustAlreadyBeInTheReportingCurrencyAndRatesMustExist() {
        PoolSplit usdSplit = SharedCostSplitter.split(new SharedPool("p", new SplitRule.Even(List.of("a"))),
                new PoolCost("p", OCT, usd("10.00"), false), SplitBasis.none(OCT));
        LedgerException e = assertThrows(LedgerException.class, () -> kpi.compute(
                new ProductMonthInput("a", OCT, List.of(), usdSplit.shares(), List.of(), Optional.empty())));
        assertTrue(e.getMessage().contains("convert the pool before splitting"), e.getMessage());
        YearMonth nov = OCT.plusMonths(1);
        LedgerException rate = assertThrows(LedgerException.class, () -> kpi.compute(new ProductMonthInput("a", nov,
                List.of(new DirectCost("aws", nov, usd("1.00"), false)), List.of(), List.of(), Optional.empty())));
        assertTrue(rate.getMessage().contains("USD") && rate.getMessage().contains("2026-11"), rate.getMessage());
        assertThrows(IllegalArgumentException.class, () -> kpi.compute(new ProductMonthInput("a", OCT,
                List.of(new DirectCost("aws", nov, jpy("1"), false)), List.of(), List.of(), Optional.empty())));
    }

    @Test
    void totalsCatchAShareThatNoProductBooked() {
        List<PoolSplit> splits = splits();
        List<ProductMonth> months = october(splits);
        LedgerException e = assertThrows(LedgerException.class, () -> LedgerTotals.verify(splits, months.subList(0, 1)));
        assertTrue(e.getMessage().contains("2026-10") && e.getMessage().contains("251231"), e.getMessage());
        assertFalse(LedgerTotals.of(splits, months.subList(0, 1)).get(0).balanced());
    }

    @Test
    void totalsKeepTheRoundingOfBillsFinerThanTheUnit() {
        PoolSplit split = SharedCostSplitter.split(new SharedPool("p", new SplitRule.Even(List.of("a", "b"))),
                new PoolCost("p", OCT, usd("10.0049999999"), false), SplitBasis.none(OCT));
        LedgerTotals.MonthTotal total = LedgerTotals.of(List.of(split), List.of()).get(0);
        assertEquals(usd("10.00"), total.pools());
        assertEquals(0, total.poolRoundingDifference().amount().compareTo(new BigDecimal("0.0049999999")));
        assertFalse(total.balanced());
    }
}
