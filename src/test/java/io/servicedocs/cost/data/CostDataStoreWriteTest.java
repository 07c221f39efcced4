package io.servicedocs.cost.data;

import static io.servicedocs.cost.data.CostDataYamlTest.aws;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.servicedocs.cost.data.CostDataStore.Action;
import io.servicedocs.cost.data.CostDataStore.MonthOutcome;
import io.servicedocs.cost.data.CostDataStore.WritePolicy;
import io.servicedocs.load.FileKind;
import io.servicedocs.model.CostMonth;
import io.servicedocs.model.CostMonth.CostLine;
import io.servicedocs.model.CostMonth.Status;
import io.servicedocs.model.Diagnostic;
import io.servicedocs.write.StagedFiles;
import io.servicedocs.write.TemporaryFiles;
import io.servicedocs.write.WriteException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the store writes: never a month it could not read back, all months or none, every failure
 * naming its file, and no temporary file left behind or mistaken for data.
 */
class CostDataStoreWriteTest {

    static final Instant NOW = Instant.parse("2026-11-24T08:00:00Z");
    static final YearMonth AUGUST = YearMonth.of(2026, 8);
    static final YearMonth SEPTEMBER = YearMonth.of(2026, 9);
    static final YearMonth OCTOBER = YearMonth.of(2026, 10);

    @TempDir
    Path repo;

    @BeforeEach
    void repository() throws IOException {
        Files.createDirectories(repo.resolve("products"));
    }

    private CostDataStore store(long maxBytes, StagedFiles.Operations operations) throws IOException {
        return new CostDataStore(repo, Clock.fixed(NOW, ZoneOffset.UTC), CostDataYamlTest.SCHEMAS, maxBytes, operations);
    }

    private CostDataStore store() throws IOException {
        return new CostDataStore(repo, Clock.fixed(NOW, ZoneOffset.UTC), CostDataYamlTest.SCHEMAS);
    }

    private static CostMonth month(YearMonth month, Status status, CostLine... lines) {
        return new CostMonth("aws", month, status, "AmortizedCost", NOW.minus(1, ChronoUnit.DAYS), Optional.empty(),
                List.of(lines), List.of());
    }

    private Path file(YearMonth month) {
        return repo.resolve(CostMonth.pathOf("aws", month));
    }

    /** September provisional, written by a first run: the state every failure must leave. */
    private byte[] septemberBefore() throws Exception {
        store().save(List.of(month(SEPTEMBER, Status.PROVISIONAL, aws("111111111111", "payments-prod", "10.00"))),
                WritePolicy.fetch(false));
        return Files.readAllBytes(file(SEPTEMBER));
    }

    /** The second run: August created, September replaced, October created. */
    private List<CostMonth> secondRun() {
        return List.of(month(AUGUST, Status.FINAL, aws("111111111111", "payments-prod", "8.00")),
                month(SEPTEMBER, Status.FINAL, aws("111111111111", "payments-prod", "12.00")),
                month(OCTOBER, Status.PROVISIONAL, aws("111111111111", "payments-prod", "3.00")));
    }

    private List<Path> filesUnder(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }

    /** Operations that fail at the {@code n}th call of one kind, and otherwise do what the system does. */
    private static final class Failing implements StagedFiles.Operations {
        final String kind;
        final int n;
        final IOException failure;
        final AtomicInteger calls = new AtomicInteger();

        Failing(String kind, int n, IOException failure) {
            this.kind = kind;
            this.n = n;
            this.failure = failure;
        }

        private void maybeFail(String what) throws IOException {
            if (what.equals(kind) && calls.incrementAndGet() == n) {
                throw failure;
            }
        }

        @Override
        public void write(Path file, byte[] content) throws IOException {
            maybeFail("write");
            StagedFiles.SYSTEM.write(file, content);
        }

        @Override
        public void backup(Path file, Path backup) throws IOException {
            maybeFail("backup");
            StagedFiles.SYSTEM.backup(file, backup);
        }

        @Override
        public void move(Path from, Path to) throws IOException {
            maybeFail("move");
            StagedFiles.SYSTEM.move(from, to);
        }
    }

    @Test
    void aMonthLargerThanTheLoaderReadsIsRefusedBeforeAnythingIsWritten() throws Exception {
        List<CostLine> lines = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            lines.add(aws(String.format("%012d", i), "account " + i, i + ".00"));
        }
        CostMonth small = month(SEPTEMBER, Status.FINAL, aws("111111111111", "payments-prod", "12.00"));
        CostMonth large = month(OCTOBER, Status.FINAL, lines.toArray(CostLine[]::new));

        CostDataException e = assertThrows(CostDataException.class,
                () -> store(2_000, StagedFiles.SYSTEM).save(List.of(small, large), WritePolicy.importing(false)));

