package io.servicedocs.cost.ledger;

import io.servicedocs.model.Money;
import java.time.YearMonth;
import java.util.Objects;

/**
 * An amount paid upfront that the provider does not amortise (an annual SaaS licence), to be
 * spread over {@code termMonths} months starting with {@code firstMonth}.
 */
public record PrepaidCost(String id, Money amount, YearMonth firstMonth, int termMonths) {

    public PrepaidCost {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(firstMonth, "firstMonth");
        if (termMonths < 1) {
            throw new IllegalArgumentException("prepaid '" + id + "': the term must be at least one month, got " + termMonths);
        }
    }

    public YearMonth lastMonth() {
        return firstMonth.plusMonths(termMonths - 1L);
    }
}
