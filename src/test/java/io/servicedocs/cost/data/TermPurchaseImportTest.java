package io.servicedocs.cost.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.servicedocs.cost.data.FocusMonths.WithoutSubAccount;
import io.servicedocs.cost.duckdb.DuckDbFocusReader;
import io.servicedocs.cost.focus.FocusImporter;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * A one-time purchase over a term is spread over that term with the rules of declared prepaid
 * amounts (equal whole months, leftover cents to the earliest), by both reading engines; an
 * amortised purchase (EffectiveCost 0) is not spread again; importing the same file again changes
 * nothing.
 */
class TermPurchaseImportTest {

    private static final String HEADER = "BillingAccountId,BillingPeriodStart,ProviderName,SubAccountId,"
            + "ChargePeriodStart,ChargePeriodEnd,BillingCurrency,EffectiveCost,BilledCost,ChargeCategory,"
            + "ChargeFrequency,CommitmentDiscountId\n";
    private static final String SUB = "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0";
    private static final LocalDate TODAY = LocalDate.of(2026, 2, 10);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-02-10T08:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private static FocusReader reader(String engine) {
        return engine.equals("java") ? new FocusImporter() : new DuckDbFocusReader();
    }

    private CostsImportPipeline.Converted importing(String engine, String csv) throws Exception {
        Path file = Files.writeString(Files.createDirectories(dir.resolve("in")).resolve("bill.csv"), HEADER + csv);
        CostsImportPipeline.Result result = new CostsImportPipeline(reader(engine)).run(new CostsImportPipeline.Request(
                Files.createDirectories(dir.resolve("repo")), List.of(file), Optional.of("azure"),
                WithoutSubAccount.BILLING_ACCOUNT, Optional.empty(), false, CLOCK, TODAY));
        assertTrue(result instanceof CostsImportPipeline.Converted, result.toString());
        CostsImportPipeline.Converted converted = (CostsImportPipeline.Converted) result;
        assertTrue(converted.outcome().isPresent() && converted.unreadable().isEmpty(), converted.toString());
        return converted;
    }

    private Map<YearMonth, BigDecimal> months() throws Exception {
        CostDataStore store = new CostDataStore(dir.resolve("repo"), CLOCK, new SchemaValidator());
        Map<YearMonth, BigDecimal> totals = new TreeMap<>();
        store.existing("azure", store.months("azure")).forEach((month, content) -> totals.put(month,
                content.costs().stream().map(CostLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add)));
        return totals;
    }

    private static Map<YearMonth, BigDecimal> each(YearMonth first, String... amounts) {
        Map<YearMonth, BigDecimal> expected = new TreeMap<>();
        for (int i = 0; i < amounts.length; i++) {
            expected.put(first.plusMonths(i), new BigDecimal(amounts[i]));
        }
        return expected;
    }

    private static Map<YearMonth, BigDecimal> stripped(Map<YearMonth, BigDecimal> months) {
        Map<YearMonth, BigDecimal> result = new TreeMap<>();
        months.forEach((m, a) -> result.put(m, a.stripTrailingZeros()));
        return result;
    }

    /**
     * 1,200 USD bought on 2026-01-01 for 2026 (ChargePeriodEnd 2027-01-01, exclusive): 1200 / 12 =
     * 100 a month, 2026-01 to 2026-12; January also has 50 of usage, so 150.
     */
    @ParameterizedTest
    @ValueSource(strings = {"java", "duckdb"})
    void aTwelveMonthPurchaseIsSpreadOverItsTermAndReImportingChangesNothing(String engine) throws Exception {
        String csv = "EA-1,2026-01-01," + "Microsoft," + SUB + ",2026-01-01,2027-01-01,USD,1200,1200,Purchase,One-Time,ri-1\n"
                + "EA-1,2026-01-01,Microsoft," + SUB + ",2026-01-05,2026-01-06,USD,50,50,Usage,Usage-Based,\n";
        CostsImportPipeline.Converted first = importing(engine, csv);
        Map<YearMonth, BigDecimal> expected = each(YearMonth.of(2026, 1), "150", "100", "100", "100", "100", "100",
                "100", "100", "100", "100", "100", "100");
        assertEquals(stripped(expected), stripped(months()));
        assertTrue(first.notes().stream().anyMatch(n -> n.contains("spread 1200 USD over 2026-01..2026-12 (12 months, "
                + "100.00 USD in the first): one-time purchase 'ri-1' of " + SUB + ", EffectiveCost, term 2026-01-01 to "
                + "2026-12-31")), first.notes().toString());
        importing(engine, csv);
        assertEquals(stripped(expected), stripped(months()));
    }

