package io.servicedocs.cost.allocation;

import io.servicedocs.model.Money;
import java.time.YearMonth;
import java.util.Objects;

/**
 * The company in one month: the sum over products of operating cost and MRR, the profit they
 * leave, and the cost no one claims (not part of the operating cost: it is shown, not shared).
 */
public record CompanyMonth(YearMonth month, boolean provisional, Money operatingCost, Money mrr, Money profit,
                           Money unallocated) {

    public CompanyMonth {
        Objects.requireNonNull(month, "month");
        Objects.requireNonNull(operatingCost, "operatingCost");
        Objects.requireNonNull(mrr, "mrr");
        Objects.requireNonNull(profit, "profit");
        Objects.requireNonNull(unallocated, "unallocated");
    }
}
