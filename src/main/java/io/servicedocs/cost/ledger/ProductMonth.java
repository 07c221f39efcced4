package io.servicedocs.cost.ledger;

import io.servicedocs.model.Money;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;

/**
 * The KPI of one product in one month, every amount in the reporting currency.
 * Operating cost = direct + shared + prepaid + maintenance labour; investment labour is shown
 * but excluded, because the company judges a product by what it costs to run, not to build.
 * Profit = MRR - operating cost. Unit cost = operating cost / demand (scale 2, HALF_EVEN), empty
 * without demand. {@code provisional} when any direct cost or pool share comes from a month
 * whose bill is not final.
 */
public record ProductMonth(
        String productId,
        YearMonth month,
        Currency currency,
        SortedMap<String, Money> directCostByProvider,
        Money directCost,
        List<PoolShare> sharedShares,
        Money sharedCost,
        List<PrepaidPart> prepaidParts,
        Money prepaidCost,
        Money maintenanceLabour,
        Money operatingCost,
        Money mrr,
        Money profit,
        Money investmentLabour,
        boolean provisional,
        Optional<BigDecimal> demand,
        Optional<Money> unitCost) {

    public ProductMonth {
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(month, "month");
        Objects.requireNonNull(currency, "currency");
        directCostByProvider = CompactSortedMap.copyOf(directCostByProvider); // kept for every month: issue 15
        sharedShares = List.copyOf(sharedShares);
        prepaidParts = List.copyOf(prepaidParts);
        Objects.requireNonNull(demand, "demand");
        Objects.requireNonNull(unitCost, "unitCost");
        BigDecimal operating = directCost.amount().add(sharedCost.amount()).add(prepaidCost.amount())
                .add(maintenanceLabour.amount());
        if (operating.compareTo(operatingCost.amount()) != 0) {
            throw new IllegalArgumentException(productId + " " + month + ": operating cost " + operatingCost
                    + " is not direct + shared + prepaid + maintenance labour = " + operating.toPlainString());
        }
        if (mrr.amount().subtract(operatingCost.amount()).compareTo(profit.amount()) != 0) {
            throw new IllegalArgumentException(productId + " " + month + ": profit " + profit
                    + " is not MRR " + mrr + " - operating cost " + operatingCost);
        }
    }

    /** Whether the product earned more than it cost to run this month. */
    public boolean profitable() {
        return profit.amount().signum() > 0;
    }
}
