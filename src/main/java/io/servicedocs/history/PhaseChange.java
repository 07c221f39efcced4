package io.servicedocs.history;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A product entering a phase: where its known history starts ({@code from} empty), a change
 * declared in phase.yaml's history, or a change of phase.yaml that git observed.
 *
 * @param date the day it entered {@code to}: the declared date, or for a change git observed the
 *             since of the new phase.yaml (the day of the commit if since cannot be right)
 * @param reachedBranch the day the change reached the branch: the date of the first-parent commit
 *                      that brought it (a merge's, not that of a commit inside the merged branch);
 *                      empty for a declared entry, which no commit brought. It differs from
 *                      {@code date} when since was declared days before the merge, so "what
 *                      happened this week" is asked of this date, not of {@code date}
 * @param commit the abbreviated id of the first-parent commit that brought the change to the
 *               branch; empty for a declared change
 * @param author that commit's author; empty for a declared change
 * @param reference where a declared change is recorded, if phase.yaml says
 */
public record PhaseChange(String product, LocalDate date, Optional<LocalDate> reachedBranch, Optional<String> from, String to, String commit,
                          String author, Source source, Optional<String> reference) {

    /** How the history knows of the change. */
    public enum Source {
        /** The phase the product was in when its known history starts: not a transition. */
        START,
        /** Declared in phase.yaml's history. */
        DECLARED,
        /** A commit of the branch changed phase.yaml. */
        OBSERVED
    }

    /** Whether this is a change of phase (declared or observed), which lead times count. */
    public boolean isTransition() {
        return source != Source.START;
    }
}
