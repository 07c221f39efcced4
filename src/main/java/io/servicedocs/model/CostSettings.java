package io.servicedocs.model;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * standards/costs.yaml: the reporting currency, the shared pools and their split rules, and the
 * prepaid amounts to spread over their term.
 */
public record CostSettings(Currency reportingCurrency, List<SharedPool> sharedPools, List<Prepaid> prepaid) {

    public CostSettings {
        Objects.requireNonNull(reportingCurrency, "reportingCurrency");
        sharedPools = sharedPools == null ? List.of() : List.copyOf(sharedPools);
        prepaid = prepaid == null ? List.of() : List.copyOf(prepaid);
    }

    /** A cost shared by several products: the cost elements it owns and how it is split. */
    public record SharedPool(String id, String name, Optional<String> description, List<CostElement> costElements,
                             Split split) {
        public SharedPool {
            costElements = List.copyOf(costElements);
        }
    }

    /** A split rule as written: targets for even/proportional/usage, percentages for fixed, a metric for usage. */
    public record Split(Method method, List<String> targets, SortedMap<String, BigDecimal> percentages,
                        Optional<String> metric) {

        public enum Method {
            @com.fasterxml.jackson.annotation.JsonProperty("even") EVEN,
            @com.fasterxml.jackson.annotation.JsonProperty("proportional") PROPORTIONAL,
            @com.fasterxml.jackson.annotation.JsonProperty("fixed") FIXED,
            @com.fasterxml.jackson.annotation.JsonProperty("usage") USAGE
        }

        public Split {
            Objects.requireNonNull(method, "method");
            targets = targets == null ? List.of() : List.copyOf(targets);
            percentages = java.util.Collections.unmodifiableSortedMap(
                    new TreeMap<>(percentages == null ? Map.of() : percentages));
            metric = metric == null ? Optional.empty() : metric;
        }

        /** The products the pool is split among, whatever the method. */
        public List<String> products() {
            return method == Method.FIXED ? List.copyOf(percentages.keySet()) : targets;
        }
    }

    /**
     * An amount paid upfront for {@code costElement}, spread over {@code termMonths} months from
     * {@code firstMonth}; when {@code bookedMonth} is present the amount appears in that month's
     * cost data and is taken out of it.
     */
    public record Prepaid(String id, String name, CostElement costElement, Money amount, YearMonth firstMonth,
                          int termMonths, Optional<YearMonth> bookedMonth) {
    }
}
