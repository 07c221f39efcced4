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
        operatingCostAverage = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(operatingCostAverage));
    }

    public Optional<ProductMonth> month(YearMonth month) {
        return months.stream().filter(m -> m.month().equals(month)).findFirst();
    }
}
