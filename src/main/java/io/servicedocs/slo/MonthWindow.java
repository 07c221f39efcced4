package io.servicedocs.slo;

import io.servicedocs.model.CostMonth.Status;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * The stretch of one calendar month (UTC) that is measured: from its first instant to the first
 * instant of the next month, or to {@code now} while the month runs (then it is provisional).
 */
public record MonthWindow(YearMonth month, Instant start, Instant end, Status status) {

    public MonthWindow {
        Objects.requireNonNull(month, "month");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(status, "status");
    }

    /**
     * @throws IllegalArgumentException for a month that has not begun at {@code now}
     */
    public static MonthWindow of(YearMonth month, Instant now) {
        Instant start = month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant next = month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        if (!now.isAfter(start)) {
            throw new IllegalArgumentException("the month " + month + " has not begun at " + now);
        }
        return now.isBefore(next) ? new MonthWindow(month, start, now, Status.PROVISIONAL)
                : new MonthWindow(month, start, next, Status.FINAL);
    }
}
