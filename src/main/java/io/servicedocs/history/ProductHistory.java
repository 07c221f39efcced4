package io.servicedocs.history;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One product over time.
 *
 * @param folder its folder at the last commit it existed in
 * @param daysInPhase total days per phase, summed over its stays
 * @param leadTimeDays days from first entering the standard's first phase to first entering 'ga'
 * @param removedOn the day its folder was deleted, if it no longer exists
 * @param firstCommit the product as the first commit that had it saw it (phase, since, the day it
 *                    reached the branch), kept even when {@code phaseChanges} starts with a declared
 *                    history that explains how it got into that phase; empty outside git's record
 * @param levelsKnownFrom the first day the history knows its levels: its earliest declared past
 *                        result, else the day of the first commit with its assessment. A level it
 *                        had then is a baseline, not a change: nothing says when it was reached
 *                        (a campaign's burn-up counts such a goal from this day, not from before it)
 */
public record ProductHistory(String product, String folder, Optional<String> currentPhase,
                             List<PhaseChange> phaseChanges, List<PhaseStay> stays, Map<String, Long> daysInPhase,
                             Optional<Long> leadTimeDays, List<LevelChange> levelChanges,
                             Optional<LocalDate> removedOn, Optional<PhaseChange> firstCommit,
                             Optional<LocalDate> levelsKnownFrom) {

    /** Without the day its levels are first known, which {@link HistoryAnalysis} adds from the snapshots. */
    public ProductHistory(String product, String folder, Optional<String> currentPhase,
                          List<PhaseChange> phaseChanges, List<PhaseStay> stays, Map<String, Long> daysInPhase,
                          Optional<Long> leadTimeDays, List<LevelChange> levelChanges, Optional<LocalDate> removedOn,
                          Optional<PhaseChange> firstCommit) {
        this(product, folder, currentPhase, phaseChanges, stays, daysInPhase, leadTimeDays, levelChanges, removedOn,
                firstCommit, Optional.empty());
    }

    public ProductHistory {
        phaseChanges = List.copyOf(phaseChanges);
        stays = List.copyOf(stays);
        daysInPhase = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(daysInPhase));
        levelChanges = List.copyOf(levelChanges);
    }

    public ProductHistory withLevelsKnownFrom(Optional<LocalDate> day) {
        return new ProductHistory(product, folder, currentPhase, phaseChanges, stays, daysInPhase, leadTimeDays,
                levelChanges, removedOn, firstCommit, day);
    }
}
