package io.servicedocs.site.view;

import io.servicedocs.cost.allocation.CostTrend;
import java.math.BigDecimal;
import java.util.Optional;

/** A product's cost trend as pages show it: changes signed ("+12.5", "-3.0"), the reading as the report has it. */
public record CostTrendView(String from, String to, Amount costFrom, Amount costTo, String costChange,
                            Optional<String> demandChange, Optional<String> unitCostChange, CostTrend.Reading reading) {

    static CostTrendView of(CostTrend trend) {
        return new CostTrendView(trend.from().toString(), trend.to().toString(), Amount.of(trend.costFrom()),
                Amount.of(trend.costTo()), signed(trend.costChange()), trend.demandChange().map(CostTrendView::signed),
                trend.unitCostChange().map(CostTrendView::signed), trend.reading());
    }

    private static String signed(BigDecimal percent) {
        return (percent.signum() > 0 ? "+" : "") + percent.toPlainString();
    }
}
