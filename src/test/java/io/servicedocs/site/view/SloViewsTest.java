package io.servicedocs.site.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.servicedocs.model.CostMonth;
import io.servicedocs.model.SloMonth;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** One month of one SLO as the pages and the export show it: figures by hand, never rounded up. */
class SloViewsTest {

    private static SloMonth month(String attainment, String target, CostMonth.Status status) {
        return new SloMonth("p", "s", "prometheus", YearMonth.of(2026, 10), status, Optional.empty(), Optional.empty(),
                Optional.ofNullable(attainment).map(BigDecimal::new), new BigDecimal(target),
                Instant.parse("2026-11-01T00:00:00Z"), Optional.empty());
    }

    @Test
    void aMetMonthKeepsWhatIsLeftOfItsBudget() {
        // 99.95 % of 99.9 %: 1 - 0.0005 / 0.001 = 0.5 of the budget left
        assertEquals(new SloViews.SloMonthView("2026-10", false, Optional.of("99.950"), Optional.of("50.0"), "met",
                Optional.empty()), SloViews.month(month("0.9995", "0.999", CostMonth.Status.FINAL)));
    }

    @Test
    void exactlyOnTargetIsMetWithNothingLeft() {
        assertEquals(new SloViews.SloMonthView("2026-10", false, Optional.of("99.000"), Optional.of("0.0"), "met",
                Optional.empty()), SloViews.month(month("0.99", "0.99", CostMonth.Status.FINAL)));
    }

    @Test
    void aMissedMonthOverspendsItsBudgetAndNoFigureIsRoundedUp() {
        // 0.99899 of 0.999: attainment 99.899 % (not 99.9), budget 1 - 0.00101 / 0.001 = -0.01 -> -1.0 %;
        // 0.9989999 would print 99.899 % too, and a budget of -0.0001 prints -0.1 %, not -0.0 %
        assertEquals(new SloViews.SloMonthView("2026-10", false, Optional.of("99.899"), Optional.of("-1.0"), "missed",
                Optional.empty()), SloViews.month(month("0.99899", "0.999", CostMonth.Status.FINAL)));
        assertEquals(new SloViews.SloMonthView("2026-10", true, Optional.of("99.899"), Optional.of("-0.1"), "missed",
                Optional.empty()), SloViews.month(month("0.9989999", "0.999", CostMonth.Status.PROVISIONAL)));
    }

    @Test
    void aMonthWithoutAttainmentIsNeitherMetNorMissed() {
        assertEquals(new SloViews.SloMonthView("2026-10", true, Optional.empty(), Optional.empty(), "not_measured",
                Optional.empty()), SloViews.month(month(null, "0.999", CostMonth.Status.PROVISIONAL)));
    }

    @Test
    void targetsPrintAsDeclared() {
        assertEquals("99.95", SloViews.target(new BigDecimal("0.9995")));
        assertEquals("90", SloViews.target(new BigDecimal("0.9")));
    }
}
