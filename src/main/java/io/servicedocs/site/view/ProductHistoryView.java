package io.servicedocs.site.view;

import java.util.List;
import java.util.Optional;

/** A product's phase timeline and level history, read from git; phases come with their names in the current standard. */
public record ProductHistoryView(List<PhaseChange> timeline, List<Stay> stays, Optional<Long> leadTimeDays,
                                 List<LevelChange> levelChanges) {

    static final ProductHistoryView EMPTY = new ProductHistoryView(List.of(), List.of(), Optional.empty(), List.of());

    /** Entering a phase: {@code from} is empty at the product's first appearance. */
    public record PhaseChange(String date, Optional<String> from, Optional<String> fromName, String to, String toName,
                              String commit, String author) {
    }

    /** A time spent in a phase; {@code current}: it has not ended in a move (yet). */
    public record Stay(String phase, String phaseName, String from, String until, long days, boolean current) {
    }

    /**
     * @param binary a binary item of today's standard (of the change's commit, for an item today's
     *               no longer has): its 0 / 1 read "not met" / "met"
     */
    public record LevelChange(String date, String item, String itemTitle, boolean binary, int from, int to,
                              boolean increase, String commit, String author) {
    }
}
