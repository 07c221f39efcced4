package io.servicedocs.validate;

import io.servicedocs.load.CostMonthRules;
import io.servicedocs.load.FileKind;
import io.servicedocs.load.Suggestions;
import io.servicedocs.load.YamlDocument;
import io.servicedocs.model.CostElement;
import io.servicedocs.model.CostMonth;
import io.servicedocs.model.CostSettings;
import io.servicedocs.model.CostSettings.SharedPool;
import io.servicedocs.model.CostSettings.Split;
import io.servicedocs.model.ExchangeRates;
import io.servicedocs.model.Finance;
import io.servicedocs.model.Money;
import io.servicedocs.model.UsageMetrics;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The cost rules that need more than one file: month files sit where their content says, every
 * cost element has one owner (a product or a shared pool), splits name real products and total
 * 100 %, usage splits have a measurement for every target in every month with cost, every amount
 * that needs converting has a declared rate, prepaid bookings exist in the data, and cost no one
 * claims is reported (as a warning: it is shown as unallocated, never dropped).
 */
final class CostRules {

    /** A cost month file that passed its schema and bound. */
    record LoadedMonth(YamlDocument doc, CostMonth month) {
    }

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final Optional<CostSettings> settings;
    private final Optional<YamlDocument> settingsDoc;
    private final ExchangeRates rates;
    private final Optional<YamlDocument> ratesDoc;
    private final UsageMetrics usage;
    private final Optional<YamlDocument> usageDoc;
    private final Findings findings;

    CostRules(Optional<CostSettings> settings, Optional<YamlDocument> settingsDoc, ExchangeRates rates,
              Optional<YamlDocument> ratesDoc, UsageMetrics usage, Optional<YamlDocument> usageDoc, Findings findings) {
        this.settings = settings;
        this.settingsDoc = settingsDoc;
        this.rates = rates;
        this.ratesDoc = ratesDoc;
        this.usage = usage;
        this.usageDoc = usageDoc;
        this.findings = findings;
    }

    /** Owner of a cost element: a product (from its Service Doc) or a shared pool. */
    private record Owner(String kind, String id) {
        String describe() {
            return kind + " '" + id + "'";
        }
    }

    /**
     * @param products every product folder, in folder order, with the cost elements its Service Doc claims as far
     *                 as it can be read ({@link CostClaims})
     * @param months the cost month files that loaded, sorted by path
     * @param costsFileRead whether standards/costs.yaml exists and parsed (it may still have failed its schema)
     */
    void check(List<LoadedProduct> products, List<LoadedMonth> months, boolean costsFileRead) {
        Set<String> productIds = new TreeSet<>();
        Map<String, Owner> owners = new HashMap<>();
        Set<String> doubtedIds = new java.util.HashSet<>();
        boolean allDoubted = false;
        for (LoadedProduct product : products) {
            // a product whose Service Doc has a problem is still a product: its folder is its id
            productIds.add(product.folder());
            product.claims().claims().forEach(c -> owners.putIfAbsent(c.element().key(), new Owner("product", product.id())));
            doubtedIds.addAll(product.claims().doubtedIds());
            allDoubted |= product.claims().allDoubted();
        }
        // cost that a broken Service Doc may claim is not reported as unclaimed: that only repeats
        // its problem (one look-up per element, not one per product: thousands of products)
        boolean everyElementDoubted = allDoubted;
        java.util.function.Predicate<CostElement> doubted = element -> everyElementDoubted
                || doubtedIds.contains(element.id());
        List<LoadedMonth> placed = new ArrayList<>();
        for (LoadedMonth month : months) {
            List<io.servicedocs.model.Diagnostic> misplaced = CostMonthRules.misplaced(month.doc(), month.month());
            findings.addAll(misplaced);
            if (misplaced.isEmpty()) {
                placed.add(month);
            }
        }
        placed.forEach(month -> findings.addAll(CostMonthRules.duplicateLines(month.doc(), month.month())));
        if (settings.isEmpty()) {
            if (!placed.isEmpty() && !costsFileRead) {
                findings.add(io.servicedocs.model.Diagnostic.warning(CostMonth.FOLDER, io.servicedocs.model.Position.START,
                        "costs-not-configured", "cost-data/ holds " + placed.size() + " month file(s) but "
                                + FileKind.COSTS.standardPath() + " is missing, so no cost is shown; add it with at least "
                                + "'reporting_currency: JPY' (or your currency)"));
            }
            return;
        }
        CostSettings cost = settings.get();
        YamlDocument costsDoc = settingsDoc.orElseThrow();
        checkPools(cost, costsDoc, productIds, owners);
        checkUsage(cost, costsDoc, placed, owners);
        checkPrepaid(cost, costsDoc, placed, owners, doubted);
        checkRates(cost.reportingCurrency(), products, placed, cost, costsDoc);
        checkUnallocated(placed, owners, doubted);
        checkBillingAccountClaims(products, cost, costsDoc, placed);
        usageDoc.ifPresent(doc -> checkUsageProducts(doc, productIds));
    }

