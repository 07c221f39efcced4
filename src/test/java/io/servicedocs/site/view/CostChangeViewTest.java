package io.servicedocs.site.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.servicedocs.TestRepositories;
import io.servicedocs.assess.Assessor;
import io.servicedocs.assess.Portfolio;
import io.servicedocs.cost.allocation.CostAllocation;
import io.servicedocs.cost.allocation.CostReport;
import io.servicedocs.cost.allocation.CostTrend;
import io.servicedocs.cost.ledger.ProfitTone;
import io.servicedocs.load.SchemaValidator;
import io.servicedocs.model.Money;
import io.servicedocs.site.render.Messages;
import io.servicedocs.source.WorkingTreeSource;
import io.servicedocs.validate.Validation;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Growth or savings in the page records of the example (issue 14), October 2026 (the latest final
 * month) against September, by hand from products/ and cost-data/:
 *
 * <pre>
 * smart-agri         C0 1,353,639 / 240 fields   C1 1,376,679 / 270   change 23,040
 *                    volume 30 x 1,353,639 / 240 = 169,204.875 -> 169,205; efficiency -146,165
 *                    profit 386,000 - 1,376,679 = -990,679: a loss whose cost rose
 * device-management  C0 7,589,194 / 206,800 devices   C1 7,526,877 / 209,400   change -62,317
 *                    volume 2,600 x 7,589,194 / 206,800 = 95,415.39 -> 95,415; efficiency -157,732
 *                    profitable (9,030,123), unit cost 36.70 -> 35.94: good
 * ops-console        no demand metric: its change 3,921 is the company's whole "not explained by demand"
 * </pre>
 */
class CostChangeViewTest {

    private static CostReport report;
    private static Portfolio portfolio;
    private static Map<String, String> en;
    private static Map<String, String> ja;

    @BeforeAll
    static void load() throws IOException {
        var repository = new Validation(new SchemaValidator(), TestRepositories.AS_OF)
                .run(new WorkingTreeSource(TestRepositories.EXAMPLE)).repository().orElseThrow();
        portfolio = Assessor.assess(repository, TestRepositories.AS_OF);
        report = CostAllocation.compute(repository).orElseThrow();
        en = Messages.load(Path.of("templates"), "en");
        ja = Messages.load(Path.of("templates"), "ja");
    }

    @Test
    void aLossMakingProductsRisingCostIsNeverCalledGrowthNorColouredGood() {
        ProductCostsView agri = new CostViews(Optional.of(report), portfolio, en).product("smart-agri").orElseThrow();
        CostTrendView trend = agri.trend().orElseThrow();
        assertEquals(CostTrend.Reading.GROWTH, trend.reading()); // cost up, unit cost down ...
        assertEquals(false, trend.profitable()); // ... while losing money
        assertEquals("loss.growth", trend.label());
        assertEquals("bad", trend.tone());
        assertEquals("Loss-making: cost up, unit cost down", en.get("costs.trend." + trend.label()));
        assertEquals("赤字: コスト増、単位コスト減", ja.get("costs.trend." + trend.label()));
        assertEquals(Optional.of("JPY per field-month"), agri.unitCostUnit());

        CostChangeView month = agri.costChanges().get(0);
        assertEquals(List.of("month", "2026-09", "2026-10"), List.of(month.period(), month.from(), month.to()));
        assertEquals("23,040", month.change().text());
        assertEquals(Optional.of("169,205"), month.volumeEffect().map(Amount::text));
        assertEquals(Optional.of("-146,165"), month.efficiencyEffect().map(Amount::text));
        assertEquals("0", month.notExplained().text());
        assertEquals(Optional.of("240"), month.demandFrom());
        assertEquals(Optional.of("270"), month.demandTo());
        assertEquals(Optional.of("5,640.16"), month.unitCostFrom().map(Amount::text));
        assertEquals(Optional.of("5,098.81"), month.unitCostTo().map(Amount::text));
        assertEquals(Optional.of("JPY per field-month"), month.unitCostUnit());
        assertEquals("-990,679", month.profitTo().text());
        assertEquals("loss.bad", month.verdict());
        assertEquals("bad", month.tone());
        assertEquals("Loss-making, and cost is rising", en.get("costs.verdict." + month.verdict()));
        assertEquals("赤字で、コストも増加", ja.get("costs.verdict." + month.verdict()));

        // a year before it had costs but no demand figures: nothing to split
        CostChangeView year = agri.costChanges().get(1);
        assertEquals(List.of("year", "2025-10", "2026-10", "no_demand"),
                List.of(year.period(), year.from(), year.to(), year.explained()));
        assertEquals(Optional.empty(), year.volumeEffect());
        assertEquals(year.change(), year.notExplained());
    }

