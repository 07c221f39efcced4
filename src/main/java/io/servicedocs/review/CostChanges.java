package io.servicedocs.review;

import io.servicedocs.cost.allocation.CostAllocation;
import io.servicedocs.cost.allocation.CostReport;
import io.servicedocs.cost.ledger.LedgerException;
import io.servicedocs.cost.ledger.ProductMonth;
import io.servicedocs.load.FileKind;
import io.servicedocs.model.CostElement;
import io.servicedocs.model.CostSettings;
import io.servicedocs.model.Costs;
import io.servicedocs.model.Money;
import io.servicedocs.model.Product;
import io.servicedocs.model.Repository;
import io.servicedocs.review.ReviewReport.CostImpact;
import io.servicedocs.review.ReviewReport.CostReview;
import io.servicedocs.review.ReviewReport.CostSettingChange;
import io.servicedocs.review.ReviewReport.ProductCostImpact;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a pull request changes in who carries which cost: shared pools and their splits, prepaid
 * amounts, cost elements claimed or released by products; and what that does to each product's
 * operating cost in the latest final month, computed on both sides with the same cost data.
 */
final class CostChanges {

    private CostChanges() {
    }

    /**
     * Both sides valid: their costs are loaded. {@code base} is empty for a base without products;
     * {@code headCosts} is the head's report from the cost stage (empty when it has no cost settings).
     */
    static CostReview compare(Optional<Repository> base, Repository head, Optional<CostReport> headCosts,
                              HeadLocator locator) {
        if (base.isEmpty()) {
            return CostReview.NONE;
        }
        List<CostSettingChange> changes = new ArrayList<>();
        Optional<CostSettings> before = base.flatMap(b -> b.costs().settings());
        Optional<CostSettings> after = head.costs().settings();
        String costsFile = FileKind.COSTS.standardPath();
        if (before.isEmpty() && after.isPresent()) {
            changes.add(new CostSettingChange("costs", "cost allocation set up (reporting currency "
                    + after.get().reportingCurrency() + ")", locator.place(costsFile, "")));
        } else if (before.isPresent() && after.isEmpty()) {
            changes.add(new CostSettingChange("costs", "cost allocation removed: the site will have no cost pages",
                    locator.place(costsFile, "")));
        } else if (before.isPresent()) {
            settingChanges(before.get(), after.get(), locator, changes);
        }
        base.ifPresent(b -> elementChanges(b, head, locator, changes));
        return new CostReview(changes, impact(base, head, headCosts));
    }

    private static void settingChanges(CostSettings before, CostSettings after, HeadLocator locator,
                                       List<CostSettingChange> changes) {
        String file = FileKind.COSTS.standardPath();
        if (!before.reportingCurrency().equals(after.reportingCurrency())) {
            changes.add(new CostSettingChange("costs", "reporting currency " + before.reportingCurrency() + " → "
                    + after.reportingCurrency(), locator.place(file, "/reporting_currency")));
        }
        Map<String, CostSettings.SharedPool> oldPools = byId(before.sharedPools(), CostSettings.SharedPool::id);
        List<CostSettings.SharedPool> newPools = after.sharedPools();
        for (int i = 0; i < newPools.size(); i++) {
            CostSettings.SharedPool pool = newPools.get(i);
            CostSettings.SharedPool old = oldPools.get(pool.id());
            String at = "/shared_pools/" + i;
            if (old == null) {
                changes.add(new CostSettingChange("pool " + pool.id(), "shared pool added: " + split(pool.split()),
                        locator.place(file, at)));
                continue;
            }
            if (!old.split().equals(pool.split())) {
                changes.add(new CostSettingChange("pool " + pool.id(), "split " + split(old.split()) + " → "
                        + split(pool.split()), locator.place(file, at + "/split")));
            }
            Set<String> oldKeys = keys(old.costElements());
            Set<String> newKeys = keys(pool.costElements());
            if (!oldKeys.equals(newKeys)) {
                changes.add(new CostSettingChange("pool " + pool.id(), "cost elements " + difference(oldKeys, newKeys),
                        locator.place(file, at + "/cost_elements")));
            }
        }
        Set<String> newIds = newPools.stream().map(CostSettings.SharedPool::id).collect(Collectors.toSet());
        oldPools.keySet().stream().filter(id -> !newIds.contains(id)).forEach(id -> changes.add(new CostSettingChange(
                "pool " + id, "shared pool removed: its cost elements are no longer split", locator.place(file, ""))));

        Map<String, CostSettings.Prepaid> oldPrepaid = byId(before.prepaid(), CostSettings.Prepaid::id);
        for (int i = 0; i < after.prepaid().size(); i++) {
            CostSettings.Prepaid prepaid = after.prepaid().get(i);
            CostSettings.Prepaid old = oldPrepaid.get(prepaid.id());
            if (old == null) {
                changes.add(new CostSettingChange("prepaid " + prepaid.id(), "prepaid added: " + prepaid(prepaid),
                        locator.place(file, "/prepaid/" + i)));
            } else if (!old.equals(prepaid)) {
                changes.add(new CostSettingChange("prepaid " + prepaid.id(), prepaid(old) + " → " + prepaid(prepaid),
                        locator.place(file, "/prepaid/" + i)));
            }
        }
        Set<String> newPrepaid = after.prepaid().stream().map(CostSettings.Prepaid::id).collect(Collectors.toSet());
        oldPrepaid.keySet().stream().filter(id -> !newPrepaid.contains(id)).forEach(id -> changes.add(
                new CostSettingChange("prepaid " + id, "prepaid removed", locator.place(file, ""))));
    }

