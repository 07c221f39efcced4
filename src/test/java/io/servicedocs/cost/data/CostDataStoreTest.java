package io.servicedocs.cost.data;

import static io.servicedocs.cost.data.CostDataYamlTest.aws;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.servicedocs.cost.data.CostDataStore.Action;
import io.servicedocs.cost.data.CostDataStore.MonthOutcome;
import io.servicedocs.cost.data.CostDataStore.Outcome;
import io.servicedocs.cost.data.CostDataStore.WritePolicy;
import io.servicedocs.load.LoadedDocument;
import io.servicedocs.model.CostMonth;
import io.servicedocs.model.CostMonth.CostLine;
import io.servicedocs.model.CostMonth.Revision;
import io.servicedocs.model.CostMonth.Status;
import io.servicedocs.model.Diagnostic;
import io.servicedocs.model.Money;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The merge policy: created, provisional replaced with a revision, final unchanged or refused or accepted. */
class CostDataStoreTest {

    static final Instant FIRST_FETCH = Instant.parse("2026-10-28T03:00:00Z");
    static final Instant SECOND_FETCH = Instant.parse("2026-11-05T03:00:00Z");
    static final YearMonth SEPTEMBER = YearMonth.of(2026, 9);
    static final YearMonth OCTOBER = YearMonth.of(2026, 10);

    @TempDir
    Path repo;

    @BeforeEach
    void repository() throws IOException {
        Files.createDirectories(repo.resolve("products"));
    }

    private CostDataStore store(Instant now) throws IOException {
        return new CostDataStore(repo, Clock.fixed(now, ZoneOffset.UTC), CostDataYamlTest.SCHEMAS);
    }

    private static CostMonth month(YearMonth month, Status status, Instant retrieved, CostLine... lines) {
        return new CostMonth("aws", month, status, "AmortizedCost", retrieved, Optional.empty(), List.of(lines), List.of());
    }

    private Path file(YearMonth month) {
        return repo.resolve(CostMonth.pathOf("aws", month));
    }

    private CostMonth readBack(YearMonth month) throws IOException {
        LoadedDocument<CostMonth> parsed = new CostMonthYaml(CostDataYamlTest.SCHEMAS)
                .parse(CostMonth.pathOf("aws", month), Files.readAllBytes(file(month)));
        assertEquals(List.of(), parsed.diagnostics());
        return parsed.record().orElseThrow();
    }

    private Outcome save(Instant now, boolean accept, CostMonth... months) throws Exception {
        return store(now).save(List.of(months), WritePolicy.fetch(accept));
    }

    @Test
    void createsMissingMonthsAndTheirFolders() throws Exception {
        CostMonth september = month(SEPTEMBER, Status.FINAL, FIRST_FETCH, aws("111111111111", "payments-prod", "980.10"));
        CostMonth october = month(OCTOBER, Status.PROVISIONAL, FIRST_FETCH);

        Outcome outcome = save(FIRST_FETCH, false, september, october);

        assertTrue(outcome.written());
        assertEquals(List.of(Action.CREATED, Action.CREATED), outcome.months().stream().map(MonthOutcome::action).toList());
        assertEquals(september, readBack(SEPTEMBER));
        assertEquals(october, readBack(OCTOBER), "a month without cost is written too");
        assertTrue(Files.readString(file(SEPTEMBER)).startsWith(CostMonthYaml.SCHEMA_LINE + "\n# Written by"));
        assertNoTemporaryFiles();
    }

    @Test
    void replacesAProvisionalMonthAndRecordsTheReplacedTotals() throws Exception {
        save(FIRST_FETCH, false, month(OCTOBER, Status.PROVISIONAL, FIRST_FETCH,
                aws("111111111111", "payments-prod", "1012.3387612"), aws("222222222222", null, "-2.00")));
        CostMonth fin = month(OCTOBER, Status.FINAL, SECOND_FETCH, aws("111111111111", "payments-prod", "1021.0045108839"));

        Outcome outcome = save(SECOND_FETCH, false, fin);

        MonthOutcome october = outcome.months().get(0);
        assertEquals(Action.REPLACED, october.action());
        assertEquals(List.of(Money.of("1010.3387612", "USD")), october.oldTotals());
        assertEquals(List.of(Money.of("1021.0045108839", "USD")), october.newTotals());
        CostMonth written = readBack(OCTOBER);
        assertEquals(Status.FINAL, written.status());
        assertEquals(fin.costs(), written.costs());
        assertEquals(List.of(new Revision(SECOND_FETCH, Status.PROVISIONAL, FIRST_FETCH,
                List.of(Money.of("1010.3387612", "USD")), "provisional month re-fetched: now final")), written.revisions());
    }

