package io.servicedocs.cost.duckdb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.servicedocs.cost.focus.ChargeGroup;
import io.servicedocs.cost.focus.FocusImporter;
import io.servicedocs.cost.focus.FocusInput;
import io.servicedocs.cost.focus.FocusRead;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same FOCUS files through the Java reader and through DuckDB give the same groups. The one
 * difference allowed is {@code firstRow}: the Java reader knows each group's first line, DuckDB
 * does not for CSV (finding it would need the rows in order); it is left out of the comparison.
 */
class EnginesAgreeTest {

    static final String FOCUS = "src/test/resources/cost/focus/";

    static List<String> groups(FocusRead read) {
        return read.groups().stream().map(g -> new ChargeGroup(g.provider(), g.billingAccountId(), g.billingAccountName(),
                        g.subAccountId(), g.subAccountName(), g.currency(), g.billingPeriod(), g.chargeMonth(),
                        g.chargeCategory(), g.chargeClass(), g.chargeFrequency(), g.tag(), g.term(), g.effectiveCost(),
                        g.billedCost(), g.listCost(), g.rows(), Optional.empty()).toString())
                .sorted().toList();
    }

    static void assertAgree(Path file, Optional<String> tagKey) throws Exception {
        FocusInput input = new FocusInput(List.of(file), Optional.empty(), tagKey, List.of());
        FocusRead java = new FocusImporter().read(input);
        FocusRead duckdb = new DuckDbFocusReader().read(input);
        assertEquals(groups(java), groups(duckdb), file.toString());
        assertEquals(java.rows(), duckdb.rows());
        assertEquals(java.version(), duckdb.version());
        assertEquals(java.versionEvidence(), duckdb.versionEvidence());
        assertEquals(java.tagKey(), duckdb.tagKey());
        assertEquals(java.notes(), duckdb.notes());
    }

    @Test
    void theAwsSampleGivesEqualGroups() throws Exception {
        assertAgree(Path.of(FOCUS + "focus-1.0-sample-aws.csv"), Optional.empty());
    }

    @Test
    void theAzureQuirksGiveEqualGroups() throws Exception {
        assertAgree(Path.of(FOCUS + "azure-quirks.csv"), Optional.empty());
    }

    @Test
    void theHandWrittenFileGivesEqualGroupsAndTermsAndScales(@TempDir Path dir) throws Exception {
        assertAgree(DuckDbFocusReaderTest.write(dir, "focus.csv", DuckDbFocusReaderTest.CSV), Optional.empty());
    }

    @Test
    void tagsGiveEqualGroups(@TempDir Path dir) throws Exception {
        Path file = DuckDbFocusReaderTest.write(dir, "tags.csv", DuckDbFocusReaderTest.MINI.replace("\n", ",Tags\n")
                + "AWS,1,2026-01-01,2,2026-01-02,USD,1.10,Usage,\"{\"\"app\"\": \"\"shop\"\"}\"\n"
                + "AWS,1,2026-01-01,2,2026-01-02,USD,2,Usage,\"\"\"App\"\": \"\" shop \"\"\"\n"
                + "AWS,1,2026-01-01,2,2026-01-02,USD,4.125,Usage,\"[{\"\"Key\"\": \"\"app\"\", \"\"Value\"\": \"\"blog\"\"}]\"\n"
                + "AWS,1,2026-01-01,2,2026-01-02,USD,8,Usage,\"{\"\"team\"\": \"\"x\"\"}\"\n"
                + "AWS,1,2026-01-01,2,2026-01-02,USD,16,Usage,\n"
                + "AWS,1,2026-01-01,2,2026-01-02,USD,1e1,Usage,[]\n");
        assertAgree(file, Optional.of("app"));
        assertAgree(file, Optional.of("nope"));
    }

    /**
     * Costs written plainly (DuckDB's fast path: decimals counted from the point) beside spellings
     * that take the exact checks (spaces, exponents, a sign, leading zeros beyond 18 digits, a
     * 30-character literal with 20 decimals, no digit before the point), in one group: the sums
     * and their scales are the Java reader's.
     */
    @Test
    void plainAndOtherSpellingsOfCostsGiveEqualSums(@TempDir Path dir) throws Exception {
        String row = "AWS,1,2026-01-01,2,2026-01-02,USD,%s,Usage\n";
        StringBuilder csv = new StringBuilder(DuckDbFocusReaderTest.MINI);
        for (String cost : List.of("1.5", "-0.25", "+3", "7.", " 2.125 ", "1.5e-3", "2E2", ".5",
                "0000000000000000000001.5", "123456789.12345678901234567890", "0.00000000000000000001", "12")) {
            csv.append(String.format(row, cost.isBlank() ? cost : "\"" + cost + "\""));
        }
        Path file = DuckDbFocusReaderTest.write(dir, "spellings.csv", csv.toString());
        assertAgree(file, Optional.empty());
        FocusRead read = new DuckDbFocusReader().read(new FocusInput(List.of(file), Optional.empty(), Optional.empty(),
                List.of()));
        // 1.5 - 0.25 + 3 + 7 + 2.125 + 0.0015 + 200 + 0.5 + 1.5 + 123456789.12345678901234567890 + 1e-20 + 12
        assertEquals(List.of("123457016.49995678901234567891"),
                read.groups().stream().map(g -> g.effectiveCost().toPlainString()).toList());
    }
}
