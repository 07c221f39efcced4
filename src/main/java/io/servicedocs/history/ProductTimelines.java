package io.servicedocs.history;

import io.servicedocs.load.FileKind;
import io.servicedocs.model.Assessment;
import io.servicedocs.model.Phase;
import io.servicedocs.model.PhaseStatus;
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
 * Turns one product's versions, and the history its files declare, into its phase changes, stays,
 * lead time and level changes.
 *
 * <p>A phase starts on its declared date: a transition of phase.yaml's {@code history}, or the
 * {@code since} of phase.yaml. git tells what happened after the repository started; a change it
 * observes is dated by the since of the new phase.yaml and cross-checked against the day its
 * first-parent commit reached the branch (a commit inside a merged branch is never read: the
 * merge is when the change happened for everyone else). A mismatch of more than
 * {@link #TOLERANCE_DAYS} days is a warning naming both dates.
 *
 * <p>The state a product is in when its known history starts (its first commit, or before its
 * first declared transition) is not a transition: a product already in ga when the repository
 * started has no lead time, and its days in ga count from its since, not from the first commit.
 *
 * <p>Levels: the first known result (the first declared past result, else the first assessment
 * in git) is the baseline, and each later result counts its differences, dated on that result.
 * The first assessment in git is a baseline as well: what changed between the last declared
 * result and it has no date, so it is not counted. An item's first level is its baseline too:
 * when the standard adds an item, every product answering it is not an improvement. An item that
 * disappears from an assessment is not a change either: validation reports the gap.
 */
final class ProductTimelines {

    /** The phase a lead time runs to. */
    static final String TARGET_PHASE = "ga";

    /** How far since may be from the day its change reached the branch before the history says so. */
    static final long TOLERANCE_DAYS = 7;

    private final Snapshots snapshots;
    private final LocalDate asOf;
    private final List<HistoryWarning> warnings;

    ProductTimelines(Snapshots snapshots, LocalDate asOf, List<HistoryWarning> warnings) {
        this.snapshots = snapshots;
        this.asOf = asOf;
        this.warnings = warnings;
    }

    /** A phase change, or the end of the product (its folder deleted), in the order they happened. */
    private record Mark(PhaseChange change, boolean removal) {
    }

    ProductHistory of(String id, List<ProductVersion> versions) {
        List<Mark> gitMarks = new ArrayList<>();
        List<LevelChange> levels = new ArrayList<>();
        Optional<String> phase = Optional.empty();
        LocalDate enteredOn = null;
        Optional<Map<String, Integer>> lastLevels = Optional.empty();
        Optional<LocalDate> firstAssessedOn = Optional.empty();
        Optional<LocalDate> removedOn = Optional.empty();
        Optional<ProductState> last = Optional.empty();
        String folder = id;
        for (ProductVersion version : versions) {
            CommitInfo commit = snapshots.commits().get(version.commit());
            Optional<Standard> standard = snapshots.standardAt(version.commit());
            if (version.state().isEmpty()) {
                if (phase.isPresent()) {
                    gitMarks.add(new Mark(new PhaseChange(id, commit.date(), Optional.of(commit.date()), phase,
                            phase.get(), commit.shortId(), commit.author(), PhaseChange.Source.OBSERVED,
                            Optional.empty()), true));
                }
                phase = Optional.empty();
                lastLevels = Optional.empty();
                removedOn = Optional.of(commit.date());
                continue;
            }
            ProductState state = version.state().get();
            last = Optional.of(state);
            folder = state.folder();
            removedOn = Optional.empty();
            if (state.phase().isPresent() && !state.phase().equals(phase)) {
                String to = state.phase().get();
                if (phase.isEmpty()) {
                    // where the known history starts: the phase began on its since, whenever the commit came
                    enteredOn = state.since().orElse(commit.date());
                    gitMarks.add(new Mark(new PhaseChange(id, enteredOn, Optional.of(commit.date()), Optional.empty(),
                            to, commit.shortId(), commit.author(), PhaseChange.Source.START, Optional.empty()), false));
                } else {
                    enteredOn = observedOn(state, commit, phase.get(), to, enteredOn);
                    gitMarks.add(new Mark(new PhaseChange(id, enteredOn, Optional.of(commit.date()), phase, to,
                            commit.shortId(), commit.author(), PhaseChange.Source.OBSERVED, Optional.empty()), false));
                }
                phase = state.phase();
            }
            if (state.levels().isPresent()) {
                if (firstAssessedOn.isEmpty()) {
                    firstAssessedOn = Optional.of(commit.date());
                }
                lastLevels.ifPresent(before -> levelChanges(id, commit.date(), commit.shortId(), commit.author(), standard,
                        before, state.levels().get(), levels));
                lastLevels = state.levels();
            }
        }
        List<Mark> marks = withDeclared(id, last, gitMarks);
        List<PhaseStay> stays = stays(marks);
        Map<String, Long> daysInPhase = new LinkedHashMap<>();
        stays.forEach(s -> daysInPhase.merge(s.phase(), s.days(), Long::sum));
        List<PhaseChange> changes = marks.stream().filter(m -> !m.removal()).map(Mark::change).toList();
        List<LevelChange> allLevels = new ArrayList<>(declaredLevelChanges(id, last, firstAssessedOn));
        allLevels.addAll(levels);
        // the first START git saw, even when the declared history took its place in the timeline
        Optional<PhaseChange> firstCommit = gitMarks.stream().map(Mark::change)
                .filter(c -> c.source() == PhaseChange.Source.START).findFirst();
        return new ProductHistory(id, folder, phase, changes, stays, daysInPhase, leadTime(changes), allLevels, removedOn,
                firstCommit);
    }

    /**
     * The day a change git observed happened: the since of the new phase.yaml, unless since cannot
     * be it (missing, or not after the previous phase began: a since left as it was); then the
     * day of the commit. Either way a gap of more than the tolerance is said.
     */
    private LocalDate observedOn(ProductState state, CommitInfo commit, String from, String to, LocalDate previous) {
        String file = FileKind.PHASE.productPath(state.folder());
        Optional<LocalDate> since = state.since();
        if (since.isEmpty() || (previous != null && !since.get().isAfter(previous))) {
            since.ifPresent(s -> warnings.add(new HistoryWarning(commit.shortId(), file, "'" + state.id() + "' moved from '"
                    + from + "' to '" + to + "' in a commit of " + commit.date() + ", but since (" + s
                    + ") is not after the day it entered '" + from + "' (" + previous
                    + "); the timeline dates the change " + commit.date() + ", the day of the commit; update since")));
            return commit.date();
        }
        if (Math.abs(ChronoUnit.DAYS.between(since.get(), commit.date())) > TOLERANCE_DAYS) {
            warnings.add(new HistoryWarning(commit.shortId(), file, "'" + state.id() + "' moved from '" + from + "' to '"
                    + to + "' in a commit of " + commit.date() + ", but since says " + since.get()
                    + "; the timeline dates the change " + since.get() + " (since); correct since if the commit's day is right"));
        }
        return since.get();
    }

    /**
     * The declared transitions of the product's last phase.yaml come before what git observed. A
     * declared change that git also observed (same from and to, within {@link #TOLERANCE_DAYS} of
     * git's date, or dated on or after the product's first commit) is git's; the declared chain
     * should end in the phase the product was in at its first commit, which then starts there.
     */
    private List<Mark> withDeclared(String id, Optional<ProductState> last, List<Mark> gitMarks) {
        List<PhaseStatus.PastTransition> declared = last.map(ProductState::declaredTransitions).orElse(List.of());
        if (declared.isEmpty()) {
            return gitMarks;
        }
        List<Mark> marks = new ArrayList<>();
        Optional<LocalDate> firstCommitOn = gitMarks.stream().map(Mark::change)
                .filter(c -> c.source() == PhaseChange.Source.START).findFirst().flatMap(PhaseChange::reachedBranch);
        for (PhaseStatus.PastTransition t : declared) {
            // the same move seen by git is the declared one only near its date, or once git's record
            // has begun: a product demoted and promoted again makes the same move twice, years apart
            boolean gitsToTell = firstCommitOn.filter(first -> !t.date().isBefore(first)).isPresent();
            boolean observed = gitMarks.stream().anyMatch(m -> !m.removal() && m.change().isTransition()
                    && t.from().isPresent() && m.change().from().equals(t.from()) && m.change().to().equals(t.to())
                    && (gitsToTell || Math.abs(ChronoUnit.DAYS.between(t.date(), m.change().date())) <= TOLERANCE_DAYS));
            if (!observed) {
                // an entry without 'from' says where the product started: known, but not a transition
                marks.add(new Mark(new PhaseChange(id, t.date(), Optional.empty(), t.from(), t.to(), "", "",
                        t.from().isPresent() ? PhaseChange.Source.DECLARED : PhaseChange.Source.START, t.reference()),
                        false));
            }
        }
        List<Mark> rest = new ArrayList<>(gitMarks);
        if (!marks.isEmpty() && !rest.isEmpty() && rest.get(0).change().source() == PhaseChange.Source.START) {
            PhaseChange start = rest.get(0).change();
            PhaseChange lastDeclared = marks.get(marks.size() - 1).change();
            String file = FileKind.PHASE.productPath(last.get().folder());
            if (lastDeclared.to().equals(start.to())) {
                rest.remove(0); // the declared change is how it got there
                if (Math.abs(ChronoUnit.DAYS.between(lastDeclared.date(), start.date())) > TOLERANCE_DAYS) {
                    warnings.add(new HistoryWarning(start.commit(), file, "'" + id + "' entered '" + start.to()
                            + "' on " + lastDeclared.date() + " by its declared history, but since says " + start.date()
                            + " at its first commit; the timeline uses the declared date"));
                }
            } else {
                warnings.add(new HistoryWarning(start.commit(), file, "the declared history of '" + id + "' ends in '"
                        + lastDeclared.to() + "', but at its first commit it was in '" + start.to()
                        + "'; declare the transition into '" + start.to() + "' (until then the timeline has a gap)"));
            }
        }
        marks.addAll(rest);
        return marks;
    }

    /** Each phase from the day it was entered until the next mark; the first phase before any mark is unknown. */
    private List<PhaseStay> stays(List<Mark> marks) {
        List<PhaseStay> stays = new ArrayList<>();
        for (int i = 0; i < marks.size(); i++) {
            Mark mark = marks.get(i);
            if (mark.removal()) {
                continue;
            }
            PhaseChange entered = mark.change();
            if (i + 1 == marks.size()) {
                stays.add(stay(entered.to(), entered.date(), asOf, Optional.empty()));
                continue;
            }
            Mark next = marks.get(i + 1);
            // a move counts only when it is a transition: not the end of the folder, not a gap in what is known
            Optional<String> to = next.removal() || !next.change().isTransition() ? Optional.empty()
                    : Optional.of(next.change().to());
            stays.add(stay(entered.to(), entered.date(), next.change().date(), to));
        }
        return stays;
    }

    /** From the first entry into the standard's first phase to the first transition into ga after it. */
    private Optional<Long> leadTime(List<PhaseChange> changes) {
        Optional<String> first = snapshots.commits().isEmpty() ? Optional.empty()
                : snapshots.standardAt(snapshots.commits().size() - 1).flatMap(ProductTimelines::firstPhase);
        Optional<LocalDate> firstOn = changes.stream().filter(c -> first.filter(c.to()::equals).isPresent())
                .map(PhaseChange::date).findFirst();
        if (firstOn.isEmpty()) {
            return Optional.empty();
        }
        // only a transition reaches ga: a start in ga (where git's record begins after a gap) is not one
        return changes.stream().filter(c -> c.isTransition() && c.to().equals(TARGET_PHASE)
                        && !c.date().isBefore(firstOn.get()))
                .findFirst().map(c -> days(firstOn.get(), c.date()));
    }

    /**
     * The level changes between consecutive declared results; results on or after the product's
     * first assessment in git are git's to tell, so they are left out with a warning.
     */
    private List<LevelChange> declaredLevelChanges(String id, Optional<ProductState> last,
                                                   Optional<LocalDate> firstAssessedOn) {
        List<Assessment.PastResult> results = last.map(ProductState::pastResults).orElse(List.of());
        List<LevelChange> out = new ArrayList<>();
        Optional<Standard> standard = snapshots.commits().isEmpty() ? Optional.empty()
                : snapshots.standardAt(snapshots.commits().size() - 1);
        Map<String, Integer> before = null;
        for (Assessment.PastResult result : results) {
            if (firstAssessedOn.isPresent() && !result.date().isBefore(firstAssessedOn.get())) {
                warnings.add(new HistoryWarning("", FileKind.ASSESSMENT.productPath(last.get().folder()),
                        "the past result of " + result.date() + " is not before the first assessment of '" + id
                                + "' in git (" + firstAssessedOn.get() + "); git's record is used from then on"));
                continue;
            }
            Map<String, Integer> after = result.levels();
            if (before != null) {
                levelChanges(id, result.date(), "", "", standard, before, after, out);
            }
            // an item a result leaves out keeps its last known level
            Map<String, Integer> merged = before == null ? new LinkedHashMap<>() : new LinkedHashMap<>(before);
            merged.putAll(after);
            before = merged;
        }
        return out;
    }

    private static PhaseStay stay(String phase, LocalDate from, LocalDate until, Optional<String> next) {
        return new PhaseStay(phase, from, until, days(from, until), next);
    }

    /** Whole days between two dates; never negative, even when commit dates go backwards (rebases). */
    static long days(LocalDate from, LocalDate until) {
        return Math.max(0, ChronoUnit.DAYS.between(from, until));
    }

    private static void levelChanges(String id, LocalDate date, String commit, String author, Optional<Standard> standard,
                                     Map<String, Integer> before, Map<String, Integer> after, List<LevelChange> out) {
        TreeSet<String> items = new TreeSet<>(before.keySet());
        items.retainAll(after.keySet());
        for (String item : items) {
            int from = before.get(item);
            int to = after.get(item);
            if (from != to) {
                Optional<QualityItem> known = standard.flatMap(s -> s.item(item));
                out.add(new LevelChange(id, date, commit, author, item,
                        known.map(QualityItem::category).orElse("(unknown)"), known.map(QualityItem::isBinary).orElse(false),
                        from, to));
            }
        }
    }

    static Optional<String> firstPhase(Standard standard) {
        return standard.phases().stream().findFirst().map(Phase::id);
    }
}