    /** A daily fetch changes the estimate every day: the file keeps the first and the last one before final. */
    @Test
    void revisionsKeepTheFirstEstimateAndTheLastBeforeTheMonthTurnedFinal() throws Exception {
        save(FIRST_FETCH, false, month(OCTOBER, Status.PROVISIONAL, FIRST_FETCH, aws("111111111111", null, "1")));
        Instant second = FIRST_FETCH.plusSeconds(86_400);
        Instant third = second.plusSeconds(86_400);
        save(second, false, month(OCTOBER, Status.PROVISIONAL, second, aws("111111111111", null, "2")));
        Outcome daily = save(third, false, month(OCTOBER, Status.PROVISIONAL, third, aws("111111111111", null, "2.5")));
        assertEquals(Action.REPLACED, daily.months().get(0).action());
        assertEquals(1, readBack(OCTOBER).revisions().size(), "the second estimate replaced is not recorded");
        save(SECOND_FETCH, false, month(OCTOBER, Status.FINAL, SECOND_FETCH, aws("111111111111", null, "3")));

        List<Revision> revisions = readBack(OCTOBER).revisions();
        assertEquals(List.of(FIRST_FETCH, third), revisions.stream().map(Revision::retrieved).toList());
        assertEquals(List.of(second, SECOND_FETCH), revisions.stream().map(Revision::replaced).toList());
        assertEquals(List.of(List.of(Money.of("1", "USD")), List.of(Money.of("2.5", "USD"))),
                revisions.stream().map(Revision::totals).toList());
        assertEquals(List.of("provisional month re-fetched", "provisional month re-fetched: now final"),
                revisions.stream().map(Revision::reason).toList());
        assertEquals(Status.FINAL, readBack(OCTOBER).status());
    }

    @Test
    void aProvisionalMonthWithTheSameLinesIsLeftAsItIs() throws Exception {
        save(FIRST_FETCH, false, month(OCTOBER, Status.PROVISIONAL, FIRST_FETCH, aws("111111111111", "p", "1.50")));
        byte[] before = Files.readAllBytes(file(OCTOBER));

        Outcome outcome = save(SECOND_FETCH, false,
                month(OCTOBER, Status.PROVISIONAL, SECOND_FETCH, aws("111111111111", "p", "1.5")));

        assertEquals(Action.UNCHANGED, outcome.months().get(0).action());
        assertArrayEquals(before, Files.readAllBytes(file(OCTOBER)));
    }

    @Test
    void leavesAFinalMonthWithTheSameFiguresUntouched() throws Exception {
        save(FIRST_FETCH, false, month(SEPTEMBER, Status.FINAL, FIRST_FETCH, aws("111111111111", "old-name", "980.10")));
        Files.setLastModifiedTime(file(SEPTEMBER), FileTime.fromMillis(0));
        byte[] before = Files.readAllBytes(file(SEPTEMBER));

        // the same value with another scale, and a renamed account: the same figures
        Outcome outcome = save(SECOND_FETCH, false,
                month(SEPTEMBER, Status.FINAL, SECOND_FETCH, aws("111111111111", "new-name", "980.1000")));

        assertEquals(Action.UNCHANGED, outcome.months().get(0).action());
        assertFalse(outcome.written());
        assertArrayEquals(before, Files.readAllBytes(file(SEPTEMBER)));
        assertEquals(FileTime.fromMillis(0), Files.getLastModifiedTime(file(SEPTEMBER)), "file not touched");
    }

