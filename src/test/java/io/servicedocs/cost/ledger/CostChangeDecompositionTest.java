package io.servicedocs.cost.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.servicedocs.model.DemandMetric;
import io.servicedocs.model.Money;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Growth or savings, September to October 2026, in JPY, worked out by hand:
 *
 * <pre>
 * grower     C0 1,000,000  D0 1,000 devices  U0 1,000      C1 1,100,000  D1 1,250  U1 880
 *            volume     (1,250 - 1,000) x 1,000    =  250,000
 *            efficiency (880 - 1,000) x 1,250      = -150,000      sum 100,000 = change
 * thirds     C0 1,000      D0 3                U0 333.33..   C1 1,200      D1 4      U1 300
 *            volume     1 x 1,000 / 3 = 333.33.. ->      333 (HALF_EVEN to the yen)
 *            efficiency 200 - 333                 =     -133 (exactly (300 - 333.33..) x 4 = -133.33..)
 * no-demand  C0 50,000 -> C1 70,000, no demand figures: 20,000 not explained by demand
 * starting   C0 5,000 D0 0 -> C1 8,000 D1 40: zero demand before, 3,000 not explained by demand
 * new        no September at all -> C1 9,000 D1 10: 9,000 not explained by demand
 *
 * company    C0 1,056,000   C1 1,188,200   change 132,200
 *            volume 250,000 + 333 = 250,333; efficiency -150,000 - 133 = -150,133
 *            not explained 20,000 + 3,000 + 9,000 = 32,000;  250,333 - 150,133 + 32,000 = 132,200
 * </pre>
 */
class CostChangeDecompositionTest {

    private static final Currency JPY = Currency.getInstance("JPY");
    private static final YearMonth SEP = YearMonth.of(2026, 9);
    private static final YearMonth OCT = YearMonth.of(2026, 10);
    private static final Optional<DemandMetric> DEVICES = Optional.of(new DemandMetric("Connected devices", "device"));

    private static Money jpy(long amount) {
        return new Money(BigDecimal.valueOf(amount), JPY);
    }

    /** A month whose operating cost is all direct cost, with the unit cost MonthlyKpi would give it. */
    private static ProductMonth month(String product, YearMonth month, Money operating, long mrr, Optional<Long> demand) {
        Currency currency = operating.currency();
        Money zero = MinorUnit.zero(currency);
        Money revenue = new Money(BigDecimal.valueOf(mrr), currency);
        Optional<BigDecimal> d = demand.map(BigDecimal::valueOf);
        return new ProductMonth(product, month, currency, new TreeMap<>(), operating, List.of(), zero, List.of(), zero,
                zero, operating, Optional.of(revenue), Optional.of(MinorUnit.minus(revenue, operating)), zero, false, d,
                d.filter(x -> x.signum() > 0).map(x -> new Money(operating.amount().divide(x, 2,
                        java.math.RoundingMode.HALF_EVEN), currency)));
    }

    private static ProductMonth month(String product, YearMonth month, long operating, long mrr, Long demand) {
        return month(product, month, jpy(operating), mrr, Optional.ofNullable(demand));
    }

    private static CostChangeDecomposition.Input input(String id, ProductMonth from, ProductMonth to) {
        return new CostChangeDecomposition.Input(id, DEVICES, Optional.ofNullable(from), Optional.ofNullable(to));
    }

    @Test
    void demandUpAndUnitCostDownSplitsIntoVolumeAndEfficiency() {
        CostChange change = CostChangeDecomposition.decompose(SEP, OCT, JPY, List.of(
                input("grower", month("grower", SEP, 1_000_000, 0, 1_000L), month("grower", OCT, 1_100_000, 0, 1_250L))));
        ProductCostChange grower = change.products().get(0);
        assertEquals(jpy(100_000), grower.change());
        assertEquals(Optional.of(jpy(250_000)), grower.volumeEffect());
        assertEquals(Optional.of(jpy(-150_000)), grower.efficiencyEffect());
        assertEquals(jpy(0), grower.notExplainedByDemand());
        assertEquals(ProductCostChange.Explained.DECOMPOSED, grower.explained());
        assertEquals(Optional.of(new Money(new BigDecimal("1000.00"), JPY)), grower.unitCostFrom());
        assertEquals(Optional.of(new Money(new BigDecimal("880.00"), JPY)), grower.unitCostTo());
        assertEquals(DEVICES, grower.metric());
        // MRR 0: the product lost 1,100,000 in October, so its rising cost is bad news, however cheap each device got
        assertEquals(jpy(-1_100_000), grower.profitTo());
        assertEquals(ProfitTone.BAD, grower.tone());
        assertEquals(1, change.monthsApart());
    }

