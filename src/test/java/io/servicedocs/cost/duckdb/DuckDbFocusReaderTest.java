package io.servicedocs.cost.duckdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.servicedocs.cost.focus.ChargeGroup;
import io.servicedocs.cost.focus.ChargeGroup.ChargeTerm;
import io.servicedocs.cost.focus.FocusError;
import io.servicedocs.cost.focus.FocusImportException;
import io.servicedocs.cost.focus.FocusInput;
import io.servicedocs.cost.focus.FocusRead;
import io.servicedocs.cost.focus.FocusVersion;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

public class DuckDbFocusReaderTest {

    static final String HEADER = "ProviderName,BillingAccountId,BillingPeriodStart,SubAccountId,SubAccountName,"
            + "ChargePeriodStart,ChargePeriodEnd,BillingCurrency,EffectiveCost,BilledCost,ListCost,ChargeCategory,"
            + "ChargeClass,ChargeFrequency,CommitmentDiscountId,ChargeDescription\n";

    /**
     * Rows with the tolerated spellings: lower-case enums, an ARM subscription path in upper case, NULL
     * and empty values, a date with a space and an offset that moves it to the previous UTC month.
     */
    static final String CSV = HEADER
            + "Microsoft,BA1,2026-01-01T00:00:00Z,/subscriptions/AAAAAAAA-1111-2222-3333-444444444444,Shop,"
            + "2026-01-05T00:00:00Z,2026-01-06T00:00:00Z,usd,0.1,0.1,0.15,usage,,usage-based,,\n"
            + "Microsoft,BA1,2026-01-01 00:00:00,aaaaaaaa-1111-2222-3333-444444444444,Shop,"
            + "2026-02-01T00:30:00+01:00,2026-02-01T01:30:00+01:00,USD,0.20,NULL,,Usage,NULL,Usage-Based,,\n"
            + "Microsoft,BA1,2026-02-01,,,2026-02-03,2026-02-04,USD,5,5,6,Usage,correction,Usage-Based,,\n"
            + "Microsoft,BA1,2026-02-01,,,2026-02-01T00:00:00Z,2027-02-01T00:00:00Z,USD,1200,1200,1200,Purchase,,"
            + "One-Time,cd-1,\"Savings plan, 1 year\"\n";

    static Path write(Path dir, String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    static Path gzip(Path dir, String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }

    /** Writes a Parquet file with DuckDB itself, from a CSV read as text (or with the query given). */
    static Path parquet(Path csv, Path target) throws SQLException, IOException {
        Files.createDirectories(target.getParent());
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("COPY (SELECT * FROM read_csv('" + csv + "', all_varchar = true, header = true)) TO '" + target
                    + "' (FORMAT parquet)");
        }
        return target;
    }

    static FocusRead read(Path... paths) throws FocusImportException {
        return new DuckDbFocusReader().read(new FocusInput(List.of(paths), Optional.empty(), Optional.empty(), List.of()));
    }

    static List<String> errors(FocusInput input) {
        FocusImportException e = assertThrows(FocusImportException.class, () -> new DuckDbFocusReader().read(input));
        return e.errors().stream().map(FocusError::toString).toList();
    }

    static List<String> errors(Path... paths) {
        return errors(new FocusInput(List.of(paths), Optional.empty(), Optional.empty(), List.of()));
    }

    static final Currency USD = Currency.getInstance("USD");
    static final String SUB = "aaaaaaaa-1111-2222-3333-444444444444";

