package io.servicedocs.cost.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.servicedocs.cost.data.FocusMonths.WithoutSubAccount;
import io.servicedocs.cost.duckdb.DuckDbFocusReader;
import io.servicedocs.cost.focus.CostMetric;
import io.servicedocs.cost.focus.FocusError;
import io.servicedocs.cost.focus.FocusImportException;
import io.servicedocs.cost.focus.FocusImporter;
import io.servicedocs.cost.focus.FocusInput;
import io.servicedocs.cost.focus.FocusReader;
import io.servicedocs.load.SchemaValidator;
import io.servicedocs.model.CostMonth.CostLine;
import io.servicedocs.pipeline.CostsImportPipeline;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The FOCUS specification's own examples import to the figures it describes (see focus-spec/ATTRIBUTION.md). */
class FocusSpecExamplesTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T08:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    /** The spec's CSVs are spreadsheet exports: M/D/YY dates and "$10,000.00 " amounts, made ISO and plain. */
    private Path normalised(String name) throws Exception {
        String csv = Files.readString(Path.of("src/test/resources/focus-spec/" + name));
        Matcher money = Pattern.compile("\"\\$([0-9,]+\\.[0-9]+) ?\"").matcher(csv);
        csv = money.replaceAll(m -> m.group(1).replace(",", ""));
        Matcher date = Pattern.compile("(?<=,)([0-9]{1,2})/([0-9]{1,2})/([0-9]{2})(?=,)").matcher(csv);
        csv = date.replaceAll(m -> String.format("20%s-%02d-%02d", m.group(3), Integer.parseInt(m.group(1)),
                Integer.parseInt(m.group(2))));
        return Files.writeString(dir.resolve(name), csv);
    }

    /**
     * Scenario A1: "The Charge Period is April 1st 2025 - April 1st 2026. [...] A single charge
     * representing the total payment for the 12-month agreement ($10,000) is charged in the first
     * invoice. BilledCost and EffectiveCost are realized in the same record since detailed usage
     * records will not be provided during the 12-month period to realize amortized portions of this
     * up-front payment." So the import spreads it: 10000 / 12 = 833.33, 4 cents left over to the
     * first four months: 833.34 for 2025-04 to 2025-07, 833.33 for 2025-08 to 2026-03; all of it
     * billing account 12345's (no SubAccountId), billed in billing period 2025-04.
     */
    @ParameterizedTest
    @ValueSource(strings = {"java", "duckdb"})
    void saasScenarioA1IsSpreadOverItsTwelveMonths(String engine) throws Exception {
        FocusReader reader = engine.equals("java") ? new FocusImporter() : new DuckDbFocusReader();
        Path repo = Files.createDirectories(dir.resolve("repo"));
        CostsImportPipeline.Result result = new CostsImportPipeline(reader).run(new CostsImportPipeline.Request(repo,
                List.of(normalised("simple_saas_agreements_a1.csv")), Optional.of("acmecorp"),
                WithoutSubAccount.BILLING_ACCOUNT, Optional.empty(), false, CLOCK, LocalDate.of(2026, 11, 24)));
        assertTrue(result instanceof CostsImportPipeline.Converted c && c.outcome().isPresent(), result.toString());
        CostDataStore store = new CostDataStore(repo, CLOCK, new SchemaValidator());
        Map<YearMonth, BigDecimal> months = new TreeMap<>();
        store.existing("acmecorp", store.months("acmecorp")).forEach((month, content) -> {
            for (CostLine line : content.costs()) {
                assertEquals("12345", line.element().id());
                assertTrue(line.element().billingAccount());
                assertEquals(Optional.of(YearMonth.of(2025, 4)), line.billingPeriod());
                months.merge(month, line.amount(), BigDecimal::add);
            }
        });
        Map<YearMonth, BigDecimal> expected = new TreeMap<>();
        for (int i = 0; i < 12; i++) {
            expected.put(YearMonth.of(2025, 4).plusMonths(i), new BigDecimal(i < 4 ? "833.34" : "833.33"));
        }
        assertEquals(expected, months);
    }

    // --- FOCUS 1.2 commitment-discount examples (specification/appendix/commitment_discounts and
    // examples/commitment_discount_flexibility_examples; the CSVs in focus-spec/, verbatim) ---

    private static final String ACCOUNT = "ba-example";
    private static final String SOURCE = "example-cloud";

    /**
     * The commitment-discount examples show only the columns they illustrate: no ProviderName,
     * BillingAccountId nor BillingCurrency (all required by FOCUS, and by the import). The same
     * three are put in front of every line that is not blank (the blank lines of the flexibility
     * examples stay: they are part of what the readers must take); nothing else is changed.
     */
    private Path withAccount(String name) throws Exception {
        return withAccount(name, Files.readString(Path.of("src/test/resources/focus-spec/" + name)));
    }

    private Path withAccount(String name, String csv) throws Exception {
        StringBuilder out = new StringBuilder();
        boolean header = true;
        for (String line : csv.split("(?<=\n)")) {
            if (line.isBlank()) {
                out.append(line);
                continue;
            }
            out.append(header ? "ProviderName,BillingAccountId,BillingCurrency," : "Example Cloud," + ACCOUNT + ",USD,")
                    .append(line);
            header = false;
        }
        return Files.writeString(Files.createDirectories(dir.resolve("in")).resolve(name), out.toString());
    }

    private static FocusReader reader(String engine) {
        return engine.equals("java") ? new FocusImporter() : new DuckDbFocusReader();
    }

    /** Imports the files into a new repository with {@code metric}; the months' totals (plain decimals). */
    private Imported importing(String engine, CostMetric metric, Path... files) throws Exception {
        Path repo = dir.resolve("repo-" + engine + "-" + metric + "-" + files[0].getFileName() + "-" + files.length);
        CostsImportPipeline.Result result = new CostsImportPipeline(reader(engine)).run(new CostsImportPipeline.Request(
                Files.createDirectories(repo), List.of(files), Optional.of(SOURCE), WithoutSubAccount.BILLING_ACCOUNT,
                Optional.empty(), false, CLOCK, LocalDate.of(2026, 11, 24), metric));
        assertTrue(result instanceof CostsImportPipeline.Converted c && c.outcome().isPresent()
                && c.unreadable().isEmpty(), result.toString());
        CostDataStore store = new CostDataStore(repo, CLOCK, new SchemaValidator());
        Map<YearMonth, BigDecimal> months = new TreeMap<>();
        store.existing(SOURCE, store.months(SOURCE)).forEach((month, content) -> {
            for (CostLine line : content.costs()) {
                assertEquals(ACCOUNT, line.element().id());
                assertTrue(line.element().billingAccount());
                // the invoice of the charge (2023-01 in the examples); a spread part keeps its purchase's
                assertTrue(line.billingPeriod().equals(Optional.of(YearMonth.of(2023, 1)))
                        || line.billingPeriod().equals(Optional.of(month)), line.toString());
                months.merge(month, line.amount(), BigDecimal::add);
            }
        });
        Map<YearMonth, BigDecimal> plain = new TreeMap<>();
        months.forEach((m, a) -> plain.put(m, a.stripTrailingZeros()));
        return new Imported(plain, ((CostsImportPipeline.Converted) result).notes());
    }

    private record Imported(Map<YearMonth, BigDecimal> months, List<String> notes) {
    }

    /** {first: amounts[0], first + 1: amounts[1], ...}, plain decimals. */
    private static Map<YearMonth, BigDecimal> from(YearMonth first, String... amounts) {
        Map<YearMonth, BigDecimal> expected = new TreeMap<>();
        for (int i = 0; i < amounts.length; i++) {
            expected.put(first.plusMonths(i), new BigDecimal(amounts[i]).stripTrailingZeros());
        }
        return expected;
    }

    private static String[] times(int count, String amount) {
        String[] amounts = new String[count];
        java.util.Arrays.fill(amounts, amount);
        return amounts;
    }

    private static final YearMonth JANUARY_2023 = YearMonth.of(2023, 1);

    /**
     * Purchase scenario 1, all upfront: "The entire commitment discount is billed once during the
     * first charge period of the term" (the text says $8,670, its own formula 24 x 365 x $1.00 and
     * the CSV say 8,760.00): one row, Purchase / One-Time, BilledCost 8760.00, EffectiveCost 0.00,
     * ChargePeriod 2023-01-01 to 2024-01-01. With usage scenario 1 (the first hour's amortised
     * usage: BilledCost 0.00, EffectiveCost 1.00):
     * <ul>
     *   <li>EffectiveCost: the purchase is amortised by the provider (its EffectiveCost 0 is on the
     *       usage rows instead), so it is not spread again: 2023-01 = 1.00 (the usage), nothing in
     *       later months (the example shows only the first hour); the purchase file alone is all
     *       zero EffectiveCost, so it gets the warning with both totals (0 USD, 8760.00 USD);</li>
     *   <li>BilledCost: the invoice's 8,760 is spread over the term with the prepaid rules:
     *       8760 / 12 = 730.00 each month, 2023-01 to 2023-12; the usage's BilledCost is 0, so
     *       nothing is counted twice: 730.00 in January too.</li>
     * </ul>
     */
    @ParameterizedTest
    @ValueSource(strings = {"java", "duckdb"})
    void allUpfrontCommitmentIsAmortisedUnderEffectiveCostAndSpreadUnderBilledCost(String engine) throws Exception {
        Path purchase = withAccount("commitment_discount_purchase_scenario_1.csv");
        Path usage = withAccount("commitment_discount_usage_scenario_1.csv");

        Imported effective = importing(engine, CostMetric.EFFECTIVE_COST, purchase, usage);
        assertEquals(from(JANUARY_2023, "1.00"), effective.months());
        assertEquals(List.of("warning: " + purchase + ": EffectiveCost is 0 on every row (total 0 USD) but BilledCost "
                + "totals 8760.00 USD; the provider may not fill EffectiveCost: import with --metric BilledCost to keep "
                + "the invoiced amounts"), effective.notes());

        Imported billed = importing(engine, CostMetric.BILLED_COST, purchase, usage);
        assertEquals(from(JANUARY_2023, times(12, "730")), billed.months());
        assertEquals(List.of(where(engine, purchase, 2) + ": spread 8760.00 USD over 2023-01..2023-12 (12 months, "
                + "730.00 USD in the first): one-time purchase '<my-commitment-discount-id>' of " + ACCOUNT
                + ", BilledCost, term 2023-01-01 to 2023-12-31"), billed.notes());
    }

    /** How an engine names a row in notes: the Java reader knows the line, DuckDB on CSV only the file. */
    private static String where(String engine, Path file, int line) {
        return engine.equals("java") ? file + ":" + line : file.toString();
    }

    /**
     * Purchase scenarios 2 (no upfront) and 3 (partial upfront) as published cannot be read: their
     * third row ends at "2023-02-01T30:00:00Z" (hour 30). Both engines refuse the file at that
     * row and column, and nothing is written.
     */
    @ParameterizedTest
    @ValueSource(strings = {"java", "duckdb"})
    void thePublishedRecurringPurchaseRowsAreRefusedAtTheirInvalidHour(String engine) throws Exception {
        Path noUpfront = withAccount("commitment_discount_purchase_scenario_2.csv");
        FocusImportException e = org.junit.jupiter.api.Assertions.assertThrows(FocusImportException.class,
                () -> reader(engine).read(new FocusInput(List.of(noUpfront), Optional.empty(), Optional.empty(),
                        List.of())));
        assertEquals(List.of(noUpfront + ":4: column ChargePeriodEnd: '2023-02-01T30:00:00Z' is not an ISO 8601 date or "
                + "date-time such as 2024-09-01T00:00:00Z"), e.errors().stream().map(FocusError::toString).toList());
    }

    /**
     * The recurring rows as the text describes them ("the first three hourly rows of 8,760 total
     * rows [...] incrementing [...] hourly timeframes"): each row's ChargePeriodEnd made its start
     * plus one hour (the published ends, 2023-02-01T10:00:00Z to T30, are a month off and invalid).
     */
    private Path hourly(String name) throws Exception {
        String csv = Files.readString(Path.of("src/test/resources/focus-spec/" + name));
        Matcher row = Pattern.compile("2023-01-01T([0-9]{2}):00:00Z,2023-02-01T[0-9]{2}:00:00Z").matcher(csv);
        return withAccount(name, row.replaceAll(m -> String.format("2023-01-01T%s:00:00Z,2023-01-01T%02d:00:00Z",
                m.group(1), Integer.parseInt(m.group(1)) + 1)));
    }

    /**
     * Scenario 2, no upfront: "$1.00 allocated to each charge period over the term", three hourly
     * rows of BilledCost 1.00, EffectiveCost 0.00 (the usage rows carry the amortised cost).
     * Recurring purchases are not spread (each is already its own charge period):
     * BilledCost 2023-01 = 3 x 1.00 = 3.00; EffectiveCost 0.00, with the all-zero warning
     * (0 USD, 3.00 USD).
     */
    @ParameterizedTest
    @ValueSource(strings = {"java", "duckdb"})
    void noUpfrontCommitmentIsBilledHourByHour(String engine) throws Exception {
        Path noUpfront = hourly("commitment_discount_purchase_scenario_2.csv");
        assertEquals(from(JANUARY_2023, "3.00"), importing(engine, CostMetric.BILLED_COST, noUpfront).months());
        Imported effective = importing(engine, CostMetric.EFFECTIVE_COST, noUpfront);
        assertEquals(from(JANUARY_2023, "0"), effective.months());
        assertEquals(List.of("warning: " + noUpfront + ": EffectiveCost is 0 on every row (total 0 USD) but BilledCost "
                + "totals 3.00 USD; the provider may not fill EffectiveCost: import with --metric BilledCost to keep "
                + "the invoiced amounts"), effective.notes());
    }

    /**
     * Scenario 3, partial upfront: "half of the commitment is billed once [...] for $4,380", the
     * one-time row's ChargePeriod the year 2023, "and the other half is billed across each charge
     * period": three hourly rows of 0.50. BilledCost: 4380 / 12 = 365.00 a month, 2023-01 to
     * 2023-12, January also 3 x 0.50 = 1.50: 366.50. The one-time half is spread, the recurring
     * half is not, and neither is counted twice.
     */
    @ParameterizedTest
    @ValueSource(strings = {"java", "duckdb"})
    void partialUpfrontSpreadsTheUpfrontHalfOnly(String engine) throws Exception {
        Path partial = hourly("commitment_discount_purchase_scenario_3.csv");
        Imported billed = importing(engine, CostMetric.BILLED_COST, partial);
        String[] expected = times(12, "365");
        expected[0] = "366.50";
        assertEquals(from(JANUARY_2023, expected), billed.months());
        assertEquals(List.of(where(engine, partial, 2) + ": spread 4380.00 USD over 2023-01..2023-12 (12 months, "
                + "365.00 USD in the first): one-time purchase '<my-commitment-discount-id>' of " + ACCOUNT
                + ", BilledCost, term 2023-01-01 to 2023-12-31"), billed.notes());
    }

    /**
     * Usage scenarios 1 to 4, one hour of a $1.00 hourly commit (EffectiveCost, then BilledCost):
     * 1, fully used: 1.00 amortised to the resource; BilledCost 0.00.
     * 2, unused: 1.00 still drawn down (the unused row), BilledCost 0.00.
     * 3, 75 % used: 0.75 used + 0.25 unused = 1.00; BilledCost 0.00.
     * 4, overage: 1.00 amortised + 0.50 on demand = 1.50; BilledCost 0.50 (the on-demand part).
     */
    @ParameterizedTest
    @ValueSource(strings = {"java", "duckdb"})
    void usageScenariosCostTheCommitOrMore(String engine) throws Exception {
        String[][] scenarios = {{"1", "1.00", "0.00"}, {"2", "1.00", "0.00"}, {"3", "1.00", "0.00"},
                {"4", "1.50", "0.50"}};
        for (String[] scenario : scenarios) {
            Path usage = withAccount("commitment_discount_usage_scenario_" + scenario[0] + ".csv");
            assertEquals(from(JANUARY_2023, scenario[1]), importing(engine, CostMetric.EFFECTIVE_COST, usage).months(),
                    "scenario " + scenario[0]);
            assertEquals(from(JANUARY_2023, scenario[2]), importing(engine, CostMetric.BILLED_COST, usage).months(),
                    "scenario " + scenario[0]);
        }
    }

    /**
     * The commitment-discount flexibility examples, one hour each: the recurring purchase's
     * BilledCost and the covered usage's EffectiveCost are the same money, so both metrics give
     * the same month, and ListCost what it would have cost on demand.
     * <ul>
     *   <li>with flexibility, 1 resource: purchase billed 0.50 (effective 0), the large VM's
     *       committed part effective 0.50 (billed 0), its on-demand rest 2.25 both: 2.75 and 2.75;
     *       ListCost 1.00 + 3.00 + 2.25 = 6.25;</li>
     *   <li>with flexibility, 2 resources: purchase billed 2.00, two medium VMs effective 1.00
     *       each: 2.00 and 2.00; ListCost 4.00 + 2.00 + 2.00 = 8.00;</li>
     *   <li>without flexibility, 100 %: purchase billed 1.50, the large VM effective 1.50: 1.50
     *       and 1.50; ListCost 3.00 + 3.00 = 6.00;</li>
     *   <li>without flexibility, 0 %: purchase billed 1.50, the unused row effective 1.50, the
     *       medium VM on demand 2.00 both: 3.50 and 3.50; ListCost 3.00 + 3.00 + 2.00 = 8.00.</li>
     * </ul>
     */
    @ParameterizedTest
    @ValueSource(strings = {"java", "duckdb"})
    void flexibilityExamplesCostTheSameBilledOrAmortised(String engine) throws Exception {
        String[][] examples = {
                {"one_hundred_percent_utilization_with_commitment_discount_flexibility_with_1_resource.csv", "2.75", "6.25"},
                {"one_hundred_percent_utilization_with_commitment_discount_flexibility_with_2_resources.csv", "2.00", "8.00"},
                {"one_hundred_percent_utilization_without_commitment_discount_flexibility.csv", "1.50", "6.00"},
                {"zero_percent_utilization_without_commitment_discount_flexibility.csv", "3.50", "8.00"}};
        for (String[] example : examples) {
            Path file = withAccount(example[0]);
            assertEquals(from(JANUARY_2023, example[1]), importing(engine, CostMetric.EFFECTIVE_COST, file).months(),
                    example[0]);
            assertEquals(from(JANUARY_2023, example[1]), importing(engine, CostMetric.BILLED_COST, file).months(),
                    example[0]);
            assertEquals(from(JANUARY_2023, example[2]), importing(engine, CostMetric.LIST_COST, file).months(),
                    example[0]);
        }
    }

    /**
     * The whole year of scenario 1: the all-upfront purchase (BilledCost 8,760.00, EffectiveCost
     * 0) and usage scenario 1's row for every hour of its term, 2023-01-01T00 to 2024-01-01T00
     * ("the same usage-based or spend-based amount is applied evenly across all charge periods":
     * 8,760 hourly rows of EffectiveCost 1.00, BilledCost 0.00), the rows made by the test.
     * EffectiveCost follows the hours: 744.00 for the months of 31 days, 720.00 for those of 30,
     * 672.00 for February; BilledCost spreads the invoice in twelve equal months, 730.00 each.
     * The year is 8,760.00 either way: the purchase is counted once, whichever the metric.
     */
    @ParameterizedTest
    @ValueSource(strings = {"java", "duckdb"})
    void aWholeYearOfAmortisedUsageAddsUpToThePurchaseOnceWhateverTheMetric(String engine) throws Exception {
        String usage = Files.readString(Path.of("src/test/resources/focus-spec/commitment_discount_usage_scenario_1.csv"));
        String[] lines = usage.split("\r?\n");
        StringBuilder year = new StringBuilder(lines[0]).append('\n');
        java.time.LocalDateTime hour = java.time.LocalDateTime.of(2023, 1, 1, 0, 0);
        while (hour.getYear() == 2023) {
            java.time.LocalDateTime next = hour.plusHours(1);
            YearMonth month = YearMonth.from(hour);
            // BillingPeriodStart and End of the hour's month, ChargePeriodStart and End the hour
            year.append(month.atDay(1) + "T00:00:00Z," + month.plusMonths(1).atDay(1) + "T00:00:00Z," + hour
                    + ":00Z," + next + ":00Z" + lines[1].substring(lines[1].indexOf(",Usage,"))).append('\n');
            hour = next;
        }
        Path purchase = withAccount("commitment_discount_purchase_scenario_1.csv");
        Path hours = withAccount("usage_2023.csv", year.toString());
        Map<YearMonth, BigDecimal> effective = importing(engine, CostMetric.EFFECTIVE_COST, purchase, hours).months();
        assertEquals(from(JANUARY_2023, "744", "672", "744", "720", "744", "720", "744", "744", "720", "744", "720",
                "744"), effective);
        Map<YearMonth, BigDecimal> billed = importing(engine, CostMetric.BILLED_COST, purchase, hours).months();
        assertEquals(from(JANUARY_2023, times(12, "730")), billed);
        assertEquals(new BigDecimal("8760"), effective.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add));
        assertEquals(new BigDecimal("8760"), billed.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    // --- the other simple SaaS agreement scenarios (A2, A3, B, C) ---

    /** Imports the spec's file (normalised) into {@code repo} with EffectiveCost; the months' totals, plain. */
    private Map<YearMonth, BigDecimal> saas(String engine, Path repo, String name) throws Exception {
        return imported(engine, Files.createDirectories(repo), name, Optional.of("acmecorp"), CostMetric.EFFECTIVE_COST,
                "acmecorp", "12345").months();
    }

    /**
     * Imports the spec's file (normalised) into {@code repo} with {@code metric}, checks that it went
     * to {@code source} with every line on the billing account {@code element}, and gives the months'
     * totals, plain, with the import's notes.
     */
    private Imported imported(String engine, Path repo, String name, Optional<String> sourceOption, CostMetric metric,
            String source, String element) throws Exception {
        CostsImportPipeline.Result result = new CostsImportPipeline(reader(engine)).run(new CostsImportPipeline.Request(
                repo, List.of(normalised(name)), sourceOption, WithoutSubAccount.BILLING_ACCOUNT, Optional.empty(),
                false, CLOCK, LocalDate.of(2026, 11, 24), metric));
        assertTrue(result instanceof CostsImportPipeline.Converted c && c.outcome().isPresent()
                && c.outcome().get().refused().isEmpty() && c.source().equals(source), result.toString());
        CostDataStore store = new CostDataStore(repo, CLOCK, new SchemaValidator());
        Map<YearMonth, BigDecimal> months = new TreeMap<>();
        store.existing(source, store.months(source)).forEach((month, content) -> {
            for (CostLine line : content.costs()) {
                assertEquals(element, line.element().id());
                assertTrue(line.element().billingAccount());
                months.merge(month, line.amount(), BigDecimal::add);
            }
        });
        Map<YearMonth, BigDecimal> plain = new TreeMap<>();
        months.forEach((m, a) -> plain.put(m, a.stripTrailingZeros()));
        return new Imported(plain, ((CostsImportPipeline.Converted) result).notes());
    }

    private static final YearMonth APRIL_2025 = YearMonth.of(2025, 4);

    /**
     * A2: "$50,000 (Billed Cost) for a Charge Period of April 1st 2025 to April 1st 2026", the
     * EffectiveCost the same. 50000 / 12 = 4166.666...: 4166.66 x 12 = 49999.92, the 8 cents left
     * to the first eight months: 4166.67 for 2025-04 to 2025-11, 4166.66 for 2025-12 to 2026-03.
     * A3, imported after it: "$1,000 mid-contract purchase [...] for the same Charge Period", on
     * the June 2025 invoice: 1000 / 12 = 83.33, 4 cents left: 83.34 for 2025-04 to 2025-07,
     * 83.33 after. Both: 4250.01 for 2025-04 to 2025-07, 4250.00 for 2025-08 to 2025-11, 4249.99
     * for 2025-12 to 2026-03; 51,000 in all.
     */
    @ParameterizedTest
    @ValueSource(strings = {"java", "duckdb"})
    void saasScenariosA2ThenA3AddTheMidContractPurchaseOverTheSameTerm(String engine) throws Exception {
        Path repo = dir.resolve("repo-a2-" + engine);
        assertEquals(from(APRIL_2025, "4166.67", "4166.67", "4166.67", "4166.67", "4166.67", "4166.67", "4166.67",
                "4166.67", "4166.66", "4166.66", "4166.66", "4166.66"), saas(engine, repo, "simple_saas_agreements_a2.csv"));
        assertEquals(from(APRIL_2025, "4250.01", "4250.01", "4250.01", "4250.01", "4250", "4250", "4250", "4250",
                "4249.99", "4249.99", "4249.99", "4249.99"), saas(engine, repo, "simple_saas_agreements_a3.csv"));
    }

    /**
     * B: billed in arrears, "$50,000 (Billed Cost) for the Charge Period of April 1st 2025 to April
     * 1st 2026", on the March 2026 invoice: the same months as A2 (the cost follows the charge
     * period, not the invoice), 4166.67 for 2025-04 to 2025-11, 4166.66 for 2025-12 to 2026-03.
     */
    @ParameterizedTest
    @ValueSource(strings = {"java", "duckdb"})
    void saasScenarioBBilledInArrearsCostsTheMonthsItCovers(String engine) throws Exception {
        assertEquals(from(APRIL_2025, "4166.67", "4166.67", "4166.67", "4166.67", "4166.67", "4166.67", "4166.67",
                "4166.67", "4166.66", "4166.66", "4166.66", "4166.66"),
                saas(engine, dir.resolve("repo-b-" + engine), "simple_saas_agreements_b.csv"));
    }

    /**
     * C: monthly billing, "$20 per license per month", 505, 650 and 635 licences in April, May and
     * June 2025: 10,100.00, 13,000.00 and 12,700.00, each in its month, nothing spread.
     */
    @ParameterizedTest
    @ValueSource(strings = {"java", "duckdb"})
    void saasScenarioCMonthlyBillingIsEachMonthsOwn(String engine) throws Exception {
        assertEquals(from(APRIL_2025, "10100", "13000", "12700"),
                saas(engine, dir.resolve("repo-c-" + engine), "simple_saas_agreements_c.csv"));
    }

    // --- the SaaS spend agreements (A1, A2 billed in arrears; B1, B2 prepaid) ---

    /** Imports a spend-agreement file (normalised) into a new repository with {@code metric}. */
    private Imported spend(String engine, String name, CostMetric metric) throws Exception {
        Path repo = Files.createDirectories(dir.resolve("repo-" + name + "-" + engine + "-" + metric));
        return imported(engine, repo, name, Optional.empty(), metric, "acme-co", "000-00-000");
    }

    /**
     * Spend agreement A1, billed in arrears, no monthly minimum: $1,200 to spend from April 1 2025
     * over 12 months; usage of 48, 120 and 60 in April to June, none after; "a single charge
     * representing the total unused amount [972] from the 12-month agreement is charged during
     * the final month", a Usage row of ChargeFrequency One-Time whose charge period is the whole
     * term (2025-04-01 to 2026-04-01) on the March 2026 invoice. A one-time charge covering a term
     * is spread over it: 972 / 12 = 81.00 a month. 2025-04 = 48 + 81 = 129, 2025-05 = 120 + 81 =
     * 201, 2025-06 = 60 + 81 = 141, 2025-07 to 2026-03 = 81; 1,200 in all, the commitment.
     * (Booked in its ChargePeriodStart's month, as before this change, the March 2026 invoice's
     * shortfall would all have landed in April 2025.) BilledCost is the same: nothing prepaid.
     */
    @ParameterizedTest
    @ValueSource(strings = {"java", "duckdb"})
    void spendAgreementA1SpreadsTheUnusedCommitmentOverItsTerm(String engine) throws Exception {
        Map<YearMonth, BigDecimal> expected = from(APRIL_2025, "129", "201", "141", "81", "81", "81", "81", "81", "81",
                "81", "81", "81");
        Imported effective = spend(engine, "saas_spend_agreements_a1.csv", CostMetric.EFFECTIVE_COST);
        assertEquals(expected, effective.months());
        Path file = dir.resolve("saas_spend_agreements_a1.csv");
        assertEquals(List.of(where(engine, file, 5) + ": spread 972 USD over 2025-04..2026-03 (12 months, 81.00 USD in "
                + "the first): one-time Usage charge 'End of contract unused fee' of 000-00-000, EffectiveCost, term "
                + "2025-04-01 to 2026-03-31"), effective.notes());
        assertEquals(expected, spend(engine, "saas_spend_agreements_a1.csv", CostMetric.BILLED_COST).months());
    }

    /**
     * A2, billed in arrears with a $60 monthly minimum: April 48 of usage + a 12 "monthly unused
     * fee" (one month's charge period: not spread) = 60, May 120, June 60, July to February a 60
     * fee each, and the "overall unmet spend requirement" of 480 for the whole term on the March
     * 2026 invoice, spread: 40 a month. 2025-04 = 100, 2025-05 = 160, 2025-06 to 2026-02 = 100,
     * 2026-03 = 40; 1,200 in all.
     */
    @ParameterizedTest
    @ValueSource(strings = {"java", "duckdb"})
    void spendAgreementA2SpreadsOnlyTheTermLongShortfall(String engine) throws Exception {
        assertEquals(from(APRIL_2025, "100", "160", "100", "100", "100", "100", "100", "100", "100", "100", "100", "40"),
                spend(engine, "saas_spend_agreements_a2.csv", CostMetric.EFFECTIVE_COST).months());
    }

    /**
     * B1 and B2, prepaid: the $1,200 purchase (BilledCost 1200, EffectiveCost 0) for the term and
     * the same usage and unused rows as A1 and A2 with BilledCost 0 and their EffectiveCost.
     * EffectiveCost: the purchase is not spread (the provider amortises it into the other rows),
     * so the months are A1's and A2's. BilledCost: the purchase spread, 1200 / 12 = 100 a month,
     * and nothing else (the other rows bill 0). 1,200 in all either way: counted once.
     */
    @ParameterizedTest
    @ValueSource(strings = {"java", "duckdb"})
    void prepaidSpendAgreementsCountThePrepaymentOnceWhateverTheMetric(String engine) throws Exception {
        assertEquals(from(APRIL_2025, "129", "201", "141", "81", "81", "81", "81", "81", "81", "81", "81", "81"),
                spend(engine, "saas_spend_agreements_b1.csv", CostMetric.EFFECTIVE_COST).months());
        assertEquals(from(APRIL_2025, "100", "160", "100", "100", "100", "100", "100", "100", "100", "100", "100", "40"),
                spend(engine, "saas_spend_agreements_b2.csv", CostMetric.EFFECTIVE_COST).months());
        for (String name : List.of("saas_spend_agreements_b1.csv", "saas_spend_agreements_b2.csv")) {
            assertEquals(from(APRIL_2025, times(12, "100")), spend(engine, name, CostMetric.BILLED_COST).months(), name);
        }
    }
}