        assertEquals("1 month file(s) would be larger than servicedocs reads back; nothing was written", e.getMessage());
        Diagnostic d = e.diagnostics().get(0);
        assertEquals(CostMonth.pathOf("aws", OCTOBER), d.file());
        assertEquals("file-too-large", d.rule());
        assertTrue(d.message().matches("the month would be [0-9]+ bytes with its 40 line\\(s\\); servicedocs reads at "
                + "most 2000 bytes per cost-data month file\\..*"), d.message());
        assertFalse(Files.exists(repo.resolve("cost-data")), "nothing written, not even the small month");
    }

    @Test
    void theLimitOfMonthFilesIsTheLoadersLimitForTheirKind() throws Exception {
        assertEquals(32L * 1024 * 1024, FileKind.COST_MONTH.maxBytes());
        assertEquals(FileKind.COST_MONTH.maxBytes(), FileKind.maxBytes("cost-data/aws/2026-10.yaml"));
        assertEquals(1024 * 1024, FileKind.SERVICE_DOC.maxBytes());
        // a month file one byte over the limit (sparse: no 32 MiB written) cannot be replaced
        Path october = file(OCTOBER);
        Files.createDirectories(october.getParent());
        try (RandomAccessFile big = new RandomAccessFile(october.toFile(), "rw")) {
            big.setLength(FileKind.COST_MONTH.maxBytes() + 1);
        }

        CostDataException e = assertThrows(CostDataException.class, () -> store().save(
                List.of(month(OCTOBER, Status.FINAL, aws("111111111111", null, "1.00"))), WritePolicy.fetch(false)));

        Diagnostic d = e.diagnostics().get(0);
        assertEquals(CostMonth.pathOf("aws", OCTOBER), d.file());
        assertEquals("file-too-large", d.rule());
        assertTrue(d.message().startsWith("file is 33554433 bytes; expected at most 33554432 bytes"), d.message());
    }

    @Test
    void whenTheDiskIsFullAtTheSecondMonthNoMonthIsWritten() throws Exception {
        byte[] september = septemberBefore();
        // what Java says when the disk is full: no file name
        Failing full = new Failing("write", 2, new IOException("No space left on device"));

        WriteException e = assertThrows(WriteException.class,
                () -> store(FileKind.COST_MONTH.maxBytes(), full).save(secondRun(), WritePolicy.fetch(false)));

        assertEquals(file(SEPTEMBER), e.file(), "the second month of the run");
        assertEquals("cannot write " + file(SEPTEMBER) + ": No space left on device. Nothing was written.", e.getMessage());
        assertArrayEquals(september, Files.readAllBytes(file(SEPTEMBER)));
        assertEquals(List.of(file(SEPTEMBER)), filesUnder(repo.resolve("cost-data")), "no August, no temporary file");
    }

    @Test
    void whenARenameFailsHalfWayTheMonthsAlreadyMovedArePutBack() throws Exception {
        byte[] september = septemberBefore();
        Failing readOnly = new Failing("move", 3, new java.nio.file.FileSystemException(
                file(OCTOBER).toString(), null, "Read-only file system"));

        WriteException e = assertThrows(WriteException.class,
                () -> store(FileKind.COST_MONTH.maxBytes(), readOnly).save(secondRun(), WritePolicy.fetch(false)));

        assertEquals(file(OCTOBER), e.file());
        assertEquals("cannot write " + file(OCTOBER) + ": Read-only file system. Nothing was written: the 2 file(s) "
                + "already replaced or created by this run were put back as they were.", e.getMessage());
        assertArrayEquals(september, Files.readAllBytes(file(SEPTEMBER)), "September replaced, then put back");
        assertEquals(List.of(file(SEPTEMBER)), filesUnder(repo.resolve("cost-data")),
                "August created, then removed; no temporary file or backup left");
    }

    @Test
    void aFolderInTheWayOfTheSecondMonthFailsTheRunAndTheFirstMonthIsUnchanged() throws Exception {
        byte[] september = septemberBefore();
        CostDataStore store = store();
        List<CostMonth> run = List.of(month(SEPTEMBER, Status.FINAL, aws("111111111111", "payments-prod", "12.00")),
                month(OCTOBER, Status.PROVISIONAL, aws("111111111111", "payments-prod", "3.00")));
        CostDataStore.Plan plan = store.plan(run, WritePolicy.fetch(false));
        assertEquals(List.of(Action.REPLACED, Action.CREATED), plan.months().stream().map(MonthOutcome::action).toList());
        // between plan and write, a folder (not empty) appears where October goes: the rename fails
        Files.createDirectories(file(OCTOBER));
        Files.writeString(file(OCTOBER).resolve("keep.txt"), "in the way");

        WriteException e = assertThrows(WriteException.class, () -> store.write(plan));

        assertEquals(file(OCTOBER), e.file());
        assertTrue(e.getMessage().startsWith("cannot write " + file(OCTOBER) + ": "), e.getMessage());
        assertTrue(e.getMessage().endsWith("Nothing was written: the 1 file(s) already replaced or created by this run "
                + "were put back as they were."), e.getMessage());
        assertArrayEquals(september, Files.readAllBytes(file(SEPTEMBER)));
        assertEquals(List.of(file(SEPTEMBER), file(OCTOBER).resolve("keep.txt")), filesUnder(repo.resolve("cost-data")));
    }

    @Test
    void aNewSourceFolderIsRemovedAgainWhenNothingIsWritten() throws Exception {
        Failing full = new Failing("write", 2, new IOException("No space left on device"));

        assertThrows(WriteException.class, () -> store(FileKind.COST_MONTH.maxBytes(), full).save(
                List.of(month(SEPTEMBER, Status.FINAL), month(OCTOBER, Status.FINAL)), WritePolicy.fetch(false)));

        assertFalse(Files.exists(repo.resolve("cost-data")), "cost-data/aws/ made for the run, and removed");
    }

    @Test
    void leftoversOfDeadWritersAreRemovedByTheNextWriteAndThoseOfLiveWritersKept() throws Exception {
        Path folder = Files.createDirectories(file(SEPTEMBER).getParent());
        long dead = deadProcessId();
        Process live = new ProcessBuilder("sleep", "60").start();
        try {
            Path deadTemporary = Files.writeString(folder.resolve(".2026-09.yaml.tmp-" + dead + "-1x2y3z"), "half a mo");
            Path deadBackup = Files.writeString(folder.resolve(".2026-08.yaml.bak-" + dead + "-4k"), "old");
            Path liveTemporary = Files.writeString(folder.resolve(".2026-10.yaml.tmp-" + live.pid() + "-5m"), "being written");
            // this process's id, but not made by this process: a writer of the same id before it (a container)
            Path samePid = Files.writeString(folder.resolve(".2026-07.yaml.tmp-" + ProcessHandle.current().pid() + "-6n"), "x");
            Path old = Files.writeString(folder.resolve(".2026-06.yaml.3f2b8c1e-4d5a-4b6c-8d7e-9f0a1b2c3d4e.tmp"), "x");
            Files.setLastModifiedTime(old, FileTime.from(Instant.now().minus(2, ChronoUnit.HOURS)));
            Path recentOld = Files.writeString(folder.resolve(".2026-05.yaml.3f2b8c1e-4d5a-4b6c-8d7e-9f0a1b2c3d4f.tmp"), "x");
            Path notOurs = Files.writeString(folder.resolve(".notes.tmp"), "someone's");

            store().save(List.of(month(SEPTEMBER, Status.FINAL, aws("111111111111", null, "1.00"))),
                    WritePolicy.fetch(false));

            assertFalse(Files.exists(deadTemporary));
            assertFalse(Files.exists(deadBackup));
            assertFalse(Files.exists(samePid));
            assertFalse(Files.exists(old));
            assertTrue(Files.exists(liveTemporary), "a live writer is never disturbed");
            assertTrue(Files.exists(recentOld), "a temporary file of an older servicedocs may still be in use");
            assertTrue(Files.exists(notOurs));
            assertTrue(Files.exists(file(SEPTEMBER)));
        } finally {
            live.destroy();
            live.waitFor();
        }
    }

    @Test
    void leftoversAreRemovedEvenWhenTheRunWritesNothing() throws Exception {
        septemberBefore();
        Path leftover = Files.writeString(file(SEPTEMBER).resolveSibling(".2026-09.yaml.tmp-" + deadProcessId() + "-a"), "x");

        CostDataStore.Outcome outcome = store().save(
                List.of(month(SEPTEMBER, Status.PROVISIONAL, aws("111111111111", "payments-prod", "10.00"))),
                WritePolicy.fetch(false));

        assertEquals(Action.UNCHANGED, outcome.months().get(0).action());
        assertFalse(Files.exists(leftover));
    }

    @Test
    void temporaryNamesAreNeverReadAsMonthFiles() {
        Path target = file(OCTOBER);
        for (String name : List.of(".2026-10.yaml.tmp-123-abc", ".2026-10.yaml.bak-9-z")) {
            assertTrue(TemporaryFiles.isTemporaryName(name));
            assertFalse(name.endsWith(".yaml") || name.endsWith(".yml"), name);
        }
        assertTrue(target.getFileName().toString().endsWith(".yaml"));
        assertFalse(TemporaryFiles.isTemporaryName("2026-10.yaml"));
    }

    /** The id of a process that has ended. */
    static long deadProcessId() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        long pid = p.pid();
        assertTrue(ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true));
        return pid;
    }
}
