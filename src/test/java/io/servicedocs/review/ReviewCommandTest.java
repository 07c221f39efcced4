package io.servicedocs.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.servicedocs.GitFixture;
import io.servicedocs.TestRepositories;
import io.servicedocs.cli.CliAccess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Review of scripted pull requests on a real git repository (the minimal repository on main:
 * alpha in ga, tier-1; beta-svc in beta, tier-2, slo 1/2 and backup-restore 0/1 short of ga).
 */
class ReviewCommandTest {

    private static final String BETA = "products/beta-svc/";

    @TempDir
    Path dir;

    private GitFixture repo;

    @BeforeEach
    void mainBranch() throws Exception {
        repo = GitFixture.minimalOnMain(dir);
    }

    private void branch(String name) throws Exception {
        repo.branch(name);
    }

    private CliAccess.Run review(String head, String format) {
        return CliAccess.run("review", "--repo", repo.root().toString(), "--base", "main", "--head", head,
                "--as-of", "2026-11-24", "--format", format);
    }

    private JsonNode json(CliAccess.Run run) {
        return JsonMapper.builder().build().readTree(run.out());
    }

    private void promoteBetaSvcToGa() throws Exception {
        repo.write(BETA + "phase.yaml", "phase: ga\nsince: 2026-11-20\n");
    }

    @Test
    void aPromotionThatMeetsItsNewPhasePasses() throws Exception {
        branch("ready");
        promoteBetaSvcToGa();
        // a promotion's raised levels need evidence (the review policy's promotion_level_without_evidence)
        repo.replace(BETA + "assessment.yaml", "  slo:\n    level: 1", "  slo:\n    level: 2\n    evidence:\n"
                + "      - title: SLO dashboard\n        url: https://grafana.example.com/d/beta-slo");
        repo.replace(BETA + "assessment.yaml", "  backup-restore:\n    level: 0", "  backup-restore:\n    level: 1\n"
                + "    evidence:\n      - title: Backup job\n        url: https://ci.example.com/beta-backup");
        repo.commit("Promote beta-svc to GA", "Dee", LocalDate.of(2026, 11, 20));
        CliAccess.Run run = review("ready", "json");
        assertEquals(0, run.status(), run.out() + run.err());
        JsonNode report = json(run);
        assertFalse(report.get("blocks").asBoolean());
        assertEquals("clear", report.get("verdict").asString(), report.toString());
        JsonNode change = report.get("phase_changes").get(0);
        assertEquals("beta-svc beta ga promotion true 3 3", change.get("product").asString() + " " + change.get("from").asString()
                + " " + change.get("to").asString() + " " + change.get("kind").asString() + " " + change.get("passes").asBoolean()
                + " " + change.get("requirements").asInt() + " " + change.get("satisfied").asInt());
        assertEquals(2, report.get("level_changes").size());
        assertEquals("slo 1 2", report.get("level_changes").get(0).get("item").asString() + " "
                + report.get("level_changes").get(0).get("from").asInt() + " " + report.get("level_changes").get(0).get("to").asInt());
    }

    @Test
    void aPromotionThatDoesNotMeetItsNewPhaseBlocks() throws Exception {
        branch("premature");
        promoteBetaSvcToGa();
        repo.commit("Promote beta-svc to GA", "Dee", LocalDate.of(2026, 11, 20));
        CliAccess.Run run = review("premature", "markdown");
        assertEquals(1, run.status());
        String md = run.out();
        assertTrue(md.startsWith(ReportFormats.COMMENT_MARKER + "\n"), md);
        assertTrue(md.contains("**❌ Blocked:** 1 promotion(s) do not meet their new phase."), md);
        assertTrue(md.contains("| Beta service (`beta-svc`) | beta → ga (promotion) | ❌ does not meet ga (1/3 requirements) |"), md);
        assertTrue(md.contains("| Availability SLO (`slo`) | 2 | 1 | ❌ unmet |"), md);
        assertTrue(md.contains("| Backup and restore (`backup-restore`) | 1 | 0 | ❌ unmet |"), md);
        assertTrue(md.contains("**Beta service (`beta-svc`)** against ga: 1/3 requirements met (the 1 met are not listed)"), md);
        assertFalse(md.contains("MFA for admins"), "met requirements are counted, not listed: " + md);

        CliAccess.Run annotations = review("premature", "github");
        assertEquals(1, annotations.status());
        String file = repo.root().toRealPath() + "/products/beta-svc/phase.yaml";
        assertTrue(annotations.out().contains("::error file=" + file + ",line=1,col=8,title=servicedocs promotion::beta-svc "
                + "does not meet ga (1/3 requirements); unmet: slo 1/2, backup-restore 0/1"), annotations.out());
    }