    // --- billing-account claims (issue 14, c14e) ---
    /**
     * A billing account claimed by a Service Doc or a shared pool ({@code billing_account: true})
     * that no cost-data line has: a typo would leave the SaaS contract's cost unclaimed without a
     * word. One error per claim, with the billing accounts the cost data has, nearest first. Only
     * when some cost data exists: a new programme claims accounts before its first import.
     */
    private void checkBillingAccountClaims(List<LoadedProduct> products, CostSettings cost, YamlDocument costsDoc,
                                           List<LoadedMonth> months) {
        if (months.isEmpty()) {
            return;
        }
        Set<String> accounts = new TreeSet<>();
        Set<String> keys = new java.util.HashSet<>();
        for (LoadedMonth month : months) {
            for (CostMonth.CostLine line : month.month().costs()) {
                if (line.element().billingAccount()) {
                    accounts.add(line.element().id());
                    keys.add(line.element().whole().key());
                }
            }
        }
        for (LoadedProduct product : products) {
            for (CostClaims.Claim claim : product.claims().claims()) {
                unknownBillingAccount(claim.element(), claim.doc(), claim.pointer(), accounts, keys);
            }
        }
        for (int p = 0; p < cost.sharedPools().size(); p++) {
            List<CostElement> elements = cost.sharedPools().get(p).costElements();
            for (int e = 0; e < elements.size(); e++) {
                unknownBillingAccount(elements.get(e), costsDoc, "/shared_pools/" + p + "/cost_elements/" + e,
                        accounts, keys);
            }
        }
    }

    private void unknownBillingAccount(CostElement element, YamlDocument doc, String pointer, Set<String> accounts,
                                       Set<String> keys) {
        if (!element.billingAccount() || keys.contains(element.whole().key())) {
            return;
        }
        findings.error(doc, pointer + "/id", "unknown-billing-account", "billing account '" + element.id()
                + "' (" + element.provider().name().toLowerCase(java.util.Locale.ROOT) + ") is in no cost data; "
                + Suggestions.expectedOneOf(element.id(), accounts));
    }
    // --- end billing-account claims ---

