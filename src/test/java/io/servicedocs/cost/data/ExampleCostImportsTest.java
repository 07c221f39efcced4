package io.servicedocs.cost.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.servicedocs.TestRepositories;
import io.servicedocs.cli.CliAccess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example's imported cost data (cost-data/saas-focus/) is what the tool writes from the FOCUS
 * files kept in cost-data/imports/done/saas-focus/&lt;run&gt;/: the runs are imported again, in
 * order and at their time, into a copy of the example without that folder (as
 * dev/example-cost-imports.sh does), and every month file must equal the committed one byte for
 * byte. So the example can never drift from the tool.
 */
class ExampleCostImportsTest {

    private static final String SOURCE = "saas-focus";

    @TempDir
    Path dir;

    @Test
    void theCommittedMonthsAreWhatTheImportOfTheKeptFilesWrites() throws IOException {
        Path repo = TestRepositories.exampleCopy(dir);
        TestRepositories.copy(TestRepositories.EXAMPLE.resolve("cost-data/" + SOURCE), dir.resolve("committed"));
        deleteTree(repo.resolve("cost-data/" + SOURCE));

        List<Path> runs = list(repo.resolve("cost-data/imports/done/" + SOURCE));
        assertEquals(12, runs.size(), "one run per billing period, 2025-12 to 2026-11");
        for (Path run : runs) {
            String stamp = run.getFileName().toString(); // 2026-01-06T040000Z, as the workflow names it
            String now = stamp.substring(0, 13) + ":" + stamp.substring(13, 15) + ":" + stamp.substring(15);
            List<String> args = new ArrayList<>(List.of("costs", "import", "--repo", repo.toString(), "--source", SOURCE,
                    "--now", now));
            list(run).forEach(f -> args.add(f.toString()));
            CliAccess.Run result = CliAccess.run(args.toArray(String[]::new));
            assertEquals(0, result.status(), stamp + ": " + result.err() + result.out());
        }

        Map<String, String> expected = files(dir.resolve("committed"));
        Map<String, String> actual = files(repo.resolve("cost-data/" + SOURCE));
        assertEquals(expected.keySet(), actual.keySet());
        assertEquals(12, actual.size(), "2025-12 to 2026-11");
        expected.forEach((name, text) -> assertEquals(text, actual.get(name), name
                + " differs from what the import writes: run dev/example-cost-imports.sh"));
    }

    /**
     * The hand-computed figures the site shows: 2026-09 is Sentry's 63,800 of billing period 2026-09
     * and its -6,600 correction of billing period 2026-10 (the month was final when that came),
     * plus the Retool licence's tenth twelfth: 1,250,000 / 12 = 104,166.67, so 104,166 a month with
     * the 8 yen left over to the first eight months (2025-12 to 2026-07 have 104,167).
     */
    @Test
    void theCommittedMonthsHoldTheCorrectionTheBillingAccountAndTheSpreadPurchase() throws IOException {
        String september = Files.readString(TestRepositories.EXAMPLE.resolve("cost-data/" + SOURCE + "/2026-09.yaml"));
        assertTrue(september.contains("""
                      billing_account: true
                    amount: -6600
                    currency: JPY
                    billing_period: "2026-10"
                """), september);
        assertTrue(september.contains("""
                    amount: 104166
                    currency: JPY
                    billing_period: "2025-12"
                    purchases:
                      - description: "Retool Business annual licence, 25 seats, 2025-12 to 2026-11"
                        total: 1250000
                        term_start: "2025-12-01"
                        term_end: "2026-11-30"
                        months: 12
                        share: 104166
                """), september);
        assertTrue(september.contains("reason: final month completed or corrected by another billing period"), september);
        String july = Files.readString(TestRepositories.EXAMPLE.resolve("cost-data/" + SOURCE + "/2026-07.yaml"));
        assertTrue(july.contains("share: 104167"), july);
    }

    private static List<Path> list(Path folder) throws IOException {
        try (Stream<Path> paths = Files.list(folder)) {
            return paths.sorted().toList();
        }
    }

    private static Map<String, String> files(Path folder) throws IOException {
        Map<String, String> texts = new TreeMap<>();
        for (Path file : list(folder)) {
            texts.put(file.getFileName().toString(), Files.readString(file));
        }
        return texts;
    }

    private static void deleteTree(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
