package io.servicedocs.history;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.Month;
import org.junit.jupiter.api.Test;

class FiscalCalendarTest {

    @Test
    void aprilFiscalYearsAreNamedAfterTheYearTheyStartIn() {
        FiscalCalendar april = FiscalCalendar.APRIL;
        assertEquals("FY2026 H1", april.periodOf(LocalDate.of(2026, 4, 1)).name());
        assertEquals("FY2026 H1", april.periodOf(LocalDate.of(2026, 9, 30)).name());
        assertEquals("FY2026 H2", april.periodOf(LocalDate.of(2026, 10, 1)).name());
        assertEquals("FY2026 H2", april.periodOf(LocalDate.of(2027, 3, 31)).name());
        assertEquals(LocalDate.of(2027, 3, 31), april.periodOf(LocalDate.of(2027, 1, 15)).end());
    }

    @Test
    void januaryAndOctoberStarts() {
        assertEquals("FY2026 H2", new FiscalCalendar(Month.JANUARY).periodOf(LocalDate.of(2026, 7, 1)).name());
        Period october = new FiscalCalendar(Month.OCTOBER).periodOf(LocalDate.of(2026, 2, 3));
        assertEquals("FY2025 H1 2025-10-01 2026-03-31", october.name() + " " + october.start() + " " + october.end());
        assertEquals(3, FiscalCalendar.APRIL.periods(LocalDate.of(2025, 4, 10), LocalDate.of(2026, 4, 1)).size());
    }
}
