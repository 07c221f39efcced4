package io.servicedocs.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.servicedocs.GitFixture;
import io.servicedocs.TestRepositories;
import io.servicedocs.load.SchemaValidator;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Month;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryWalkerTest {

    private static final LocalDate AS_OF = TestRepositories.AS_OF; // 2026-11-24

    @TempDir
    static Path dir;

    private static History april;
    private static History january;

    @BeforeAll
    static void walkTheStory() throws Exception {
        try (GitFixture repo = HistoryStory.write(dir.resolve("story"))) {
            Repository git = repo.git().getRepository();
            Snapshots snapshots = new HistoryWalker(git, new SchemaValidator()).walk(git.resolve("main"));
            april = HistoryAnalysis.analyse(snapshots, AS_OF, FiscalCalendar.APRIL);
            january = HistoryAnalysis.analyse(snapshots, AS_OF, new FiscalCalendar(Month.JANUARY));
        }
    }

    private static ProductHistory product(String id) {
        return april.product(id).orElseThrow(() -> new AssertionError("no history of " + id));
    }

    @Test
    void phaseTimelineWithDatesAuthorsAndDaysInEachPhase() {
        ProductHistory alpha = product("alpha");
        assertEquals(List.of("2025-04-10 ->poc Ann", "2025-08-01 poc->beta Bob", "2026-02-01 beta->ga Dan"),
                alpha.phaseChanges().stream().map(c -> c.date() + " " + c.from().orElse("") + "->" + c.to() + " "
                        + c.author()).toList());
        // poc 10 Apr -> 1 Aug 2025; beta -> 1 Feb 2026; ga until the as-of day 24 Nov 2026.
        assertEquals(Map.of("poc", 113L, "beta", 184L, "ga", 296L), alpha.daysInPhase());
        assertEquals(Optional.of("ga"), alpha.currentPhase());
        assertEquals(10, alpha.phaseChanges().get(0).commit().length());
    }

    @Test
    void leadTimesPerProductAndMediansPerTransition() {
        assertEquals(Optional.of(297L), product("alpha").leadTimeDays(), "10 Apr 2025 (poc) to 1 Feb 2026 (ga)");
        assertEquals(Optional.empty(), product("beta-svc").leadTimeDays(), "never seen in poc");
        assertEquals(Map.of("alpha", 297L), april.leadTimes().perProduct());
        assertEquals(Optional.of(297.0), april.leadTimes().median());
        // poc->beta: alpha 113 days, gamma 184 days (1 Aug 2025 -> 1 Feb 2026).
        assertEquals(Map.of(new Transition("poc", "beta"), 148.5, new Transition("beta", "ga"), 184.0),
                april.leadTimes().medianPerTransition());
    }

    @Test
    void levelChangesOverTime() {
        assertEquals(List.of("2025-06-01 slo 0->1 availability Bob", "2025-11-15 backup-restore 0->1 backup Carol",
                        "2026-02-01 slo 1->2 availability Dan"),
                product("alpha").levelChanges().stream().map(c -> c.date() + " " + c.item() + " " + c.from() + "->"
                        + c.to() + " " + c.category() + " " + c.author()).toList());
        assertEquals(List.of("2025-11-15 slo 1->2"), product("beta-svc").levelChanges().stream()
                .map(c -> c.date() + " " + c.item() + " " + c.from() + "->" + c.to()).toList());
        assertEquals(List.of(), product("gamma").levelChanges(), "its first assessment is its baseline");
    }

    @Test
    void improvementsPerHalfYearWithAprilFiscalYears() {
        assertEquals(List.of("FY2025 H1 2025-04-01..2025-09-30: 1 {alpha=1} {availability=1}",
                        "FY2025 H2 2025-10-01..2026-03-31: 3 {alpha=2, beta-svc=1} {availability=2, backup=1}",
                        "FY2026 H1 2026-04-01..2026-09-30: 0 {} {}",
                        "FY2026 H2 2026-10-01..2027-03-31: 0 {} {}"),
                april.improvements().stream().map(HistoryWalkerTest::describe).toList());
    }

    @Test
    void improvementsPerHalfYearWithJanuaryFiscalYears() {
        assertEquals(List.of("FY2025 H1 2025-01-01..2025-06-30: 1 {alpha=1} {availability=1}",
                        "FY2025 H2 2025-07-01..2025-12-31: 2 {alpha=1, beta-svc=1} {availability=1, backup=1}",
                        "FY2026 H1 2026-01-01..2026-06-30: 1 {alpha=1} {availability=1}",
                        "FY2026 H2 2026-07-01..2026-12-31: 0 {} {}"),
                january.improvements().stream().map(HistoryWalkerTest::describe).toList());
    }

    private static String describe(Improvements i) {
        return i.period().name() + " " + i.period().start() + ".." + i.period().end() + ": " + i.total() + " "
                + i.byProduct() + " " + i.byCategory();
    }

    @Test
    void shareOfRequirementsMetAtEachPeriodEnd() {
        // alpha (tier-1) in beta: slo 1 of 1, mfa; in ga: slo 2 of 2, backup 1 of 2 (missed), mfa, pentest.
        // beta-svc in beta: slo, mfa. gamma in poc: nothing required; in beta: slo 0 of 1 (missed), mfa.
        assertEquals(List.of("FY2025 H1 2025-09-30 alpha 2/2 beta-svc 2/2 gamma 0/0 = 4/4",
                        "FY2025 H2 2026-03-31 alpha 3/4 beta-svc 2/2 gamma 1/2 = 6/8",
                        "FY2026 H1 2026-09-30 alpha 3/4 beta-svc 2/2 = 5/6",
                        "FY2026 H2 2026-11-24 alpha 3/4 beta-svc 2/2 = 5/6"),
                april.shareMet().stream().map(s -> s.period().name() + " " + s.judgedOn() + " "
                        + s.byProduct().entrySet().stream().map(e -> e.getKey() + " " + e.getValue().met() + "/"
                                + e.getValue().requirements() + " ").reduce("", String::concat)
                        + "= " + s.overall().met() + "/" + s.overall().requirements()).toList());
        assertEquals(75.0, april.shareMet().get(1).overall().percent());
        // the sample of a half-year of the improvements, found by its period; none for a period never sampled
        assertEquals(Optional.of(april.shareMet().get(1)), april.shareMetIn(april.improvements().get(1).period()));
        assertEquals(Optional.empty(), april.shareMetIn(new Period("FY2024 H1", 2024, 1, LocalDate.of(2024, 4, 1),
                LocalDate.of(2024, 9, 30))));
    }

    @Test
    void aRenamedFolderKeepsItsProductAndADeletedProductEnds() {
        ProductHistory beta = product("beta-svc");
        assertEquals("beta-renamed", beta.folder());
        assertEquals(List.of("->beta"), beta.phaseChanges().stream().map(c -> c.from().orElse("") + "->" + c.to()).toList());
        // its days in beta count from its since (2026-05-01), not from the first commit (2025-04-10, which
        // gave 593): 30 + 30 + 31 + 31 + 30 + 31 + 24 = 207 days to 2026-11-24
        assertEquals(Map.of("beta", 207L), beta.daysInPhase());
        assertEquals(Optional.empty(), beta.removedOn());
        assertEquals(List.of("alpha", "beta-svc", "gamma"), april.products().stream().map(ProductHistory::product).toList());

        ProductHistory gamma = product("gamma");
        assertEquals(Optional.of(LocalDate.of(2026, 7, 1)), gamma.removedOn());
        assertEquals(Optional.empty(), gamma.currentPhase());
        assertEquals(Map.of("poc", 184L, "beta", 150L), gamma.daysInPhase());
    }

    @Test
    void anInvalidFileIsSkippedWithAWarningNamingCommitAndFile() {
        assertEquals(1, april.warnings().size(), april.warnings().toString());
        HistoryWarning warning = april.warnings().get(0);
        assertEquals("products/alpha/phase.yaml", warning.file());
        assertEquals(10, warning.commit().length());
        assertTrue(warning.message().startsWith("skipped, invalid at this commit: "), warning.message());
        assertEquals(Optional.empty(), april.incomplete());
    }

    @Test
    void aShallowCloneIsDetectedAndReportedAsIncomplete() throws Exception {
        Path clone = dir.resolve("shallow");
        try (Git git = Git.cloneRepository().setURI(dir.resolve("story").toUri().toString()).setDirectory(clone.toFile())
                .setDepth(1).call()) {
            Repository repository = git.getRepository();
            ObjectId head = repository.resolve("HEAD");
            History history = HistoryAnalysis.analyse(new HistoryWalker(repository, new SchemaValidator()).walk(head),
                    AS_OF, FiscalCalendar.APRIL);
            assertEquals(1, history.commits());
            assertEquals(Optional.of(History.SHALLOW_FIX), history.incomplete());
            assertTrue(History.SHALLOW_FIX.contains("fetch-depth: 0"));
            assertEquals(List.of("alpha", "beta-svc"), history.products().stream().map(ProductHistory::product).toList());
        }
    }
}
