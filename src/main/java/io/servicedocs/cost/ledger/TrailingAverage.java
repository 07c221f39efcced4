package io.servicedocs.cost.ledger;

import io.servicedocs.model.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A trailing moving average of a monthly series: the value of a month is the mean of that month
 * and the {@code window - 1} before it. It smooths lumpy costs (an annual invoice, a one-off
 * credit) for charts; it is a view, not a ledger, so its values need not add up to the series.
 */
public final class TrailingAverage {

    private TrailingAverage() {
    }

    /**
     * Averages for the months whose whole window is in {@code series}. A month missing from the
     * series is unknown, not zero, so a window that touches a gap has no average; the first
     * {@code window - 1} months have none either. Each mean is rounded to the currency's unit,
     * HALF_EVEN.
     */
    public static SortedMap<YearMonth, Money> of(SortedMap<YearMonth, Money> series, int window) {
        if (window < 1) {
            throw new IllegalArgumentException("the window must be at least one month, got " + window);
        }
        SortedMap<YearMonth, Money> averages = new TreeMap<>();
        for (Map.Entry<YearMonth, Money> entry : series.entrySet()) {
            YearMonth month = entry.getKey();
            Money sum = MinorUnit.zero(entry.getValue().currency());
            boolean complete = true;
            for (int back = 0; back < window && complete; back++) {
                Money value = series.get(month.minusMonths(back));
                if (value == null) {
                    complete = false;
                } else {
                    sum = MinorUnit.plus(sum, value);
                }
            }
            if (complete) {
                int scale = MinorUnit.scale(sum.currency());
                BigDecimal mean = sum.amount().divide(BigDecimal.valueOf(window), scale, RoundingMode.HALF_EVEN);
                averages.put(month, new Money(mean, sum.currency()));
            }
        }
        return Collections.unmodifiableSortedMap(averages);
    }
}
