package io.servicedocs.history;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.servicedocs.GitFixture;
import io.servicedocs.TestRepositories;
import io.servicedocs.load.SchemaValidator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.api.MergeCommand;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A scripted history with declared dates, whose figures are computed by hand below:
 * <pre>
 * C1 2025-03-01 Ann   alpha: ga since 2024-10-01; phase.yaml history: started in poc 2022-10-03,
 *                     poc -> beta 2023-04-03 (PRR-1), beta -> ga 2024-10-01; assessment.yaml history:
 *                     2023-09-30 slo 0 backup 0, 2024-03-31 slo 1, 2024-09-30 backup 1, 2025-02-28 slo 2;
 *                     in git slo 2 backup 1 (a baseline).
 *                     beta-svc: ga since 2024-06-01, nothing declared: it starts the history in ga.
 *                     gamma: poc since 2025-03-01, slo 0 backup 0.
 * B1 2025-03-20 Carol on branch promote-gamma: gamma beta since 2025-06-02, slo 0 -> 1
 * C2 2025-05-20 Bob   main: an unrelated file
 * M  2025-06-02 Dan   merge of promote-gamma into main (no fast-forward)
 * C3 2025-10-15 Ann   gamma ga since 2025-09-01 (44 days before the commit: a warning), slo 1 -> 2, backup 0 -> 1
 * </pre>
 * As of 2026-11-24, fiscal years from April.
 */
class DeclaredHistoryTest {

    private static final LocalDate AS_OF = TestRepositories.AS_OF; // 2026-11-24

    @TempDir
    static Path dir;

    private static History history;
    private static String merge;
    private static String c3;

    @BeforeAll
    static void walk() throws Exception {
        try (GitFixture repo = GitFixture.init(dir.resolve("repo"), TestRepositories.MINIMAL)) {
            repo.write("products/alpha/phase.yaml", """
                    phase: ga
                    since: 2024-10-01
                    history:
                      - {date: 2022-10-03, to: poc}
                      - {date: 2023-04-03, from: poc, to: beta, reference: PRR-1}
                      - {date: 2024-10-01, from: beta, to: ga}
                    """);
            repo.replace("products/alpha/assessment.yaml", "waivers:", """
                    history:
                      - {date: 2023-09-30, items: {slo: 0, backup-restore: 0}}
                      - {date: 2024-03-31, items: {slo: 1, backup-restore: 0}}
                      - {date: 2024-09-30, items: {slo: 1, backup-restore: 1}}
                      - {date: 2025-02-28, items: {slo: 2}}
                    waivers:""");
            repo.write("products/beta-svc/phase.yaml", "phase: ga\nsince: 2024-06-01\n");
            for (String file : new String[] {"security.yaml", "finance.yaml"}) {
                repo.write("products/gamma/" + file, Files.readString(repo.root().resolve("products/alpha/" + file)));
            }
            repo.write("products/gamma/service-doc.yaml", Files.readString(repo.root().resolve(
                    "products/alpha/service-doc.yaml")).replaceFirst("id: alpha", "id: gamma"));
            repo.write("products/gamma/phase.yaml", "phase: poc\nsince: 2025-03-01\n");
            repo.write("products/gamma/assessment.yaml", HistoryStory.assessment(0, 0));
            repo.commit("C1", "Ann", LocalDate.of(2025, 3, 1));

            repo.branch("promote-gamma");
            repo.write("products/gamma/phase.yaml", "phase: beta\nsince: 2025-06-02\n");
            repo.write("products/gamma/assessment.yaml", HistoryStory.assessment(1, 0));
            repo.commit("B1", "Carol", LocalDate.of(2025, 3, 20));

            repo.git().checkout().setName("main").call();
            repo.write("notes.txt", "not a servicedocs file\n");
            repo.commit("C2", "Bob", LocalDate.of(2025, 5, 20));
            repo.git().merge().include(repo.git().getRepository().resolve("promote-gamma"))
                    .setFastForward(MergeCommand.FastForwardMode.NO_FF).setCommit(false).call();
            merge = repo.commit("M", "Dan", LocalDate.of(2025, 6, 2)).name().substring(0, 10);

            repo.write("products/gamma/phase.yaml", "phase: ga\nsince: 2025-09-01\n");
            repo.write("products/gamma/assessment.yaml", HistoryStory.assessment(2, 1));
            c3 = repo.commit("C3", "Ann", LocalDate.of(2025, 10, 15)).name().substring(0, 10);

            Repository git = repo.git().getRepository();
            RevCommit head = git.parseCommit(git.resolve("main"));
            assertEquals(2, git.parseCommit(head.getParent(0)).getParentCount(), "M is a merge commit");
            history = HistoryAnalysis.analyse(new HistoryWalker(git, new SchemaValidator()).walk(head), AS_OF,
                    FiscalCalendar.APRIL);
        }
    }

