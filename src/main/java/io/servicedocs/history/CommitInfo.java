package io.servicedocs.history;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One commit of the first-parent chain, as the history needs it.
 *
 * @param date the commit date in the committer's own time zone: the day the change landed on the branch
 */
public record CommitInfo(String id, Instant time, LocalDate date, String author) {

    /** The abbreviated id used in messages. */
    public String shortId() {
        return id.substring(0, Math.min(10, id.length()));
    }
}
