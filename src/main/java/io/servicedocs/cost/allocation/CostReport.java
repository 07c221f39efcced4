package io.servicedocs.cost.allocation;

import io.servicedocs.cost.ledger.LedgerTotals;
import java.time.YearMonth;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The costs of the whole repository, every amount in the reporting currency: the months covered
 * (contiguous, oldest first), those not final yet, each product's KPIs, each pool's splits, the
 * unallocated cost, the prepaid spreads, the sources, and the per-month totals proving that
 * sharing conserved the money.
 */
public record CostReport(Currency reportingCurrency, List<YearMonth> months, Set<YearMonth> provisionalMonths,
                         Map<String, ProductCosts> products, List<PoolReport> pools, List<UnallocatedCost> unallocated,
                         List<PrepaidReport> prepaid, List<SourceReport> sources, List<LedgerTotals.MonthTotal> totals) {

    public CostReport {
        months = List.copyOf(months);
        provisionalMonths = Set.copyOf(provisionalMonths);
        products = Map.copyOf(products);
        pools = List.copyOf(pools);
        unallocated = List.copyOf(unallocated);
        prepaid = List.copyOf(prepaid);
        sources = List.copyOf(sources);
        totals = List.copyOf(totals);
    }

    public boolean provisional(YearMonth month) {
        return provisionalMonths.contains(month);
    }

    /** The latest month whose every source is final: the month the company page ranks products by. */
    public Optional<YearMonth> latestFinalMonth() {
        return months.stream().filter(m -> !provisional(m)).reduce((a, b) -> b);
    }

    public Optional<ProductCosts> product(String id) {
        return Optional.ofNullable(products.get(id));
    }
}
