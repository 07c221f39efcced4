package io.servicedocs.history;

import java.time.LocalDate;

/**
 * A fiscal half-year, e.g. "FY2026 H1". A fiscal year is named after the calendar year in which
 * it starts (as 2026年度 in Japan): with April as first month, FY2026 runs from 1 April 2026 to
 * 31 March 2027, H1 being April to September and H2 October to March.
 *
 * @param end the last day of the period, inclusive
 */
public record Period(String name, int fiscalYear, int half, LocalDate start, LocalDate end) {

    public boolean contains(LocalDate day) {
        return !day.isBefore(start) && !day.isAfter(end);
    }
}
