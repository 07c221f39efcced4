package io.servicedocs.cost.ledger;

import io.servicedocs.model.DemandMetric;
import io.servicedocs.model.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Growth or savings: splits the change of each product's operating cost between two months into
 * a <em>volume effect</em>, what the change of demand would have cost at the old unit cost, and an
 * <em>efficiency effect</em>, what the change of unit cost did at the new demand:
 *
 * <pre>
 *   C1 - C0 = (D1 - D0) x U0  +  (U1 - U0) x D1        U = C / D
 *             volume effect      efficiency effect
 * </pre>
 *
 * <p>With exact unit costs the two terms add up to the change by algebra. Money is kept at the
 * currency's smallest unit, so: the volume effect is {@code (D1 - D0) x C0 / D0} computed with a
 * single division and rounded HALF_EVEN to the unit; the efficiency effect is the change minus the
 * volume effect, which is within half a unit of {@code (U1 - U0) x D1} and makes the sum exact.
 * The unit costs shown beside them are rounded to two decimals and are not used in the effects.
 *
 * <p>A product is decomposed only when its demand is above zero in both months: without demand
 * figures there is no unit cost; with zero demand before there is no old unit cost to price the
 * new demand at; with zero demand after there is no new unit cost. Such a product (and one new or
 * gone, with no figures in one of the months, whose cost there counts as zero) contributes its
 * whole change to the company's "not explained by demand" part. The company's effects are the sums
 * of the products' (see {@link CostChange} for its invariant). Pure: no I/O, nothing kept.
 */
public final class CostChangeDecomposition {

    private CostChangeDecomposition() {
    }

    /** A product's two months as the ledger computed them, and its demand metric (the unit of its unit cost). */
    public record Input(String productId, Optional<DemandMetric> metric, Optional<ProductMonth> from,
                        Optional<ProductMonth> to) {
        public Input {
            Objects.requireNonNull(productId, "productId");
            Objects.requireNonNull(metric, "metric");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }
    }

    /**
     * The decomposition of every product's change from {@code from} to {@code to}, and the company's.
     * Products with figures in neither month are left out.
     *
     * @throws LedgerException when an amount is not in {@code currency}: effects of amounts in two
     *     currencies would mean nothing, so they are refused rather than converted here
     * @throws IllegalArgumentException when {@code from} is not before {@code to}, or a given month
     *     is not the month it is given for
     */
    public static CostChange decompose(YearMonth from, YearMonth to, Currency currency, List<Input> products) {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("a cost change is from an earlier month to a later one, not from "
                    + from + " to " + to);
        }
        Money zero = MinorUnit.zero(currency);
        List<ProductCostChange> changes = new ArrayList<>();
        for (Input input : products.stream().sorted(Comparator.comparing(Input::productId)).toList()) {
            if (input.from().isEmpty() && input.to().isEmpty()) {
                continue;
            }
            input.from().ifPresent(m -> requireMonth(input.productId(), m, from, currency));
            input.to().ifPresent(m -> requireMonth(input.productId(), m, to, currency));
            changes.add(product(input, zero));
        }
        Money costFrom = sum(zero, changes, ProductCostChange::costFrom);
        Money costTo = sum(zero, changes, ProductCostChange::costTo);
        return new CostChange(from, to, currency, changes, costFrom, costTo, MinorUnit.minus(costTo, costFrom),
                sum(zero, changes, c -> c.volumeEffect().orElse(zero)),
                sum(zero, changes, c -> c.efficiencyEffect().orElse(zero)),
                sum(zero, changes, ProductCostChange::notExplainedByDemand));
    }

    private static ProductCostChange product(Input input, Money zero) {
        Money c0 = input.from().map(ProductMonth::operatingCost).orElse(zero);
        Money c1 = input.to().map(ProductMonth::operatingCost).orElse(zero);
        Money change = MinorUnit.minus(c1, c0);
        Optional<BigDecimal> d0 = input.from().flatMap(ProductMonth::demand);
        Optional<BigDecimal> d1 = input.to().flatMap(ProductMonth::demand);
        Money profitTo = input.to().flatMap(ProductMonth::profit).orElse(MinorUnit.minus(zero, c1));
        ProductCostChange.Explained explained;
        if (input.metric().isEmpty() || d0.isEmpty() && input.from().isPresent() || d1.isEmpty()) {
            explained = ProductCostChange.Explained.NO_DEMAND;
        } else if (d0.isEmpty() || d0.get().signum() <= 0) {
            explained = ProductCostChange.Explained.NO_DEMAND_BEFORE;
        } else if (d1.get().signum() <= 0) {
            explained = ProductCostChange.Explained.NO_DEMAND_AFTER;
        } else {
            explained = ProductCostChange.Explained.DECOMPOSED;
        }
        Optional<Money> unitFrom = input.from().flatMap(ProductMonth::unitCost);
        Optional<Money> unitTo = input.to().flatMap(ProductMonth::unitCost);
        if (explained != ProductCostChange.Explained.DECOMPOSED) {
            return new ProductCostChange(input.productId(), input.metric(), c0, c1, change, d0, d1, unitFrom, unitTo,
                    Optional.empty(), Optional.empty(), change, explained, profitTo);
        }
        // (D1 - D0) x C0 / D0 with one division, so that the only rounding is to the currency's unit
        BigDecimal volume = d1.get().subtract(d0.get()).multiply(c0.amount())
                .divide(d0.get(), MinorUnit.scale(c0.currency()), RoundingMode.HALF_EVEN);
        Money volumeEffect = new Money(volume, c0.currency());
        Money efficiencyEffect = MinorUnit.minus(change, volumeEffect);
        return new ProductCostChange(input.productId(), input.metric(), c0, c1, change, d0, d1, unitFrom, unitTo,
                Optional.of(volumeEffect), Optional.of(efficiencyEffect), zero, explained, profitTo);
    }

    private static void requireMonth(String productId, ProductMonth month, YearMonth expected, Currency currency) {
        if (!month.month().equals(expected)) {
            throw new IllegalArgumentException("product '" + productId + "': given " + month.month()
                    + " for the month " + expected);
        }
        if (!month.financeReported()) {
            throw new LedgerException("product '" + productId + "' has not reported its finance for " + expected
                    + ": its operating cost without labour cannot be compared with another month's");
        }
        for (Money amount : List.of(month.operatingCost(), month.profit().orElseThrow())) {
            if (!amount.currency().equals(currency)) {
                throw new LedgerException("product '" + productId + "' in " + expected + ": operating cost and profit"
                        + " must be in the reporting currency " + currency.getCurrencyCode() + " to compare months, not "
                        + amount.currency().getCurrencyCode() + "; convert the month before decomposing its change");
            }
        }
    }

    private static Money sum(Money zero, List<ProductCostChange> changes,
                             java.util.function.Function<ProductCostChange, Money> part) {
        return changes.stream().map(part).reduce(zero, MinorUnit::plus);
    }
}
