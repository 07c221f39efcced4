package io.servicedocs.site.view;

import io.servicedocs.cost.allocation.CostReport;
import io.servicedocs.cost.allocation.CostTrend;
import io.servicedocs.cost.allocation.ProductCosts;
import io.servicedocs.cost.ledger.ProductMonth;
import io.servicedocs.model.Money;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
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
                          Optional<Trend> trend, LatestMonth latestMonth,
                          /* growth vs savings (issue 14, since 1.4) */ GrowthVsSavings growthVsSavings,
                          /* corrections and term purchases (issue 14, since 2.2) */ Billing billing) {

    // --- corrections and term purchases (issue 14, since 2.2): begin
    /**
     * How the product's bills were made up: the parts of its months that later billing periods
     * corrected, and the one-time purchases spread over their term. Amounts are plain decimals in
     * the currency billed (not the reporting currency), each with its currency.
     */
    public record Billing(List<Correction> corrections, List<Purchase> purchases) {
    }

    /** A cost element of these entries; {@code billingAccount}: a whole billing account, billed without sub-account. */
    public record Element(String provider, Optional<String> vendor, String id, boolean billingAccount) {
        static Element of(io.servicedocs.model.CostElement e) {
            return new Element(e.provider().name().toLowerCase(java.util.Locale.ROOT), e.vendor(), e.id(),
                    e.billingAccount());
        }
    }

    /** The part of {@code month} that the later billing period {@code billingPeriod} brought. */
    public record Correction(String month, String billingPeriod, Element element, String amount, String currency,
                             String source) {
    }

    /** A one-time purchase spread over {@code months} months, {@code firstMonth} to {@code lastMonth}. */
    public record Purchase(String description, Element element, String total, String currency, String termStart,
                           String termEnd, int months, String firstMonth, String lastMonth, String firstShare,
                           String lastShare, String billingPeriod, String source) {
    }

    private static Billing billing(CostReport r, String productId) {
        var billing = r.billing();
        return new Billing(billing.laterParts(productId).stream().map(p -> new Correction(p.month().toString(),
                p.billingPeriod().toString(), Element.of(p.element()), plain(p.amount()),
                p.amount().currency().getCurrencyCode(), p.source())).toList(),
                billing.purchases(productId).stream().map(p -> new Purchase(p.description(), Element.of(p.element()),
                        plain(p.total()), p.total().currency().getCurrencyCode(), p.termStart().toString(),
                        p.termEnd().toString(), p.months(), p.parts().get(0).month().toString(),
                        p.parts().get(p.parts().size() - 1).month().toString(), plain(p.firstShare()),
                        plain(p.lastShare()), p.billingPeriod().toString(), p.source())).toList());
    }
    // --- corrections and term purchases: end

    /** The cost trend; changes in percent with one decimal, no sign for a rise. */
    public record Trend(String from, String to, String costChangePercent, Optional<String> demandChangePercent,
                        Optional<String> unitCostChangePercent, CostTrend.Reading reading) {
    }

    /**
     * The product's latest month, final or not; its profit is empty while its finance is not
     * reported (see {@link ProductMonth}).
     */
    public record LatestMonth(String month, boolean provisional, boolean financeReported, String operatingCost,
                              Optional<String> profit) {
    }

    // growth vs savings (issue 14, since 1.4): begin
    /**
     * Growth or savings: the change of operating cost to the latest final month from the month
     * before and from the same month a year earlier, split into a volume and an efficiency effect
     * (see schemas/products-export.schema.json); {@code trendTone} the colour of the trend, which
     * follows profit.
     */
    public record GrowthVsSavings(Optional<UnitCostUnit> unitCostUnit, Optional<String> trendTone,
                                  Optional<Change> monthOverMonth, Optional<Change> yearOverYear) {
    }

    /** The unit of unit_cost and of the unit costs here: currency per one unit of the demand metric in a month. */
    public record UnitCostUnit(String currency, String demandUnit, String demandMetric) {
    }

    /** One decomposed change; amounts plain decimals, effects null when not decomposed. */
    public record Change(String from, String to, String operatingCostFrom, String operatingCostTo, String change,
                         Optional<String> volumeEffect, Optional<String> efficiencyEffect, String notExplainedByDemand,
                         Optional<String> demandFrom, Optional<String> demandTo, Optional<String> unitCostFrom,
                         Optional<String> unitCostTo, String explained, String profitTo, String tone) {

        static Optional<Change> of(Optional<io.servicedocs.cost.ledger.CostChange> change,
                                   Map<String, io.servicedocs.cost.ledger.ProductCostChange> parts, String productId) {
            return change.flatMap(c -> Optional.ofNullable(parts.get(productId))).map(p -> new Change(
                    month(change.get().from()), month(change.get().to()), plain(p.costFrom()),
                    plain(p.costTo()), plain(p.change()), p.volumeEffect().map(CostSummary::plain),
                    p.efficiencyEffect().map(CostSummary::plain), plain(p.notExplainedByDemand()),
                    p.demandFrom().map(d -> d.stripTrailingZeros().toPlainString()),
                    p.demandTo().map(d -> d.stripTrailingZeros().toPlainString()),
                    p.unitCostFrom().map(CostSummary::plain), p.unitCostTo().map(CostSummary::plain),
                    p.explained().code(), plain(p.profitTo()), p.tone().code()));
        }
    }

    /**
     * Each product's part of the company's month-over-month and year-over-year changes, by product
     * id, made once per report: looking a product's part up in the list of every product's made
     * the product views quadratic (5,000 products: 3 % of a build, on one thread; issue 15).
     */
    public static final class ChangeIndex {
        private final Map<String, io.servicedocs.cost.ledger.ProductCostChange> monthOverMonth;
        private final Map<String, io.servicedocs.cost.ledger.ProductCostChange> yearOverYear;

        private ChangeIndex(Optional<CostReport> report) {
            this.monthOverMonth = parts(report.flatMap(r -> r.company().monthOverMonth()));
            this.yearOverYear = parts(report.flatMap(r -> r.company().yearOverYear()));
        }

        /** The index of the report's changes (the report given to {@link CostSummary#of} with it). */
        public static ChangeIndex of(Optional<CostReport> report) {
            return new ChangeIndex(report);
        }

        private static Map<String, io.servicedocs.cost.ledger.ProductCostChange> parts(
                Optional<io.servicedocs.cost.ledger.CostChange> change) {
            Map<String, io.servicedocs.cost.ledger.ProductCostChange> byId = new java.util.HashMap<>();
            change.ifPresent(c -> c.products().forEach(p -> byId.putIfAbsent(p.productId(), p))); // the first, as CostChange.product
            return byId;
        }
    }

    private static GrowthVsSavings growthVsSavings(CostReport r, ProductCosts costs,
                                                   Optional<io.servicedocs.model.DemandMetric> metric, ChangeIndex index) {
        return new GrowthVsSavings(
                metric.map(m -> new UnitCostUnit(r.reportingCurrency().getCurrencyCode(), m.unit(), m.name())),
                costs.trend().map(t -> t.tone().code()),
                Change.of(r.company().monthOverMonth(), index.monthOverMonth, costs.productId()),
                Change.of(r.company().yearOverYear(), index.yearOverYear, costs.productId()));
    }
    // growth vs savings: end

    /** The summary of a product that has costs in the report; empty otherwise. */
    public static Optional<CostSummary> of(Optional<CostReport> report, String productId) {
        return of(report, productId, Optional.empty());
    }

    /** @param metric the product's demand metric: the unit of its unit cost */
    public static Optional<CostSummary> of(Optional<CostReport> report, String productId,
                                           Optional<io.servicedocs.model.DemandMetric> metric) {
        return of(report, productId, metric, ChangeIndex.of(report));
    }

    /** @param index {@link ChangeIndex#of} the same report, made once for all products */
    public static Optional<CostSummary> of(Optional<CostReport> report, String productId,
                                           Optional<io.servicedocs.model.DemandMetric> metric, ChangeIndex index) {
        return report.flatMap(r -> r.product(productId).map(costs -> of(r, costs, metric, index)));
    }

    private static CostSummary of(CostReport r, ProductCosts costs, Optional<io.servicedocs.model.DemandMetric> metric,
                                  ChangeIndex index) {
        Optional<YearMonth> latestFinal = r.latestFinalMonth();
        Optional<ProductMonth> month = latestFinal.flatMap(costs::month);
        ProductMonth latest = costs.months().get(costs.months().size() - 1);
        return new CostSummary(r.reportingCurrency().getCurrencyCode(), latestFinal.map(CostSummary::month),
                month.map(m -> plain(m.operatingCost())), month.map(m -> plain(m.directCost())),
                month.map(m -> plain(m.sharedCost())), month.map(m -> plain(m.prepaidCost())),
                month.map(m -> plain(m.maintenanceLabour())), month.map(m -> plain(m.investmentLabour())),
                month.flatMap(ProductMonth::mrr).map(CostSummary::plain),
                month.flatMap(ProductMonth::profit).map(CostSummary::plain),
                month.flatMap(ProductMonth::unitCost).map(CostSummary::plain),
                costs.turnedProfitable().map(CostSummary::month),
                costs.trend().map(t -> new Trend(month(t.from()), month(t.to()), t.costChange().toPlainString(),
                        t.demandChange().map(BigDecimal::toPlainString), t.unitCostChange().map(BigDecimal::toPlainString),
                        t.reading())),
                new LatestMonth(month(latest.month()), r.provisional(latest), latest.financeReported(),
                        plain(latest.operatingCost()), latest.profit().map(CostSummary::plain)),
                growthVsSavings(r, costs, metric, index), billing(r, costs.productId()));
    }

    /**
     * A month as text, one string per month: every product's summary names the same few months,
     * and the summaries stay through the render (issue 15: memory at 5,000 products).
     */
    private static String month(YearMonth month) {
        return month.toString().intern();
    }

    private static String plain(Money money) {
        return money.amount().toPlainString();
    }
}