    /**
     * 1,000 USD for 2026-03-15 to 2027-03-15: twelve whole months from March, 2026-03 to 2027-02.
     * 1000 / 12 = 83.333...: 83.33 x 12 = 999.96, the 4 cents left go to the first four months.
     */
    @ParameterizedTest
    @ValueSource(strings = {"java", "duckdb"})
    void aTermNotStartingOnTheFirstSpreadsOverWholeMonthsFromItsStart(String engine) throws Exception {
        importing(engine, "EA-1,2026-03-01,Microsoft," + SUB + ",2026-03-15,2027-03-15,USD,1000,1000,Purchase,One-Time,sp-9\n");
        assertEquals(stripped(each(YearMonth.of(2026, 3), "83.34", "83.34", "83.34", "83.34", "83.33", "83.33",
                "83.33", "83.33", "83.33", "83.33", "83.33", "83.33")), stripped(months()));
    }

    /**
     * The provider amortises: the purchase's EffectiveCost is 0 (its BilledCost 1,200), the
     * covered usage carries 100 of EffectiveCost each month. Nothing is spread (that would count
     * the 1,200 twice): the months are the usage alone, and no note speaks of a spread.
     */
    @ParameterizedTest
    @ValueSource(strings = {"java", "duckdb"})
    void anAmortisedPurchaseIsNotSpreadAgain(String engine) throws Exception {
        CostsImportPipeline.Converted converted = importing(engine,
                "EA-1,2026-01-01,Microsoft," + SUB + ",2026-01-01,2027-01-01,USD,0,1200,Purchase,One-Time,ri-1\n"
                + "EA-1,2026-01-01,Microsoft," + SUB + ",2026-01-01,2026-02-01,USD,100,0,Usage,Usage-Based,\n");
        assertEquals(stripped(each(YearMonth.of(2026, 1), "100")), stripped(months()));
        assertTrue(converted.notes().stream().noneMatch(n -> n.contains("spread")), converted.notes().toString());
        // nor a warning of a purchase booked in one month: its EffectiveCost, 0, is booked nowhere
        assertEquals(List.of(), converted.notes());
    }

    /**
     * A purchase whose charge period is its purchase day (2026-01-05 to 2026-01-06) with no other
     * way to know its term (FOCUS 1.2 has no column for it) stays in its month, 1,200 USD in
     * 2026-01 (with 50 of usage: 1250), and the import warns, naming the file and the row: never
     * booked in one month silently. The same with only a ChargePeriodStart (no end given).
     */
    @ParameterizedTest
    @ValueSource(strings = {"java", "duckdb"})
    void aPurchaseWithoutAKnownTermStaysInItsMonthWithAWarning(String engine) throws Exception {
        CostsImportPipeline.Converted converted = importing(engine,
                "EA-1,2026-01-01,Microsoft," + SUB + ",2026-01-05,2026-01-06,USD,1200,1200,Purchase,One-Time,sp-3\n"
                + "EA-1,2026-01-01,Microsoft," + SUB + ",2026-01-05,2026-01-06,USD,50,50,Usage,Usage-Based,\n"
                + "EA-1,2026-01-01,Microsoft," + SUB + ",2026-01-20,,USD,30,30,Purchase,One-Time,\n");
        assertEquals(stripped(each(YearMonth.of(2026, 1), "1280")), stripped(months()));
        Path file = dir.resolve("in").resolve("bill.csv");
        String first = engine.equals("java") ? file + ":2" : file.toString();
        String third = engine.equals("java") ? file + ":4" : file.toString();
        assertEquals(List.of("warning: " + first + ": one-time purchase 'sp-3' of " + SUB + " (1200 USD EffectiveCost) "
                        + "is booked in 2026-01 alone: its charge period, 2026-01-05 to 2026-01-05, covers no more than a "
                        + "month and no column of the file gives a longer term; if it pays for a longer one, the months "
                        + "after 2026-01 show none of it",
                "warning: " + third + ": one-time purchase of " + SUB + " (30 USD EffectiveCost) is booked in 2026-01 "
                        + "alone: its charge period, 2026-01-20 to 2026-01-20, covers no more than a month and no column "
                        + "of the file gives a longer term; if it pays for a longer one, the months after 2026-01 show "
                        + "none of it"),
                converted.notes());
    }
}
