package io.servicedocs.cost.allocation;

import io.servicedocs.cost.ledger.LedgerTotals;
import io.servicedocs.cost.ledger.ProductMonth;
import java.time.YearMonth;
import java.util.Collections;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The costs of the whole repository, every amount in the reporting currency: the months covered
 * (contiguous, oldest first), those not final yet, each product's KPIs (by product id), each
 * pool's splits, the unallocated cost, the prepaid spreads, the sources, the per-month totals
 * proving that sharing conserved the money, and the company's totals.
 */
public record CostReport(Currency reportingCurrency, List<YearMonth> months, Set<YearMonth> provisionalMonths,
                         Map<String, ProductCosts> products, List<PoolReport> pools, List<UnallocatedCost> unallocated,
                         List<PrepaidReport> prepaid, List<SourceReport> sources, List<LedgerTotals.MonthTotal> totals,
                         CompanyTotals company, BillingDetails billing) {

    public CostReport {
        months = List.copyOf(months);
        provisionalMonths = Set.copyOf(provisionalMonths);
        products = Collections.unmodifiableSortedMap(new TreeMap<>(products));
        pools = List.copyOf(pools);
        unallocated = List.copyOf(unallocated);
        prepaid = List.copyOf(prepaid);
        sources = List.copyOf(sources);
        totals = List.copyOf(totals);
        Objects.requireNonNull(company, "company");
        Objects.requireNonNull(billing, "billing");
    }

    /** The report of these parts, with the company's totals computed from them. */
    static CostReport of(Currency reportingCurrency, List<YearMonth> months, Set<YearMonth> provisionalMonths,
                         Map<String, ProductCosts> products, List<PoolReport> pools, List<UnallocatedCost> unallocated,
                         List<PrepaidReport> prepaid, List<SourceReport> sources, List<LedgerTotals.MonthTotal> totals) {
        return of(reportingCurrency, months, provisionalMonths, products, pools, unallocated, prepaid, sources, totals,
                Map.of());
    }

    /** @param demandMetrics each product's demand metric by product id, for growth or savings */
    static CostReport of(Currency reportingCurrency, List<YearMonth> months, Set<YearMonth> provisionalMonths,
                         Map<String, ProductCosts> products, List<PoolReport> pools, List<UnallocatedCost> unallocated,
                         List<PrepaidReport> prepaid, List<SourceReport> sources, List<LedgerTotals.MonthTotal> totals,
                         Map<String, io.servicedocs.model.DemandMetric> demandMetrics) {
        return of(reportingCurrency, months, provisionalMonths, products, pools, unallocated, prepaid, sources, totals,
                demandMetrics, BillingDetails.NONE);
    }

    /** @param billing corrections by later billing periods and spread purchases, for pages (issue 14) */
    static CostReport of(Currency reportingCurrency, List<YearMonth> months, Set<YearMonth> provisionalMonths,
                         Map<String, ProductCosts> products, List<PoolReport> pools, List<UnallocatedCost> unallocated,
                         List<PrepaidReport> prepaid, List<SourceReport> sources, List<LedgerTotals.MonthTotal> totals,
                         Map<String, io.servicedocs.model.DemandMetric> demandMetrics, BillingDetails billing) {
        return new CostReport(reportingCurrency, months, provisionalMonths, products, pools, unallocated, prepaid, sources,
                totals, CompanyTotals.of(reportingCurrency, months, provisionalMonths, products.values(), unallocated,
                        totals, demandMetrics), billing);
    }

    public boolean provisional(YearMonth month) {
        return provisionalMonths.contains(month);
    }

    /** Whether a product's month is not final: its own costs are provisional, or some source's month is. */
    public boolean provisional(ProductMonth month) {
        return month.provisional() || provisional(month.month());
    }

    /**
     * The latest month whose every source is final and whose finance every product has reported:
     * the month the company page ranks products by, and product pages sum up.
     */
    public Optional<YearMonth> latestFinalMonth() {
        return company.latestFinalMonth();
    }

    public Optional<ProductCosts> product(String id) {
        return Optional.ofNullable(products.get(id));
    }

    public Optional<PoolReport> pool(String id) {
        return pools.stream().filter(p -> p.pool().id().equals(id)).findFirst();
    }
}
