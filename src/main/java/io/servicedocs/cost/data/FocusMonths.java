package io.servicedocs.cost.data;

import io.servicedocs.cost.focus.ChargeGroup;
import io.servicedocs.cost.focus.CostMetric;
import io.servicedocs.cost.focus.FocusRead;
import io.servicedocs.cost.focus.FocusVersion;
import io.servicedocs.cost.ledger.PrepaidCost;
import io.servicedocs.cost.ledger.PrepaidPart;
import io.servicedocs.cost.ledger.PrepaidSpread;
import io.servicedocs.cost.ledger.PrepaidSpreader;
import io.servicedocs.load.NumberBounds;
import io.servicedocs.model.CostElement;
import io.servicedocs.model.CostElement.Provider;
import io.servicedocs.model.CostMonth;
import io.servicedocs.model.CostMonth.CostLine;
import io.servicedocs.model.CostMonth.Status;
import io.servicedocs.model.Money;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns {@link FocusImport}s into one {@link CostMonth} per month of one source: the EffectiveCost
 * of each sub-account, from all files together (several files of the same month are added up).
 *
 * <ul>
 *   <li>The provider of a cost element comes from ProviderName: Microsoft/Azure → azure, Google
 *       Cloud → gcp, AWS/Amazon Web Services → aws, Oracle → oci; any other is a SaaS vendor
 *       (provider saas, vendor = ProviderName).</li>
 *   <li>The id is SubAccountId (FocusImporter already turns an Azure {@code /subscriptions/<guid>}
 *       path into the lowercase GUID), the name SubAccountName; when one id comes with several
 *       names, the name of most rows in the month is kept, the same on all the element's lines
 *       (whatever their tag and currency). An AWS account id shorter than 12 digits has lost
 *       its leading zeros (e.g. in a spreadsheet): it is padded back, and a note says so. Any other
 *       id that is not valid for its provider is an error.</li>
 *   <li>A row without SubAccountId cannot be attributed to a product. By default that is an error
 *       naming the file, month, provider, rows and amount, and nothing is written; with
 *       {@link WithoutSubAccount#SKIP} those rows are left out and each left-out amount is listed
 *       in {@link Conversion#notes()}. They never become an invented "unknown" element.</li>
 *   <li>Such errors and notes (and those of invalid ids) come once per file, ProviderName,
 *       sub-account, month and currency, with the rows, amount and first line of all its tag
 *       values together; for a file read with a tag key, in line order.</li>
 *   <li>The basis is "FOCUS &lt;version&gt; EffectiveCost"; the origin the file name(s), and the
 *       tag key when the files were read with one (each line then carries its tag value, "" for
 *       the untagged part). A month is provisional until it is over (as of today), then final.</li>
 * </ul>
 */
public final class FocusMonths {

    /** What to do with rows that have no SubAccountId. */
    public enum WithoutSubAccount {
        /** Attribute them to their billing account (the default): a Service Doc or pool claims it. */
        BILLING_ACCOUNT,
        /** Refuse the import. */
        ERROR,
        /** Leave them out, and list each left-out amount in the notes. */
        SKIP
    }

    /** The months, in month order, and notes worth printing (ids repaired, rows left out). */
    public record Conversion(List<CostMonth> months, List<String> notes) {
        public Conversion {
            months = List.copyOf(months);
            notes = List.copyOf(notes);
        }
    }

    private static final Pattern SOURCE_ID = Pattern.compile("^[a-z][a-z0-9-]{0,61}[a-z0-9]$");
    private static final Pattern AZURE_ID =
            Pattern.compile("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");
    private static final Pattern GCP_ID = Pattern.compile("^[a-z][a-z0-9-]{4,28}[a-z0-9]$");
    private static final Pattern DIGITS = Pattern.compile("^[0-9]{1,12}$");
    private static final Map<String, Provider> PROVIDERS = Map.ofEntries(
            Map.entry("microsoft", Provider.AZURE), Map.entry("azure", Provider.AZURE),
            Map.entry("microsoft azure", Provider.AZURE), Map.entry("microsoft corporation", Provider.AZURE),
            Map.entry("google cloud", Provider.GCP), Map.entry("google cloud platform", Provider.GCP),
            Map.entry("google", Provider.GCP), Map.entry("gcp", Provider.GCP),
            Map.entry("aws", Provider.AWS), Map.entry("amazon web services", Provider.AWS),
            Map.entry("amazon web services, inc.", Provider.AWS), Map.entry("amazon", Provider.AWS),
            Map.entry("oracle", Provider.OCI), Map.entry("oracle cloud infrastructure", Provider.OCI),
            Map.entry("oracle cloud", Provider.OCI), Map.entry("oci", Provider.OCI));

    private final Clock clock;

    /** @param clock when the data was imported, and which day is today */
    public FocusMonths(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The provider of a ProviderName; {@link Provider#SAAS} for any name not of the four clouds. */
    public static Provider providerOf(String providerName) {
        String key = providerName.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        return PROVIDERS.getOrDefault(key, Provider.SAAS);
    }

    /** The distinct ProviderNames of the imports, sorted. */
    public static Set<String> providerNames(List<FocusRead> imports) {
        return imports.stream().flatMap(i -> i.groups().stream()).map(ChargeGroup::provider)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * The source for these imports when every row has the same provider: azure, gcp, aws or oci,
     * else the ProviderName as a lowercase slug ("Acme SaaS, Inc." → acme-saas-inc). Empty when
     * the rows have several providers, none, or a name that makes no valid id.
     */
    public static Optional<String> derivedSource(List<FocusRead> imports) {
        Set<Provider> providers = new TreeSet<>();
        Set<String> vendors = new TreeSet<>();
        for (String name : providerNames(imports)) {
            Provider provider = providerOf(name);
            providers.add(provider);
            if (provider == Provider.SAAS) {
                vendors.add(name.strip());
            }
        }
        if (providers.size() != 1) {
            return Optional.empty();
        }
        Provider provider = providers.iterator().next();
        if (provider != Provider.SAAS) {
            return Optional.of(CostMonths.providerName(provider));
        }
        if (vendors.size() != 1) {
            return Optional.empty();
        }
        String slug = vendors.iterator().next().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        return SOURCE_ID.matcher(slug).matches() ? Optional.of(slug) : Optional.empty();
    }

    /** Whether {@code source} is a valid source id (the folder name under cost-data/). */
    public static boolean isValidSource(String source) {
        return SOURCE_ID.matcher(source).matches();
    }

    /** The months, judging which are over as of the clock's today. */
    public Conversion convert(List<FocusRead> imports, String source, WithoutSubAccount withoutSubAccount)
            throws FocusMappingException {
        return convert(imports, source, withoutSubAccount, LocalDate.now(clock));
    }

    private record LineKey(Provider provider, Optional<String> vendor, String id, boolean billingAccount,
                           Optional<String> tag, Currency currency, YearMonth billingPeriod) {
    }

    private record ElementKey(Provider provider, Optional<String> vendor, String id, boolean billingAccount) {
    }

    /** The lines of one month while they are added up. */
    private static final class MonthAcc {
        final Map<LineKey, BigDecimal> amounts = new LinkedHashMap<>();
        /** Where each line's first row is: file and line, for messages. */
        final Map<LineKey, String> firstRows = new HashMap<>();
        /** Per cost element (whatever the tag and currency of its lines): rows per SubAccountName. */
        final Map<ElementKey, Map<String, Integer>> names = new LinkedHashMap<>();
        final Set<String> files = new LinkedHashSet<>();
        final Set<FocusVersion> versions = new TreeSet<>();
        final Set<String> tagKeys = new TreeSet<>();
        /** The spread purchases whose part of this month is in a line (term purchases on the site, issue 14). */
        final Map<LineKey, List<CostMonth.TermPurchase>> purchases = new HashMap<>();
    }

    /**
     * The sums of a file that cannot be attributed (no SubAccountId, or an id not valid for its
     * provider), whatever their tag: one per ProviderName, sub-account, month and currency.
     */
    private record Unattributed(String provider, Optional<String> subAccountId, Optional<String> subAccountName,
                                YearMonth month, Currency currency) {
    }

    /** What an {@link Unattributed} sums up: rows, amount, first line, and what is wrong with its id. */
    private static final class UnattributedSum {
        final Optional<String> problem;
        int rows;
        BigDecimal amount = BigDecimal.ZERO;
        String firstRow;

        UnattributedSum(Optional<String> problem) {
            this.problem = problem;
        }

        void add(ChargeGroup cost, String where) {
            rows += cost.rows();
            amount = amount.add(cost.effectiveCost());
            if (firstRow == null || ROW_ORDER.compare(where, firstRow) < 0) {
                firstRow = where;
            }
        }
    }

    /**
     * Where rows are, in reading order: "file:12" before "file:100" (the engines name a row
     * "file:line" or "file row n"; the number at the end orders rows of one file).
     */
    static final Comparator<String> ROW_ORDER = Comparator.comparing(FocusMonths::rowFile)
            .thenComparingLong(FocusMonths::rowNumber);

    static String rowFile(String where) {
        return where.replaceAll("(:| row )[0-9]+$", "");
    }

    private static long rowNumber(String where) {
        java.util.regex.Matcher m = Pattern.compile("([0-9]{1,18})$").matcher(where);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    /**
     * The months, judging which are over as of {@code today}.
     *
     * @throws FocusMappingException when rows cannot be attributed to a cost element
     */
    public Conversion convert(List<FocusRead> imports, String source, WithoutSubAccount withoutSubAccount,
                              LocalDate today) throws FocusMappingException {
        return convert(imports, source, withoutSubAccount, today, CostMetric.EFFECTIVE_COST);
    }

    /**
     * The months of {@code metric}, judging which are over as of {@code today}.
     *
     * @throws FocusMappingException when rows cannot be attributed to a cost element
     */
    public Conversion convert(List<FocusRead> imports, String source, WithoutSubAccount withoutSubAccount,
                              LocalDate today, CostMetric metric) throws FocusMappingException {
        if (!isValidSource(source)) {
            throw new IllegalArgumentException("'" + source + "' is not a valid source id");
        }
        Instant retrieved = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        YearMonth current = YearMonth.from(today);
        List<String> problems = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Map<String, String> padded = new TreeMap<>();
        Map<YearMonth, MonthAcc> months = new TreeMap<>();
        for (FocusRead file : imports) {
            zeroEffectiveCost(file, metric).ifPresent(notes::add);
            Map<Unattributed, UnattributedSum> unattributed = new LinkedHashMap<>();
            for (ChargeGroup cost : file.groups()) {
                String where = cost.firstRow().orElse(file.input());
                String fileName = fileName(rowFile(where));
                Provider provider = providerOf(cost.provider());
                Money money = new Money(cost.effectiveCost(), cost.currency());
                Unattributed group = new Unattributed(cost.provider(), cost.subAccountId(), cost.subAccountName(),
                        cost.chargeMonth(), money.currency());
                Optional<String> vendor = provider == Provider.SAAS ? Optional.of(cost.provider().strip())
                        : Optional.empty();
                if (cost.subAccountId().isEmpty() && withoutSubAccount == WithoutSubAccount.BILLING_ACCOUNT) {
                    add(months, new LineKey(provider, vendor, cost.billingAccountId(), true, cost.tag(),
                            cost.currency(), cost.billingPeriod()), cost, metric, where, cost.billingAccountName(),
                            fileName, file, notes);
                    continue;
                }
                if (cost.subAccountId().isEmpty()) {
                    unattributed.computeIfAbsent(group, g -> new UnattributedSum(Optional.empty())).add(cost, where);
                    continue;
                }
                String id = cost.subAccountId().get();
                Optional<String> problem = Optional.empty();
                switch (provider) {
                    case AWS -> {
                        if (!DIGITS.matcher(id).matches()) {
                            problem = Optional.of("'" + id + "' is not an AWS account id (12 digits)");
                        } else if (id.length() < 12) {
                            String full = "0".repeat(12 - id.length()) + id;
                            padded.put(id, full);
                            id = full;
                        }
                    }
                    case AZURE -> {
                        if (!AZURE_ID.matcher(id).matches()) {
                            problem = Optional.of("'" + id + "' is not an Azure subscription id (a GUID, or "
                                    + "/subscriptions/<GUID>)");
                        }
                    }
                    case GCP -> {
                        if (!GCP_ID.matcher(id).matches()) {
                            problem = Optional.of("'" + id + "' is not a Google Cloud project id (6 to 30 "
                                    + "lowercase letters, digits and hyphens, starting with a letter)");
                        }
                    }
                    default -> { }
                }
                if (problem.isPresent()) {
                    Optional<String> found = problem;
                    unattributed.computeIfAbsent(group, g -> new UnattributedSum(found)).add(cost, where);
                    continue;
                }
                add(months, new LineKey(provider, vendor, id, false, cost.tag(), money.currency(), cost.billingPeriod()),
                        cost, metric, where, cost.subAccountName(), fileName, file, notes);
            }
            reportUnattributed(file, unattributed, withoutSubAccount, problems, notes);
        }
        if (!problems.isEmpty()) {
            throw new FocusMappingException(problems);
        }
        // A sum of many amounts can leave the bounds each amount is within; the file written would
        // not load (NumberBounds): say so now, at the sum's first row.
        months.forEach((month, acc) -> acc.amounts.forEach((key, amount) -> NumberBounds.check(amount)
                .ifPresent(why -> problems.add(acc.firstRows.get(key) + ": column " + metric.column() + ": the sum for "
                        + key.provider().name().toLowerCase(Locale.ROOT) + " " + key.id() + " in " + month + " is out of range: " + why))));
        if (!problems.isEmpty()) {
            throw new FocusMappingException(problems);
        }
        if (!padded.isEmpty()) {
            notes.add(0, padded.size() + " AWS account id(s) had fewer than 12 digits (leading zeros lost, e.g. "
                    + "by a spreadsheet) and were padded with zeros: " + padded.entrySet().stream().limit(3)
                    .map(e -> e.getKey() + " -> " + e.getValue()).collect(Collectors.joining(", "))
                    + (padded.size() > 3 ? ", ..." : ""));
        }
        List<CostMonth> result = new ArrayList<>();
        months.forEach((month, acc) -> {
            List<CostLine> lines = new ArrayList<>();
            acc.amounts.forEach((key, amount) -> {
                Optional<String> name = Optional.ofNullable(acc.names.get(new ElementKey(key.provider(), key.vendor(),
                        key.id(), key.billingAccount()))).flatMap(FocusMonths::mostRows);
                CostElement element = key.billingAccount()
                        ? CostElement.billingAccount(key.provider(), key.id(), name, key.vendor())
                        : new CostElement(key.provider(), key.id(), name, key.vendor());
                lines.add(new CostLine(element, key.tag(), CostMonths.plain(amount), key.currency(),
                        Optional.of(key.billingPeriod()), acc.purchases.getOrDefault(key, List.of())));
            });
            Status status = month.isBefore(current) ? Status.FINAL : Status.PROVISIONAL;
            String origin = String.join(", ", acc.files) + (acc.tagKeys.isEmpty() ? ""
                    : " by tag key " + acc.tagKeys.stream().map(k -> "'" + k + "'").collect(Collectors.joining(", ")));
            result.add(CostMonths.sorted(new CostMonth(source, month, status, basis(acc.versions, metric), retrieved,
                    Optional.of(origin), lines, List.of())));
        });
        return new Conversion(result, notes);
    }

    /**
     * The errors (or, with {@link WithoutSubAccount#SKIP}, the notes) for one file's sums that
     * cannot be attributed: no SubAccountId, or one not valid for its provider.
     */
    private static void reportUnattributed(FocusRead file, Map<Unattributed, UnattributedSum> unattributed,
                                           WithoutSubAccount withoutSubAccount, List<String> problems,
                                           List<String> notes) {
        List<Map.Entry<Unattributed, UnattributedSum>> groups = new ArrayList<>(unattributed.entrySet());
        if (file.tagKey().isPresent()) {
            // merged across tag values: in line order (without a tag key, each is one sum, in the sums' order)
            groups.sort(Comparator.comparing(e -> e.getValue().firstRow, ROW_ORDER));
        }
        for (Map.Entry<Unattributed, UnattributedSum> entry : groups) {
            Unattributed group = entry.getKey();
            UnattributedSum sum = entry.getValue();
            Money money = new Money(sum.amount, group.currency());
            if (sum.problem.isPresent()) {
                problems.add(sum.firstRow + ": column SubAccountId: " + sum.problem.get()
                        + " (ProviderName '" + group.provider() + "', " + sum.rows + " row(s) of " + group.month()
                        + ")");
                continue;
            }
            String what = sum.rows + " row(s) of " + group.month() + " from ProviderName '" + group.provider()
                    + "' (" + group.subAccountName().map(n -> "SubAccountName '" + n + "', ").orElse("")
                    + "EffectiveCost " + money + ")";
            if (withoutSubAccount == WithoutSubAccount.SKIP) {
                notes.add(rowFile(sum.firstRow) + ": left out " + what + ": no SubAccountId");
            } else {
                problems.add(sum.firstRow + ": column SubAccountId: " + what
                        // an engine that cannot tell the line (DuckDB on CSV) names the file alone
                        + " have no SubAccountId" + (rowNumber(sum.firstRow) > 0 ? " (the first on line "
                        + rowNumber(sum.firstRow) + ")" : "") + ", so "
                        + "they cannot be attributed to a product. Fix the export (every row needs the "
                        + "subscription, account or project it belongs to), or leave such rows out "
                        + "explicitly with --without-sub-account=skip.");
            }
        }
    }

    /** The name given by most rows; among equals, the one that sorts first. */
    private static Optional<String> mostRows(Map<String, Integer> names) {
        return names.entrySet().stream()
                .max(Comparator.<Map.Entry<String, Integer>>comparingInt(Map.Entry::getValue)
                        .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                .map(Map.Entry::getKey);
    }

    /**
     * Adds one group's amount of the metric to the line of its month; a one-time charge over a
     * term of more than one month is spread over that term (see {@link #termSpread}), each part
     * kept under the purchase's billing period, so that importing that billing period again
     * replaces the same parts and nothing is counted twice.
     */
    private static void add(Map<YearMonth, MonthAcc> months, LineKey key, ChargeGroup cost, CostMetric metric,
                            String where, Optional<String> name, String fileName, FocusRead file,
                            List<String> notes) {
        Optional<PrepaidSpread> spread = termSpread(cost, metric);
        if (spread.isEmpty()) {
            addAmount(months, cost.chargeMonth(), key, cost, metric.of(cost), where, name, fileName, file);
            unspreadPurchase(cost, metric, key.id(), where).ifPresent(notes::add);
            return;
        }
        List<PrepaidPart> parts = spread.get().parts();
        ChargeGroup.ChargeTerm term = cost.term().orElseThrow();
        String description = term.commitmentDiscountId().or(term::description)
                .map(d -> d.strip().replaceAll("\\s+", " ")).filter(d -> !d.isEmpty()).orElse("purchase");
        for (PrepaidPart part : parts) {
            addAmount(months, part.month(), key, cost, part.amount().amount(), where, name, fileName, file);
            // kept with the line, so that the site shows the purchase rather than a month's cost that jumped
            months.get(part.month()).purchases.computeIfAbsent(key, k -> new ArrayList<>()).add(new CostMonth.TermPurchase(
                    description, CostMonths.plain(metric.of(cost)), term.start(), term.endExclusive().minusDays(1),
                    parts.size(), CostMonths.plain(part.amount().amount())));
        }
        String currency = cost.currency().getCurrencyCode();
        notes.add(where + ": spread " + CostMonths.plain(metric.of(cost)).toPlainString() + " " + currency
                + " over " + parts.get(0).month() + ".." + parts.get(parts.size() - 1).month() + " ("
                + parts.size() + " months, " + CostMonths.plain(parts.get(0).amount().amount()).toPlainString()
                + " " + currency + " in the first): " + oneTime(cost) + " "
                + term.commitmentDiscountId().or(term::description).map(d -> "'" + d.strip().replaceAll("\\s+", " ") + "' ")
                        .orElse("")
                + "of " + key.id() + ", " + metric.column() + ", term " + term.start() + " to "
                + term.endExclusive().minusDays(1));
    }

    /**
     * The spread of a one-time charge (a purchase, or the unused part of a spend commitment
     * charged for its whole term) over its term, with the rules of declared prepaid amounts
     * ({@link PrepaidSpreader}: whole months, equal parts, leftover minor units to the earliest
     * months). The term's months: from the month of its start, as many as whole months fit between
     * start and end, one more for a remainder of days (2026-03-15 to 2027-03-15: 12 months,
     * 2026-03 to 2027-02). Nothing to spread when the term is one month or less, or when the
     * amount is 0: a provider that amortises (EffectiveCost 0 on the purchase, the cost on the
     * covered usage) has already spread it, and spreading again would count it twice.
     */
    static Optional<PrepaidSpread> termSpread(ChargeGroup cost, CostMetric metric) {
        if (cost.term().isEmpty() || metric.of(cost).signum() == 0) {
            return Optional.empty();
        }
        ChargeGroup.ChargeTerm term = cost.term().get();
        long whole = ChronoUnit.MONTHS.between(term.start(), term.endExclusive());
        long months = whole + (term.start().plusMonths(whole).isBefore(term.endExclusive()) ? 1 : 0);
        if (months <= 1 || months > 1200) {
            return Optional.empty();
        }
        String id = term.commitmentDiscountId().or(term::description).orElse("purchase");
        return Optional.of(PrepaidSpreader.spread(new PrepaidCost(id, new Money(metric.of(cost), cost.currency()),
                YearMonth.from(term.start()), Math.toIntExact(months))));
    }

    /** "one-time purchase"; "one-time Usage charge" and the like for the other categories. */
    private static String oneTime(ChargeGroup cost) {
        return cost.chargeCategory().equals("Purchase") ? "one-time purchase" : "one-time " + cost.chargeCategory() + " charge";
    }

    /**
     * The warning for a one-time purchase of some amount that stays in its charge month because
     * no term longer than a month is known: FOCUS 1.2 gives a purchase's term only as its charge
     * period (no column of a cost row gives a commitment's start, end or duration; FOCUS 1.3 puts
     * contract terms in a dataset of their own), so a provider that writes the purchase day as
     * the charge period leaves the term unknown. The import cannot spread it, and must not book
     * it in one month without a word. Nothing to say for a zero amount (amortised elsewhere).
     */
    static Optional<String> unspreadPurchase(ChargeGroup cost, CostMetric metric, String account, String where) {
        if (cost.term().isEmpty() || metric.of(cost).signum() == 0 || !cost.chargeCategory().equals("Purchase")) {
            return Optional.empty();
        }
        ChargeGroup.ChargeTerm term = cost.term().get();
        LocalDate last = term.endExclusive().isAfter(term.start()) ? term.endExclusive().minusDays(1) : term.start();
        long months = ChronoUnit.MONTHS.between(term.start(), term.endExclusive());
        String currency = cost.currency().getCurrencyCode();
        String what = "one-time purchase " + term.commitmentDiscountId().or(term::description)
                .map(d -> "'" + d.strip().replaceAll("\\s+", " ") + "' ").orElse("") + "of " + account + " ("
                + CostMonths.plain(metric.of(cost)).toPlainString() + " " + currency + " " + metric.column() + ")";
        String why = months > 1200
                ? "its charge period, " + term.start() + " to " + last + ", is longer than 100 years"
                : "its charge period, " + term.start() + " to " + last + ", covers no more than a month and no "
                        + "column of the file gives a longer term; if it pays for a longer one, the months after "
                        + cost.chargeMonth() + " show none of it";
        return Optional.of("warning: " + where + ": " + what + " is booked in " + cost.chargeMonth() + " alone: " + why);
    }

    private static void addAmount(Map<YearMonth, MonthAcc> months, YearMonth month, LineKey key, ChargeGroup cost,
                                  BigDecimal amount, String where, Optional<String> name, String fileName,
                                  FocusRead file) {
        ElementKey element = new ElementKey(key.provider(), key.vendor(), key.id(), key.billingAccount());
        MonthAcc acc = months.computeIfAbsent(month, m -> new MonthAcc());
        acc.amounts.merge(key, amount, BigDecimal::add);
        acc.firstRows.merge(key, where, (a, b) -> ROW_ORDER.compare(a, b) <= 0 ? a : b);
        name.ifPresent(n -> acc.names.computeIfAbsent(element, k -> new TreeMap<>())
                .merge(n, Math.toIntExact(Math.min(cost.rows(), Integer.MAX_VALUE)), Integer::sum));
        acc.files.add(fileName);
        acc.versions.add(file.version());
        file.tagKey().ifPresent(acc.tagKeys::add);
    }

    /**
     * A warning for a file read for EffectiveCost whose EffectiveCost is 0 on every row while
     * its BilledCost is not: some providers leave EffectiveCost empty or zero, and the import
     * would book nothing. Both totals per currency, and how to choose the other column.
     */
    static Optional<String> zeroEffectiveCost(FocusRead file, CostMetric metric) {
        if (metric != CostMetric.EFFECTIVE_COST || file.groups().isEmpty()
                || file.groups().stream().anyMatch(g -> g.effectiveCost().signum() != 0)) {
            return Optional.empty();
        }
        Map<String, BigDecimal> billed = new TreeMap<>();
        file.groups().forEach(g -> billed.merge(g.currency().getCurrencyCode(), g.billedCost(), BigDecimal::add));
        if (billed.values().stream().allMatch(b -> b.signum() == 0)) {
            return Optional.empty();
        }
        String effective = billed.keySet().stream().map(c -> "0 " + c).collect(Collectors.joining(" + "));
        String billedTotal = billed.entrySet().stream()
                .map(e -> CostMonths.plain(e.getValue()).toPlainString() + " " + e.getKey())
                .collect(Collectors.joining(" + "));
        return Optional.of("warning: " + file.input() + ": EffectiveCost is 0 on every row (total " + effective
                + ") but BilledCost totals " + billedTotal + "; the provider may not fill EffectiveCost: import "
                + "with --metric BilledCost to keep the invoiced amounts");
    }

    /** "FOCUS 1.2 EffectiveCost"; "FOCUS 1.0/1.2 EffectiveCost" for files of several versions. */
    static String basis(Set<FocusVersion> versions) {
        return basis(versions, CostMetric.EFFECTIVE_COST);
    }

    /** "FOCUS 1.2 BilledCost"...: the versions and the metric. */
    static String basis(Set<FocusVersion> versions, CostMetric metric) {
        List<String> known = versions.stream().filter(v -> v != FocusVersion.UNKNOWN).map(FocusVersion::label).toList();
        String label = known.isEmpty() ? "(version unknown)"
                : String.join("/", known) + (versions.contains(FocusVersion.UNKNOWN) ? "/unknown" : "");
        return "FOCUS " + label + " " + metric.column();
    }

    private static String fileName(String source) {
        try {
            Path name = Path.of(source).getFileName();
            return name == null ? source : name.toString();
        } catch (java.nio.file.InvalidPathException e) {
            return source;
        }
    }
}
