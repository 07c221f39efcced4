package io.servicedocs.history;

import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.List;

/** Maps days to fiscal half-years, for a fiscal year starting on the first day of a given month. */
public record FiscalCalendar(Month firstMonth) {

    /** Japanese companies mostly start their fiscal year in April. */
    public static final FiscalCalendar APRIL = new FiscalCalendar(Month.APRIL);

    public Period periodOf(LocalDate day) {
        int monthsIn = Math.floorMod(day.getMonthValue() - firstMonth.getValue(), 12);
        int fiscalYear = day.getMonthValue() >= firstMonth.getValue() ? day.getYear() : day.getYear() - 1;
        int half = monthsIn < 6 ? 1 : 2;
        LocalDate start = LocalDate.of(fiscalYear, firstMonth, 1).plusMonths(6L * (half - 1));
        return new Period("FY" + fiscalYear + " H" + half, fiscalYear, half, start, start.plusMonths(6).minusDays(1));
    }

    /** Every period from the one holding {@code first} to the one holding {@code last}, in order. */
    public List<Period> periods(LocalDate first, LocalDate last) {
        List<Period> periods = new ArrayList<>();
        for (Period p = periodOf(first); !p.start().isAfter(last); p = periodOf(p.end().plusDays(1))) {
            periods.add(p);
        }
        return periods;
    }
}
