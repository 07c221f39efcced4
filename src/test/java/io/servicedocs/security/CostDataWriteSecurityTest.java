package io.servicedocs.security;

import io.servicedocs.cost.focus.BillingAccountColumn;
import static io.servicedocs.security.AttackRepository.assertNoSecretIn;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.servicedocs.cli.CliAccess;
import io.servicedocs.cost.data.CostDataStore;
import io.servicedocs.cost.data.CostDataStore.WritePolicy;
import io.servicedocs.cost.data.FocusMonths;
import io.servicedocs.cost.focus.FocusImporter;
import io.servicedocs.load.FileKind;
import io.servicedocs.load.SchemaValidator;
import io.servicedocs.write.WriteException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code servicedocs costs import} writes to cost-data/ is read back by {@code validate} and
 * {@code build} with the same figures, however many sub-accounts a month has; a write that fails
 * names its file and leaves the previous state; leftovers of interrupted writes are neither read
 * as data nor left to pile up.
 */
class CostDataWriteSecurityTest {

    static final String HEADER =
            "ProviderName,SubAccountId,SubAccountName,ChargePeriodStart,BillingCurrency,EffectiveCost,ChargeCategory\n";
    static final String NOW = "2026-11-24T08:00:00Z";

    @TempDir
    Path dir;

    /** The Azure subscription id of sub-account {@code i}. */
    static String subscription(int i) {
        return String.format(Locale.ROOT, "%08x-0000-4000-8000-%012x", i, i);
    }