    private void checkPools(CostSettings cost, YamlDocument doc, Set<String> productIds, Map<String, Owner> owners) {
        Set<String> poolIds = new TreeSet<>();
        for (int p = 0; p < cost.sharedPools().size(); p++) {
            SharedPool pool = cost.sharedPools().get(p);
            String at = "/shared_pools/" + p;
            if (!poolIds.add(pool.id())) {
                findings.error(doc, at + "/id", "duplicate-id", "shared pool id '" + pool.id()
                        + "' is used twice; expected unique pool ids");
            }
            if (productIds.contains(pool.id())) {
                findings.error(doc, at + "/id", "duplicate-id", "shared pool id '" + pool.id()
                        + "' is also a product id; expected pools and products to have different ids");
            }
            for (int e = 0; e < pool.costElements().size(); e++) {
                CostElement element = pool.costElements().get(e);
                Owner previous = owners.putIfAbsent(element.key(), new Owner("shared pool", pool.id()));
                if (previous != null) {
                    findings.error(doc, at + "/cost_elements/" + e + "/id", "cost-element-claimed-twice",
                            CostMonthRules.describe(element) + " is already claimed by " + previous.describe()
                                    + "; expected each cost element in one product or one shared pool only");
                }
            }
            Split split = pool.split();
            List<String> targets = split.products();
            String targetsAt = at + "/split/" + (split.method() == Split.Method.FIXED ? "percentages" : "targets");
            for (int t = 0; t < targets.size(); t++) {
                String target = targets.get(t);
                if (!productIds.contains(target)) {
                    String pointer = split.method() == Split.Method.FIXED ? targetsAt + "/" + target : targetsAt + "/" + t;
                    findings.error(doc, pointer, "unknown-product", "shared pool '" + pool.id() + "' is split to '"
                            + target + "', which is not a product; " + Suggestions.expectedOneOf(target, productIds));
                }
            }
            if (split.method() == Split.Method.FIXED) {
                BigDecimal total = split.percentages().values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
                if (total.compareTo(HUNDRED) != 0) {
                    findings.errorAtKey(doc, at + "/split/percentages", "split-not-100", "the fixed percentages of pool '"
                            + pool.id() + "' total " + total.stripTrailingZeros().toPlainString()
                            + "; expected exactly 100 so that the whole pool is allocated");
                }
            }
            if (split.method() == Split.Method.USAGE) {
                String metric = split.metric().orElseThrow();
                if (!usage.metrics().containsKey(metric)) {
                    findings.error(doc, at + "/split/metric", "unknown-metric", "shared pool '" + pool.id()
                            + "' is split by usage metric '" + metric + "', which "
                            + (usageDoc.isEmpty() ? FileKind.USAGE.standardPath() + " does not exist to declare"
                            : "is not in " + FileKind.USAGE.standardPath()
                            + "; " + Suggestions.expectedOneOf(metric, usage.metrics().keySet())));
                }
            }
        }
    }

    /** Every target of a usage split needs a value in every month the pool has a cost. */
    private void checkUsage(CostSettings cost, YamlDocument doc, List<LoadedMonth> months, Map<String, Owner> owners) {
        for (int p = 0; p < cost.sharedPools().size(); p++) {
            SharedPool pool = cost.sharedPools().get(p);
            if (pool.split().method() != Split.Method.USAGE) {
                continue;
            }
            UsageMetrics.Metric metric = usage.metrics().get(pool.split().metric().orElseThrow());
            if (metric == null) {
                continue; // reported by checkPools
            }
            Set<YearMonth> costMonths = new TreeSet<>();
            for (LoadedMonth month : months) {
                if (month.month().costs().stream().anyMatch(l -> ownerOf(owners, l)
                        .filter(o -> o.kind().equals("shared pool") && o.id().equals(pool.id())).isPresent())) {
                    costMonths.add(month.month().month());
                }
            }
            for (YearMonth month : costMonths) {
                Map<String, BigDecimal> values = metric.months().getOrDefault(month, Map.of());
                List<String> missing = pool.split().targets().stream().filter(t -> !values.containsKey(t)).toList();
                boolean allZero = !values.isEmpty() && pool.split().targets().stream()
                        .allMatch(t -> values.getOrDefault(t, BigDecimal.ZERO).signum() == 0);
                String metricId = pool.split().metric().get();
                String usageAt = "/metrics/" + metricId + "/months";
                if (!missing.isEmpty()) {
                    usageError(usageAt, metricId, month, "has no value for " + missing + " in " + month
                            + ", but shared pool '" + pool.id() + "' has cost that month and is split by it; "
                            + "expected a value for every target (0 if the product used none)");
                } else if (allZero) {
                    usageError(usageAt + "/" + month, metricId, month, "is 0 for every target of shared pool '"
                            + pool.id() + "' in " + month + ", so its cost that month cannot be split by it");
                }
            }
        }
    }

