package io.servicedocs.history;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The level increases of one period: each (product, item) whose level went up at a commit of the
 * period counts once, however many levels it rose; decreases are not subtracted.
 *
 * @param byCategory keyed by the item's category in the standard at the commit of the increase
 */
public record Improvements(Period period, long total, Map<String, Long> byProduct, Map<String, Long> byCategory) {

    public Improvements {
        byProduct = Collections.unmodifiableMap(new TreeMap<>(byProduct));
        byCategory = Collections.unmodifiableMap(new TreeMap<>(byCategory));
    }

    static List<Improvements> of(List<Period> periods, List<LevelChange> changes, FiscalCalendar calendar) {
        Map<Period, Map<String, Long>> byProduct = new TreeMap<>(java.util.Comparator.comparing(Period::start));
        Map<Period, Map<String, Long>> byCategory = new TreeMap<>(java.util.Comparator.comparing(Period::start));
        for (LevelChange change : changes) {
            if (change.isIncrease()) {
                Period period = calendar.periodOf(change.date());
                byProduct.computeIfAbsent(period, p -> new TreeMap<>()).merge(change.product(), 1L, Long::sum);
                byCategory.computeIfAbsent(period, p -> new TreeMap<>()).merge(change.category(), 1L, Long::sum);
            }
        }
        return periods.stream().map(p -> {
            Map<String, Long> products = byProduct.getOrDefault(p, Map.of());
            return new Improvements(p, products.values().stream().mapToLong(Long::longValue).sum(), products,
                    byCategory.getOrDefault(p, Map.of()));
        }).toList();
    }
}
