package io.servicedocs.cost.ledger;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/** A pool's split rule: its method and its target products (with percentages or a metric). */
public sealed interface SplitRule {

    SplitMethod method();

    /** The product ids the pool is split among, sorted: the order that breaks ties. */
    List<String> targets();

    record Even(List<String> targets) implements SplitRule {
        public Even {
            targets = sortedDistinct(targets);
        }

        @Override
        public SplitMethod method() {
            return SplitMethod.EVEN;
        }
    }

    /** A target without direct cost in the month gets nothing from the pool that month. */
    record Proportional(List<String> targets) implements SplitRule {
        public Proportional {
            targets = sortedDistinct(targets);
        }

        @Override
        public SplitMethod method() {
            return SplitMethod.PROPORTIONAL;
        }
    }

    /** Percentages per product id; whether they total 100 is checked when splitting, with the pool's name. */
    record Fixed(SortedMap<String, BigDecimal> percentages) implements SplitRule {
        public Fixed {
            Objects.requireNonNull(percentages, "percentages");
            if (percentages.isEmpty()) {
                throw new IllegalArgumentException("a fixed split needs at least one target");
            }
            percentages.values().forEach(p -> Objects.requireNonNull(p, "percentage"));
            percentages = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(percentages));
        }

        public static Fixed of(Map<String, BigDecimal> percentages) {
            return new Fixed(new TreeMap<>(percentages));
        }

        @Override
        public SplitMethod method() {
            return SplitMethod.FIXED;
        }

        @Override
        public List<String> targets() {
            return List.copyOf(percentages.keySet());
        }
    }

    /** Split by the values of {@code metric} (e.g. "devices") measured per target and month. */
    record Usage(String metric, List<String> targets) implements SplitRule {
        public Usage {
            Objects.requireNonNull(metric, "metric");
            targets = sortedDistinct(targets);
        }

        @Override
        public SplitMethod method() {
            return SplitMethod.USAGE;
        }
    }

    private static List<String> sortedDistinct(Collection<String> targets) {
        Objects.requireNonNull(targets, "targets");
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("a split needs at least one target product");
        }
        Set<String> seen = new HashSet<>();
        for (String t : targets) {
            if (!seen.add(Objects.requireNonNull(t, "target"))) {
                throw new IllegalArgumentException("target product '" + t + "' is listed twice");
            }
        }
        return targets.stream().sorted().toList();
    }
}