    @Test
    void oneRunWritesTheMarkdownAndTheJsonBesideTheAnnotations() throws Exception {
        branch("premature");
        promoteBetaSvcToGa();
        repo.commit("Promote beta-svc to GA", "Dee", LocalDate.of(2026, 11, 20));
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.writeString(out.resolve("review.json"), "an older review\n");
        CliAccess.Run run = CliAccess.run("review", "--repo", repo.root().toString(), "--base", "main", "--head", "premature",
                "--as-of", "2026-11-24", "--format", "github", "--markdown-file", out.resolve("review.md").toString(),
                "--json-file", out.resolve("review.json").toString());
        assertEquals(1, run.status(), run.err());
        assertEquals(review("premature", "github").out(), run.out(), "stdout is still the chosen format");
        assertEquals(review("premature", "markdown").out(), Files.readString(out.resolve("review.md")));
        assertEquals(review("premature", "json").out(), Files.readString(out.resolve("review.json")),
                "an existing file is replaced");
        try (var files = Files.list(out)) {
            assertEquals(List.of("review.json", "review.md"), files.map(f -> f.getFileName().toString()).sorted().toList(),
                    "no temporary file is left");
        }
    }

    @Test
    void aFileThatCannotBeWrittenIsAUsageErrorAndNothingIsWritten() throws Exception {
        branch("premature");
        promoteBetaSvcToGa();
        repo.commit("Promote beta-svc to GA", "Dee", LocalDate.of(2026, 11, 20));
        Path markdown = dir.resolve("review.md");
        Path missing = dir.resolve("no-such-folder/review.json");
        CliAccess.Run run = CliAccess.run("review", "--repo", repo.root().toString(), "--base", "main", "--head", "premature",
                "--format", "github", "--markdown-file", markdown.toString(), "--json-file", missing.toString());
        assertEquals(2, run.status(), run.err());
        assertEquals("servicedocs: --json-file " + missing + ": the folder " + missing.getParent() + " does not exist",
                run.err().strip());
        assertEquals("", run.out(), "no annotations from a run that writes nothing");
        assertFalse(Files.exists(markdown), "neither file is written");
        assertFalse(Files.exists(missing.getParent()));

        CliAccess.Run folder = CliAccess.run("review", "--repo", repo.root().toString(), "--base", "main",
                "--head", "premature", "--markdown-file", dir.toString());
        assertEquals(2, folder.status(), folder.err());
        assertEquals("servicedocs: --markdown-file " + dir + " is a folder; expected a file to write", folder.err().strip());

        CliAccess.Run same = CliAccess.run("review", "--repo", repo.root().toString(), "--base", "main",
                "--head", "premature", "--markdown-file", markdown.toString(), "--json-file", markdown.toString());
        assertEquals(2, same.status(), same.err());
        assertEquals("servicedocs: --markdown-file and --json-file are the same file, " + markdown + "; give each its own",
                same.err().strip());
        assertFalse(Files.exists(markdown));
    }

    @Test
    void waiversForEveryGapSaveAPromotion() throws Exception {
        branch("waived");
        promoteBetaSvcToGa();
        Files.writeString(repo.root().resolve(BETA + "assessment.yaml"), Files.readString(repo.root().resolve(BETA + "assessment.yaml"))
                + "waivers:\n"
                + "  - item: slo\n    phase: ga\n    reason: SLI pipeline ships in December.\n    approved_by: Review board\n    expires: 2027-02-28\n"
                + "  - item: backup-restore\n    phase: ga\n    reason: Stateless until the Q1 release.\n    approved_by: Review board\n    expires: 2027-03-31\n");
        repo.commit("Promote beta-svc to GA with waivers", "Dee", LocalDate.of(2026, 11, 20));
        CliAccess.Run run = review("waived", "json");
        assertEquals(0, run.status(), run.out());
        JsonNode change = json(run).get("phase_changes").get(0);
        assertTrue(change.get("passes").asBoolean());
        assertEquals(2, change.get("waived").asInt());
        assertEquals(List.of("added slo", "added backup-restore"), json(run).get("waiver_changes").valueStream()
                .map(w -> w.get("kind").asString() + " " + w.get("item").asString()).toList());
        assertTrue(review("waived", "markdown").out().contains("🟡 waived until 2027-02-28: SLI pipeline ships in December."));
    }