    /**
     * A FOCUS file of {@code subAccounts} Azure subscriptions, each with two rows in 2026-10 whose
     * sum is {@code amount(i)}.
     */
    static Path focus(Path file, int subAccounts) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("BillingAccountId," + HEADER);
            for (int i = 0; i < subAccounts; i++) {
                BigDecimal half = amount(i).divide(BigDecimal.valueOf(2));
                String row = BillingAccountColumn.ACCOUNT + ",Microsoft," + subscription(i) + ",Team " + i + " subscription,2026-10-%02d,USD,"
                        + half.toPlainString() + ",Usage\n";
                out.write(String.format(Locale.ROOT, row, 1 + i % 28));
                out.write(String.format(Locale.ROOT, row, 1 + (i + 7) % 28));
            }
        }
        return file;
    }

    /** Whole hundreds of USD for the two subscriptions a product claims, so that yen are exact. */
    static BigDecimal amount(int i) {
        if (i == 0) {
            return new BigDecimal("1200.00");
        }
        if (i == LAST) {
            return new BigDecimal("3400.00");
        }
        return new BigDecimal(i % 997 + "." + String.format(Locale.ROOT, "%02d", i % 100));
    }

    static final int SUB_ACCOUNTS = 20_000;
    static final int LAST = SUB_ACCOUNTS - 1;

    static CliAccess.Run importing(AttackRepository repo, String... more) {
        List<String> args = new ArrayList<>(List.of("costs", "import", "--repo", repo.root().toString(),
                "--as-of", AttackRepository.AS_OF.toString(), "--now", NOW));
        args.addAll(List.of(more));
        return CliAccess.run(args.toArray(String[]::new));
    }

    @Test
    void aMonthOfTwentyThousandSubAccountsIsImportedThenReadBackByValidateAndBuild() throws Exception {
        try (AttackRepository repo = AttackRepository.create(dir)) {
            Path csv = focus(dir.resolve("focus-20000.csv"), SUB_ACCOUNTS);
            // ops-console claims the first and the last subscription of the file
            repo.write("products/ops-console/service-doc.yaml",
                    Files.readString(repo.root().resolve("products/ops-console/service-doc.yaml"))
                            + "  - provider: azure\n    id: \"" + subscription(0) + "\"\n"
                            + "  - provider: azure\n    id: \"" + subscription(LAST) + "\"\n");

            long start = System.nanoTime();
            CliAccess.Run imported = importing(repo, csv.toString(), "--source", "azure-ea");
            long importMillis = (System.nanoTime() - start) / 1_000_000;

            assertEquals(0, imported.status(), imported.out() + imported.err());
            Path month = repo.root().resolve("cost-data/azure-ea/2026-10.yaml");
            assertTrue(imported.out().contains(month + ": created (final, "), imported.out());
            long size = Files.size(month);
            assertTrue(size > 1024 * 1024, "the month is " + size + " bytes: more than the 1 MiB of other files");
            String text = Files.readString(month);
            assertEquals(SUB_ACCOUNTS, text.split("- element:", -1).length - 1);
            assertTrue(text.contains("id: \"" + subscription(LAST) + "\"\n      name: Team " + LAST
                    + " subscription\n    amount: 3400.00\n"), "the last line is written");

            start = System.nanoTime();
            CliAccess.Run validation = repo.validate();
            long validateMillis = (System.nanoTime() - start) / 1_000_000;
            System.out.println("20,000-line month of " + size + " bytes: import " + importMillis
                    + " ms, validate " + validateMillis + " ms");
            assertEquals(0, validation.status(), validation.err());
            List<String> aboutTheMonth = validation.out().lines().filter(l -> l.contains("/azure-ea/")).toList();
            // every line read back: each subscription no product claims is reported as unallocated
            assertEquals(SUB_ACCOUNTS - 2, aboutTheMonth.size());
            assertTrue(aboutTheMonth.stream().allMatch(l -> l.contains(": warning: ") && l.endsWith("[cost-unallocated]")),
                    aboutTheMonth.stream().filter(l -> !l.endsWith("[cost-unallocated]")).findFirst().orElse(""));
            assertTrue(validation.out().contains("azure cost element '" + subscription(LAST - 1) + "' (Team " + (LAST - 1)
                    + " subscription) is claimed by no product and no shared pool: " + amount(LAST - 1) + " USD in 1 "
                    + "month(s)"), "the figure of the last but one line");

            Path out = repo.outside("site");
            CliAccess.Run build = repo.build(out);
            assertEquals(0, build.status(), build.out() + build.err());
            // (1200 + 3400) USD at 153.91 JPY per USD in 2026-10 (standards/exchange-rates.yaml)
            assertEquals("707986", cell(out, "ops-console", "2026-10", "direct_Azure"));
            assertNoSecretIn(out);
            assertNoSecretIn(imported);
            assertNoSecretIn(validation);
            assertNoSecretIn(build);
        }
    }

    /** A FOCUS file of the given rows (sub-account index, day, amount). */
    static Path smallFocus(Path file, String... rows) throws IOException {
        StringBuilder csv = new StringBuilder(HEADER);
        for (String row : rows) {
            String[] f = row.split(" ");
            int i = Integer.parseInt(f[0]);
            csv.append("Microsoft,").append(subscription(i)).append(",Team ").append(i).append(" subscription,")
                    .append(f[1]).append(",USD,").append(f[2]).append(",Usage\n");
        }
        return Files.writeString(file, BillingAccountColumn.add(csv.toString()));
    }

    @Test
    void aCostMonthFileOverTheLimitIsAnErrorNamingTheFileAndTheLimit() throws Exception {
        try (AttackRepository repo = AttackRepository.create(dir)) {
            // an attacker's 32 MiB + 1 byte month (sparse: nothing is written to the disk)
            Path big = Files.createDirectories(repo.root().resolve("cost-data/big")).resolve("2026-10.yaml");
            try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
                file.setLength(FileKind.COST_MONTH_MAX_BYTES + 1);
            }
            String error = big + ":1:1: error: file is 33554433 bytes; expected at most 33554432 bytes.";

            CliAccess.Run validation = repo.validate();
            assertEquals(1, validation.status(), validation.out() + validation.err());
            assertTrue(validation.out().contains(error), validation.out());

            Path out = repo.outside("site");
            CliAccess.Run build = repo.build(out);
            assertEquals(1, build.status(), build.out() + build.err());
            assertTrue((build.out() + build.err()).contains(error), build.out() + build.err());

            CliAccess.Run review = repo.review();
            assertTrue(review.out().contains("cost-data/big/2026-10.yaml"), review.out());
            assertTrue(review.out().contains("expected at most 33554432 bytes"), review.out());
            assertNoSecretIn(out);
            assertNoSecretIn(validation);
            assertNoSecretIn(build);
            assertNoSecretIn(review);
        }
    }

    @Test
    void aMonthThatCannotBeWrittenLeavesTheMonthsOfTheRunAsTheyWere() throws Exception {
        try (AttackRepository repo = AttackRepository.create(dir)) {
            claimFirstSubscription(repo);
            Path first = smallFocus(dir.resolve("september.csv"), "0 2026-09-03 100.00");
            assertEquals(0, importing(repo, first.toString(), "--source", "azure-ea").status());
            Path september = repo.root().resolve("cost-data/azure-ea/2026-09.yaml");
            Path october = repo.root().resolve("cost-data/azure-ea/2026-10.yaml");
            byte[] before = Files.readAllBytes(september);

            // the second run corrects September and adds October ...
            Path second = smallFocus(dir.resolve("september-october.csv"), "0 2026-09-03 200.00", "0 2026-10-03 300.00");
            Clock clock = Clock.fixed(Instant.parse(NOW), ZoneOffset.UTC);
            FocusMonths.Conversion months = new FocusMonths(clock).convert(List.of(new FocusImporter().read(second).focusRead()),
                    "azure-ea", FocusMonths.WithoutSubAccount.ERROR, AttackRepository.AS_OF);
            CostDataStore store = new CostDataStore(repo.root(), clock, new SchemaValidator());
            CostDataStore.Plan plan = store.plan(months.months(), WritePolicy.importing(true));
            // ... but where October goes, a folder that is not empty appears before it is written
            Files.createDirectories(october);
            Files.writeString(october.resolve("in-the-way.txt"), "x");

            WriteException e = assertThrows(WriteException.class, () -> store.write(plan));

            assertEquals(october, e.file());
            assertTrue(e.getMessage().startsWith("cannot write " + october + ": "), e.getMessage());
            assertArrayEquals(before, Files.readAllBytes(september), "September was replaced, then put back");
            Files.delete(october.resolve("in-the-way.txt"));
            Files.delete(october);
            assertEquals(List.of(september), filesUnder(september.getParent()), "no temporary file, no backup");

            CliAccess.Run validation = repo.validate();
            assertEquals(0, validation.status(), validation.out() + validation.err());
            Path out = repo.outside("site");
            CliAccess.Run build = repo.build(out);
            assertEquals(0, build.status(), build.out() + build.err());
            // 100 USD at 152.66 JPY (2026-09): the first import's figure, not the second's
            assertEquals("15266", cell(out, "ops-console", "2026-09", "direct_Azure"));
            assertEquals("", cell(out, "ops-console", "2026-10", "direct_Azure"));
            assertNoSecretIn(out);
            assertNoSecretIn(validation);
            assertNoSecretIn(build);
        }
    }

    @Test
    void leftoversOfInterruptedWritesAreNotReadAndTheNextImportRemovesThem() throws Exception {
        try (AttackRepository repo = AttackRepository.create(dir)) {
            Path aws = repo.root().resolve("cost-data/aws");
            Process ended = new ProcessBuilder("true").start();
            ended.waitFor();
            // a month of another source half written by a killed run: read, it would be misplaced and a duplicate
            String other = Files.readString(repo.root().resolve("cost-data/azure/2026-10.yaml"));
            Path dead = Files.writeString(aws.resolve(".2026-10.yaml.tmp-" + ended.pid() + "-7q"), other);
            Path deadBackup = Files.writeString(aws.resolve(".2026-09.yaml.bak-" + ended.pid() + "-8r"), "costs: [");
            Process live = new ProcessBuilder("sleep", "60").start();
            try {
                Path running = Files.writeString(aws.resolve(".2026-08.yaml.tmp-" + live.pid() + "-9s"), other);

                CliAccess.Run validation = repo.validate();
                assertEquals(0, validation.status(), validation.out() + validation.err());
                assertFalse(validation.out().contains(".tmp-") || validation.out().contains(".bak-"), validation.out());
                Path out = repo.outside("site");
                CliAccess.Run build = repo.build(out);
                assertEquals(0, build.status(), build.out() + build.err());
                CliAccess.Run review = repo.review();
                assertFalse(review.out().contains(".tmp-") || review.out().contains(".bak-"), review.out());

                Path focus = smallFocus(dir.resolve("one.csv"), "0 2026-09-03 100.00");
                CliAccess.Run imported = importing(repo, focus.toString(), "--source", "azure-ea");

                assertEquals(0, imported.status(), imported.out() + imported.err());
                assertFalse(Files.exists(dead), "removed by the next write to cost-data/");
                assertFalse(Files.exists(deadBackup));
                assertTrue(Files.exists(running), "a live writer's file is left alone");
                assertNoSecretIn(out);
                assertNoSecretIn(validation);
                assertNoSecretIn(build);
                assertNoSecretIn(review);
            } finally {
                live.destroy();
                live.waitFor();
            }
        }
    }

    @Test
    void anImportThatCannotWriteNamesTheFileAndWritesNoMonth() throws Exception {
        try (AttackRepository repo = AttackRepository.create(dir)) {
            // a file where the source's folder goes: no month of the run can be written
            Path source = Files.writeString(repo.root().resolve("cost-data/azure-ea"), "not a folder");
            Path focus = smallFocus(dir.resolve("two-months.csv"), "0 2026-09-03 100.00", "0 2026-10-03 300.00");

            CliAccess.Run imported = importing(repo, focus.toString(), "--source", "azure-ea");

            assertEquals(2, imported.status(), imported.out() + imported.err());
            assertTrue(imported.err().startsWith("servicedocs: cannot write " + source.resolve("2026-09.yaml") + ": "),
                    imported.err());
            assertTrue(imported.err().endsWith(". Nothing was written.\n"), imported.err());
            assertEquals("not a folder", Files.readString(source));
            assertEquals(List.of(), filesUnder(repo.root().resolve("cost-data")).stream()
                    .filter(p -> p.getFileName().toString().startsWith(".")).toList(), "no temporary file");
            assertNoSecretIn(imported);
        }
    }

    private static void claimFirstSubscription(AttackRepository repo) throws IOException {
        repo.write("products/ops-console/service-doc.yaml",
                Files.readString(repo.root().resolve("products/ops-console/service-doc.yaml"))
                        + "  - provider: azure\n    id: \"" + subscription(0) + "\"\n");
    }

    /** A cell of the site's api/costs.csv. */
    static String cell(Path site, String product, String month, String column) throws IOException {
        List<String> lines = Files.readAllLines(site.resolve("api/costs.csv"));
        List<String> header = List.of(lines.get(0).split(",", -1));
        List<String> rows = lines.stream().filter(l -> l.startsWith(product + "," + month + ",")).toList();
        assertEquals(1, rows.size(), product + " in " + month);
        int column_ = header.indexOf(column);
        return column_ < 0 ? "" : rows.get(0).split(",", -1)[column_];
    }

    static List<Path> filesUnder(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
