package io.servicedocs.cost.allocation;

import io.servicedocs.model.CostElement;
import io.servicedocs.model.CostMonth;
import io.servicedocs.model.CostMonth.CostLine;
import io.servicedocs.model.Money;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the cost data says about how months were billed, for pages to show rather than fold into
 * the totals (issue 14, example data): the parts of a month that a later billing period brought
 * (corrections, true-ups, late charges: a final month corrected by the next invoice shows by
 * which and how much), the one-time purchases spread over their term, and, per product, the
 * billing periods that make up each month when they are not just the month's own. Amounts are in
 * the currency billed; the owner is the product or pool that claims the line, if any.
 */
public record BillingDetails(List<LaterPart> laterParts, List<SpreadPurchase> purchases,
                             Map<String, SortedMap<YearMonth, List<YearMonth>>> productPeriods) {

    /** Nothing to say: cost data without billing periods (Cost Explorer, older imports). */
    public static final BillingDetails NONE = new BillingDetails(List.of(), List.of(), Map.of());

    public BillingDetails {
        laterParts = List.copyOf(laterParts);
        purchases = List.copyOf(purchases);
        Map<String, SortedMap<YearMonth, List<YearMonth>>> copy = new TreeMap<>();
        productPeriods.forEach((id, months) -> copy.put(id, Collections.unmodifiableSortedMap(new TreeMap<>(months))));
        productPeriods = Collections.unmodifiableMap(copy);
    }

    /** Who claims a line: a product or a pool; empty when nobody does (unallocated). */
    public record Owner(OwnerKind kind, String id) {
    }

    /** The part of {@code month}'s cost of one element that a later billing period billed. */
    public record LaterPart(String source, YearMonth month, YearMonth billingPeriod, CostElement element,
                            Optional<String> tag, Money amount, Optional<Owner> owner) {
    }

    /** A one-time purchase spread over its term: where each month's share went. */
    public record SpreadPurchase(String source, CostElement element, YearMonth billingPeriod, String description,
                                 Money total, LocalDate termStart, LocalDate termEnd, int months,
                                 List<Part> parts, Optional<Owner> owner) {
        public SpreadPurchase {
            parts = List.copyOf(parts);
        }

        /** The share of the first month; the others are equal or one minor unit less. */
        public Money firstShare() {
            return parts.get(0).share();
        }

        /** The share of the last month. */
        public Money lastShare() {
            return parts.get(parts.size() - 1).share();
        }
    }

    public record Part(YearMonth month, Money share) {
    }

    /** The later parts claimed by one product. */
    public List<LaterPart> laterParts(String productId) {
        return laterParts.stream().filter(p -> p.owner().filter(o -> o.kind() == OwnerKind.PRODUCT
                && o.id().equals(productId)).isPresent()).toList();
    }

    /** The spread purchases claimed by one product. */
    public List<SpreadPurchase> purchases(String productId) {
        return purchases.stream().filter(p -> p.owner().filter(o -> o.kind() == OwnerKind.PRODUCT
                && o.id().equals(productId)).isPresent()).toList();
    }

    /** The billing periods of a product's month, when they are not just the month itself. */
    public List<YearMonth> periods(String productId, YearMonth month) {
        return Optional.ofNullable(productPeriods.get(productId)).map(m -> m.get(month)).orElse(List.of());
    }

    static BillingDetails of(List<CostMonth> data, CostOwners owners) {
        List<LaterPart> later = new ArrayList<>();
        Map<List<Object>, SpreadPurchase> purchases = new LinkedHashMap<>();
        Map<String, SortedMap<YearMonth, SortedSet<YearMonth>>> periods = new TreeMap<>();
        List<CostMonth> ordered = data.stream()
                .sorted(Comparator.comparing(CostMonth::source).thenComparing(CostMonth::month)).toList();
        for (CostMonth month : ordered) {
            for (CostLine line : month.costs()) {
                if (line.billingPeriod().isEmpty()) {
                    continue;
                }
                YearMonth period = line.billingPeriod().get();
                Optional<Owner> owner = owners.of(line).map(o -> new Owner(o.kind(), o.id()));
                owner.filter(o -> o.kind() == OwnerKind.PRODUCT).ifPresent(o -> periods
                        .computeIfAbsent(o.id(), k -> new TreeMap<>())
                        .computeIfAbsent(month.month(), k -> new TreeSet<>()).add(period));
                if (period.isAfter(month.month())) {
                    later.add(new LaterPart(month.source(), month.month(), period, line.element(), line.tag(),
                            line.money(), owner));
                }
                for (CostMonth.TermPurchase purchase : line.purchases()) {
                    List<Object> key = List.of(month.source(), line.element().key(), line.tag().orElse(""), period,
                            purchase.description(), purchase.termStart(), line.currency());
                    SpreadPurchase known = purchases.get(key);
                    List<Part> parts = new ArrayList<>(known == null ? List.of() : known.parts());
                    parts.add(new Part(month.month(), new Money(purchase.share(), line.currency())));
                    purchases.put(key, new SpreadPurchase(month.source(), line.element(), period,
                            purchase.description(), new Money(purchase.total(), line.currency()), purchase.termStart(),
                            purchase.termEnd(), purchase.months(), parts, owner));
                }
            }
        }
        Map<String, SortedMap<YearMonth, List<YearMonth>>> noted = new TreeMap<>();
        periods.forEach((product, months) -> months.forEach((month, set) -> {
            if (!set.equals(new TreeSet<>(List.of(month)))) {
                noted.computeIfAbsent(product, k -> new TreeMap<>()).put(month, List.copyOf(set));
            }
        }));
        return new BillingDetails(later, List.copyOf(purchases.values()), noted);
    }
}
