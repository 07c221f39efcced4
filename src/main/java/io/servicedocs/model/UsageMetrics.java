package io.servicedocs.model;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** standards/usage.yaml: measurements per product and month that usage splits weigh products by. */
public record UsageMetrics(Map<String, Metric> metrics) {

    public static final UsageMetrics NONE = new UsageMetrics(Map.of());

    public UsageMetrics {
        metrics = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(metrics == null ? Map.of() : metrics));
    }

    /** One metric: per month, per product id, the measured value. */
    public record Metric(String name, String unit, SortedMap<YearMonth, Map<String, BigDecimal>> months) {
        public Metric {
            TreeMap<YearMonth, Map<String, BigDecimal>> copy = new TreeMap<>();
            months.forEach((month, values) -> copy.put(month, Map.copyOf(values)));
            months = java.util.Collections.unmodifiableSortedMap(copy);
        }
    }
}