    @Test
    void aRaisedRequirementListsTheProductsThatNoLongerMeetTheirPhase() throws Exception {
        branch("stricter");
        repo.replace("standards/quality-items.yaml", "      beta: 1\n", "      beta: 2\n");
        repo.commit("Beta needs a measured SLO", "Board", LocalDate.of(2026, 11, 21));
        CliAccess.Run run = review("stricter", "json");
        assertEquals(0, run.status(), "raising the standard does not block by itself: " + run.out());
        JsonNode raised = json(run).get("raised_requirements");
        assertEquals(1, raised.size(), "one requirement for every tier, reported once: " + raised);
        JsonNode slo = raised.get(0);
        assertEquals("slo beta '' 1 2 [\"beta-svc\"]", slo.get("item").asString() + " " + slo.get("phase").asString() + " '"
                + slo.get("tier").asString() + "' " + slo.get("from").asInt() + " " + slo.get("to").asInt() + " "
                + slo.get("products_no_longer_meeting"));
        String md = review("stricter", "markdown").out();
        assertTrue(md.contains("| Availability SLO (`slo`) in beta | 1 → 2 | Beta service (`beta-svc`) |"), md);
    }

    @Test
    void aTierRequirementIsReportedForItsTier() throws Exception {
        branch("tiered");
        repo.replace("standards/quality-items.yaml", "        tier-2: 1\n", "        tier-2: 2\n");
        repo.commit("GA tier-2 needs tested restores", "Board", LocalDate.of(2026, 11, 21));
        JsonNode raised = json(review("tiered", "json")).get("raised_requirements");
        assertEquals(1, raised.size(), raised.toString());
        assertEquals("backup-restore ga tier-2 1 2 []", raised.get(0).get("item").asString() + " "
                + raised.get(0).get("phase").asString() + " " + raised.get(0).get("tier").asString() + " "
                + raised.get(0).get("from").asInt() + " " + raised.get(0).get("to").asInt() + " "
                + raised.get(0).get("products_no_longer_meeting"));
    }

    @Test
    void aProductThatDoesNotLoadIsNotComparedRatherThanRemoved() throws Exception {
        branch("broken");
        repo.write("products/alpha/finance.yaml", "months: {}\nmonths: {}\n");
        repo.commit("Oops", "Eve", LocalDate.of(2026, 11, 22));
        JsonNode report = json(review("broken", "json"));
        assertEquals(0, report.get("products_removed").size(), report.toString());
        assertEquals("[\"alpha\"]", report.get("products_not_compared").toString());
        assertTrue(report.get("blocks").asBoolean(), "the head is invalid");
    }

    @Test
    void aServiceDocEditWithNothingToCompareStillCountsItsProductAndListsItsFiles() throws Exception {
        branch("owners");
        repo.replace("products/alpha/service-doc.yaml", "  tech_lead:\n    name: Bob", "  tech_lead:\n    name: Cy");
        repo.write("products/alpha/notes.md", "Handover notes.\n");
        repo.commit("New tech lead for alpha", "Cy", LocalDate.of(2026, 11, 21));
        CliAccess.Run markdown = review("owners", "markdown");
        assertEquals(0, markdown.status(), markdown.out() + markdown.err());
        assertTrue(markdown.out().contains("| Products changed | 1 |"), markdown.out());
        assertTrue(markdown.out().contains("<summary>Other product files changed (1)</summary>"), markdown.out());
        assertTrue(markdown.out().contains(" | `notes.md`, `service-doc.yaml` |\n"), markdown.out());
        assertFalse(markdown.out().contains("No change to phases"), markdown.out());
        JsonNode report = json(review("owners", "json"));
        assertEquals("[{\"product\":\"alpha\",\"files\":[\"notes.md\",\"service-doc.yaml\"]}]",
                report.get("product_files_changed").toString());
        assertEquals("clear", report.get("verdict").asString(), report.toString());
    }

    @Test
    void aProductWithAComparedChangeIsNotListedAgainAmongOtherFileChanges() throws Exception {
        branch("ready");
        promoteBetaSvcToGa();
        repo.commit("Promote beta-svc to GA", "Dee", LocalDate.of(2026, 11, 20));
        CliAccess.Run markdown = review("ready", "markdown");
        assertTrue(markdown.out().contains("| Products changed | 1 |"), markdown.out());
        assertFalse(markdown.out().contains("Other product files changed"), markdown.out());
        assertEquals("[{\"product\":\"beta-svc\",\"files\":[\"phase.yaml\"]}]",
                json(review("ready", "json")).get("product_files_changed").toString());
    }

    @Test
    void reviewNeedsTheTopOfTheWorkingTree() throws Exception {
        CliAccess.Run run = CliAccess.run("review", "--repo", repo.root().resolve("products").toString(), "--base", "main");
        assertEquals(2, run.status());
        assertTrue(run.err().contains("expected --repo to be that folder"), run.err());
    }

