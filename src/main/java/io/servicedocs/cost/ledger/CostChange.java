package io.servicedocs.cost.ledger;

import io.servicedocs.model.Money;
import java.time.YearMonth;
import java.util.Currency;
import java.util.List;
import java.util.Objects;

/**
 * The change of operating cost between two months for every product and for the company,
 * decomposed into what demand explains and what it does not ({@link CostChangeDecomposition}).
 *
 * <p>The company's figures are sums over {@code products} (in product id order): {@code change} is
 * the change of the company's operating cost (the sum of the products'), {@code volumeEffect} and
 * {@code efficiencyEffect} sum the products that could be decomposed, and
 * {@code notExplainedByDemand} sums the whole change of those that could not (no demand figures,
 * zero demand in one month, a product new or gone). Invariant:
 * {@code volumeEffect + efficiencyEffect + notExplainedByDemand = change}, exactly. Demand of
 * different products is never added up: each product's demand has its own unit.
 */
public record CostChange(YearMonth from, YearMonth to, Currency currency, List<ProductCostChange> products,
                         Money costFrom, Money costTo, Money change, Money volumeEffect, Money efficiencyEffect,
                         Money notExplainedByDemand) {

    public CostChange {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(currency, "currency");
        products = List.copyOf(products);
        if (volumeEffect.amount().add(efficiencyEffect.amount()).add(notExplainedByDemand.amount())
                .compareTo(change.amount()) != 0) {
            throw new IllegalArgumentException(from + " -> " + to + ": volume " + volumeEffect + " + efficiency "
                    + efficiencyEffect + " + not explained " + notExplainedByDemand + " is not the change " + change);
        }
    }

    /** How many months apart the two months are: 1 for month over month, 12 for year over year. */
    public long monthsApart() {
        return java.time.temporal.ChronoUnit.MONTHS.between(from, to);
    }

    public java.util.Optional<ProductCostChange> product(String productId) {
        return products.stream().filter(p -> p.productId().equals(productId)).findFirst();
    }
}
