package io.servicedocs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.servicedocs.TestRepositories;
import io.servicedocs.cost.athena.FakeAthena;
import io.servicedocs.cost.aws.TestCredentials;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** {@code servicedocs costs import --engine athena} in-process, the SDK pointed at {@link FakeAthena}. */
class CostsImportAthenaCommandTest {

    private static final String TABLE = "athena:cur_focus.focus_1_0_aws";
    private static final List<String> HEADER = List.of("providername", "billingaccountid", "billingaccountname",
            "subaccountid", "subaccountname", "billingcurrency", "billingperiod", "chargemonth", "chargecategory",
            "chargeclass", "chargefrequency", "termstart", "termend", "commitmentdiscountid", "chargedescription",
            "effectivecost", "billedcost", "listcost", "rowcount");

    @TempDir
    Path dir;

    private Path repo;
    private FakeAthena fake;
    private TestCredentials credentials;

    @BeforeEach
    void setUp() throws IOException {
        repo = TestRepositories.minimalCopy(dir);
        fake = new FakeAthena();
        credentials = TestCredentials.install();
    }

    @AfterEach
    void tearDown() {
        credentials.restore();
        fake.close();
    }

    private CliRun run(String... args) {
        List<String> all = new ArrayList<>(List.of("costs", "import", "--repo", repo.toString(), "--as-of", "2026-11-24",
                "--now", "2026-11-24T08:00:00Z"));
        all.addAll(List.of(args));
        return CliRun.of(all.toArray(String[]::new));
    }

    private CliRun runAthena(String... more) {
        List<String> all = new ArrayList<>(List.of("--engine", "athena", "--database", "cur_focus", "--table",
                "focus_1_0_aws", "--workgroup", "primary", "--output-location", "s3://athena-results-example/sd/",
                "--endpoint", fake.endpoint().toString()));
        all.addAll(List.of(more));
        return run(all.toArray(String[]::new));
    }

    private static List<String> row(String... values) {
        return Arrays.asList(values);
    }

    @Test
    void importsTheGroupsAthenaSumsAsTheMonthsOfTheirChargePeriod() throws IOException {
        fake.states("QUEUED", "SUCCEEDED").scanned(123_456_789L).pages(List.of(HEADER,
                row("AWS", "123456789012", "Example Payer", "111111111111", "payments-prod", "USD", "2026-10",
                        "2026-10", "usage", null, "usagebased", null, null, null, null, "1234.5678901234",
                        "1300.0000000000", "1400.1000000000", "7200"),
                row("AWS", "123456789012", "Example Payer", "111111111111", "payments-prod", "USD", "2026-11",
                        "2026-10", "credit", "correction", null, null, null, null, null, "-12.5000000000",
                        "-12.5000000000", "0.0000000000", "1")),
                List.of(row("AWS", "123456789012", "Example Payer", "222222222222", "payments-staging", "USD",
                        "2026-10", "2026-10", "tax", null, "recurring", null, null, null, null, "3.1400000000",
                        "3.1400000000", "3.1400000000", "2")));

        CliRun run = runAthena("--billing-period", "2026-10", "--billing-period", "2026-11");

        assertEquals(0, run.status(), run.err());
        Path october = repo.resolve("cost-data/aws/2026-10.yaml");
        // 1234.5678901234 - 12.5 + 3.14
        assertEquals(october + ": created (final, 1225.2078901234 USD)\n"
                + "Imported 7203 row(s) of " + TABLE + " as source 'aws'; 1 month(s): 1 created\n", run.out());
        // 123,456,789 bytes: 118 MB billed (117.7 rounded up), 118 * 5 / 2^20 USD
        assertEquals("servicedocs: note: Athena query " + FakeAthena.QUERY_ID + " (workgroup primary, billing_period "
                + "2026-10, 2026-11) scanned 123,456,789 bytes: USD 0.0005626678466796875 at USD 5 per TB (118 MB "
                + "billed, 10 MB minimum per query); 3 group(s) of 7203 row(s) in 2 page(s)\n", run.err());
        String text = Files.readString(october);
        assertTrue(text.contains("\norigin: \"" + TABLE + "\"\n"), text);
        // 1234.5678901234 - 12.5: the correction on November's invoice belongs to October
        // payments-prod: October's invoice and November's correction, kept apart per billing period
        assertTrue(text.contains("    amount: 1234.5678901234\n    currency: USD\n    billing_period: \"2026-10\"\n"), text);
        assertTrue(text.contains("    amount: -12.5\n    currency: USD\n    billing_period: \"2026-11\"\n"), text);
        assertTrue(text.contains("    amount: 3.14\n"), text);

        JsonNode start = fake.requests().get(0).body();
        assertTrue(start.get("QueryString").asString().contains("WHERE \"billing_period\" IN ('2026-10', '2026-11')"),
                start.toString());
        CliRun validation = CliRun.of("validate", "--repo", repo.toString(), "--as-of", "2026-11-24");
        assertEquals(0, validation.status(), validation.out());
    }

