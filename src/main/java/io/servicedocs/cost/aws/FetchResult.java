package io.servicedocs.cost.aws;

import java.time.YearMonth;
import java.util.List;

/**
 * The costs of a fetch, sorted by month, account and tag value; the months Cost Explorer still
 * estimates (also those without any cost); and what the fetch cost.
 */
public record FetchResult(List<AccountMonthCost> costs, List<YearMonth> estimatedMonths, FetchReport report) {

    public FetchResult {
        costs = List.copyOf(costs);
        estimatedMonths = List.copyOf(estimatedMonths);
    }
}
