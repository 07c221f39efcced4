package io.servicedocs.history;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * How long products take to move on.
 *
 * @param perProduct days from the standard's first phase to 'ga', for the products that got there
 * @param median the median of {@code perProduct}
 * @param medianPerTransition per transition, the median over products of the days spent in 'from'
 *        before moving to 'to' (each product counts once, with the first time it made that move)
 */
public record LeadTimes(Map<String, Long> perProduct, Optional<Double> median, Map<Transition, Double> medianPerTransition) {

    public LeadTimes {
        perProduct = Collections.unmodifiableMap(new TreeMap<>(perProduct));
        medianPerTransition = Collections.unmodifiableMap(new TreeMap<>(medianPerTransition));
    }

    static LeadTimes of(List<ProductHistory> products) {
        Map<String, Long> perProduct = new TreeMap<>();
        Map<Transition, List<Long>> transitions = new TreeMap<>();
        for (ProductHistory product : products) {
            product.leadTimeDays().ifPresent(days -> perProduct.put(product.product(), days));
            Set<Transition> seen = new HashSet<>();
            for (PhaseStay stay : product.stays()) {
                if (stay.next().isPresent()) {
                    Transition transition = new Transition(stay.phase(), stay.next().get());
                    if (seen.add(transition)) {
                        transitions.computeIfAbsent(transition, t -> new ArrayList<>()).add(stay.days());
                    }
                }
            }
        }
        Map<Transition, Double> medians = new TreeMap<>();
        transitions.forEach((transition, days) -> medians.put(transition, median(days).orElseThrow()));
        return new LeadTimes(perProduct, median(List.copyOf(perProduct.values())), medians);
    }

    /** The middle value, or the mean of the two middle values of an even count. */
    static Optional<Double> median(List<Long> values) {
        if (values.isEmpty()) {
            return Optional.empty();
        }
        List<Long> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return Optional.of(n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0);
    }
}
