package io.servicedocs.cost.allocation;

import io.servicedocs.cost.ledger.LedgerTotals;
import io.servicedocs.cost.ledger.MinorUnit;
import io.servicedocs.cost.ledger.ProductMonth;
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
 * then element key), and whether every month's shared costs balanced.
 */
public record CompanyTotals(List<CompanyMonth> months, Optional<YearMonth> latestFinalMonth,
                            List<RankedProduct> profitRanking, List<ProductCosts> turnedProfitable,
                            List<UnallocatedElement> unallocated, boolean balanced) {

    public CompanyTotals {
        months = List.copyOf(months);
        profitRanking = List.copyOf(profitRanking);
        turnedProfitable = List.copyOf(turnedProfitable);
        unallocated = List.copyOf(unallocated);
    }

    static CompanyTotals of(Currency currency, List<YearMonth> months, Set<YearMonth> provisionalMonths,
                            Collection<ProductCosts> products, List<UnallocatedCost> unallocated,
                            List<LedgerTotals.MonthTotal> totals) {
        Optional<YearMonth> latestFinal = months.stream().filter(m -> !provisionalMonths.contains(m)).reduce((a, b) -> b);
        List<CompanyMonth> companyMonths = new ArrayList<>();
        for (YearMonth month : months) {
            Money operating = MinorUnit.zero(currency);
            Money mrr = MinorUnit.zero(currency);
            for (ProductCosts costs : products) {
                Optional<ProductMonth> m = costs.month(month);
                if (m.isPresent()) {
                    operating = MinorUnit.plus(operating, m.get().operatingCost());
                    mrr = MinorUnit.plus(mrr, m.get().mrr());
                }
            }
            Money unclaimed = unallocated.stream().filter(u -> u.month().equals(month)).map(UnallocatedCost::converted)
                    .reduce(MinorUnit.zero(currency), MinorUnit::plus);
            companyMonths.add(new CompanyMonth(month, provisionalMonths.contains(month), operating, mrr,
                    MinorUnit.minus(mrr, operating), unclaimed));
        }
        List<RankedProduct> ranking = products.stream()
                .flatMap(c -> latestFinal.flatMap(c::month).map(m -> new RankedProduct(c, m)).stream())
                .sorted(Comparator.comparing((RankedProduct r) -> r.month().profit().amount()).reversed()
                        .thenComparing(r -> r.costs().productId()))
                .toList();
        List<ProductCosts> turned = products.stream().filter(c -> c.turnedProfitable().isPresent())
                .sorted(Comparator.comparing((ProductCosts c) -> c.turnedProfitable().get())
                        .thenComparing(ProductCosts::productId))
                .toList();
        return new CompanyTotals(companyMonths, latestFinal, ranking, turned,
                byElement(currency, unallocated, latestFinal), totals.stream().allMatch(LedgerTotals.MonthTotal::balanced));
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