    @Test
    void refusesAChangedFinalMonthAndWritesNothingAtAll() throws Exception {
        save(FIRST_FETCH, false, month(SEPTEMBER, Status.FINAL, FIRST_FETCH, aws("111111111111", null, "980.10")),
                month(OCTOBER, Status.PROVISIONAL, FIRST_FETCH, aws("111111111111", null, "5")));
        byte[] september = Files.readAllBytes(file(SEPTEMBER));
        byte[] october = Files.readAllBytes(file(OCTOBER));
        YearMonth november = YearMonth.of(2026, 11);

        Outcome outcome = save(SECOND_FETCH, false,
                month(SEPTEMBER, Status.FINAL, SECOND_FETCH, aws("111111111111", null, "975.10")),
                month(OCTOBER, Status.FINAL, SECOND_FETCH, aws("111111111111", null, "6")),
                month(november, Status.PROVISIONAL, SECOND_FETCH));

        assertFalse(outcome.written());
        assertEquals(List.of(Action.REFUSED, Action.REPLACED, Action.CREATED),
                outcome.months().stream().map(MonthOutcome::action).toList());
        MonthOutcome refused = outcome.refused().get(0);
        assertEquals("cost-data/aws/2026-09.yaml", refused.path());
        assertEquals(Optional.of("the final month's figures would change"), refused.refusal());
        assertEquals(List.of(Money.of("980.10", "USD")), refused.oldTotals());
        assertEquals(List.of(Money.of("975.10", "USD")), refused.newTotals());
        assertArrayEquals(september, Files.readAllBytes(file(SEPTEMBER)));
        assertArrayEquals(october, Files.readAllBytes(file(OCTOBER)), "not even the provisional month is replaced");
        assertFalse(Files.exists(file(november)), "not even a new month is created");
        assertNoTemporaryFiles();
    }

    @Test
    void refusesAnAddedOrRemovedLineInAFinalMonth() throws Exception {
        save(FIRST_FETCH, false, month(SEPTEMBER, Status.FINAL, FIRST_FETCH, aws("111111111111", null, "1")));

        Outcome added = save(SECOND_FETCH, false, month(SEPTEMBER, Status.FINAL, SECOND_FETCH,
                aws("111111111111", null, "1"), aws("222222222222", null, "0")));
        Outcome removed = save(SECOND_FETCH, false, month(SEPTEMBER, Status.FINAL, SECOND_FETCH));

        assertEquals(Action.REFUSED, added.months().get(0).action());
        assertEquals(Action.REFUSED, removed.months().get(0).action());
    }

    @Test
    void aFinalMonthDividedByTagDifferentlyIsRefusedWithWhatChangedUntilAccepted() throws Exception {
        save(FIRST_FETCH, false, month(SEPTEMBER, Status.FINAL, FIRST_FETCH, aws("111111111111", null, "980.10")));
        CostLine line = aws("111111111111", null, "0");
        CostMonth byTag = month(SEPTEMBER, Status.FINAL, SECOND_FETCH,
                new CostLine(line.element(), Optional.of("alpha"), new java.math.BigDecimal("900.00"), line.currency()),
                new CostLine(line.element(), Optional.of(""), new java.math.BigDecimal("80.1"), line.currency()));

        MonthOutcome refused = save(SECOND_FETCH, false, byTag).months().get(0);

        assertEquals(Action.REFUSED, refused.action());
        assertEquals(Optional.of("the final month's cost would be divided by tag differently (0 line(s) with a tag "
                + "value before, 1 after); every account, subscription or project keeps its amount, but who owns a "
                + "tagged part may change"), refused.refusal(), "the untagged part, tag \"\", has no tag value");

        MonthOutcome accepted = save(SECOND_FETCH, true, byTag).months().get(0);
        assertEquals(Action.REPLACED, accepted.action());
        Revision revision = readBack(SEPTEMBER).revisions().get(0);
        assertEquals("final month divided by tag differently, accepted (--accept-final-changes)", revision.reason());
        assertEquals(List.of(Money.of("980.10", "USD")), revision.totals());

        // a different amount as well is a change of figures, whatever the tags
        MonthOutcome changed = save(SECOND_FETCH, false, month(SEPTEMBER, Status.FINAL, SECOND_FETCH,
                aws("111111111111", null, "980.11"))).months().get(0);
        assertEquals(Optional.of("the final month's figures would change"), changed.refusal());
    }

