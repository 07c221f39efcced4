package io.servicedocs.cost.data;

import io.servicedocs.model.CostMonth;
import io.servicedocs.model.CostMonth.CostLine;
import io.servicedocs.model.CostMonth.Status;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * How a final month's billing-period parts differ between its file and a new content: which
 * billing periods are new, which changed while still open, which changed though closed. A final
 * month may take new parts (late charges, true-ups, corrections of a later invoice) and changes
 * of open billing periods without --accept-final-changes; a closed invoice that changes is a
 * restatement, and stays refused without it.
 */
record BillingPeriodChange(boolean comparable, Set<YearMonth> added, Set<YearMonth> changedOpen,
                           Set<YearMonth> changedClosed) {

    boolean allowed() {
        return comparable && changedClosed.isEmpty() && !(added.isEmpty() && changedOpen.isEmpty());
    }

    static BillingPeriodChange of(CostMonth old, CostMonth fresh, Optional<YearMonth> openFrom) {
        Set<YearMonth> none = Set.of();
        if (old.status() != Status.FINAL || fresh.status() != Status.FINAL
                || !BillingPeriodMerge.mergeable(old, Optional.of(fresh))
                || fresh.costs().stream().anyMatch(l -> l.billingPeriod().isEmpty())) {
            return new BillingPeriodChange(false, none, none, none);
        }
        Map<YearMonth, List<CostLine>> before = byPeriod(old);
        Map<YearMonth, List<CostLine>> after = byPeriod(fresh);
        Set<YearMonth> added = new TreeSet<>();
        Set<YearMonth> changedOpen = new TreeSet<>();
        Set<YearMonth> changedClosed = new TreeSet<>();
        Set<YearMonth> periods = new TreeSet<>(before.keySet());
        periods.addAll(after.keySet());
        for (YearMonth period : periods) {
            List<CostLine> a = before.getOrDefault(period, List.of());
            List<CostLine> b = after.getOrDefault(period, List.of());
            if (same(a, b)) {
                continue;
            }
            if (a.isEmpty()) {
                added.add(period);
            } else if (openFrom.isPresent() && !period.isBefore(openFrom.get())) {
                changedOpen.add(period);
            } else {
                changedClosed.add(period);
            }
        }
        return new BillingPeriodChange(true, added, changedOpen, changedClosed);
    }

    private static Map<YearMonth, List<CostLine>> byPeriod(CostMonth month) {
        Map<YearMonth, List<CostLine>> parts = new TreeMap<>();
        for (CostLine line : month.costs()) {
            parts.computeIfAbsent(line.billingPeriod().orElseThrow(), p -> new ArrayList<>()).add(line);
        }
        parts.values().forEach(lines -> lines.sort(CostMonths.LINE_ORDER));
        return parts;
    }

    private static boolean same(List<CostLine> a, List<CostLine> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            CostLine l = a.get(i);
            CostLine r = b.get(i);
            if (!(l.element().key().equals(r.element().key()) && l.tag().equals(r.tag())
                    && l.currency().equals(r.currency()) && l.amount().compareTo(r.amount()) == 0)) {
                return false;
            }
        }
        return true;
    }
}
