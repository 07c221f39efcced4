package io.servicedocs.cost.ledger;

import io.servicedocs.model.Finance;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything that makes up one product's month: its direct costs, its shares of pools (already
 * in the reporting currency, see {@link MonthlyKpi}), its parts of prepaid amounts, and the
 * month of its finance.yaml (MRR, labour, demand), absent when the file says nothing for it.
 * {@code financeReported} is false for a month after the file's last: nothing is known of it yet
 * (see {@link ProductMonth}), where an absent month before it earned and spent nothing.
 */
public record ProductMonthInput(String productId, YearMonth month, List<DirectCost> directCosts,
                                List<PoolShare> sharedShares, List<PrepaidPart> prepaidParts,
                                Optional<Finance.Month> finance, boolean financeReported) {

    /** A month whose finance is reported (in finance.yaml, or before its last month). */
    public ProductMonthInput(String productId, YearMonth month, List<DirectCost> directCosts,
                             List<PoolShare> sharedShares, List<PrepaidPart> prepaidParts,
                             Optional<Finance.Month> finance) {
        this(productId, month, directCosts, sharedShares, prepaidParts, finance, true);
    }

    public ProductMonthInput {
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(month, "month");
        directCosts = List.copyOf(directCosts);
        sharedShares = List.copyOf(sharedShares);
        prepaidParts = List.copyOf(prepaidParts);
        Objects.requireNonNull(finance, "finance");
        if (!financeReported && finance.isPresent()) {
            throw new IllegalArgumentException(productId + " " + month + ": finance.yaml's month is given but said not reported");
        }
    }
}
