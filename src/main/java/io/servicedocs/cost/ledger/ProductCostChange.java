package io.servicedocs.cost.ledger;

import io.servicedocs.model.DemandMetric;
import io.servicedocs.model.Money;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * One product's change of operating cost between two months, decomposed by
 * {@link CostChangeDecomposition}. Every amount is in the reporting currency at its smallest unit.
 *
 * <p>Invariants: {@code change = costTo - costFrom}; when {@code explained} is
 * {@link Explained#DECOMPOSED}, {@code volumeEffect + efficiencyEffect = change} exactly and
 * {@code notExplainedByDemand} is zero; otherwise both effects are empty and
 * {@code notExplainedByDemand = change}. Unit costs (operating cost / demand, two decimals as in
 * {@link ProductMonth}) are in units of {@code metric}: currency per one unit of demand in a month.
 * {@code profitTo} is the later month's profit (zero minus the cost when the product has no such month).
 *
 * @param costFrom operating cost of the earlier month, zero when the product has no figures then
 */
public record ProductCostChange(String productId, Optional<DemandMetric> metric, Money costFrom, Money costTo,
                                Money change, Optional<BigDecimal> demandFrom, Optional<BigDecimal> demandTo,
                                Optional<Money> unitCostFrom, Optional<Money> unitCostTo,
                                Optional<Money> volumeEffect, Optional<Money> efficiencyEffect,
                                Money notExplainedByDemand, Explained explained, Money profitTo) {

    /** Whether the change could be decomposed, and if not why. */
    public enum Explained {
        /** Demand above zero in both months: volume and efficiency effects. */
        DECOMPOSED,
        /** No demand figures in one of the months (or no demand metric): no unit cost to compare. */
        NO_DEMAND,
        /** Zero demand (or no figures at all) in the earlier month: no old unit cost to price the new demand at. */
        NO_DEMAND_BEFORE,
        /** Zero demand in the later month: no new unit cost. */
        NO_DEMAND_AFTER;

        /** The lower-case name exports use, e.g. "no_demand_before". */
        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public ProductCostChange {
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(explained, "explained");
        if (costTo.amount().subtract(costFrom.amount()).compareTo(change.amount()) != 0) {
            throw new IllegalArgumentException(productId + ": change " + change + " is not " + costTo + " - " + costFrom);
        }
        BigDecimal explainedPart = volumeEffect.map(Money::amount).orElse(BigDecimal.ZERO)
                .add(efficiencyEffect.map(Money::amount).orElse(BigDecimal.ZERO));
        if (explainedPart.add(notExplainedByDemand.amount()).compareTo(change.amount()) != 0
                || volumeEffect.isPresent() != (explained == Explained.DECOMPOSED)
                || efficiencyEffect.isPresent() != volumeEffect.isPresent()) {
            throw new IllegalArgumentException(productId + ": volume " + volumeEffect + " + efficiency "
                    + efficiencyEffect + " + not explained " + notExplainedByDemand + " is not the change " + change);
        }
    }

    /** Whether the later month made a profit. */
    public boolean profitable() {
        return profitTo.amount().signum() > 0;
    }

    /** The colour and words of this change: see {@link ProfitTone}. */
    public ProfitTone tone() {
        int unitCostSign = unitCostFrom.flatMap(f -> unitCostTo.map(t -> t.amount().compareTo(f.amount()))).orElse(0);
        return ProfitTone.of(profitable(), change.amount().signum(), Integer.signum(unitCostSign));
    }
}
