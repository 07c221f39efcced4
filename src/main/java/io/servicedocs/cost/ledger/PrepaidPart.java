package io.servicedocs.cost.ledger;

import io.servicedocs.model.Money;
import java.time.YearMonth;
import java.util.Objects;

/** The part of a prepaid amount that belongs to one month. */
public record PrepaidPart(String prepaidId, YearMonth month, Money amount) {

    public PrepaidPart {
        Objects.requireNonNull(prepaidId, "prepaidId");
        Objects.requireNonNull(month, "month");
        Objects.requireNonNull(amount, "amount");
    }
}