    /** The groups of CSV, computed by hand; firstRow as the engine gives it. */
    static List<ChargeGroup> expected(Optional<String> row1, Optional<String> row2, Optional<String> row3,
                                      Optional<String> row4) {
        YearMonth jan = YearMonth.of(2026, 1);
        YearMonth feb = YearMonth.of(2026, 2);
        return List.of(
                // row 1 and row 2 differ in charge month: 2026-02-01T00:30+01:00 is 2026-01-31T23:30Z
                new ChargeGroup("Microsoft", "BA1", Optional.empty(), Optional.of(SUB), Optional.of("Shop"), USD, jan, jan,
                        "Usage", Optional.empty(), Optional.of("Usage-Based"), Optional.empty(), Optional.empty(),
                        new BigDecimal("0.30"), new BigDecimal("0.1"), new BigDecimal("0.15"), 2, row1),
                new ChargeGroup("Microsoft", "BA1", Optional.empty(), Optional.empty(), Optional.empty(), USD, feb, feb,
                        "Usage", Optional.of("Correction"), Optional.of("Usage-Based"), Optional.empty(), Optional.empty(),
                        new BigDecimal("5"), new BigDecimal("5"), new BigDecimal("6"), 1, row3),
                new ChargeGroup("Microsoft", "BA1", Optional.empty(), Optional.empty(), Optional.empty(), USD, feb, feb,
                        "Purchase", Optional.empty(), Optional.of("One-Time"), Optional.empty(),
                        Optional.of(new ChargeTerm(LocalDate.of(2026, 2, 1), LocalDate.of(2027, 2, 1), Optional.of("cd-1"),
                                Optional.of("Savings plan, 1 year"))),
                        new BigDecimal("1200"), new BigDecimal("1200"), new BigDecimal("1200"), 1, row4));
    }

    @Test
    void csvRowsAreGroupedExactly(@TempDir Path dir) throws Exception {
        FocusRead read = read(write(dir, "focus.csv", CSV));
        assertSameGroups(expected(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()), read.groups());
        assertEquals(4, read.rows());
        assertEquals(FocusVersion.UNKNOWN, read.version());
        assertEquals(List.of(), read.notes());
    }

    /** Groups in any order (a CSV read knows no first rows, and lists its groups by key). */
    static void assertSameGroups(List<ChargeGroup> expected, List<ChargeGroup> actual) {
        assertEquals(expected.stream().map(ChargeGroup::toString).sorted().toList(),
                actual.stream().map(ChargeGroup::toString).sorted().toList());
    }

    @Test
    void gzipCsvAndParquetGiveTheSameGroups(@TempDir Path dir) throws Exception {
        Path csv = write(dir, "focus.csv", CSV);
        FocusRead gz = read(gzip(dir, "export.csv.gz", CSV));
        assertSameGroups(expected(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()), gz.groups());
        Path parquet = parquet(csv, dir.resolve("focus.parquet"));
        FocusRead read = read(parquet);
        String name = parquet.toString();
        // Parquet knows its rows: the groups come in the order of their first rows
        assertEquals(expected(Optional.of(name + " row 1"), Optional.empty(), Optional.of(name + " row 3"),
                Optional.of(name + " row 4")), read.groups());
        assertEquals(4, read.rows());
    }

