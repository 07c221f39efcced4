package io.servicedocs.cost.allocation;

import io.servicedocs.model.Money;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Objects;
import java.util.Optional;

/**
 * How operating cost, demand and unit cost moved between two final months, and what that says:
 * a rising cost with a falling unit cost is growth, not waste; a falling unit cost with a falling
 * cost is a saving. Changes are percentages with one decimal.
 */
public record CostTrend(YearMonth from, YearMonth to, Money costFrom, Money costTo, BigDecimal costChange,
                        Optional<BigDecimal> demandChange, Optional<BigDecimal> unitCostChange, Reading reading) {

    public enum Reading {
        /** Cost up, unit cost down: more demand served more cheaply each. */
        GROWTH,
        /** Cost down or flat, unit cost down. */
        SAVING,
        /** Unit cost up: each unit of demand costs more. */
        UNIT_COST_RISING,
        /** Unit cost within +-2 %. */
        STEADY,
        /** No demand figures: only the cost change can be told. */
        NO_DEMAND
    }

    public CostTrend {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(reading, "reading");
    }
}
