package io.servicedocs.cost.allocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.servicedocs.cost.ledger.ProductMonth;
import io.servicedocs.model.CostElement;
import io.servicedocs.model.Money;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The company's figures from products and unallocated cost given in memory, amounts in whole yen. */
class CompanyTotalsTest {

    private static final Currency JPY = Currency.getInstance("JPY");
    private static final YearMonth AUG = YearMonth.of(2026, 8);
    private static final YearMonth SEP = YearMonth.of(2026, 9);
    private static final YearMonth OCT = YearMonth.of(2026, 10);

    private static Money jpy(long amount) {
        return new Money(BigDecimal.valueOf(amount), JPY);
    }

    /** A month whose operating cost is all direct cost. */
    private static ProductMonth month(String product, YearMonth month, long operating, long mrr) {
        return new ProductMonth(product, month, JPY, new TreeMap<>(), jpy(operating), List.of(), jpy(0), List.of(),
                jpy(0), jpy(0), jpy(operating), Optional.of(jpy(mrr)), Optional.of(jpy(mrr - operating)), jpy(0), false, Optional.empty(),
                Optional.empty());
    }

    /** A month whose finance the product has not reported yet: its operating cost is all direct cost. */
    private static ProductMonth unreported(String product, YearMonth month, long operating) {
        return new ProductMonth(product, month, JPY, new TreeMap<>(), jpy(operating), List.of(), jpy(0), List.of(),
                jpy(0), jpy(0), jpy(operating), Optional.empty(), Optional.empty(), jpy(0), false, Optional.empty(),
                Optional.empty());
    }

    private static ProductCosts costs(String product, Optional<YearMonth> turned, ProductMonth... months) {
        return new ProductCosts(product, List.of(months), new TreeMap<>(), turned, Optional.empty());
    }

    private static UnallocatedCost unallocated(YearMonth month, String source, String id, long amount) {
        return new UnallocatedCost(month, source, new CostElement(CostElement.Provider.AWS, id, Optional.empty(),
                Optional.empty()), Optional.empty(), jpy(amount), jpy(amount), false);
    }

    private static CompanyTotals totals(Set<YearMonth> provisional, List<ProductCosts> products,
                                        List<UnallocatedCost> unallocated) {
        return CompanyTotals.of(JPY, List.of(AUG, SEP, OCT), provisional, products, unallocated, List.of());
    }

    @Test
    void eachMonthSumsTheProductsAndShowsTheUnclaimedCostApart() {
        CompanyTotals company = totals(Set.of(OCT), List.of(
                costs("a", Optional.empty(), month("a", AUG, 100, 300), month("a", SEP, 120, 300)),
                costs("b", Optional.empty(), month("b", SEP, 50, 0))),
                List.of(unallocated(SEP, "aws", "111111111111", 7)));
        assertEquals(List.of(
                        new CompanyMonth(AUG, false, jpy(100), Optional.of(jpy(300)), Optional.of(jpy(200)), jpy(0), 0),
                        new CompanyMonth(SEP, false, jpy(170), Optional.of(jpy(300)), Optional.of(jpy(130)), jpy(7), 0),
                        new CompanyMonth(OCT, true, jpy(0), Optional.of(jpy(0)), Optional.of(jpy(0)), jpy(0), 0)),
                company.months());
        assertEquals(Optional.of(SEP), company.latestFinalMonth());
        assertTrue(company.balanced()); // no pool, nothing to unbalance
    }

    @Test
    void theRankingIsByProfitInTheLatestFinalMonthTiesById() {
        CompanyTotals company = totals(Set.of(OCT), List.of(
                costs("zeta", Optional.empty(), month("zeta", SEP, 100, 200)),
                costs("alpha", Optional.empty(), month("alpha", SEP, 300, 400)),
                costs("loss", Optional.empty(), month("loss", SEP, 500, 0)),
                costs("late", Optional.empty(), month("late", OCT, 0, 9_999)), // no final month: not ranked
                costs("best", Optional.empty(), month("best", SEP, 0, 1_000), month("best", OCT, 0, 0))),
                List.of());
        assertEquals(List.of("best", "alpha", "zeta", "loss"),
                company.profitRanking().stream().map(r -> r.costs().productId()).toList());
        assertEquals(SEP, company.profitRanking().get(0).month().month());
    }

    @Test
    void productsThatTurnedProfitableComeEarliestFirstTiesById() {
        CompanyTotals company = totals(Set.of(), List.of(
                costs("c", Optional.of(SEP), month("c", SEP, 1, 2)),
                costs("b", Optional.of(SEP), month("b", SEP, 1, 2)),
                costs("a", Optional.of(OCT), month("a", OCT, 1, 2)),
                costs("never", Optional.empty(), month("never", SEP, 1, 2))),
                List.of());
        assertEquals(List.of("b", "c", "a"), company.turnedProfitable().stream().map(ProductCosts::productId).toList());
        assertEquals(Optional.of(OCT), company.latestFinalMonth());
    }

    @Test
    void unallocatedCostIsGatheredPerSourceAndElement() {
        CompanyTotals company = totals(Set.of(OCT), List.of(), List.of(
                unallocated(AUG, "aws", "222222222222", 10),
                unallocated(AUG, "aws", "111111111111", 1),
                unallocated(SEP, "aws", "222222222222", 20),
                unallocated(OCT, "aws", "222222222222", 40),
                unallocated(SEP, "azure", "111111111111", 5)));
        assertEquals(List.of("aws 111111111111", "aws 222222222222", "azure 111111111111"), company.unallocated().stream()
                .map(u -> u.source() + " " + u.element().id()).toList());
        UnallocatedElement twos = company.unallocated().get(1);
        assertEquals(List.of(AUG, SEP, OCT), twos.months().stream().map(UnallocatedCost::month).toList());
        assertEquals(AUG, twos.firstMonth());
        assertEquals(OCT, twos.lastMonth());
        assertEquals(jpy(70), twos.total());
        assertEquals(Optional.of(jpy(20)), twos.inLatestFinalMonth()); // September, October being provisional
        assertFalse(company.unallocated().get(0).inLatestFinalMonth().isPresent());
    }

