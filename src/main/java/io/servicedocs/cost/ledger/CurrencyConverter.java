package io.servicedocs.cost.ledger;

import io.servicedocs.model.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Converts amounts of a month to the reporting currency with the monthly rates the user
 * declared. A month without a declared rate is an error naming the currency and the month:
 * a guessed rate (the previous month's, an inverse, a triangulation) would put numbers on the
 * site that nobody declared. Results are rounded to the reporting currency's unit, HALF_EVEN.
 */
public final class CurrencyConverter {

    private record Key(Currency from, YearMonth month) {
    }

    private final Currency reportingCurrency;
    private final Map<Key, BigDecimal> rates = new HashMap<>();

    public CurrencyConverter(Currency reportingCurrency, Collection<ExchangeRate> rates) {
        this.reportingCurrency = Objects.requireNonNull(reportingCurrency, "reportingCurrency");
        MinorUnit.scale(reportingCurrency);
        for (ExchangeRate rate : rates) {
            if (!rate.to().equals(reportingCurrency)) {
                throw new LedgerException("rate " + rate.from() + "->" + rate.to() + " for " + rate.month()
                        + " does not convert to the reporting currency " + reportingCurrency);
            }
            if (this.rates.putIfAbsent(new Key(rate.from(), rate.month()), rate.rate()) != null) {
                throw new LedgerException("rate " + rate.from() + "->" + rate.to() + " for " + rate.month()
                        + " is declared twice");
            }
        }
    }

    public Currency reportingCurrency() {
        return reportingCurrency;
    }

    /** The declared rate from {@code from} to the reporting currency in {@code month}; 1 for the reporting currency itself. */
    public Optional<BigDecimal> rate(Currency from, YearMonth month) {
        if (from.equals(reportingCurrency)) {
            return Optional.of(BigDecimal.ONE);
        }
        return Optional.ofNullable(rates.get(new Key(from, month)));
    }

    /** {@code money} of {@code month} in the reporting currency, at its unit. */
    public Money convert(Money money, YearMonth month) {
        BigDecimal rate = rate(money.currency(), month).orElseThrow(() -> new LedgerException(
                "no exchange rate from " + money.currency() + " to " + reportingCurrency + " is declared for "
                        + month + " (needed to convert " + money + ")"));
        return new Money(money.amount().multiply(rate).setScale(MinorUnit.scale(reportingCurrency), RoundingMode.HALF_EVEN),
                reportingCurrency);
    }
}