    @Test
    void aProfitableProductWhoseUnitCostFellReadsGood() {
        ProductCostsView devices = new CostViews(Optional.of(report), portfolio, ja).product("device-management")
                .orElseThrow();
        CostChangeView month = devices.costChanges().get(0);
        assertEquals("-62,317", month.change().text());
        assertEquals(Optional.of("95,415"), month.volumeEffect().map(Amount::text));
        assertEquals(Optional.of("-157,732"), month.efficiencyEffect().map(Amount::text));
        assertEquals("profit.good", month.verdict());
        assertEquals("good", month.tone());
        assertEquals(Optional.of("JPY／device・月"), devices.unitCostUnit());
    }

    @Test
    void theCostsPageShowsTheCompanyAsTheSumOfTheProducts() {
        CostsPage page = new CostViews(Optional.of(report), portfolio, en).company().orElseThrow();
        assertEquals(List.of("month", "year"), page.costChanges().stream().map(CostChangeView.Company::period).toList());
        CostChangeView.Company month = page.costChanges().get(0);
        assertEquals(9, month.products().size());
        assertEquals("3,921", month.notExplained().text()); // ops-console alone, the one product without demand
        long volume = month.products().stream().flatMap(p -> p.volumeEffect().stream())
                .mapToLong(a -> Long.parseLong(a.value())).sum();
        long efficiency = month.products().stream().flatMap(p -> p.efficiencyEffect().stream())
                .mapToLong(a -> Long.parseLong(a.value())).sum();
        assertEquals(Long.parseLong(month.volumeEffect().value()), volume);
        assertEquals(Long.parseLong(month.efficiencyEffect().value()), efficiency);
        assertEquals(Long.parseLong(month.change().value()), volume + efficiency + 3_921);
        CostsPage.Ranked agri = page.ranking().stream().filter(r -> r.id().equals("smart-agri")).findFirst().orElseThrow();
        assertEquals(Optional.of("JPY per field-month"), agri.unitCostUnit());
        assertEquals("bad", agri.trend().orElseThrow().tone());
    }

    @Test
    void theTrendsWordsFollowProfitForEveryReading() {
        Money cost = new Money(new BigDecimal("100"), java.util.Currency.getInstance("JPY"));
        for (CostTrend.Reading reading : CostTrend.Reading.values()) {
            for (boolean profitable : new boolean[] {true, false}) {
                CostTrendView view = CostTrendView.of(new CostTrend(YearMonth.of(2025, 10), YearMonth.of(2026, 10), cost,
                        cost, new BigDecimal("12.5"), Optional.empty(), Optional.empty(), reading, profitable));
                if (!profitable) {
                    assertTrue(view.label().startsWith("loss."), view.label());
                    assertEquals("bad", view.tone(), "a loss whose cost rose 12.5 % is bad news: " + reading);
                }
                for (Map<String, String> messages : List.of(en, ja)) {
                    assertTrue(messages.containsKey("costs.trend." + view.label()), view.label());
                }
            }
        }
        for (ProfitTone tone : ProfitTone.values()) {
            for (boolean profitable : new boolean[] {true, false}) {
                if (!profitable && tone == ProfitTone.GOOD) {
                    continue; // ProfitTone never gives a loss GOOD
                }
                String verdict = CostChangeView.verdict(profitable, tone);
                assertTrue(en.containsKey("costs.verdict." + verdict) && ja.containsKey("costs.verdict." + verdict), verdict);
            }
        }
        assertEquals(ProfitTone.NEUTRAL, ProfitTone.of(false, -1, -1), "a loss whose cost fell is still not good");
        assertEquals(ProfitTone.BAD, ProfitTone.of(true, -1, 1));
    }
}
