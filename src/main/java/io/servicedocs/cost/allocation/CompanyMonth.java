package io.servicedocs.cost.allocation;

import io.servicedocs.model.Money;
import java.time.YearMonth;
import java.util.Objects;
import java.util.Optional;

/**
 * The company in one month: the sum over products of operating cost and MRR, the profit they
 * leave, and the cost no one claims (not part of the operating cost: it is shown, not shared).
 * While {@code unreported} products have not reported the month's finance (see
 * {@link io.servicedocs.cost.ledger.ProductMonth}), its MRR and profit are not known: empty, and
 * the operating cost holds their billed costs without their labour.
 */
public record CompanyMonth(YearMonth month, boolean provisional, Money operatingCost, Optional<Money> mrr,
                           Optional<Money> profit, Money unallocated, int unreported) {

    public CompanyMonth {
        Objects.requireNonNull(month, "month");
        Objects.requireNonNull(operatingCost, "operatingCost");
        Objects.requireNonNull(mrr, "mrr");
        Objects.requireNonNull(profit, "profit");
        Objects.requireNonNull(unallocated, "unallocated");
        if (mrr.isPresent() != (unreported == 0) || profit.isPresent() != mrr.isPresent() || unreported < 0) {
            throw new IllegalArgumentException(month + ": MRR " + mrr + " and profit " + profit + " with "
                    + unreported + " products not reported");
        }
    }

    /** Whether every product has reported this month's finance, so that its MRR and profit are known. */
    public boolean financeReported() {
        return unreported == 0;
    }
}