    private static ProductHistory product(String id) {
        return history.product(id).orElseThrow();
    }

    private static List<String> timeline(String id) {
        return product(id).phaseChanges().stream().map(c -> c.date() + " " + c.from().orElse("") + "->" + c.to() + " "
                + c.source() + " " + (c.commit().isEmpty() ? "-" : c.commit()) + " " + c.reference().orElse("")).toList();
    }

    @Test
    void declaredTransitionsStartTheTimelineAndCountInDaysAndLeadTime() {
        assertEquals(List.of("2022-10-03 ->poc START - ", "2023-04-03 poc->beta DECLARED - PRR-1",
                "2024-10-01 beta->ga DECLARED - "), timeline("alpha"));
        // poc 2022-10-03 -> 2023-04-03: 28 (rest of Oct) + 30 + 31 + 31 + 28 + 31 + 3 = 182
        // beta 2023-04-03 -> 2024-10-01: 366 (a year with 29 Feb 2024) + 181 (3 Apr -> 1 Oct) = 547
        // ga 2024-10-01 -> 2026-11-24: 365 + 365 + 30 + 24 = 784
        assertEquals(Map.of("poc", 182L, "beta", 547L, "ga", 784L), product("alpha").daysInPhase());
        // lead time 2022-10-03 -> 2024-10-01: 365 + 366 - 2 = 729
        assertEquals(Optional.of(729L), product("alpha").leadTimeDays());
    }

    @Test
    void aProductThatStartsTheHistoryInGaHasNoLeadTimeAndCountsGaFromItsSince() {
        assertEquals(List.of("2024-06-01 ->ga START " + product("beta-svc").phaseChanges().get(0).commit() + " "),
                timeline("beta-svc"));
        // ga from its since 2024-06-01 (not from the first commit, 2025-03-01): 365 + 365 + 176 (1 Jun -> 24 Nov) = 906
        assertEquals(Map.of("ga", 906L), product("beta-svc").daysInPhase());
        assertEquals(Optional.empty(), product("beta-svc").leadTimeDays());
        assertEquals(List.of(), product("beta-svc").stays().stream().filter(s -> !s.current()).toList());
    }

    @Test
    void aMergedBranchIsDatedByItsMergeAndSinceIsCrossChecked() {
        // B1 (2025-03-20) is inside the merged branch: the change reached main with M on 2025-06-02
        assertEquals(List.of("2025-03-01 ->poc START " + timeline("gamma").get(0).split(" ")[3] + " ",
                "2025-06-02 poc->beta OBSERVED " + merge + " ", "2025-09-01 beta->ga OBSERVED " + c3 + " "),
                timeline("gamma"));
        assertEquals("Dan", product("gamma").phaseChanges().get(1).author());
        // poc 2025-03-01 -> 2025-06-02: 31 + 30 + 31 + 1 = 93; beta -> 2025-09-01: 30 + 31 + 30 = 91;
        // ga 2025-09-01 -> 2026-11-24: 365 + 30 + 31 + 23 = 449
        assertEquals(Map.of("poc", 93L, "beta", 91L, "ga", 449L), product("gamma").daysInPhase());
        // 2025-03-01 -> 2025-09-01: 31 + 30 + 31 + 30 + 31 + 31 = 184
        assertEquals(Optional.of(184L), product("gamma").leadTimeDays());
        assertEquals(List.of(new HistoryWarning(c3, "products/gamma/phase.yaml", "'gamma' moved from 'beta' to 'ga' in "
                + "a commit of 2025-10-15, but since says 2025-09-01; the timeline dates the change 2025-09-01 (since); "
                + "correct since if the commit's day is right")), history.warnings());
    }

    @Test
    void leadTimesCountOnlyDeclaredOrObservedTransitions() {
        // to ga: alpha 729, gamma 184 (beta-svc started in ga: none) -> median (729 + 184) / 2 = 456.5
        assertEquals(Map.of("alpha", 729L, "gamma", 184L), history.leadTimes().perProduct());
        assertEquals(Optional.of(456.5), history.leadTimes().median());
        // poc->beta: alpha 182, gamma 93 -> 137.5; beta->ga: alpha 547, gamma 91 -> 319
        assertEquals(Map.of(new Transition("poc", "beta"), 137.5, new Transition("beta", "ga"), 319.0),
                history.leadTimes().medianPerTransition());
    }