    private void usageError(String pointer, String metric, YearMonth month, String message) {
        String text = "usage metric '" + metric + "' " + message;
        if (usageDoc.isPresent()) {
            findings.errorAtKey(usageDoc.get(), pointer, "usage-missing", text);
        } else {
            findings.errorAtFile(FileKind.USAGE.standardPath(), "usage-missing", text);
        }
    }

    /**
     * One error per metric and unknown product, at its first month: a product removed from
     * products/ leaves a row in every month of usage, and one mistake is one problem.
     */
    private void checkUsageProducts(YamlDocument doc, Set<String> productIds) {
        usage.metrics().forEach((id, metric) -> {
            Map<String, List<YearMonth>> unknown = new java.util.LinkedHashMap<>();
            new TreeMap<>(metric.months()).forEach((month, values) -> values.keySet().stream()
                    .filter(product -> !productIds.contains(product))
                    .forEach(product -> unknown.computeIfAbsent(product, p -> new ArrayList<>()).add(month)));
            unknown.forEach((product, months) -> findings.errorAtKey(doc,
                    "/metrics/" + id + "/months/" + months.get(0) + "/" + product, "unknown-product",
                    "usage metric '" + id + "' has values for '" + product + "', which is not a product, in "
                            + (months.size() == 1 ? months.get(0).toString() : months.size() + " months "
                            + months.get(0) + ".." + months.get(months.size() - 1)) + "; "
                            + Suggestions.expectedOneOf(product, productIds)));
        });
    }