    @Test
    void skippedPhasesDemotionsAndInvalidHeadsAreReported() throws Exception {
        branch("mixed");
        repo.write("products/alpha/phase.yaml", "phase: beta\nsince: 2026-11-20\n");
        repo.replace("products/alpha/security.yaml", "  pentest:\n    answer: \"yes\"", "  pentest:\n    answer: \"no\"");
        repo.write("products/gamma/phase.yaml", "phase: gaa\nsince: 2026-11-20\n");
        repo.commit("Mixed", "Eve", LocalDate.of(2026, 11, 22));
        CliAccess.Run run = review("mixed", "json");
        assertEquals(1, run.status(), "the head has validation errors");
        JsonNode report = json(run);
        assertEquals("alpha ga beta demotion", report.get("phase_changes").get(0).get("product").asString() + " "
                + report.get("phase_changes").get(0).get("from").asString() + " " + report.get("phase_changes").get(0).get("to").asString()
                + " " + report.get("phase_changes").get(0).get("kind").asString());
        assertEquals("alpha pentest yes no", report.get("check_changes").get(0).get("product").asString() + " "
                + report.get("check_changes").get(0).get("check").asString() + " " + report.get("check_changes").get(0).get("from").asString()
                + " " + report.get("check_changes").get(0).get("to").asString());
        assertTrue(report.get("head_diagnostics").valueStream().anyMatch(d -> d.get("rule").asString().equals("missing-file")));
    }

    @Test
    void aNewProductEnteringBeyondTheFirstPhaseMustMeetItAndSkipsAreNamed() throws Exception {
        branch("skip");
        repo.write(BETA + "phase.yaml", "phase: beta\nsince: 2026-05-01\n");
        repo.commit("noop", "Dee", LocalDate.of(2026, 11, 20));
        repo.git().checkout().setName("main").call();
        repo.write("products/beta-svc/phase.yaml", "phase: poc\nsince: 2026-05-01\n");
        repo.commit("beta-svc back to poc on main", "Dee", LocalDate.of(2026, 11, 21));
        branch("jump");
        repo.write(BETA + "phase.yaml", "phase: ga\nsince: 2026-11-22\n");
        repo.commit("Jump to GA", "Dee", LocalDate.of(2026, 11, 22));
        JsonNode change = json(review("jump", "json")).get("phase_changes").get(0);
        assertEquals("poc ga [\"beta\"] false", change.get("from").asString() + " " + change.get("to").asString() + " "
                + change.get("skipped") + " " + change.get("passes").asBoolean());
    }

    @Test
    void theWorkingTreeIsTheDefaultHeadAndUnknownRefsAreUsageErrors() throws Exception {
        promoteBetaSvcToGa();
        CliAccess.Run run = CliAccess.run("review", "--repo", repo.root().toString(), "--base", "main", "--as-of", "2026-11-24",
                "--format", "json");
        assertEquals(1, run.status());
        assertEquals("working tree", json(run).get("head").asString());
        CliAccess.Run unknown = CliAccess.run("review", "--repo", repo.root().toString(), "--base", "no-such-branch");
        assertEquals(2, unknown.status());
        assertTrue(unknown.err().contains("unknown git ref 'no-such-branch'"), unknown.err());
        Path plain = TestRepositories.minimalCopy(dir.resolve("plain"));
        CliAccess.Run notGit = CliAccess.run("review", "--repo", plain.toString(), "--base", "main");
        assertEquals(2, notGit.status(), notGit.err());
        assertTrue(notGit.err().contains("is not in a git repository"), notGit.err());
    }

    /** Git problems found by the pipeline end as usage errors do: one line saying what to do, exit status 2. */
    @Test
    void aFolderBelowTheTopOrHistoriesThatNeverMeetAreExitStatusTwo() throws Exception {
        CliAccess.Run below = CliAccess.run("review", "--repo", repo.root().resolve("products").toString(),
                "--base", "main");
        assertEquals(2, below.status(), below.err());
        assertEquals("servicedocs: review reads products/ and standards/ at the top of the git working tree; "
                + "expected --repo to be that folder", below.err().strip());

        repo.git().checkout().setOrphan(true).setName("lonely").call();
        repo.commit("A history of its own", "Bo", LocalDate.of(2026, 11, 20));
        CliAccess.Run apart = CliAccess.run("review", "--repo", repo.root().toString(), "--base", "main",
                "--head", "lonely");
        assertEquals(2, apart.status(), apart.err());
        assertEquals("servicedocs: main and lonely have no common history; fetch the whole history "
                + "(actions/checkout: fetch-depth: 0)", apart.err().strip());
    }
}