    @Test
    void improvementsCountDeclaredResultsAndGitChangesAtTheirMerge() {
        // alpha, declared: 2024-03-31 slo 0->1 (FY2023 H2), 2024-09-30 backup 0->1 (FY2024 H1),
        //   2025-02-28 slo 1->2 (FY2024 H2); its first assessment in git is a baseline.
        // gamma, git: slo 0->1 at M 2025-06-02 (FY2025 H1; B1's own date, 2025-03-20, would be FY2024 H2),
        //   slo 1->2 and backup 0->1 at C3 2025-10-15 (FY2025 H2).
        // The half-years run from that of the first level change (2024-03-31) to the as-of day.
        assertEquals(List.of("FY2023 H2: 1 {alpha=1} {availability=1}",
                        "FY2024 H1: 1 {alpha=1} {backup=1}", "FY2024 H2: 1 {alpha=1} {availability=1}",
                        "FY2025 H1: 1 {gamma=1} {availability=1}", "FY2025 H2: 2 {gamma=2} {availability=1, backup=1}",
                        "FY2026 H1: 0 {} {}", "FY2026 H2: 0 {} {}"),
                history.improvements().stream().map(i -> i.period().name() + ": " + i.total() + " " + i.byProduct()
                        + " " + i.byCategory()).toList());
        assertEquals(List.of("2024-03-31 slo 0->1 -", "2024-09-30 backup-restore 0->1 -", "2025-02-28 slo 1->2 -"),
                product("alpha").levelChanges().stream().map(c -> c.date() + " " + c.item() + " " + c.from() + "->"
                        + c.to() + " " + (c.commit().isEmpty() ? "-" : c.commit())).toList());
    }

