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
}