    /** Cost elements a product's Service Doc claims or releases. */
    private static void elementChanges(Repository base, Repository head, HeadLocator locator,
                                       List<CostSettingChange> changes) {
        Map<String, Product> before = byId(base.products(), Product::id);
        for (Product product : head.products()) {
            Product old = before.get(product.id());
            if (old == null) {
                continue; // a new product: its whole Service Doc is new
            }
            Set<String> oldKeys = keys(old.serviceDoc().costElements());
            Set<String> newKeys = keys(product.serviceDoc().costElements());
            if (!oldKeys.equals(newKeys)) {
                changes.add(new CostSettingChange("product " + product.id(), "cost elements " + difference(oldKeys, newKeys),
                        locator.place(FileKind.SERVICE_DOC.productPath(product.id()), "/cost_elements")));
            }
        }
    }

    /**
     * Each product's operating cost in the head's latest final month, before and after, where they
     * differ, and apart those the base had not reported the finance of that month for. Empty when
     * either side has no costs, or the base cannot compute them with the head's
     * cost data (the head's own failure is a cost-ledger error of the cost stage, and then no
     * comparison is made).
     */
    private static Optional<CostImpact> impact(Optional<Repository> base, Repository head,
                                               Optional<CostReport> after) {
        Optional<CostReport> before;
        try {
            // the same cost data on both sides: the change under review is who carries it, not the bills
            // (in a real deployment the data lives on its own branch and the base has none)
            before = base.map(b -> new Repository(b.site(), b.standard(), b.products(), new Costs(b.costs().settings(),
                    b.costs().rates(), b.costs().usage(), head.costs().months()))).flatMap(CostAllocation::compute);
        } catch (LedgerException e) {
            return Optional.empty();
        }
        if (before.isEmpty() || after.isEmpty() || after.get().latestFinalMonth().isEmpty()
                || !before.get().reportingCurrency().equals(after.get().reportingCurrency())) {
            return Optional.empty();
        }
        YearMonth month = after.get().latestFinalMonth().get();
        Set<String> products = new TreeSet<>(before.get().products().keySet());
        products.addAll(after.get().products().keySet());
        Money zero = new Money(java.math.BigDecimal.ZERO, after.get().reportingCurrency());
        List<ProductCostImpact> impacts = new ArrayList<>();
        List<String> unreported = new ArrayList<>();
        for (String product : products) {
            // a month the base had not reported has no labour in its operating cost: the pull request
            // reporting it would read as a change of cost, so such a product is named apart instead
            if (before.get().product(product).flatMap(p -> p.month(month)).filter(m -> !m.financeReported()).isPresent()) {
                unreported.add(product);
                continue;
            }
            Money old = operating(before.get(), product, month).orElse(zero);
            Money now = operating(after.get(), product, month).orElse(zero);
            if (old.amount().compareTo(now.amount()) != 0) {
                impacts.add(new ProductCostImpact(product, old, now));
            }
        }
        return Optional.of(new CostImpact(month, after.get().reportingCurrency().getCurrencyCode(), impacts, unreported));
    }

    private static Optional<Money> operating(CostReport report, String product, YearMonth month) {
        return report.product(product).flatMap(p -> p.month(month)).map(ProductMonth::operatingCost);
    }

    private static String split(CostSettings.Split split) {
        String method = split.method().name().toLowerCase(Locale.ROOT);
        return switch (split.method()) {
            case FIXED -> method + " " + split.percentages().entrySet().stream()
                    .map(e -> e.getKey() + " " + e.getValue().stripTrailingZeros().toPlainString() + " %")
                    .collect(Collectors.joining(", "));
            case USAGE -> method + " of '" + split.metric().orElse("") + "' among " + String.join(", ", split.targets());
            default -> method + " among " + String.join(", ", split.targets());
        };
    }

    private static String prepaid(CostSettings.Prepaid prepaid) {
        return prepaid.amount() + " over " + prepaid.termMonths() + " month(s) from " + prepaid.firstMonth()
                + prepaid.bookedMonth().map(m -> ", booked in " + m).orElse("");
    }

    private static Set<String> keys(List<CostElement> elements) {
        return elements.stream().map(CostElement::key).collect(Collectors.toCollection(TreeSet::new));
    }

    private static String difference(Set<String> before, Set<String> after) {
        List<String> parts = new ArrayList<>();
        after.stream().filter(k -> !before.contains(k)).forEach(k -> parts.add("+ " + k));
        before.stream().filter(k -> !after.contains(k)).forEach(k -> parts.add("− " + k));
        return String.join(", ", parts);
    }

    private static <T> Map<String, T> byId(List<T> list, Function<T, String> id) {
        Map<String, T> map = new TreeMap<>();
        list.forEach(t -> map.put(id.apply(t), t));
        return map;
    }
}