    /**
     * Growth vs savings (issue 14): September (latest final, October provisional) against August;
     * "a" has no demand metric, so its change 120 - 100 = 20 is not explained by demand; no month a
     * year before, so no year-over-year change.
     */
    @Test
    void theChangeToTheLatestFinalMonthIsDecomposedOnlyFromAFinalMonth() {
        List<ProductCosts> products = List.of(
                costs("a", Optional.empty(), month("a", AUG, 100, 300), month("a", SEP, 120, 300)),
                costs("b", Optional.empty(), month("b", SEP, 50, 0)));
        CompanyTotals company = CompanyTotals.of(JPY, List.of(AUG, SEP, OCT), Set.of(OCT), products, List.of(), List.of(),
                java.util.Map.of("b", new io.servicedocs.model.DemandMetric("Devices", "device")));
        io.servicedocs.cost.ledger.CostChange change = company.monthOverMonth().orElseThrow();
        assertEquals(List.of(AUG, SEP), List.of(change.from(), change.to()));
        assertEquals(jpy(70), change.change()); // 170 - 100
        assertEquals(jpy(70), change.notExplainedByDemand()); // a: no metric; b: no demand figures
        assertEquals(jpy(0), change.volumeEffect());
        assertEquals(Optional.empty(), company.yearOverYear());
        // with August provisional too there is no final month to compare from
        assertEquals(Optional.empty(), CompanyTotals.of(JPY, List.of(AUG, SEP, OCT), Set.of(AUG, OCT), products,
                List.of(), List.of(), java.util.Map.of()).monthOverMonth());
    }

    /**
     * Finance is closed after the bills: September's bills are final, but "b" has not reported its
     * September yet. The company's September then has no MRR or profit, and products are ranked and
     * costs compared in August, the latest month both final and reported by every product; a
     * product's months without finance neither end nor start its run of profitable months.
     */
    @Test
    void aFinalMonthThatAProductHasNotReportedIsNotTheLatestFinalMonth() {
        List<ProductMonth> bMonths = List.of(month("b", AUG, 50, 80), unreported("b", SEP, 60), unreported("b", OCT, 70));
        ProductCosts b = ProfitTrends.of("b", bMonths, Set.of(OCT));
        CompanyTotals company = totals(Set.of(OCT), List.of(
                costs("a", Optional.empty(), month("a", AUG, 100, 300), month("a", SEP, 120, 300)), b), List.of());
        assertEquals(List.of(
                        new CompanyMonth(AUG, false, jpy(150), Optional.of(jpy(380)), Optional.of(jpy(230)), jpy(0), 0),
                        new CompanyMonth(SEP, false, jpy(180), Optional.empty(), Optional.empty(), jpy(0), 1),
                        new CompanyMonth(OCT, true, jpy(70), Optional.empty(), Optional.empty(), jpy(0), 1)),
                company.months());
        assertEquals(Optional.of(AUG), company.latestFinalMonth());
        assertEquals(List.of("a", "b"), company.profitRanking().stream().map(r -> r.costs().productId()).toList());
        assertEquals(List.of(AUG), company.profitRanking().stream().map(r -> r.month().month()).distinct().toList());
        assertEquals(Optional.empty(), company.monthOverMonth()); // no final month before August
        // b's August was profitable after no loss; September, not reported, is not a loss
        assertTrue(b.months().get(1).profit().isEmpty());
        assertEquals(Optional.empty(), b.turnedProfitable());
        // the trailing average of operating cost skips a month without labour, as it skips a gap
        ProductCosts c = ProfitTrends.of("c", List.of(month("c", YearMonth.of(2026, 6), 90, 0),
                month("c", YearMonth.of(2026, 7), 120, 0), month("c", AUG, 150, 0), unreported("c", SEP, 30)), Set.of());
        assertEquals(new TreeMap<>(java.util.Map.of(AUG, jpy(120))), new TreeMap<>(c.operatingCostAverage()));
        ProductCosts turned = ProfitTrends.of("c", List.of(month("c", YearMonth.of(2026, 6), 100, 0),
                month("c", YearMonth.of(2026, 7), 100, 200), unreported("c", AUG, 100)), Set.of());
        assertEquals(Optional.of(YearMonth.of(2026, 7)), turned.turnedProfitable());
    }

    /**
     * A retired product: "r" billed in August but its finance.yaml ended in July, and it has no
     * September. September is the latest final month, reported by every product that has it; August
     * is not reported by "r", so no month-over-month change is decomposed from it (it would compare
     * "r" without its labour) rather than the whole report failing.
     */
    @Test
    void noChangeIsDecomposedFromAMonthAProductHasNotReported() {
        CompanyTotals company = totals(Set.of(OCT), List.of(
                costs("a", Optional.empty(), month("a", AUG, 100, 300), month("a", SEP, 120, 300)),
                costs("r", Optional.empty(), month("r", YearMonth.of(2026, 7), 40, 0), unreported("r", AUG, 40))),
                List.of());
        assertEquals(Optional.of(SEP), company.latestFinalMonth());
        assertFalse(company.months().get(0).financeReported());
        assertEquals(Optional.empty(), company.monthOverMonth());
        assertEquals(List.of("a"), company.profitRanking().stream().map(r -> r.costs().productId()).toList());
    }
}
