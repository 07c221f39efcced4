package io.servicedocs.cost.ledger;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Currency;
import java.util.Objects;

/** A rate declared in the repository: in {@code month}, 1 {@code from} = {@code rate} {@code to}. */
public record ExchangeRate(YearMonth month, Currency from, Currency to, BigDecimal rate) {

    public ExchangeRate {
        Objects.requireNonNull(month, "month");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(rate, "rate");
        if (from.equals(to)) {
            throw new IllegalArgumentException("a rate from " + from + " to itself is always 1; do not declare it");
        }
        if (rate.signum() <= 0) {
            throw new IllegalArgumentException(from + "->" + to + " " + month + ": a rate must be positive, got "
                    + rate.toPlainString());
        }
    }
}
