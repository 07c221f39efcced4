package io.servicedocs.cost.allocation;

import io.servicedocs.cost.ledger.ProductMonth;
import io.servicedocs.cost.ledger.TrailingAverage;
import io.servicedocs.model.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/** What a product's series of months says: when it turned profitable, and whether its cost grew or saved. */
final class ProfitTrends {

    /** Months in the moving average of operating cost. */
    static final int AVERAGE_WINDOW = 3;
    /** Unit cost changes within this many percent read as steady. */
    private static final BigDecimal STEADY_PERCENT = new BigDecimal("2");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private ProfitTrends() {
    }

    static ProductCosts of(String productId, List<ProductMonth> months, Set<YearMonth> provisionalMonths) {
        return of(productId, months, provisionalMonths, new io.servicedocs.cost.ledger.CanonicalAmounts());
    }

    /** @param amounts the computation's shared amounts: the averages of all products share equal ones */
    static ProductCosts of(String productId, List<ProductMonth> months, Set<YearMonth> provisionalMonths,
                           io.servicedocs.cost.ledger.CanonicalAmounts amounts) {
        // a month whose finance is not reported has no labour in its operating cost: it is unknown to
        // the average, as a gap is, rather than a dip
        SortedMap<YearMonth, Money> operating = new TreeMap<>();
        months.stream().filter(ProductMonth::financeReported).forEach(m -> operating.put(m.month(), m.operatingCost()));
        // profit and cost are compared only over final months with reported finance: see ProductMonth
        List<ProductMonth> finalMonths = months.stream()
                .filter(m -> !m.provisional() && !provisionalMonths.contains(m.month()) && m.financeReported()).toList();
        SortedMap<YearMonth, Money> averages = new TreeMap<>();
        TrailingAverage.of(operating, AVERAGE_WINDOW).forEach((month, money) -> averages.put(month, amounts.of(money)));
        return new ProductCosts(productId, months, averages,
                turnedProfitable(finalMonths), trend(finalMonths));
    }

    /**
     * The first month of the current run of profitable final months, when a loss-making month
     * came before it; empty when the latest final month lost money or the product was never in loss.
     */
    static Optional<YearMonth> turnedProfitable(List<ProductMonth> finalMonths) {
        Optional<YearMonth> start = Optional.empty();
        boolean lossBefore = false;
        for (ProductMonth month : finalMonths) {
            if (month.profitable()) {
                if (start.isEmpty() && lossBefore) {
                    start = Optional.of(month.month());
                }
            } else {
                lossBefore = true;
                start = Optional.empty();
            }
        }
        return start;
    }

    /**
     * The latest final month against the same month a year before, or the earliest final month
     * after it (with a unit cost, when the latest has one), if that is at least 3 months before.
     */
    static Optional<CostTrend> trend(List<ProductMonth> finalMonths) {
        if (finalMonths.size() < 2) {
            return Optional.empty();
        }
        ProductMonth to = finalMonths.get(finalMonths.size() - 1);
        YearMonth yearBefore = to.month().minusMonths(12);
        // compare like with like: when the latest month has a unit cost, start from the first month that has one too
        ProductMonth from = finalMonths.stream().filter(m -> !m.month().isBefore(yearBefore))
                .filter(m -> to.unitCost().isEmpty() || m.unitCost().isPresent()).findFirst().orElse(to);
        if (from.month().plusMonths(3).isAfter(to.month()) || from.operatingCost().amount().signum() <= 0) {
            return Optional.empty();
        }
        BigDecimal costChange = change(from.operatingCost().amount(), to.operatingCost().amount());
        Optional<BigDecimal> demandChange = from.demand().filter(d -> d.signum() > 0)
                .flatMap(d -> to.demand().map(t -> change(d, t)));
        Optional<BigDecimal> unitChange = from.unitCost().flatMap(f -> to.unitCost()
                .filter(t -> f.amount().signum() > 0).map(t -> change(f.amount(), t.amount())));
        CostTrend.Reading reading;
        if (unitChange.isEmpty()) {
            reading = CostTrend.Reading.NO_DEMAND;
        } else if (unitChange.get().abs().compareTo(STEADY_PERCENT) <= 0) {
            reading = CostTrend.Reading.STEADY;
        } else if (unitChange.get().signum() > 0) {
            reading = CostTrend.Reading.UNIT_COST_RISING;
        } else if (costChange.signum() > 0) {
            reading = CostTrend.Reading.GROWTH;
        } else {
            reading = CostTrend.Reading.SAVING;
        }
        return Optional.of(new CostTrend(from.month(), to.month(), from.operatingCost(), to.operatingCost(), costChange,
                demandChange, unitChange, reading, to.profitable()));
    }

    private static BigDecimal change(BigDecimal from, BigDecimal to) {
        return to.subtract(from).multiply(HUNDRED).divide(from, 1, RoundingMode.HALF_EVEN);
    }
}
