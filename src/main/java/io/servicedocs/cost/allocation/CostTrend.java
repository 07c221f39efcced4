package io.servicedocs.cost.allocation;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.servicedocs.cost.ledger.ProfitTone;
import io.servicedocs.model.Money;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Objects;
import java.util.Optional;

/**
 * How operating cost, demand and unit cost moved between two final months, and what that says:
 * a rising cost with a falling unit cost is growth, not waste; a falling unit cost with a falling
 * cost is a saving. Changes are percentages with one decimal. The reading says how cost moved,
 * not whether that is good: {@link #tone()} adds the profit of the later month ({@code profitable}),
 * so that a loss-making product's rising cost is never shown as good news.
 */
public record CostTrend(YearMonth from, YearMonth to, Money costFrom, Money costTo, BigDecimal costChange,
                        Optional<BigDecimal> demandChange, Optional<BigDecimal> unitCostChange, Reading reading,
                        boolean profitable) {

    /** Written in exports (and printed by pages) as its lower-case name. */
    public enum Reading {
        /** Cost up, unit cost down: more demand served more cheaply each. */
        @JsonProperty("growth") GROWTH,
        /** Cost down or flat, unit cost down. */
        @JsonProperty("saving") SAVING,
        /** Unit cost up: each unit of demand costs more. */
        @JsonProperty("unit_cost_rising") UNIT_COST_RISING,
        /** Unit cost within +-2 %. */
        @JsonProperty("steady") STEADY,
        /** No demand figures: only the cost change can be told. */
        @JsonProperty("no_demand") NO_DEMAND
    }

    public CostTrend {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(reading, "reading");
    }

    /** The colour and words of the trend, following the profit of the later month: see {@link ProfitTone}. */
    public ProfitTone tone() {
        int unitCostSign = switch (reading) {
            case GROWTH, SAVING -> -1;
            case UNIT_COST_RISING -> 1;
            case STEADY, NO_DEMAND -> 0;
        };
        return ProfitTone.of(profitable, costChange.signum(), unitCostSign);
    }
}
