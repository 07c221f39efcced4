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
                .map(e -> timelines.of(e.getKey(), e.getValue())
                        .withLevelsKnownFrom(levelsKnownFrom(snapshots, e.getValue()))).toList();
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

    /**
     * The first day the history knows a product's levels: the earliest past result its last
     * assessment.yaml declares, or the day of the first commit in which its assessment was read,
     * whichever is earlier. A product added to the repository mid-way is not known before it.
     */
    private static Optional<LocalDate> levelsKnownFrom(Snapshots snapshots, List<ProductVersion> versions) {
        Optional<LocalDate> firstAssessed = versions.stream()
                .filter(v -> v.state().flatMap(ProductState::levels).isPresent()).findFirst()
                .map(v -> snapshots.commits().get(v.commit()).date());
        Optional<LocalDate> firstDeclared = versions.stream().map(ProductVersion::state).flatMap(Optional::stream)
                .reduce((earlier, later) -> later).stream().flatMap(s -> s.pastResults().stream())
                .map(io.servicedocs.model.Assessment.PastResult::date).min(LocalDate::compareTo);
        return java.util.stream.Stream.concat(firstAssessed.stream(), firstDeclared.stream()).min(LocalDate::compareTo);
    }
}
