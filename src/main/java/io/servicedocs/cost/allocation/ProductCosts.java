package io.servicedocs.cost.allocation;

import io.servicedocs.cost.ledger.ProductMonth;
import io.servicedocs.model.Money;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;

/**
 * A product's monthly KPIs in month order, a 3-month trailing average of its operating cost,
 * the month it turned profitable (the first month of its current run of profitable final months,
 * when it lost money before), and its cost trend over the last year.
 */
public record ProductCosts(String productId, List<ProductMonth> months, SortedMap<YearMonth, Money> operatingCostAverage,
                           Optional<YearMonth> turnedProfitable, Optional<CostTrend> trend) {

    public ProductCosts {
        months = List.copyOf(months);
        operatingCostAverage = io.servicedocs.cost.ledger.CompactSortedMap.copyOf(operatingCostAverage); // issue 15
    }

    /**
     * The product's KPIs of that month. The months are in order and mostly contiguous, so the
     * month's place is guessed from the first month before any scan: the company totals ask this
     * for every product and month (issue 15: a scan per question was months x months x products).
     */
    public Optional<ProductMonth> month(YearMonth month) {
        if (!months.isEmpty()) {
            long guess = java.time.temporal.ChronoUnit.MONTHS.between(months.get(0).month(), month);
            if (guess >= 0 && guess < months.size() && months.get((int) guess).month().equals(month)) {
                return Optional.of(months.get((int) guess));
            }
        }
        for (ProductMonth m : months) {
            if (m.month().equals(month)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
