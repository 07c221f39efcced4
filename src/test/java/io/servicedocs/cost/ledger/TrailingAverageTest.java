package io.servicedocs.cost.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.servicedocs.model.Money;
import java.time.YearMonth;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class TrailingAverageTest {

    private static SortedMap<YearMonth, Money> series(Object... monthsAndAmounts) {
        SortedMap<YearMonth, Money> series = new TreeMap<>();
        for (int i = 0; i < monthsAndAmounts.length; i += 2) {
            series.put(YearMonth.parse((String) monthsAndAmounts[i]), Money.of((String) monthsAndAmounts[i + 1], "JPY"));
        }
        return series;
    }

    @Test
    void threeMonthAverageStartsWhenTheWindowIsFull() {
        // Mar: (1200 + 0 + 0) / 3 = 400; Apr: (0 + 0 + 300) / 3 = 100; May: (0 + 300 + 100) / 3 = 133.33 -> 133
        SortedMap<YearMonth, Money> averages = TrailingAverage.of(series("2026-01", "1200", "2026-02", "0",
                "2026-03", "0", "2026-04", "300", "2026-05", "100"), 3);
        assertEquals(Map.of(YearMonth.of(2026, 3), Money.of("400", "JPY"), YearMonth.of(2026, 4), Money.of("100", "JPY"),
                YearMonth.of(2026, 5), Money.of("133", "JPY")), averages);
    }

    @Test
    void aMissingMonthIsUnknownNotZero() {
        // no 2026-03: the windows ending in March (absent), April and May touch the gap
        SortedMap<YearMonth, Money> averages = TrailingAverage.of(series("2026-01", "10", "2026-02", "20",
                "2026-04", "30", "2026-05", "40", "2026-06", "50"), 2);
        assertEquals(Map.of(YearMonth.of(2026, 2), Money.of("15", "JPY"), YearMonth.of(2026, 5), Money.of("35", "JPY"),
                YearMonth.of(2026, 6), Money.of("45", "JPY")), averages);
    }

    @Test
    void windowOfOneIsTheSeriesAndRoundingIsHalfEven() {
        SortedMap<YearMonth, Money> usd = new TreeMap<>(Map.of(YearMonth.of(2026, 1), Money.of("0.01", "USD"),
                YearMonth.of(2026, 2), Money.of("0.02", "USD")));
        assertEquals(Map.of(YearMonth.of(2026, 1), Money.of("0.01", "USD"), YearMonth.of(2026, 2), Money.of("0.02", "USD")),
                TrailingAverage.of(usd, 1));
        // (0.01 + 0.02) / 2 = 0.015 -> 0.02 (half-even); (0.02 + 0.03) / 2 = 0.025 -> 0.02
        usd.put(YearMonth.of(2026, 3), Money.of("0.03", "USD"));
        assertEquals(Map.of(YearMonth.of(2026, 2), Money.of("0.02", "USD"), YearMonth.of(2026, 3), Money.of("0.02", "USD")),
                TrailingAverage.of(usd, 2));
        assertThrows(IllegalArgumentException.class, () -> TrailingAverage.of(usd, 0));
    }
}
