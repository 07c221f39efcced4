package io.servicedocs.site.view;

import io.servicedocs.cost.allocation.CostTrend;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * A product's cost trend as pages show it: changes signed ("+12.5", "-3.0"), the reading as the
 * report has it; {@code label} the key suffix of its words under "costs.trend." (the reading, or
 * "loss." and the reading for a product that lost money in the later month, so that a loss is never
 * worded as growth) and {@code tone} its colour ("good", "neutral", "bad"), both following profit.
 */
public record CostTrendView(String from, String to, Amount costFrom, Amount costTo, String costChange,
                            Optional<String> demandChange, Optional<String> unitCostChange, CostTrend.Reading reading,
                            boolean profitable, String label, String tone) {

    static CostTrendView of(CostTrend trend) {
        return new CostTrendView(trend.from().toString(), trend.to().toString(), Amount.of(trend.costFrom()),
                Amount.of(trend.costTo()), signed(trend.costChange()), trend.demandChange().map(CostTrendView::signed),
                trend.unitCostChange().map(CostTrendView::signed), trend.reading(), trend.profitable(),
                (trend.profitable() ? "" : "loss.") + readingCode(trend.reading()), trend.tone().code());
    }

    /** The reading's lower-case name, as exports write it. */
    private static String readingCode(CostTrend.Reading reading) {
        return reading.name().toLowerCase(java.util.Locale.ROOT);
    }

    private static String signed(BigDecimal percent) {
        return (percent.signum() > 0 ? "+" : "") + percent.toPlainString();
    }
}