    @Test
    void typedParquetColumnsAreReadAsTheirValues(@TempDir Path dir) throws Exception {
        Path parquet = dir.resolve("typed.parquet");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("COPY (SELECT * FROM (VALUES"
                    + " ('AWS', '111', TIMESTAMPTZ '2026-03-01 00:00:00+00', '222', TIMESTAMP '2026-03-04 00:00:00',"
                    + "  'USD', CAST(1.25 AS DECIMAL(18,2)), CAST(1.5 AS DOUBLE), 'Usage'),"
                    + " ('AWS', '111', TIMESTAMPTZ '2026-03-01 00:00:00+00', '222', TIMESTAMP '2026-03-31 23:00:00',"
                    + "  'USD', CAST(0.10 AS DECIMAL(18,2)), CAST(0.25 AS DOUBLE), 'Usage'))"
                    + " t(ProviderName, BillingAccountId, BillingPeriodStart, SubAccountId, ChargePeriodStart,"
                    + " BillingCurrency, EffectiveCost, BilledCost, ChargeCategory)) TO '" + parquet + "' (FORMAT parquet)");
        }
        FocusRead read = read(parquet);
        YearMonth mar = YearMonth.of(2026, 3);
        assertEquals(List.of(new ChargeGroup("AWS", "111", Optional.empty(), Optional.of("222"), Optional.empty(), USD,
                mar, mar, "Usage", Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                new BigDecimal("1.35"), new BigDecimal("1.75"), new BigDecimal("0"), 2, Optional.of(parquet + " row 1"))),
                read.groups());
    }

    @Test
    void csvErrorsNameTheExactLineAndColumn(@TempDir Path dir) throws Exception {
        Path file = write(dir, "bad.csv", HEADER
                + "Microsoft,BA1,2026-01-01,s1,\"two\nlines\",2026-01-05,,USD,1,1,1,Usage,,,,\n"
                + "Microsoft,BA1,2026-01-01,s1,,2026-01-05,,USD,abc,1,1,Usage,,,,\n"
                + "Microsoft,BA1,2026-01-01,s1,,2026-13-05,,EUR,1,1,1,Refund,,,,\n");
        String f = file.toString();
        assertEquals(List.of(
                f + ":4: column EffectiveCost: 'abc' is not a number",
                f + ":5: column ChargePeriodStart: '2026-13-05' is not an ISO 8601 date or date-time such as"
                        + " 2024-09-01T00:00:00Z",
                f + ":5: column ChargeCategory: 'Refund' is not one of Usage, Purchase, Tax, Credit, Adjustment"),
                errors(file));
    }

    @Test
    void parquetErrorsNameTheRowAndColumn(@TempDir Path dir) throws Exception {
        Path csv = write(dir, "bad.csv", HEADER
                + "Microsoft,BA1,2026-01-01,s1,,2026-01-05,,USD,1,1,1,Usage,,,,\n"
                + "Microsoft,BA1,2026-01-01,s1,,2026-01-05,,USD,1e400,1,1,Usage,,Monthly,,\n"
                + "Microsoft,,2026-01-01,s1,,2026-01-05,2026-01-04,US Dollar,1,1,1,Usage,,,,\n");
        Path parquet = parquet(csv, dir.resolve("data/bad.parquet"));
        String f = parquet.toString();
        assertEquals(List.of(
                f + ":2: column EffectiveCost: '1e400' is out of range: it is 10^18 or more in magnitude; a number"
                        + " may have at most 30 significant digits, 18 before the decimal point (below 10^18) and 20 after it",
                f + ":2: column ChargeFrequency: 'Monthly' is not one of One-Time, Recurring, Usage-Based",
                f + ":3: column BillingAccountId: missing value",
                f + ":3: column BillingCurrency: 'US Dollar' is not an ISO 4217 currency code",
                f + ":3: column ChargePeriodEnd: '2026-01-04' is before ChargePeriodStart '2026-01-05'"),
                errors(parquet));
    }

    /**
     * Tags (no tag asked for) and the ChargeDescription of a row that is no term purchase are not
     * grouped by; their characters are checked row by row, in CSV and in Parquet alike.
     */
    @Test
    void refusedCharactersInColumnsNotGroupedByAreFound(@TempDir Path dir) throws Exception {
        String row = "AWS,1,2026-01-01,2,2026-01-02,USD,1,Usage,Usage-Based,%s,%s\n";
        Path csv = write(dir, "chars.csv", MINI.replace("\n", ",ChargeFrequency,ChargeDescription,Tags\n")
                + String.format(row, "fine", "")
                + String.format(row, "fine", "\"{\"\"app\"\":\"\"x\u0001\"\"}\"")
                + String.format(row, "d\u007F", ""));
        String allowed = " is not allowed in text; remove it (tab, line feed and carriage return are the only control"
                + " characters allowed)";
        String c = csv.toString();
        assertEquals(List.of(c + ":3: column Tags: control character U+0001 in character 10 of the value" + allowed,
                c + ":4: column ChargeDescription: control character U+007F in character 2 of the value" + allowed),
                errors(csv));
        Path parquet = parquet(csv, dir.resolve("data/chars.parquet"));
        String p = parquet.toString();
        assertEquals(List.of(p + ":2: column Tags: control character U+0001 in character 10 of the value" + allowed,
                p + ":3: column ChargeDescription: control character U+007F in character 2 of the value" + allowed),
                errors(parquet));
    }

    @Test
    void missingColumnsAreNamed(@TempDir Path dir) throws Exception {
        Path file = write(dir, "cols.csv", "ProviderName,BillingCurrency,EffectiveCost,x,effectivecost ,BillingAccountId\n"
                + "P,USD,1,,2,b\n");
        String f = file.toString();
        assertEquals(List.of(
                f + ":1: column ChargePeriodStart: required column missing from the header",
                f + ":1: column EffectiveCost: appears 2 times in the header (fields 3, 5)",
                f + ":1: column ChargeCategory: required column missing from the header"),
                errors(file));
    }

    static final String MINI = "ProviderName,BillingAccountId,BillingPeriodStart,SubAccountId,ChargePeriodStart,"
            + "BillingCurrency,EffectiveCost,ChargeCategory\n";

    /** An AWS Data Exports folder: two billing periods, Parquet parts listed by their manifests. */
    public static Path awsExport(Path dir) throws Exception {
        Path export = dir.resolve("prefix/focus-export");
        Path jan = write(dir, "jan.csv", MINI + "AWS,111,2026-01-01,222,2026-01-02,USD,1.5,Usage\n"
                + "AWS,111,2026-01-01,222,2026-01-03,USD,2.25,Usage\n");
        Path jan2 = write(dir, "jan2.csv", MINI + "AWS,111,2026-01-01,222,2026-01-09,USD,0.25,Usage\n");
        Path feb = write(dir, "feb.csv", MINI + "AWS,111,2026-02-01,222,2026-02-02,USD,10,Usage\n");
        parquet(jan, export.resolve("data/BILLING_PERIOD=2026-01/focus-export-00001.snappy.parquet"));
        parquet(jan2, export.resolve("data/BILLING_PERIOD=2026-01/focus-export-00002.snappy.parquet"));
        parquet(feb, export.resolve("data/BILLING_PERIOD=2026-02/focus-export-00001.snappy.parquet"));
        write(export, "metadata/BILLING_PERIOD=2026-01/focus-export-Manifest.json", "{\"dataFiles\": ["
                + "\"s3://b/prefix/focus-export/data/BILLING_PERIOD=2026-01/focus-export-00001.snappy.parquet\","
                + "\"s3://b/prefix/focus-export/data/BILLING_PERIOD=2026-01/focus-export-00002.snappy.parquet\"]}");
        write(export, "metadata/BILLING_PERIOD=2026-02/focus-export-Manifest.json", "{\"dataFiles\": ["
                + "\"s3://b/prefix/focus-export/data/BILLING_PERIOD=2026-02/focus-export-00001.snappy.parquet\"]}");
        return export;
    }

    static ChargeGroup aws(YearMonth month, String amount, long rows, String firstRow) {
        return new ChargeGroup("AWS", "111", Optional.empty(), Optional.of("222"), Optional.empty(), USD, month, month,
                "Usage", Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), new BigDecimal(amount),
                BigDecimal.ZERO, BigDecimal.ZERO, rows, Optional.of(firstRow));
    }

    @Test
    void awsExportFolderIsReadPartitionByPartitionAsItsManifestsSay(@TempDir Path dir) throws Exception {
        Path export = awsExport(dir);
        String jan = export.resolve("data/BILLING_PERIOD=2026-01/focus-export-00001.snappy.parquet") + " row 1";
        String feb = export.resolve("data/BILLING_PERIOD=2026-02/focus-export-00001.snappy.parquet") + " row 1";
        FocusRead all = read(dir.resolve("prefix"));
        // January: 1.5 + 2.25 in the first part, 0.25 in the second
        assertEquals(List.of(aws(YearMonth.of(2026, 1), "4.00", 3, jan), aws(YearMonth.of(2026, 2), "10", 1, feb)),
                all.groups());
        assertEquals(4, all.rows());
        FocusRead february = new DuckDbFocusReader().read(new FocusInput(List.of(export), Optional.empty(),
                Optional.empty(), List.of(YearMonth.of(2026, 2))));
        assertEquals(List.of(aws(YearMonth.of(2026, 2), "10", 1, feb)), february.groups());
        assertEquals(List.of(export + ":1: no billing period BILLING_PERIOD=2026-03 in this export; it has:"
                        + " BILLING_PERIOD=2026-01, BILLING_PERIOD=2026-02"),
                errors(new FocusInput(List.of(export), Optional.empty(), Optional.empty(), List.of(YearMonth.of(2026, 3)))));
    }

    @Test
    void aPartitionThatDisagreesWithItsManifestIsRefused(@TempDir Path dir) throws Exception {
        Path export = awsExport(dir);
        Path partition = export.resolve("data/BILLING_PERIOD=2026-01");
        Files.copy(partition.resolve("focus-export-00002.snappy.parquet"), partition.resolve("focus-export-00003.snappy.parquet"));
        Files.delete(partition.resolve("focus-export-00001.snappy.parquet"));
        Files.delete(export.resolve("metadata/BILLING_PERIOD=2026-02/focus-export-Manifest.json"));
        Path manifest = export.resolve("metadata/BILLING_PERIOD=2026-01/focus-export-Manifest.json");
        assertEquals(List.of(
                partition + ":1: the files disagree with the manifest " + manifest + ": listed but missing:"
                        + " focus-export-00001.snappy.parquet; present but not listed: focus-export-00003.snappy.parquet"
                        + " (a delivery still being written, or files of another delivery?); this partition is not read",
                export.resolve("data/BILLING_PERIOD=2026-02") + ":1: no manifest for this partition: expected "
                        + export.resolve("metadata/BILLING_PERIOD=2026-02/<export>-Manifest.json")
                        + ", whose dataFiles lists the partition's files"),
                errors(export));
    }

    @Test
    void azureExportFolderIsReadAsItsManifestSays(@TempDir Path dir) throws Exception {
        Path run = dir.resolve("focus-cost/20260101-20260131/0f6c-run");
        String csv = MINI.replace("AWS", "Microsoft") + "Microsoft,BA,2026-01-01,/subscriptions/AAAAAAAA-1111-2222-3333-444444444444,"
                + "2026-01-02,EUR,3.5,Usage\n";
        Path part = gzip(run, "part_0_0001.csv.gz", csv);
        write(run, "manifest.json", "{\"blobCount\": 1, \"blobs\": [{\"blobName\": \"exports/focus-cost/20260101-20260131/"
                + "0f6c-run/part_0_0001.csv.gz\", \"byteCount\": " + Files.size(part) + "}]}");
        FocusRead read = read(dir.resolve("focus-cost"));
        YearMonth jan = YearMonth.of(2026, 1);
        assertEquals(List.of(new ChargeGroup("Microsoft", "BA", Optional.empty(), Optional.of(SUB), Optional.empty(),
                Currency.getInstance("EUR"), jan, jan, "Usage", Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), new BigDecimal("3.5"), BigDecimal.ZERO, BigDecimal.ZERO, 1, Optional.empty())),
                read.groups());
        write(run, "manifest.json", "{\"blobs\": [{\"blobName\": \"part_0_0001.csv.gz\", \"byteCount\": 12}]}");
        assertEquals(List.of(run + ":1: the files disagree with the manifest " + run.resolve("manifest.json")
                        + ": not the size listed: part_0_0001.csv.gz (" + Files.size(part) + " bytes, the manifest says 12)"
                        + " (a delivery still being written, or files of another delivery?); this partition is not read"),
                errors(dir.resolve("focus-cost")));
    }

    @Test
    void tagsInEveryFormAreGroupedByTheTagKey(@TempDir Path dir) throws Exception {
        Path file = write(dir, "tags.csv", MINI.replace("\n", ",Tags\n")
                + "AWS,1,2026-01-01,2,2026-01-02,USD,1,Usage,\"{\"\"app\"\": \"\"shop\"\"}\"\n"
                + "AWS,1,2026-01-01,2,2026-01-02,USD,2,Usage,\"\"\"App\"\": \"\" shop \"\"\"\n"
                + "AWS,1,2026-01-01,2,2026-01-02,USD,4,Usage,\"[{\"\"Key\"\": \"\"app\"\", \"\"Value\"\": \"\"blog\"\"}]\"\n"
                + "AWS,1,2026-01-01,2,2026-01-02,USD,8,Usage,\"{\"\"team\"\": \"\"x\"\"}\"\n"
                + "AWS,1,2026-01-01,2,2026-01-02,USD,16,Usage,\n");
        FocusRead read = new DuckDbFocusReader().read(new FocusInput(List.of(file), Optional.empty(), Optional.of("app"),
                List.of()));
        YearMonth jan = YearMonth.of(2026, 1);
        assertSameGroups(List.of(
                new ChargeGroup("AWS", "1", Optional.empty(), Optional.of("2"), Optional.empty(), USD, jan, jan, "Usage",
                        Optional.empty(), Optional.empty(), Optional.of("shop"), Optional.empty(), new BigDecimal("3"),
                        BigDecimal.ZERO, BigDecimal.ZERO, 2, Optional.empty()),
                new ChargeGroup("AWS", "1", Optional.empty(), Optional.of("2"), Optional.empty(), USD, jan, jan, "Usage",
                        Optional.empty(), Optional.empty(), Optional.of("blog"), Optional.empty(), new BigDecimal("4"),
                        BigDecimal.ZERO, BigDecimal.ZERO, 1, Optional.empty()),
                new ChargeGroup("AWS", "1", Optional.empty(), Optional.of("2"), Optional.empty(), USD, jan, jan, "Usage",
                        Optional.empty(), Optional.empty(), Optional.of(""), Optional.empty(), new BigDecimal("24"),
                        BigDecimal.ZERO, BigDecimal.ZERO, 2, Optional.empty())),
                read.groups());
        assertEquals(Optional.of("app"), read.tagKey());
    }

    @Test
    void badTagsAreErrors(@TempDir Path dir) throws Exception {
        Path csv = write(dir, "tags.csv", MINI.replace("\n", ",Tags\n")
                + "AWS,1,2026-01-01,2,2026-01-02,USD,1,Usage,\"{\"\"app\"\": {\"\"a\"\": 1}}\"\n"
                + "AWS,1,2026-01-01,2,2026-01-02,USD,1,Usage,\"{\"\"app\"\": \"\"x\"\", \"\"app\"\": \"\"y\"\"}\"\n"
                + "AWS,1,2026-01-01,2,2026-01-02,USD,1,Usage,not json\n");
        Path parquet = parquet(csv, dir.resolve("tags.parquet"));
        String f = parquet.toString();
        assertEquals(List.of(
                f + ":1: column Tags: the tag 'app' has object '{\"a\":1}', not a value",
                f + ":2: column Tags: the tag 'app' is given more than once; which value is meant?",
                f + ":3: column Tags: 'not json' is not a JSON object of tags, such as {\"app\": \"value\"}, nor a list of"
                        + " them, such as [{\"key\": \"app\", \"value\": \"value\"}]"),
                errors(new FocusInput(List.of(parquet), Optional.empty(), Optional.of("app"), List.of())));
    }
}
