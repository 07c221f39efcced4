package io.servicedocs.site.view;

import io.servicedocs.cost.allocation.CostReport;
import io.servicedocs.cost.allocation.CostTrend;
import io.servicedocs.cost.allocation.ProductCosts;
import io.servicedocs.cost.ledger.ProductMonth;
import io.servicedocs.model.Money;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Optional;

/**
 * A product's cost figures in api/products.json (its {@code cost} field): the latest final month
 * and the trend. Amounts are plain decimals in the reporting currency, months ISO "2026-09"; the
 * component order is the JSON key order, and an empty value is JSON null.
 */
public record CostSummary(String currency, Optional<String> month, Optional<String> operatingCost,
                          Optional<String> directCost, Optional<String> sharedCost, Optional<String> prepaidCost,
                          Optional<String> maintenanceLabour, Optional<String> investmentLabour, Optional<String> mrr,
                          Optional<String> profit, Optional<String> unitCost, Optional<String> turnedProfitable,
                          Optional<Trend> trend, LatestMonth latestMonth) {

    /** The cost trend; changes in percent with one decimal, no sign for a rise. */
    public record Trend(String from, String to, String costChangePercent, Optional<String> demandChangePercent,
                        Optional<String> unitCostChangePercent, CostTrend.Reading reading) {
    }

    /** The product's latest month, final or not. */
    public record LatestMonth(String month, boolean provisional, String operatingCost, String profit) {
    }

    /** The summary of a product that has costs in the report; empty otherwise. */
    public static Optional<CostSummary> of(Optional<CostReport> report, String productId) {
        return report.flatMap(r -> r.product(productId).map(costs -> of(r, costs)));
    }

    private static CostSummary of(CostReport r, ProductCosts costs) {
        Optional<YearMonth> latestFinal = r.latestFinalMonth();
        Optional<ProductMonth> month = latestFinal.flatMap(costs::month);
        ProductMonth latest = costs.months().get(costs.months().size() - 1);
        return new CostSummary(r.reportingCurrency().getCurrencyCode(), latestFinal.map(YearMonth::toString),
                month.map(m -> plain(m.operatingCost())), month.map(m -> plain(m.directCost())),
                month.map(m -> plain(m.sharedCost())), month.map(m -> plain(m.prepaidCost())),
                month.map(m -> plain(m.maintenanceLabour())), month.map(m -> plain(m.investmentLabour())),
                month.map(m -> plain(m.mrr())), month.map(m -> plain(m.profit())),
                month.flatMap(ProductMonth::unitCost).map(CostSummary::plain),
                costs.turnedProfitable().map(YearMonth::toString),
                costs.trend().map(t -> new Trend(t.from().toString(), t.to().toString(), t.costChange().toPlainString(),
                        t.demandChange().map(BigDecimal::toPlainString), t.unitCostChange().map(BigDecimal::toPlainString),
                        t.reading())),
                new LatestMonth(latest.month().toString(), r.provisional(latest), plain(latest.operatingCost()),
                        plain(latest.profit())));
    }

    private static String plain(Money money) {
        return money.amount().toPlainString();
    }
}