    @Test
    void aFailedQueryWritesNothingAndSaysWhy() {
        fake.endsIn("FAILED", "TABLE_NOT_FOUND: line 21:6: Table 'awsdatacatalog.cur_focus.focus_1_0_aws' does not "
                + "exist");

        CliRun run = runAthena("--billing-period", "2026-10");

        assertEquals(1, run.status(), run.err());
        assertEquals("Athena query " + FakeAthena.QUERY_ID + ":1: the query FAILED: TABLE_NOT_FOUND: line 21:6: "
                + "Table 'awsdatacatalog.cur_focus.focus_1_0_aws' does not exist\n"
                + "servicedocs: " + TABLE + " cannot be imported; nothing was written\n", run.err());
        assertFalse(Files.exists(repo.resolve("cost-data/aws/2026-10.yaml")));
    }

    @Test
    void optionsThatDoNotGoTogetherAreUsageErrors() {
        CliRun withFile = runAthena("costs.csv");
        assertEquals(2, withFile.status());
        assertEquals("servicedocs: --engine athena reads the table of --database and --table, not files; remove "
                + "costs.csv\n", withFile.err());

        CliRun missing = run("--engine", "athena", "--database", "cur_focus", "--table", "focus_1_0_aws");
        assertEquals(2, missing.status());
        assertEquals("servicedocs: --engine athena needs --workgroup NAME, --output-location S3_URL (e.g. --database "
                + "cur --table focus_1_0 --workgroup primary --output-location s3://my-athena-results/servicedocs/)\n",
                missing.err());

        CliRun withoutEngine = run("--database", "cur_focus", "--billing-period", "2026-10", "costs.csv");
        assertEquals(2, withoutEngine.status());
        // --billing-period serves the duckdb engine's export folders too: only --database is Athena's
        assertEquals("servicedocs: --database goes with --engine athena only; add --engine "
                + "athena to read an Athena table, or give FILE arguments without them\n", withoutEngine.err());

        CliRun oneOption = run("--workgroup", "primary", "costs.csv");
        assertEquals(2, oneOption.status());
        assertEquals("servicedocs: --workgroup goes with --engine athena only; add --engine athena to read an Athena "
                + "table, or give FILE arguments without them\n", oneOption.err());

        CliRun nothing = run();
        assertEquals(2, nothing.status());
        assertEquals("servicedocs: no FILE given; give the FOCUS files to import, or --engine athena with --database, "
                + "--table, --workgroup and --output-location\n", nothing.err());

        CliRun badName = run("--engine", "athena", "--database", "cur;drop", "--table", "focus_1_0_aws",
                "--workgroup", "primary", "--output-location", "s3://athena-results-example/sd/");
        assertEquals(2, badName.status());
        assertEquals("servicedocs: database 'cur;drop' is not an Athena database name (letters, digits, underscores "
                + "and hyphens, at most 255)\n", badName.err());

        CliRun badEngine = run("--engine", "spark", "costs.csv");
        assertEquals(2, badEngine.status());
        assertTrue(badEngine.err().startsWith("Invalid value for option '--engine': 'spark' is not an engine; expected duckdb, java or athena\n"), badEngine.err());

        assertTrue(fake.requests().isEmpty(), "no usage error reached Athena");
    }
}
