package io.servicedocs.cost.allocation;

import io.servicedocs.cost.ledger.ProductMonth;

/** A product's place in the profit ranking: its costs and its KPI of the month ranked by. */
public record RankedProduct(ProductCosts costs, ProductMonth month) {
}