    @Test
    void acceptsAChangedFinalMonthWhenToldAndRecordsIt() throws Exception {
        save(FIRST_FETCH, false, month(SEPTEMBER, Status.FINAL, FIRST_FETCH, aws("111111111111", null, "980.10")));

        Outcome outcome = save(SECOND_FETCH, true,
                month(SEPTEMBER, Status.FINAL, SECOND_FETCH, aws("111111111111", null, "975.10")));

        assertEquals(Action.REPLACED, outcome.months().get(0).action());
        CostMonth written = readBack(SEPTEMBER);
        assertEquals(List.of(aws("111111111111", null, "975.10")), written.costs());
        assertEquals(List.of(new Revision(SECOND_FETCH, Status.FINAL, FIRST_FETCH, List.of(Money.of("980.10", "USD")),
                "final month changed and accepted (--accept-final-changes)")), written.revisions());
    }

    @Test
    void aFinalMonthNeverGoesBackToProvisionalUnlessAccepted() throws Exception {
        save(FIRST_FETCH, false, month(SEPTEMBER, Status.FINAL, FIRST_FETCH, aws("111111111111", null, "980.10")));
        byte[] before = Files.readAllBytes(file(SEPTEMBER));
        CostMonth provisional = month(SEPTEMBER, Status.PROVISIONAL, SECOND_FETCH, aws("111111111111", null, "980.10"));

        Outcome refused = save(SECOND_FETCH, false, provisional);

        assertEquals(Action.REFUSED, refused.months().get(0).action());
        assertEquals(Optional.of("the final month would become provisional again"), refused.months().get(0).refusal());
        assertArrayEquals(before, Files.readAllBytes(file(SEPTEMBER)));

        Outcome accepted = save(SECOND_FETCH, true, provisional);

        assertEquals(Action.REPLACED, accepted.months().get(0).action());
        CostMonth written = readBack(SEPTEMBER);
        assertEquals(Status.PROVISIONAL, written.status());
        assertEquals("final month replaced by provisional data (--accept-final-changes)",
                written.revisions().get(0).reason());
        assertEquals(Status.FINAL, written.revisions().get(0).status());
    }

    @Test
    void aChangedBasisIsAChangeOfAFinalMonth() throws Exception {
        save(FIRST_FETCH, false, month(SEPTEMBER, Status.FINAL, FIRST_FETCH, aws("111111111111", null, "1")));
        CostMonth unblended = new CostMonth("aws", SEPTEMBER, Status.FINAL, "UnblendedCost", SECOND_FETCH,
                Optional.empty(), List.of(aws("111111111111", null, "1")), List.of());

        Outcome outcome = save(SECOND_FETCH, false, unblended);

        assertEquals(Optional.of("the final month would change its basis from 'AmortizedCost' to 'UnblendedCost'"),
                outcome.months().get(0).refusal());
    }

    @Test
    void aSourceFolderLinkedIntoGitIsNeitherReadNorWrittenThrough() throws Exception {
        Path hooks = Files.createDirectories(repo.resolve(".git/hooks"));
        Files.createDirectories(repo.resolve("cost-data"));
        Files.createSymbolicLink(repo.resolve("cost-data/aws"), Path.of("../.git/hooks"));

        CostDataException e = assertThrows(CostDataException.class,
                () -> save(FIRST_FETCH, false, month(SEPTEMBER, Status.FINAL, FIRST_FETCH)));

        assertEquals(List.of("cost-data/aws:path-in-git"),
                e.diagnostics().stream().map(d -> d.file() + ":" + d.rule()).distinct().toList());
        assertTrue(e.diagnostics().get(0).message().startsWith("cost-data/aws is a symbolic link to '../.git/hooks', "
                + "which leads into the repository's .git folder"), e.diagnostics().get(0).message());
        try (Stream<Path> written = Files.list(hooks)) {
            assertEquals(List.of(), written.toList(), "nothing was written into .git");
        }
    }

