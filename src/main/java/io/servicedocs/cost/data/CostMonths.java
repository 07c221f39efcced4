package io.servicedocs.cost.data;

import io.servicedocs.model.CostElement;
import io.servicedocs.model.CostMonth;
import io.servicedocs.model.CostMonth.CostLine;
import io.servicedocs.model.CostMonth.Revision;
import io.servicedocs.model.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Comparisons and totals of {@link CostMonth}s that the store and the converters share. */
public final class CostMonths {

    private CostMonths() {
    }

    /** The order of cost lines in a file: provider, vendor, id, tag (none first), currency. */
    public static final Comparator<CostLine> LINE_ORDER = Comparator
            .comparing((CostLine l) -> providerName(l.element().provider()))
            .thenComparing(l -> l.element().vendor().orElse(""))
            .thenComparing(l -> l.element().id())
            .thenComparing(l -> l.tag().isPresent())
            .thenComparing(l -> l.tag().orElse(""))
            .thenComparing(l -> l.currency().getCurrencyCode())
            .thenComparing(l -> l.billingPeriod().map(YearMonth::toString).orElse(""));

    /** "aws", "azure", ...: the provider as the files spell it. */
    public static String providerName(CostElement.Provider provider) {
        return provider.name().toLowerCase(Locale.ROOT);
    }

    /**
     * The month as its file holds it: cost lines in file order, and amounts with a negative scale
     * (1E+3) at scale 0 (1000), the same value as the file writes it.
     */
    public static CostMonth sorted(CostMonth month) {
        List<CostLine> lines = new ArrayList<>();
        for (CostLine line : month.costs()) {
            lines.add(new CostLine(line.element(), line.tag(), plain(line.amount()), line.currency(), line.billingPeriod(),
                    line.purchases().stream().map(p -> new CostMonth.TermPurchase(p.description(), plain(p.total()),
                            p.termStart(), p.termEnd(), p.months(), plain(p.share()))).toList()));
        }
        lines.sort(LINE_ORDER);
        List<Revision> revisions = month.revisions().stream()
                .map(r -> new Revision(r.replaced(), r.status(), r.retrieved(),
                        r.totals().stream().map(t -> new Money(plain(t.amount()), t.currency())).toList(), r.reason()))
                .toList();
        return new CostMonth(month.source(), month.month(), month.status(), month.basis(), month.retrieved(),
                month.origin(), lines, revisions);
    }

    /** The total per currency, sorted by currency code; empty without cost lines. Never converts. */
    public static List<Money> totals(CostMonth month) {
        Map<String, BigDecimal> totals = new TreeMap<>();
        for (CostLine line : month.costs()) {
            totals.merge(line.currency().getCurrencyCode(), line.amount(), BigDecimal::add);
        }
        return totals.entrySet().stream()
                .map(e -> new Money(e.getValue(), Currency.getInstance(e.getKey())))
                .toList();
    }

    /** "980.10 USD + 12.00 EUR", or "no cost lines". */
    public static String describeTotals(List<Money> totals) {
        if (totals.isEmpty()) {
            return "no cost lines";
        }
        return totals.stream().map(Money::toString).collect(Collectors.joining(" + "));
    }

    /**
     * Whether two contents of a month state the same figures: the same status and basis, and the
     * same lines (cost element by provider, vendor and id; tag; currency; amount compared by
     * value, so 1.5 equals 1.50). Names of cost elements are labels, not figures: a renamed
     * account does not change a month.
     */
    public static boolean sameFigures(CostMonth a, CostMonth b) {
        return a.status() == b.status() && a.basis().equals(b.basis())
                && pairwise(a, b, (l, r) -> l.element().key().equals(r.element().key()) && l.tag().equals(r.tag())
                        && l.currency().equals(r.currency()) && l.amount().compareTo(r.amount()) == 0
                        && l.billingPeriod().equals(r.billingPeriod()));
    }

    /**
     * Whether two contents of a month bill every billing unit (cost element, whatever its tags)
     * the same amount per currency: true when only the division of units by tag differs, e.g.
     * after a tag key was added to or dropped from the fetch or import.
     */
    public static boolean sameUnitTotals(CostMonth a, CostMonth b) {
        return unitTotals(a).equals(unitTotals(b));
    }

    /** How many lines carry a tag value (not counting "", the untagged part). */
    public static long taggedLines(CostMonth month) {
        return month.costs().stream().filter(l -> l.tag().filter(t -> !t.isEmpty()).isPresent()).count();
    }

    private static Map<String, BigDecimal> unitTotals(CostMonth month) {
        Map<String, BigDecimal> totals = new TreeMap<>();
        for (CostLine line : month.costs()) {
            totals.merge(line.element().key() + "\u0000" + line.currency().getCurrencyCode(), line.amount(),
                    BigDecimal::add);
        }
        totals.replaceAll((key, amount) -> amount.signum() == 0 ? BigDecimal.ZERO : amount.stripTrailingZeros());
        return totals;
    }

    /** {@link #sameFigures} and the same names of every cost element. */
    public static boolean sameLines(CostMonth a, CostMonth b) {
        return sameFigures(a, b) && pairwise(a, b, (l, r) -> l.element().name().equals(r.element().name())
                && l.purchases().equals(r.purchases())); // a purchase now kept with its line is news worth writing
    }

    /** The lines of both months, in line order, match one to one. */
    private static boolean pairwise(CostMonth a, CostMonth b, java.util.function.BiPredicate<CostLine, CostLine> same) {
        if (a.costs().size() != b.costs().size()) {
            return false;
        }
        List<CostLine> left = new ArrayList<>(a.costs());
        List<CostLine> right = new ArrayList<>(b.costs());
        left.sort(LINE_ORDER);
        right.sort(LINE_ORDER);
        for (int i = 0; i < left.size(); i++) {
            if (!same.test(left.get(i), right.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** An amount as received, but never with a negative scale (1E+3 becomes 1000), so that it reads back equal. */
    static BigDecimal plain(BigDecimal amount) {
        return amount.scale() < 0 ? amount.setScale(0) : amount;
    }
}