    @Test
    void aDeclaredHistoryThatMissesTheFirstPhaseInGitAndAResultAfterItAreWarnings() throws Exception {
        try (GitFixture repo = GitFixture.init(dir.resolve("gap"), TestRepositories.MINIMAL)) {
            // alpha is in ga at its first commit, but its declared history stops at beta; a past result is
            // dated after its first assessment in git (2025-03-01), where git's record already speaks
            repo.write("products/alpha/phase.yaml", "phase: ga\nsince: 2024-10-01\nhistory:\n"
                    + "  - {date: 2023-04-03, from: poc, to: beta}\n");
            repo.replace("products/alpha/assessment.yaml", "waivers:", """
                    history:
                      - {date: 2024-09-30, items: {slo: 1}}
                      - {date: 2025-06-30, items: {slo: 2}}
                    waivers:""");
            String c1 = repo.commit("C1", "Ann", LocalDate.of(2025, 3, 1)).name().substring(0, 10);
            Repository git = repo.git().getRepository();
            History gap = HistoryAnalysis.analyse(new HistoryWalker(git, new SchemaValidator()).walk(git.resolve("main")),
                    AS_OF, FiscalCalendar.APRIL);
            assertEquals(List.of(
                    "commit " + c1 + ": products/alpha/phase.yaml: the declared history of 'alpha' ends in 'beta', but at its "
                            + "first commit it was in 'ga'; declare the transition into 'ga' (until then the timeline has a gap)",
                    "products/alpha/assessment.yaml: the past result of 2025-06-30 is not before the first assessment of "
                            + "'alpha' in git (2025-03-01); git's record is used from then on"),
                    gap.warnings().stream().map(HistoryWarning::toString).toList());
            ProductHistory alpha = gap.product("alpha").orElseThrow();
            // beta from 2023-04-03 until ga's since 2024-10-01 (366 + 181 = 547 days), not a move to ga: the gap is unknown
            assertEquals(List.of("beta 547 -", "ga 784 -"), alpha.stays().stream()
                    .map(st -> st.phase() + " " + st.days() + " " + st.next().orElse("-")).toList());
            assertEquals(Map.of(), gap.leadTimes().medianPerTransition());
            assertEquals(Optional.empty(), alpha.leadTimeDays(), "no known entry into ga: the gap is not a transition");
            assertEquals(List.of(), alpha.levelChanges(), "one usable result: a baseline, nothing to compare");
        }
    }
    /**
     * A declared promotion that git later sees again (same from and to, another year) is still
     * the declared one. Declared: poc 2022-10-03, poc -> beta 2023-04-03, beta -> ga 2024-10-01;
     * C1 2025-01-15 first commit in ga (since 2024-10-01), C2 2025-05-12 back to beta (since
     * 2025-05-12), C3 2025-09-08 ga again (since 2025-09-08). The observed beta -> ga of
     * 2025-09-08 is 342 days from the declared one and the declared one is before the first
     * commit: both are kept, and the declared chain ends in ga, where C1 starts (no warning).
     */
    @Test
    void aDeclaredPromotionIsKeptWhenGitSeesTheSameMoveLater() throws Exception {
        try (GitFixture repo = GitFixture.init(dir.resolve("repromote"), TestRepositories.MINIMAL)) {
            String declared = """
                    history:
                      - {date: 2022-10-03, to: poc}
                      - {date: 2023-04-03, from: poc, to: beta}
                      - {date: 2024-10-01, from: beta, to: ga}
                    """;
            repo.write("products/alpha/phase.yaml", "phase: ga\nsince: 2024-10-01\n" + declared);
            repo.commit("C1", "Ann", LocalDate.of(2025, 1, 15));
            repo.write("products/alpha/phase.yaml", "phase: beta\nsince: 2025-05-12\n" + declared);
            String c2 = repo.commit("C2", "Bob", LocalDate.of(2025, 5, 12)).name().substring(0, 10);
            repo.write("products/alpha/phase.yaml", "phase: ga\nsince: 2025-09-08\n" + declared);
            String c3 = repo.commit("C3", "Ann", LocalDate.of(2025, 9, 8)).name().substring(0, 10);
            Repository git = repo.git().getRepository();
            History h = HistoryAnalysis.analyse(new HistoryWalker(git, new SchemaValidator()).walk(git.resolve("main")),
                    AS_OF, FiscalCalendar.APRIL);
            assertEquals(List.of(), h.warnings());
            ProductHistory alpha = h.product("alpha").orElseThrow();
            assertEquals(List.of("2022-10-03 ->poc START -", "2023-04-03 poc->beta DECLARED -",
                    "2024-10-01 beta->ga DECLARED -", "2025-05-12 ga->beta OBSERVED " + c2,
                    "2025-09-08 beta->ga OBSERVED " + c3), alpha.phaseChanges().stream().map(c -> c.date() + " "
                    + c.from().orElse("") + "->" + c.to() + " " + c.source() + " "
                    + (c.commit().isEmpty() ? "-" : c.commit())).toList());
            // poc 2022-10-03 -> 2023-04-03: 182; beta 2023-04-03 -> 2024-10-01: 547 (as alpha above);
            // ga 2024-10-01 -> 2025-05-12: 92 (Oct, Nov, Dec) + 31 + 28 + 31 + 30 + 11 = 223;
            // beta 2025-05-12 -> 2025-09-08: 31 + 30 + 31 + 27 = 119;
            // ga 2025-09-08 -> 2026-11-24: 365 + 30 + 31 + 16 = 442
            assertEquals(List.of("poc 182 beta", "beta 547 ga", "ga 223 beta", "beta 119 ga", "ga 442 -"),
                    alpha.stays().stream().map(st -> st.phase() + " " + st.days() + " " + st.next().orElse("-")).toList());
            // beta 547 + 119 = 666, ga 223 + 442 = 665
            assertEquals(Map.of("poc", 182L, "beta", 666L, "ga", 665L), alpha.daysInPhase());
            // to the first ga: 2022-10-03 -> 2024-10-01 = 729 (not to the re-promotion of 2025-09-08)
            assertEquals(Optional.of(729L), alpha.leadTimeDays());
        }
    }
    /**
     * A product whose known history starts in poc (an entry without from) and whose first commit
     * finds it in ga, the transition into ga not declared: ga is where git's record starts, not a
     * promotion, so there is no lead time. Counting that start mark, it was 2022-10-03 -> 2024-10-01
     * (ga's since) = 729 days, a figure nobody observed or declared.
     */
    @Test
    void aStartInGaAfterAGapIsNoLeadTime() throws Exception {
        try (GitFixture repo = GitFixture.init(dir.resolve("start-in-ga"), TestRepositories.MINIMAL)) {
            repo.write("products/alpha/phase.yaml", "phase: ga\nsince: 2024-10-01\nhistory:\n"
                    + "  - {date: 2022-10-03, to: poc}\n  - {date: 2023-04-03, from: poc, to: beta}\n");
            repo.commit("C1", "Ann", LocalDate.of(2025, 3, 1));
            Repository git = repo.git().getRepository();
            History h = HistoryAnalysis.analyse(new HistoryWalker(git, new SchemaValidator()).walk(git.resolve("main")),
                    AS_OF, FiscalCalendar.APRIL);
            ProductHistory alpha = h.product("alpha").orElseThrow();
            assertEquals(List.of("->poc START", "poc->beta DECLARED", "->ga START"), alpha.phaseChanges().stream()
                    .map(c -> c.from().orElse("") + "->" + c.to() + " " + c.source()).toList());
            assertEquals(Optional.empty(), alpha.leadTimeDays());
            assertEquals(Map.of(), h.leadTimes().perProduct());
        }
    }
}