    @Test
    void aProfitableProductWhoseUnitCostFellReadsGood() {
        CostChange change = CostChangeDecomposition.decompose(SEP, OCT, JPY, List.of(
                input("grower", month("grower", SEP, 1_000_000, 2_000_000, 1_000L),
                        month("grower", OCT, 1_100_000, 2_000_000, 1_250L))));
        assertEquals(jpy(900_000), change.products().get(0).profitTo());
        assertEquals(ProfitTone.GOOD, change.products().get(0).tone());
    }

    @Test
    void theEffectsAddUpToTheChangeExactlyWhenTheUnitCostIsNotADecimal() {
        CostChange change = CostChangeDecomposition.decompose(SEP, OCT, JPY, List.of(
                input("thirds", month("thirds", SEP, 1_000, 0, 3L), month("thirds", OCT, 1_200, 0, 4L))));
        ProductCostChange thirds = change.products().get(0);
        assertEquals(Optional.of(jpy(333)), thirds.volumeEffect());
        assertEquals(Optional.of(jpy(-133)), thirds.efficiencyEffect());
        assertEquals(jpy(200), thirds.change());
    }

    @Test
    void centsAreKeptInACurrencyWithAMinorUnit() {
        Currency usd = Currency.getInstance("USD");
        CostChange change = CostChangeDecomposition.decompose(SEP, OCT, usd, List.of(
                new CostChangeDecomposition.Input("thirds", DEVICES,
                        Optional.of(month("thirds", SEP, new Money(new BigDecimal("10.00"), usd), 0, Optional.of(3L))),
                        Optional.of(month("thirds", OCT, new Money(new BigDecimal("12.00"), usd), 0, Optional.of(4L))))));
        // 1 x 10.00 / 3 = 3.333.. -> 3.33; 2.00 - 3.33 = -1.33
        assertEquals(Optional.of(new Money(new BigDecimal("3.33"), usd)), change.products().get(0).volumeEffect());
        assertEquals(Optional.of(new Money(new BigDecimal("-1.33"), usd)), change.products().get(0).efficiencyEffect());
    }

    @Test
    void productsWithoutDemandBeforeOrAtAllAddTheirWholeChangeToTheUnexplainedPart() {
        CostChange change = CostChangeDecomposition.decompose(SEP, OCT, JPY, List.of(
                input("thirds", month("thirds", SEP, 1_000, 0, 3L), month("thirds", OCT, 1_200, 0, 4L)),
                input("no-demand", month("no-demand", SEP, 50_000, 0, null), month("no-demand", OCT, 70_000, 0, null)),
                input("grower", month("grower", SEP, 1_000_000, 0, 1_000L), month("grower", OCT, 1_100_000, 0, 1_250L)),
                input("starting", month("starting", SEP, 5_000, 0, 0L), month("starting", OCT, 8_000, 0, 40L)),
                input("new", null, month("new", OCT, 9_000, 0, 10L)),
                input("absent", null, null)));
        assertEquals(List.of("grower", "new", "no-demand", "starting", "thirds"),
                change.products().stream().map(ProductCostChange::productId).toList());
        ProductCostChange noDemand = change.product("no-demand").orElseThrow();
        assertEquals(ProductCostChange.Explained.NO_DEMAND, noDemand.explained());
        assertEquals(Optional.empty(), noDemand.volumeEffect());
        assertEquals(Optional.empty(), noDemand.efficiencyEffect());
        assertEquals(jpy(20_000), noDemand.notExplainedByDemand());
        ProductCostChange starting = change.product("starting").orElseThrow();
        assertEquals(ProductCostChange.Explained.NO_DEMAND_BEFORE, starting.explained());
        assertEquals(jpy(3_000), starting.notExplainedByDemand());
        ProductCostChange newProduct = change.product("new").orElseThrow();
        assertEquals(ProductCostChange.Explained.NO_DEMAND_BEFORE, newProduct.explained());
        assertEquals(jpy(0), newProduct.costFrom());
        assertEquals(jpy(9_000), newProduct.notExplainedByDemand());

        assertEquals(jpy(1_056_000), change.costFrom());
        assertEquals(jpy(1_188_200), change.costTo());
        assertEquals(jpy(132_200), change.change());
        assertEquals(jpy(250_333), change.volumeEffect());
        assertEquals(jpy(-150_133), change.efficiencyEffect());
        assertEquals(jpy(32_000), change.notExplainedByDemand());
    }

