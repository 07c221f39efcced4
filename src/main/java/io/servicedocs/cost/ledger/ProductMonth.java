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
 *
 * <p>A month after the last month of the product's finance.yaml is not reported yet (finance
 * is closed after the bills are): its MRR and profit are empty, not zero, its labour is not
 * known (zero here, and the operating cost holds only the costs billed), and it has no unit
 * cost. A finance.yaml without months reports every month, with nothing in it (a PoC).
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
        Optional<Money> mrr,
        Optional<Money> profit,
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
        if (mrr.isPresent() != profit.isPresent()) {
            throw new IllegalArgumentException(productId + " " + month + ": MRR " + mrr + " and profit " + profit
                    + " are reported together or not at all");
        }
        if (mrr.isEmpty() && (maintenanceLabour.amount().signum() != 0 || investmentLabour.amount().signum() != 0
                || demand.isPresent())) {
            throw new IllegalArgumentException(productId + " " + month + ": a month whose finance is not reported"
                    + " has no labour or demand");
        }
        BigDecimal operating = directCost.amount().add(sharedCost.amount()).add(prepaidCost.amount())
                .add(maintenanceLabour.amount());
        if (operating.compareTo(operatingCost.amount()) != 0) {
            throw new IllegalArgumentException(productId + " " + month + ": operating cost " + operatingCost
                    + " is not direct + shared + prepaid + maintenance labour = " + operating.toPlainString());
        }
        if (mrr.isPresent() && mrr.get().amount().subtract(operatingCost.amount()).compareTo(profit.get().amount()) != 0) {
            throw new IllegalArgumentException(productId + " " + month + ": profit " + profit.get()
                    + " is not MRR " + mrr.get() + " - operating cost " + operatingCost);
        }
    }

    /** Whether finance.yaml reports this month (MRR, labour, demand): else its profit is not known yet. */
    public boolean financeReported() {
        return mrr.isPresent();
    }

    /** Whether the product earned more than it cost to run this month (never, while its finance is not reported). */
    public boolean profitable() {
        return profit.filter(p -> p.amount().signum() > 0).isPresent();
    }
}
