package io.servicedocs.model;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * standards/exchange-rates.yaml: per currency code and month, how many units of the reporting
 * currency one unit is worth.
 */
public record ExchangeRates(Optional<String> source, Map<String, SortedMap<YearMonth, BigDecimal>> rates) {

    public static final ExchangeRates NONE = new ExchangeRates(Optional.empty(), Map.of());

    public ExchangeRates {
        source = source == null ? Optional.empty() : source;
        TreeMap<String, SortedMap<YearMonth, BigDecimal>> copy = new TreeMap<>();
        if (rates != null) {
            rates.forEach((currency, months) -> copy.put(currency,
                    java.util.Collections.unmodifiableSortedMap(new TreeMap<>(months))));
        }
        rates = java.util.Collections.unmodifiableSortedMap(copy);
    }
}