    @Test
    void zeroDemandAfterOrNoMetricIsNotDecomposed() {
        CostChange change = CostChangeDecomposition.decompose(SEP, OCT, JPY, List.of(
                input("stopped", month("stopped", SEP, 4_000, 0, 8L), month("stopped", OCT, 1_000, 0, 0L)),
                new CostChangeDecomposition.Input("unmeasured", Optional.empty(),
                        Optional.of(month("unmeasured", SEP, 100, 0, 1L)), Optional.of(month("unmeasured", OCT, 300, 0, 1L)))));
        assertEquals(ProductCostChange.Explained.NO_DEMAND_AFTER, change.product("stopped").orElseThrow().explained());
        assertEquals(jpy(-3_000), change.product("stopped").orElseThrow().notExplainedByDemand());
        // a falling cost of a loss-making product is not called good either
        assertEquals(ProfitTone.NEUTRAL, change.product("stopped").orElseThrow().tone());
        assertEquals(ProductCostChange.Explained.NO_DEMAND, change.product("unmeasured").orElseThrow().explained());
        assertEquals(jpy(-2_800), change.notExplainedByDemand());
        assertEquals(jpy(0), change.volumeEffect());
    }

    @Test
    void aMonthInAnotherCurrencyIsRefused() {
        Currency usd = Currency.getInstance("USD");
        LedgerException e = assertThrows(LedgerException.class, () -> CostChangeDecomposition.decompose(SEP, OCT, JPY,
                List.of(new CostChangeDecomposition.Input("grower", DEVICES,
                        Optional.of(month("grower", SEP, 1_000, 0, 1L)),
                        Optional.of(month("grower", OCT, new Money(new BigDecimal("12.00"), usd), 0, Optional.of(1L)))))));
        assertEquals("product 'grower' in 2026-10: operating cost and profit must be in the reporting currency JPY to"
                + " compare months, not USD; convert the month before decomposing its change", e.getMessage());
    }

    @Test
    void theMonthsMustBeInOrderAndMatchTheirFigures() {
        IllegalArgumentException order = assertThrows(IllegalArgumentException.class,
                () -> CostChangeDecomposition.decompose(OCT, SEP, JPY, List.of()));
        assertEquals("a cost change is from an earlier month to a later one, not from 2026-10 to 2026-09", order.getMessage());
        IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class,
                () -> CostChangeDecomposition.decompose(SEP, OCT, JPY, List.of(
                        input("grower", month("grower", OCT, 1, 0, 1L), null))));
        assertEquals("product 'grower': given 2026-10 for the month 2026-09", wrong.getMessage());
    }

    @Test
    void theInvariantIsEnforcedByTheRecords() {
        assertThrows(IllegalArgumentException.class, () -> new ProductCostChange("x", DEVICES, jpy(1), jpy(3), jpy(2),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(jpy(1)),
                Optional.of(jpy(0)), jpy(0), ProductCostChange.Explained.DECOMPOSED, jpy(0)));
    }
}