    @Test
    void anInvalidExistingFileRefusesTheWholeRunWithItsPlace() throws Exception {
        save(FIRST_FETCH, false, month(SEPTEMBER, Status.PROVISIONAL, FIRST_FETCH, aws("111111111111", null, "1")));
        String broken = Files.readString(file(SEPTEMBER)).replace("amount: 1\n", "amount: one\n");
        Files.writeString(file(SEPTEMBER), broken);
        CostDataStore store = store(SECOND_FETCH);
        List<CostMonth> months = List.of(month(SEPTEMBER, Status.FINAL, SECOND_FETCH),
                month(OCTOBER, Status.FINAL, SECOND_FETCH));

        CostDataException e = assertThrows(CostDataException.class, () -> store.save(months, WritePolicy.fetch(true)));

        assertEquals(1, e.diagnostics().size(), e.diagnostics().toString());
        Diagnostic d = e.diagnostics().get(0);
        assertEquals("cost-data/aws/2026-09.yaml", d.file());
        int line = List.of(broken.split("\n")).indexOf("    amount: one") + 1;
        assertEquals(line, d.line());
        assertEquals(13, d.column());
        assertEquals(broken, Files.readString(file(SEPTEMBER)), "never overwritten");
        assertFalse(Files.exists(file(OCTOBER)), "nothing else written either");
        assertThrows(CostDataException.class, () -> store.existing("aws", List.of(SEPTEMBER)));
    }

    @Test
    void aFileThatIsNotYamlOrMisplacedIsRefusedToo() throws Exception {
        Files.createDirectories(file(SEPTEMBER).getParent());
        Files.writeString(file(SEPTEMBER), "source: aws\n\tmonth: x\n");
        Files.writeString(file(OCTOBER), CostMonthYaml.render(month(SEPTEMBER, Status.FINAL, FIRST_FETCH)));

        CostDataException e = assertThrows(CostDataException.class, () -> save(SECOND_FETCH, false,
                month(SEPTEMBER, Status.FINAL, SECOND_FETCH), month(OCTOBER, Status.FINAL, SECOND_FETCH)));

        assertEquals(List.of("cost-data/aws/2026-09.yaml:2:1:yaml-tab", "cost-data/aws/2026-10.yaml:4:8:cost-file-misplaced"),
                e.diagnostics().stream().map(d -> d.file() + ":" + d.line() + ":" + d.column() + ":" + d.rule()).toList());
        assertTrue(e.getMessage().startsWith("2 cost-data file(s) cannot be read; nothing was written"), e.getMessage());
    }

    @Test
    void anAmountWithAnExponentIsStoredAsItsPlainValue() throws Exception {
        Outcome outcome = save(FIRST_FETCH, false, month(SEPTEMBER, Status.FINAL, FIRST_FETCH, aws("111111111111", null, "1E+3")));

        assertEquals(Action.CREATED, outcome.months().get(0).action());
        assertEquals(List.of(aws("111111111111", null, "1000")), readBack(SEPTEMBER).costs());
        assertEquals(Action.UNCHANGED, save(SECOND_FETCH, false,
                month(SEPTEMBER, Status.FINAL, SECOND_FETCH, aws("111111111111", null, "1000.00"))).months().get(0).action());
    }

    @Test
    void amountsAndAwkwardNamesReadBackExactly() throws Exception {
        save(FIRST_FETCH, false, month(SEPTEMBER, Status.FINAL, FIRST_FETCH,
                aws("111111111111", "payments: prod #1", "0.0000001"), aws("222222222222", "yes", "123456789012.34"),
                aws("333333333333", null, "-42.5")));

        CostMonth back = readBack(SEPTEMBER);
        assertEquals(List.of("0.0000001", "123456789012.34", "-42.5"),
                back.costs().stream().map(l -> l.amount().toPlainString()).toList());
        assertEquals(Optional.of("payments: prod #1"), back.costs().get(0).element().name());
        assertEquals(Optional.of("yes"), back.costs().get(1).element().name());
    }

    private void assertNoTemporaryFiles() throws IOException {
        try (Stream<Path> files = Files.walk(repo)) {
            List<Path> leftovers = files.filter(p -> p.getFileName().toString().endsWith(".tmp")
                    || io.servicedocs.write.TemporaryFiles.isTemporaryName(p.getFileName().toString())).toList();
            assertEquals(List.of(), leftovers);
        }
    }
}
