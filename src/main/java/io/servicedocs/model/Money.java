package io.servicedocs.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

/** An exact amount in an explicit currency. */
public record Money(BigDecimal amount, Currency currency) {

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
    }

    /** The YAML form: {amount: 1250000, currency: JPY}. */
    @JsonCreator
    static Money fromYaml(@JsonProperty("amount") BigDecimal amount, @JsonProperty("currency") String currency) {
        try {
            return new Money(amount, Currency.getInstance(currency));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown currency code '" + currency
                    + "'; expected an ISO 4217 code such as JPY, USD or EUR");
        }
    }

    public static Money of(String amount, String currencyCode) {
        return new Money(new BigDecimal(amount), Currency.getInstance(currencyCode));
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency.getCurrencyCode();
    }
}
