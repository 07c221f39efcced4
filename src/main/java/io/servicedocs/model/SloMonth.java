package io.servicedocs.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Objects;
import java.util.Optional;

/**
 * One SLO's measured attainment in one calendar month, as kept in
 * slo-data/&lt;source&gt;/&lt;YYYY-MM&gt;.yaml: the good and total counts when the source gives them,
 * the attainment (good / total, exact), the target it was judged against, and whether that month
 * is final. {@code note} says why a month is incomplete (partial data, retention) when it is.
 */
public record SloMonth(String product, String slo, String source, YearMonth month, CostMonth.Status status,
                       Optional<BigDecimal> good, Optional<BigDecimal> total, Optional<BigDecimal> attainment,
                       BigDecimal target, Instant retrieved, Optional<String> note) {

    public SloMonth {
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(slo, "slo");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(month, "month");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(good, "good");
        Objects.requireNonNull(total, "total");
        Objects.requireNonNull(attainment, "attainment");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(retrieved, "retrieved");
        Objects.requireNonNull(note, "note");
    }

    /** Met when measured and at or above target; a month without a measurement is neither met nor missed. */
    public Optional<Boolean> met() {
        return attainment.map(a -> a.compareTo(target) >= 0);
    }

    /** The share of the month's error budget left: 1 - (1 - attainment) / (1 - target); may be negative. */
    public Optional<BigDecimal> errorBudgetLeft() {
        BigDecimal allowed = BigDecimal.ONE.subtract(target);
        if (allowed.signum() == 0) {
            return Optional.empty();
        }
        return attainment.map(a -> BigDecimal.ONE.subtract(
                BigDecimal.ONE.subtract(a).divide(allowed, java.math.MathContext.DECIMAL64)));
    }
}
