package io.servicedocs.history;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The computations of the history stage, from the walked snapshots to a {@link History}. */
public final class HistoryAnalysis {

    private HistoryAnalysis() {
    }

    /**
     * @param asOf the day the current phase of each product counts until
     */
    public static History analyse(Snapshots snapshots, LocalDate asOf, FiscalCalendar calendar) {
        List<HistoryWarning> warnings = new ArrayList<>(snapshots.warnings());
        ProductTimelines timelines = new ProductTimelines(snapshots, asOf, warnings);
        List<ProductHistory> products = snapshots.products().entrySet().stream()
                .map(e -> timelines.of(e.getKey(), e.getValue())).toList();
        List<CommitInfo> commits = snapshots.commits();
        List<Period> periods = List.of();
        if (!commits.isEmpty()) {
            // declared past results reach back before the first commit: their half-years are shown too
            // (declared phase changes are not: lead times have no half-years, and the chart would start empty)
            LocalDate first = java.util.stream.Stream.concat(commits.stream().map(CommitInfo::date),
                    products.stream().flatMap(p -> p.levelChanges().stream().map(LevelChange::date)))
                    .min(LocalDate::compareTo).orElseThrow();
            LocalDate last = commits.stream().map(CommitInfo::date).max(LocalDate::compareTo).orElseThrow();
            periods = calendar.periods(first, asOf.isAfter(last) ? asOf : last);
        }
        List<LevelChange> levelChanges = products.stream().flatMap(p -> p.levelChanges().stream()).toList();
        List<ShareMet> shares = ShareMet.of(snapshots, periods, asOf, warnings);
        String head = commits.isEmpty() ? "" : commits.get(commits.size() - 1).id();
        Optional<String> incomplete = snapshots.shallow() ? Optional.of(History.SHALLOW_FIX) : Optional.empty();
        return new History(head, asOf, calendar.firstMonth(), commits.size(), incomplete, new ProductHistories(products),
                LeadTimes.of(products), Improvements.of(periods, levelChanges, calendar), shares, warnings);
    }
}
