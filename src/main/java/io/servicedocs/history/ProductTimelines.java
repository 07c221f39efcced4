package io.servicedocs.history;

import io.servicedocs.model.Phase;
import io.servicedocs.model.QualityItem;
import io.servicedocs.model.Standard;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Turns one product's versions into its phase changes, stays, lead time and level changes.
 *
 * <p>The first state of a product (or the first after it was deleted and re-created) is its
 * baseline: its levels are not counted as changes. Likewise an item's first level in the
 * product's assessment is its baseline: when the standard adds an item, every product answering
 * it is not an improvement (a review found it inflated the counts). An item that disappears from
 * an assessment is not a change either: validation reports the gap.
 */
final class ProductTimelines {

    /** The phase a lead time runs to. */
    static final String TARGET_PHASE = "ga";

    private final Snapshots snapshots;
    private final LocalDate asOf;

    ProductTimelines(Snapshots snapshots, LocalDate asOf) {
        this.snapshots = snapshots;
        this.asOf = asOf;
    }

    ProductHistory of(String id, List<ProductVersion> versions) {
        List<PhaseChange> changes = new ArrayList<>();
        List<PhaseStay> stays = new ArrayList<>();
        List<LevelChange> levels = new ArrayList<>();
        Optional<String> phase = Optional.empty();
        LocalDate enteredOn = null;
        Optional<Map<String, Integer>> lastLevels = Optional.empty();
        Optional<LocalDate> firstPhaseOn = Optional.empty();
        Optional<Long> leadTime = Optional.empty();
        Optional<LocalDate> removedOn = Optional.empty();
        String folder = id;
        for (ProductVersion version : versions) {
            CommitInfo commit = snapshots.commits().get(version.commit());
            Optional<Standard> standard = snapshots.standardAt(version.commit());
            if (version.state().isEmpty()) {
                if (phase.isPresent()) {
                    stays.add(stay(phase.get(), enteredOn, commit.date(), Optional.empty()));
                }
                phase = Optional.empty();
                lastLevels = Optional.empty();
                removedOn = Optional.of(commit.date());
                continue;
            }
            ProductState state = version.state().get();
            folder = state.folder();
            removedOn = Optional.empty();
            if (state.phase().isPresent() && !state.phase().equals(phase)) {
                String to = state.phase().get();
                changes.add(new PhaseChange(id, commit.date(), phase, to, commit.shortId(), commit.author()));
                if (phase.isPresent()) {
                    stays.add(stay(phase.get(), enteredOn, commit.date(), Optional.of(to)));
                }
                phase = state.phase();
                enteredOn = commit.date();
                boolean first = standard.flatMap(ProductTimelines::firstPhase).filter(to::equals).isPresent();
                if (first && firstPhaseOn.isEmpty()) {
                    firstPhaseOn = Optional.of(commit.date());
                }
                if (to.equals(TARGET_PHASE) && firstPhaseOn.isPresent() && leadTime.isEmpty()) {
                    leadTime = Optional.of(days(firstPhaseOn.get(), commit.date()));
                }
            }
            if (state.levels().isPresent()) {
                lastLevels.ifPresent(before -> levelChanges(id, commit, standard, before, state.levels().get(), levels));
                lastLevels = state.levels();
            }
        }
        if (phase.isPresent()) {
            stays.add(stay(phase.get(), enteredOn, asOf, Optional.empty()));
        }
        Map<String, Long> daysInPhase = new LinkedHashMap<>();
        stays.forEach(s -> daysInPhase.merge(s.phase(), s.days(), Long::sum));
        return new ProductHistory(id, folder, phase, changes, stays, daysInPhase, leadTime, levels, removedOn);
    }

    private static PhaseStay stay(String phase, LocalDate from, LocalDate until, Optional<String> next) {
        return new PhaseStay(phase, from, until, days(from, until), next);
    }

    /** Whole days between two dates; never negative, even when commit dates go backwards (rebases). */
    static long days(LocalDate from, LocalDate until) {
        return Math.max(0, ChronoUnit.DAYS.between(from, until));
    }

    private static void levelChanges(String id, CommitInfo commit, Optional<Standard> standard,
                                     Map<String, Integer> before, Map<String, Integer> after, List<LevelChange> out) {
        TreeSet<String> items = new TreeSet<>(before.keySet());
        items.retainAll(after.keySet());
        for (String item : items) {
            int from = before.get(item);
            int to = after.get(item);
            if (from != to) {
                Optional<QualityItem> known = standard.flatMap(s -> s.item(item));
                out.add(new LevelChange(id, commit.date(), commit.shortId(), commit.author(), item,
                        known.map(QualityItem::category).orElse("(unknown)"), known.map(QualityItem::isBinary).orElse(false),
                        from, to));
            }
        }
    }

    static Optional<String> firstPhase(Standard standard) {
        return standard.phases().stream().findFirst().map(Phase::id);
    }
}
