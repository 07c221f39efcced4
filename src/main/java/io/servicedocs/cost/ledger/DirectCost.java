package io.servicedocs.cost.ledger;

import io.servicedocs.model.Money;
import java.time.YearMonth;
import java.util.Objects;

/** A product's own cost of a month from one provider ("aws", "azure", a SaaS vendor), in any currency. */
public record DirectCost(String provider, YearMonth month, Money amount, boolean provisional) {

    public DirectCost {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(month, "month");
        Objects.requireNonNull(amount, "amount");
    }
}
