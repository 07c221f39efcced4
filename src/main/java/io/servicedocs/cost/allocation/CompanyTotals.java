package io.servicedocs.cost.allocation;

import io.servicedocs.cost.ledger.CostChange;
import io.servicedocs.cost.ledger.CostChangeDecomposition;
import io.servicedocs.cost.ledger.LedgerTotals;
import io.servicedocs.cost.ledger.MinorUnit;
import io.servicedocs.cost.ledger.ProductMonth;
import io.servicedocs.model.DemandMetric;
import io.servicedocs.model.Money;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the company page tells, computed once with the report: the company's months, the products
 * ranked by profit in the latest final month (most profitable first, ties by id), the products
 * that turned profitable (earliest first, ties by id), the unallocated cost by element (by source,
 * then element key), and whether every month's shared costs balanced; and growth or savings: the
 * change of operating cost from the final month before the latest final month
 * ({@code monthOverMonth}) and from the same month a year earlier ({@code yearOverYear}) to the
 * latest final month, decomposed per product and for the company ({@link CostChangeDecomposition});
 * each empty when that earlier month is not in the report, not final, or not reported by every
 * product's finance. The latest final month is the latest whose bills are all final and whose
 * finance every product has reported.
 */
public record CompanyTotals(List<CompanyMonth> months, Optional<YearMonth> latestFinalMonth,
                            List<RankedProduct> profitRanking, List<ProductCosts> turnedProfitable,
                            List<UnallocatedElement> unallocated, boolean balanced,
                            Optional<CostChange> monthOverMonth, Optional<CostChange> yearOverYear) {

    public CompanyTotals {
        months = List.copyOf(months);
        profitRanking = List.copyOf(profitRanking);
        turnedProfitable = List.copyOf(turnedProfitable);
        unallocated = List.copyOf(unallocated);
    }

    static CompanyTotals of(Currency currency, List<YearMonth> months, Set<YearMonth> provisionalMonths,
                            Collection<ProductCosts> products, List<UnallocatedCost> unallocated,
                            List<LedgerTotals.MonthTotal> totals) {
        return of(currency, months, provisionalMonths, products, unallocated, totals, Map.of());
    }

    /** @param demandMetrics each product's demand metric, by product id: the unit of its unit cost */
    static CompanyTotals of(Currency currency, List<YearMonth> months, Set<YearMonth> provisionalMonths,
                            Collection<ProductCosts> products, List<UnallocatedCost> unallocated,
                            List<LedgerTotals.MonthTotal> totals, Map<String, DemandMetric> demandMetrics) {
        List<CompanyMonth> companyMonths = new ArrayList<>();
        for (YearMonth month : months) {
            Money operating = MinorUnit.zero(currency);
            Money mrr = MinorUnit.zero(currency);
            int unreported = 0;
            for (ProductCosts costs : products) {
                Optional<ProductMonth> m = costs.month(month);
                if (m.isPresent()) {
                    operating = MinorUnit.plus(operating, m.get().operatingCost());
                    if (m.get().mrr().isPresent()) {
                        mrr = MinorUnit.plus(mrr, m.get().mrr().get());
                    } else {
                        unreported++;
                    }
                }
            }
            Money unclaimed = unallocated.stream().filter(u -> u.month().equals(month)).map(UnallocatedCost::converted)
                    .reduce(MinorUnit.zero(currency), MinorUnit::plus);
            Optional<Money> known = unreported == 0 ? Optional.of(mrr) : Optional.empty();
            Money cost = operating;
            companyMonths.add(new CompanyMonth(month, provisionalMonths.contains(month), operating, known,
                    known.map(m -> MinorUnit.minus(m, cost)), unclaimed, unreported));
        }
        // profits are ranked and costs compared in a month whose bills are final and whose finance
        // every product has reported: a month without labour would read as a saving, and without MRR as a loss
        Optional<YearMonth> latestFinal = companyMonths.stream()
                .filter(m -> !m.provisional() && m.financeReported()).map(CompanyMonth::month).reduce((a, b) -> b);
        List<RankedProduct> ranking = products.stream()
                .flatMap(c -> latestFinal.flatMap(c::month).map(m -> new RankedProduct(c, m)).stream())
                .sorted(Comparator.comparing((RankedProduct r) -> r.month().profit().orElseThrow().amount()).reversed()
                        .thenComparing(r -> r.costs().productId()))
                .toList();
        List<ProductCosts> turned = products.stream().filter(c -> c.turnedProfitable().isPresent())
                .sorted(Comparator.comparing((ProductCosts c) -> c.turnedProfitable().get())
                        .thenComparing(ProductCosts::productId))
                .toList();
        return new CompanyTotals(companyMonths, latestFinal, ranking, turned,
                byElement(currency, unallocated, latestFinal), totals.stream().allMatch(LedgerTotals.MonthTotal::balanced),
                change(currency, companyMonths, products, demandMetrics, latestFinal, 1),
                change(currency, companyMonths, products, demandMetrics, latestFinal, 12));
    }

    /**
     * The decomposed change from {@code monthsBack} months before the latest final month, when that
     * month is final and every product has reported its finance for it, as in the latest final month:
     * a product whose finance.yaml ended before it (a retired product, say) would otherwise be
     * compared without its labour.
     */
    private static Optional<CostChange> change(Currency currency, List<CompanyMonth> companyMonths,
                                               Collection<ProductCosts> products, Map<String, DemandMetric> demandMetrics,
                                               Optional<YearMonth> latestFinal, int monthsBack) {
        return latestFinal.map(to -> to.minusMonths(monthsBack))
                .filter(from -> companyMonths.stream().anyMatch(m -> m.month().equals(from) && !m.provisional()
                        && m.financeReported()))
                .map(from -> CostChangeDecomposition.decompose(from, latestFinal.get(), currency, products.stream()
                        .map(c -> new CostChangeDecomposition.Input(c.productId(),
                                Optional.ofNullable(demandMetrics.get(c.productId())), c.month(from),
                                c.month(latestFinal.get())))
                        .toList()));
    }

    private static List<UnallocatedElement> byElement(Currency currency, List<UnallocatedCost> unallocated,
                                                      Optional<YearMonth> latestFinal) {
        record Key(String source, String element) {
        }
        Map<Key, List<UnallocatedCost>> grouped = new LinkedHashMap<>();
        unallocated.stream().sorted(Comparator.comparing(UnallocatedCost::source)
                        .thenComparing(u -> u.element().keyWithTag(u.tag())))
                .forEach(u -> grouped.computeIfAbsent(new Key(u.source(), u.element().keyWithTag(u.tag())),
                        k -> new ArrayList<>()).add(u));
        List<UnallocatedElement> elements = new ArrayList<>();
        grouped.forEach((key, costs) -> {
            UnallocatedCost first = costs.get(0);
            Money total = costs.stream().map(UnallocatedCost::converted).reduce(MinorUnit.zero(currency), MinorUnit::plus);
            Optional<Money> inLatest = latestFinal.flatMap(m -> costs.stream().filter(c -> c.month().equals(m)).findFirst())
                    .map(UnallocatedCost::converted);
            elements.add(new UnallocatedElement(key.source(), first.element(), first.tag(), costs, total, inLatest));
        });
        return elements;
    }
}
