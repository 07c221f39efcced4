package io.servicedocs.cost.focus;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Optional;

/**
 * Which FOCUS cost column the cost data keeps. EffectiveCost (the default) is the amortised cost
 * after discounts: what the organisation really pays for the month's use; BilledCost is what the
 * invoice says (a one-time purchase is all in its month); ListCost is before any discount.
 */
public enum CostMetric {
    EFFECTIVE_COST("EffectiveCost"),
    BILLED_COST("BilledCost"),
    LIST_COST("ListCost");

    private final String column;

    CostMetric(String column) {
        this.column = column;
    }

    /** The FOCUS column name, as the option and the month file's basis spell it. */
    public String column() {
        return column;
    }

    public BigDecimal of(ChargeGroup group) {
        return switch (this) {
            case EFFECTIVE_COST -> group.effectiveCost();
            case BILLED_COST -> group.billedCost();
            case LIST_COST -> group.listCost();
        };
    }

    /** The metric of a column name, in any case. */
    public static Optional<CostMetric> ofColumn(String name) {
        return Arrays.stream(values()).filter(m -> m.column.equalsIgnoreCase(name)).findFirst();
    }
}
