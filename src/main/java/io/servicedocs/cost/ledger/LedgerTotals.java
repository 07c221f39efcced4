package io.servicedocs.cost.ledger;

import io.servicedocs.model.Money;
import java.time.YearMonth;
import java.util.Collection;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The check that sharing neither created nor lost money: per month (and currency), the shared
 * cost allocated to products equals the pools' allocated amounts exactly. It catches what no
 * single split can see: a pool split but never booked to a product, a product counted twice.
 */
public final class LedgerTotals {

    /**
     * Totals of one month in one currency: {@code pools} allocated (rounded to the unit),
     * {@code poolRoundingDifference} left out by that rounding (pools + difference = billed), and
     * {@code allocatedToProducts}, the sum of the products' shared costs.
     */
    public record MonthTotal(YearMonth month, Currency currency, Money pools, Money poolRoundingDifference,
                             Money allocatedToProducts) {

        public MonthTotal {
            Objects.requireNonNull(month, "month");
            Objects.requireNonNull(currency, "currency");
        }

        public boolean balanced() {
            return pools.amount().compareTo(allocatedToProducts.amount()) == 0;
        }
    }

    private LedgerTotals() {
    }

    /** The totals of every month and currency that appears in the splits or the product months, in order. */
    public static List<MonthTotal> of(Collection<PoolSplit> splits, Collection<ProductMonth> products) {
        record Key(YearMonth month, Currency currency) {
        }
        Map<Key, MonthTotal> totals = new TreeMap<>(Comparator.comparing(Key::month)
                .thenComparing(k -> k.currency().getCurrencyCode()));
        for (PoolSplit split : splits) {
            Currency currency = split.allocated().currency();
            totals.merge(new Key(split.month(), currency),
                    new MonthTotal(split.month(), currency, split.allocated(), split.roundingDifference(),
                            MinorUnit.zero(currency)),
                    LedgerTotals::add);
        }
        for (ProductMonth product : products) {
            Currency currency = product.currency();
            totals.merge(new Key(product.month(), currency),
                    new MonthTotal(product.month(), currency, MinorUnit.zero(currency), MinorUnit.zero(currency),
                            product.sharedCost()),
                    LedgerTotals::add);
        }
        return List.copyOf(totals.values());
    }

    /** Throws, listing every month that does not balance. */
    public static List<MonthTotal> verify(Collection<PoolSplit> splits, Collection<ProductMonth> products) {
        List<MonthTotal> totals = of(splits, products);
        List<String> unbalanced = totals.stream().filter(t -> !t.balanced())
                .map(t -> t.month() + ": pools " + t.pools() + ", allocated to products " + t.allocatedToProducts())
                .toList();
        if (!unbalanced.isEmpty()) {
            throw new LedgerException("shared costs do not balance: " + String.join("; ", unbalanced));
        }
        return totals;
    }

    private static MonthTotal add(MonthTotal a, MonthTotal b) {
        return new MonthTotal(a.month(), a.currency(), MinorUnit.plus(a.pools(), b.pools()),
                MinorUnit.plus(a.poolRoundingDifference(), b.poolRoundingDifference()),
                MinorUnit.plus(a.allocatedToProducts(), b.allocatedToProducts()));
    }
}