    private void checkPrepaid(CostSettings cost, YamlDocument doc, List<LoadedMonth> months, Map<String, Owner> owners,
                              java.util.function.Predicate<CostElement> doubted) {
        Set<String> ids = new TreeSet<>();
        for (int i = 0; i < cost.prepaid().size(); i++) {
            CostSettings.Prepaid prepaid = cost.prepaid().get(i);
            String at = "/prepaid/" + i;
            if (!ids.add(prepaid.id())) {
                findings.error(doc, at + "/id", "duplicate-id", "prepaid id '" + prepaid.id() + "' is used twice");
            }
            if (!owners.containsKey(prepaid.costElement().key()) && !doubted.test(prepaid.costElement())) {
                findings.error(doc, at + "/cost_element", "prepaid-without-owner", "prepaid '" + prepaid.id() + "' is for "
                        + CostMonthRules.describe(prepaid.costElement()) + ", which no product's Service Doc and no shared pool claims; "
                        + "expected a cost element listed in a service-doc.yaml or under shared_pools");
            }
            // checked where the booked month has cost data: the data may live elsewhere (its own branch)
            if (prepaid.bookedMonth().isPresent()
                    && months.stream().anyMatch(m -> m.month().month().equals(prepaid.bookedMonth().get()))) {
                YearMonth booked = prepaid.bookedMonth().get();
                Currency currency = prepaid.amount().currency();
                BigDecimal inData = months.stream().filter(m -> m.month().month().equals(booked))
                        .flatMap(m -> m.month().costs().stream())
                        .filter(l -> l.currency().equals(currency) && (prepaid.costElement().tag().isPresent()
                                ? l.claimKeys().get(0).equals(prepaid.costElement().key())
                                : l.element().key().equals(prepaid.costElement().key())))
                        .map(CostMonth.CostLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
                if (inData.compareTo(prepaid.amount().amount()) < 0) {
                    findings.error(doc, at + "/booked_month", "prepaid-not-booked", "prepaid '" + prepaid.id()
                            + "' says its " + prepaid.amount() + " is booked in " + booked + ", but cost-data/ has only "
                            + inData.toPlainString() + " " + currency + " for " + CostMonthRules.describe(prepaid.costElement())
                            + " that month; expected the whole amount there (or leave out booked_month if it is in no bill)");
                }
            }
        }
    }

    /**
     * Every amount in a currency other than the reporting one needs that month's declared rate:
     * every cost line, and the prepaid parts and finance figures of the months the cost data
     * covers (the only months computed; a licence running into next year needs no rate yet).
     */
    private void checkRates(Currency reporting, List<LoadedProduct> products, List<LoadedMonth> months,
                            CostSettings cost, YamlDocument costsDoc) {
        if (months.isEmpty()) {
            return;
        }
        YearMonth first = months.stream().map(m -> m.month().month()).min(YearMonth::compareTo).orElseThrow();
        YearMonth last = months.stream().map(m -> m.month().month()).max(YearMonth::compareTo).orElseThrow();
        java.util.function.Predicate<YearMonth> covered = m -> !m.isBefore(first) && !m.isAfter(last);
        Map<String, RatePlace> reported = new LinkedHashMap<>();
        for (LoadedMonth month : months) {
            List<CostMonth.CostLine> lines = month.month().costs();
            for (int i = 0; i < lines.size(); i++) {
                int line = i;
                requireRate(reporting, lines.get(i).currency(), month.month().month(), month.doc(),
                        () -> "/costs/" + line + "/currency", reported);
            }
        }
        for (int i = 0; i < cost.prepaid().size(); i++) {
            CostSettings.Prepaid prepaid = cost.prepaid().get(i);
            int index = i;
            for (int m = 0; m < prepaid.termMonths(); m++) {
                YearMonth month = prepaid.firstMonth().plusMonths(m);
                if (covered.test(month)) {
                    requireRate(reporting, prepaid.amount().currency(), month, costsDoc,
                            () -> "/prepaid/" + index + "/amount/currency", reported);
                }
            }
        }
        for (LoadedProduct product : products) {
            if (product.finance().isEmpty()) {
                continue;
            }
            YamlDocument doc = product.document(FileKind.FINANCE);
            for (Map.Entry<YearMonth, Finance.Month> entry : product.finance().get().months().entrySet()) {
                YearMonth month = entry.getKey();
                if (!covered.test(month)) {
                    continue;
                }
                Finance.Month values = entry.getValue();
                values.mrr().ifPresent(m -> requireRate(reporting, m.currency(), month, doc,
                        () -> "/months/" + month + "/mrr/currency", reported));
                values.labour().ifPresent(l -> {
                    requireRate(reporting, l.investment().currency(), month, doc,
                            () -> "/months/" + month + "/labour/investment/currency", reported);
                    requireRate(reporting, l.maintenance().currency(), month, doc,
                            () -> "/months/" + month + "/labour/maintenance/currency", reported);
                });
            }
        }
        reportMissingRates(reporting, reported);
    }

    /** Where a missing rate was first needed (compared by path: documents are big trees). */
    private record RatePlace(String path, String pointer, Currency currency, YamlDocument doc) {
        @Override
        public boolean equals(Object other) {
            return other instanceof RatePlace p && p.path.equals(path) && p.pointer.equals(pointer)
                    && p.currency.equals(currency);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(path, pointer, currency);
        }
    }

    /** @param pointer spelled only when a rate is missing: this is asked of every amount of every product */
    private void requireRate(Currency reporting, Currency currency, YearMonth month, YamlDocument doc,
                             java.util.function.Supplier<String> pointer, Map<String, RatePlace> missing) {
        if (currency.equals(reporting)) {
            return;
        }
        boolean declared = Optional.ofNullable(rates.rates().get(currency.getCurrencyCode()))
                .map(m -> m.containsKey(month)).orElse(false);
        if (!declared) {
            // the first place that needs a rate names it; the others need the same fix
            missing.computeIfAbsent(currency.getCurrencyCode() + " " + month,
                    k -> new RatePlace(doc.path(), pointer.get(), currency, doc));
        }
    }

    /** One error per place and currency, listing every month it lacks a rate for. */
    private void reportMissingRates(Currency reporting, Map<String, RatePlace> missing) {
        Map<RatePlace, TreeSet<YearMonth>> byPlace = new LinkedHashMap<>();
        missing.forEach((key, place) -> byPlace.computeIfAbsent(place, p -> new TreeSet<>())
                .add(YearMonth.parse(key.substring(key.indexOf(' ') + 1))));
        byPlace.forEach((place, months) -> findings.error(place.doc(), place.pointer(), "exchange-rate-missing",
                "no exchange rate from " + place.currency() + " to " + reporting + " is declared for "
                        + months.stream().map(YearMonth::toString).collect(java.util.stream.Collectors.joining(", "))
                        + "; add " + (months.size() == 1 ? "it" : "them") + " to " + FileKind.EXCHANGE_RATES.standardPath()
                        + " under rates: " + place.currency() + ": \"" + months.first() + "\""
                        + " (amounts are never converted with a guessed rate)"));
    }

    /** One warning per unclaimed cost element, at its latest line, with the months and total it had. */
    /** What is known of one unclaimed cost element: where it last appears, its months and totals. */
    private static final class Unclaimed {
        final CostElement element;
        final java.util.Optional<String> tag;
        YamlDocument doc;
        String pointer;
        final TreeSet<YearMonth> months = new TreeSet<>();
        final Map<Currency, BigDecimal> totals = new TreeMap<>(java.util.Comparator.comparing(Currency::getCurrencyCode));

        Unclaimed(CostMonth.CostLine line) {
            this.element = line.element();
            this.tag = line.tag();
        }
    }

    private void checkUnallocated(List<LoadedMonth> months, Map<String, Owner> owners,
                                  java.util.function.Predicate<CostElement> doubted) {
        Map<String, Unclaimed> unclaimed = new TreeMap<>();
        for (LoadedMonth month : months) {
            List<CostMonth.CostLine> lines = month.month().costs();
            for (int i = 0; i < lines.size(); i++) {
                CostMonth.CostLine line = lines.get(i);
                if (ownerOf(owners, line).isPresent() || doubted.test(line.element())) {
                    continue;
                }
                Unclaimed entry = unclaimed.computeIfAbsent(line.claimKeys().get(0), k -> new Unclaimed(line));
                // the warning points at the latest month's line: the one a reader is most likely to look at
                if (entry.months.isEmpty() || !month.month().month().isBefore(entry.months.last())) {
                    entry.doc = month.doc();
                    entry.pointer = "/costs/" + i + "/element/id";
                }
                entry.months.add(month.month().month());
                entry.totals.merge(line.currency(), line.amount(), BigDecimal::add);
            }
        }
        for (Unclaimed entry : unclaimed.values()) {
            List<String> totals = entry.totals.entrySet().stream()
                    .map(e -> new Money(e.getValue(), e.getKey()).toString()).toList();
            YearMonth first = entry.months.first();
            YearMonth last = entry.months.last();
            findings.warning(entry.doc, entry.pointer, "cost-unallocated", CostMonthRules.describe(entry.element)
                    + entry.element.name().map(n -> " (" + n + ")").orElse("")
                    + entry.tag.map(v -> " tagged '" + v + "'").orElse("") + " is claimed by no product and no shared pool: "
                    + String.join(" + ", totals) + " in " + entry.months.size() + " month(s) "
                    + (first.equals(last) ? first : first + ".." + last) + " is shown as unallocated; add it to a "
                    + "Service Doc's cost_elements or to a shared pool in " + FileKind.COSTS.standardPath());
        }
    }

    /** The owner of a cost line: whoever claims its tagged part, else whoever claims the whole unit. */
    private static Optional<Owner> ownerOf(Map<String, Owner> owners, CostMonth.CostLine line) {
        for (String key : line.claimKeys()) { // asked of every cost line: a loop, not a stream
            Owner owner = owners.get(key);
            if (owner != null) {
                return Optional.of(owner);
            }
        }
        return Optional.empty();
    }
}
