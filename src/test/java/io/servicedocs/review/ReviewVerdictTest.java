package io.servicedocs.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.servicedocs.GitFixture;
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
 * The verdict of scripted pull requests, one per rule of the review policy, judged on 2026-11-24
 * (the minimal repository on main: alpha in ga, tier-1, with a backup-restore waiver until
 * 2027-04-30; beta-svc in beta, tier-2, slo 1/2 and backup-restore 0/1 short of ga, assessed on
 * 2026-09-15; review_interval P6M; no evidence anywhere). Each test asserts the comment's first
 * line after its heading, the exit status and the JSON verdict.
 */
class ReviewVerdictTest {

    private static final String BETA = "products/beta-svc/";
    private static final String ALPHA = "products/alpha/";
    private static final String SLO_EVIDENCE = "\n    evidence:\n      - title: SLO dashboard\n"
            + "        url: https://grafana.example.com/d/beta-slo";
    private static final String BACKUP_EVIDENCE = "\n    evidence:\n      - title: Backup job\n"
            + "        url: https://ci.example.com/beta-backup";

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

    /** The pull request's review in markdown, its exit status, its JSON report and its annotations. */
    private record Review(int status, String markdown, JsonNode json, List<String> annotations) {

        String verdictLine() {
            List<String> lines = markdown.lines().toList();
            assertTrue(lines.get(1).startsWith("## servicedocs review: "), markdown);
            assertEquals("", lines.get(2), markdown);
            return lines.get(3);
        }

        String verdict() {
            return json.get("verdict").asString();
        }

        /** "kind outcome subject" of each finding. */
        List<String> findings() {
            return json.get("findings").valueStream().map(f -> f.get("kind").asString() + " "
                    + f.get("outcome").asString() + " " + f.get("subject").asString()).toList();
        }
    }

    /** One run, as the pull-request workflow calls it: annotations on stdout, markdown and JSON in files. */
    private Review review(String head) throws Exception {
        return review(head, "main");
    }

    private Review review(String head, String base) throws Exception {
        Path md = dir.resolve(head + ".md");
        Path json = dir.resolve(head + ".json");
        CliAccess.Run run = CliAccess.run("review", "--repo", repo.root().toString(), "--base", base, "--head", head,
                "--as-of", "2026-11-24", "--format", "github", "--markdown-file", md.toString(), "--json-file",
                json.toString());
        return new Review(run.status(), Files.readString(md), JsonMapper.builder().build().readTree(Files.readString(json)),
                run.out().lines().toList());
    }

    /** beta-svc to ga with both gaps closed, each raised level with evidence: a promotion that meets its phase. */
    private void promoteBetaSvcWithEvidence() throws Exception {
        repo.write(BETA + "phase.yaml", "phase: ga\nsince: 2026-11-20\n");
        repo.replace(BETA + "assessment.yaml", "  slo:\n    level: 1", "  slo:\n    level: 2" + SLO_EVIDENCE);
        repo.replace(BETA + "assessment.yaml", "  backup-restore:\n    level: 0",
                "  backup-restore:\n    level: 1" + BACKUP_EVIDENCE);
    }

    private int lineOf(String file, String start) throws Exception {
        List<String> lines = Files.readAllLines(repo.root().resolve(file));
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(start)) {
                return i + 1;
            }
        }
        throw new AssertionError(start + " not in " + file);
    }

    private void commit(String message) throws Exception {
        repo.commit(message, "Dee", LocalDate.of(2026, 11, 20));
    }

    @Test
    void aCleanPullRequestIsClear() throws Exception {
        branch("wording");
        repo.replace(ALPHA + "service-doc.yaml", "summary:", "summary: Now with a clearer summary.\n#");
        commit("Clearer summary");
        Review review = review("wording");
        assertEquals("**✅ Clear.**", review.verdictLine());
        assertEquals(0, review.status());
        assertEquals("clear", review.verdict());
        assertEquals(List.of(), review.findings());
        assertFalse(review.json().get("blocks").asBoolean());
    }

    @Test
    void aPromotionThatDoesNotMeetItsPhaseBlocks() throws Exception {
        branch("premature");
        repo.write(BETA + "phase.yaml", "phase: ga\nsince: 2026-11-20\n");
        commit("Promote beta-svc to GA");
        Review review = review("premature");
        assertEquals("**❌ Blocked:** 1 promotion(s) do not meet their new phase.", review.verdictLine());
        assertEquals(1, review.status());
        assertEquals("blocked", review.verdict());
        assertEquals(List.of("promotion_not_met blocked beta-svc"), review.findings());
        assertTrue(review.markdown().contains("<details open><summary>Blocking (1)</summary>\n\n- ❌ Beta service (`beta-svc`): "
                + "promoted to ga without meeting it: 1/3 requirements met; unmet: slo 1/2, backup-restore 0/1 "
                + "(`products/beta-svc/phase.yaml:1`) [promotion_not_met]\n"), review.markdown());
        assertTrue(review.markdown().indexOf("Blocking (1)") < review.markdown().indexOf("Phase changes (1)"),
                "the findings come before the other sections: " + review.markdown());
    }

    @Test
    void aPromotionWithAnAssessmentOlderThanTheReviewIntervalBlocksThoughItMeetsThePhase() throws Exception {
        branch("stale");
        promoteBetaSvcWithEvidence();
        // eleven months before the merge date, with a review interval of six months
        repo.replace(BETA + "assessment.yaml", "assessed_on: 2026-09-15", "assessed_on: 2025-12-24");
        commit("Promote beta-svc to GA on an old assessment");
        Review review = review("stale");
        assertEquals("**❌ Blocked:** 1 promotion(s) with an assessment older than the review interval.",
                review.verdictLine());
        assertEquals(1, review.status());
        assertEquals("blocked", review.verdict());
        assertEquals(List.of("promotion_stale_assessment blocked beta-svc"), review.findings());
        assertTrue(review.json().get("phase_changes").get(0).get("passes").asBoolean(), "it meets ga");
        assertEquals("promoted to ga with an assessment of 2025-12-24, older than the review interval (P6M) on "
                + "2026-11-24", review.json().get("findings").get(0).get("message").asString());
        // annotated once, as an error, on assessed_on (line 1 of the fixture's assessment)
        List<String> stale = review.annotations().stream().filter(a -> a.contains("promotion-stale-assessment")).toList();
        assertEquals(1, stale.size(), review.annotations().toString());
        assertTrue(stale.get(0).startsWith("::error file=") && stale.get(0).contains("products/beta-svc/assessment.yaml,line="
                + (lineOf(BETA + "assessment.yaml", "assessed_on:")) + ",col="), stale.get(0));
    }

    @Test
    void aPromotionRaisingALevelWithoutEvidenceBlocks() throws Exception {
        branch("no-evidence");
        promoteBetaSvcWithEvidence();
        repo.replace(BETA + "assessment.yaml", BACKUP_EVIDENCE, "");
        commit("Promote beta-svc to GA, backups unproven");
        Review review = review("no-evidence");
        assertEquals("**❌ Blocked:** 1 level(s) of promoted products without evidence.", review.verdictLine());
        assertEquals(1, review.status());
        assertEquals("blocked", review.verdict());
        assertEquals(List.of("promotion_level_without_evidence blocked beta-svc"), review.findings());
        JsonNode finding = review.json().get("findings").get(0);
        assertEquals("backup-restore set to level 1 (was 0) with no evidence in a promoted product "
                + "products/beta-svc/assessment.yaml:10", finding.get("message").asString() + " "
                + finding.get("file").asString() + ":" + finding.get("line").asInt());
    }

    @Test
    void anErrorInATouchedFileBlocks() throws Exception {
        branch("typo");
        repo.write(ALPHA + "phase.yaml", "phase: gaa\nsince: 2026-01-10\n");
        commit("Typo");
        Review review = review("typo");
        assertEquals("**❌ Blocked:** 1 validation error(s) in files this pull request changes.", review.verdictLine());
        assertEquals(1, review.status());
        assertEquals("blocked", review.verdict());
        assertEquals(List.of("errors_in_changed_files blocked products/alpha/phase.yaml"), review.findings());
        assertTrue(review.markdown().contains("<details open><summary>Blocking (1)</summary>\n\n- ❌ 1 validation error(s) "
                + "in files this pull request changes: listed under *Validation at head*\n"), review.markdown());
        assertTrue(review.markdown().contains("<summary>Validation at head (1)</summary>"), review.markdown());
        assertTrue(review.markdown().contains("`products/alpha/phase.yaml:1:8`"), review.markdown());
    }

    @Test
    void anErrorAStandardChangeCausesInAnUntouchedProductBlocks() throws Exception {
        branch("renamed-phase");
        repo.replace("standards/phases.yaml", "  - id: beta\n", "  - id: preview\n");
        repo.replace("standards/quality-items.yaml", "      beta: 1\n", "      preview: 1\n");
        repo.replace("standards/security-checklist.yaml", "required_from: beta", "required_from: preview");
        commit("Beta is now called preview");
        Review review = review("renamed-phase");
        assertEquals(1, review.status(), review.markdown());
        assertEquals("blocked", review.verdict());
        assertTrue(review.verdictLine().startsWith("**❌ Blocked:** "), review.verdictLine());
        assertTrue(review.verdictLine().contains(" validation error(s) in files this pull request changes or that it "
                + "causes elsewhere"), review.verdictLine());
        assertTrue(review.findings().contains("errors_in_changed_files blocked products/beta-svc/phase.yaml"),
                review.findings().toString());
        assertFalse(review.markdown().contains("does not change (run"), "nothing was there before: " + review.markdown());
    }

    /** On main, beta-svc's finance file breaks; the pull request only rewords alpha's summary. */
    private void errorOnMainThenCleanBranch(String name) throws Exception {
        repo.write(BETA + "finance.yaml", "months: {}\nmonths: {}\n");
        repo.commit("Broken on main", "Eve", LocalDate.of(2026, 11, 2));
        branch(name);
        repo.replace(ALPHA + "service-doc.yaml", "summary:", "summary: Now with a clearer summary.\n#");
        commit("Clearer summary");
    }

    @Test
    void anErrorAlreadyAtTheBaseInAnUntouchedProductNeedsAttentionInOneLine() throws Exception {
        errorOnMainThenCleanBranch("wording");
        Review review = review("wording");
        assertEquals("**⚠️ Needs attention:** 1 validation error(s) in files this pull request does not change.",
                review.verdictLine());
        assertEquals(0, review.status());
        assertEquals("needs-attention", review.verdict());
        assertEquals(List.of("errors_elsewhere needs-attention products/beta-svc/finance.yaml"), review.findings());
        assertTrue(review.markdown().contains("\n1 error(s) and 0 warning(s) in files this pull request does not change "
                + "(run `servicedocs validate` to see them)\n"), review.markdown());
        assertFalse(review.markdown().contains("finance.yaml"), "not listed: " + review.markdown());
        assertFalse(review.markdown().contains("Validation at head"), review.markdown());
        assertEquals(1, review.json().get("head_diagnostics").size(), "the JSON keeps every problem");
    }

    @Test
    void aStandardChangeLeavingProductsBelowTheirPhaseNeedsAttentionListingThem() throws Exception {
        branch("stricter");
        repo.replace("standards/quality-items.yaml", "      beta: 1\n", "      beta: 2\n");
        repo.commit("Beta needs a measured SLO", "Board", LocalDate.of(2026, 11, 21));
        Review review = review("stricter");
        assertEquals("**⚠️ Needs attention:** 1 product(s) below their phase after the standard change.",
                review.verdictLine());
        assertEquals(0, review.status());
        assertEquals("needs-attention", review.verdict());
        assertEquals(List.of("products_below_phase needs-attention beta-svc"), review.findings());
        assertTrue(review.markdown().contains("<details open><summary>Needs attention (1)</summary>\n\n- ⚠️ Beta service (`beta-svc`): "
                + "no longer meets beta: the standard raises slo from 1 to 2 (`standards/quality-items.yaml:22`) "
                + "[products_below_phase]\n"), review.markdown());
    }

    private void alphaWaiverExpiring(String expires) throws Exception {
        repo.replace(ALPHA + "assessment.yaml", "expires: 2027-04-30", "expires: " + expires);
    }

    @Test
    void aWaiverOfAChangedProductExpiringIn20DaysNeedsAttention() throws Exception {
        branch("soon");
        alphaWaiverExpiring("2026-12-14");
        commit("Shorter waiver");
        Review review = review("soon");
        assertEquals("**⚠️ Needs attention:** 1 waiver(s) expiring soon.", review.verdictLine());
        assertEquals(0, review.status());
        assertEquals("needs-attention", review.verdict());
        assertEquals(List.of("waiver_expiring needs-attention alpha"), review.findings());
        assertTrue(review.markdown().contains("- ⚠️ Alpha (`alpha`): the waiver of backup-restore in ga expires on 2026-12-14, "
                + "within 30 days (`products/alpha/assessment.yaml:17`) [waiver_expiring]"), review.markdown());
    }

    @Test
    void aWaiverExpiringIn40DaysIsClear() throws Exception {
        branch("later");
        alphaWaiverExpiring("2027-01-03");
        commit("Shorter waiver");
        Review review = review("later");
        assertEquals("**✅ Clear.**", review.verdictLine());
        assertEquals(0, review.status());
        assertEquals("clear", review.verdict());
    }

    @Test
    void aRaisedLevelWithoutEvidenceInAProductNotPromotedNeedsAttention() throws Exception {
        branch("backups");
        repo.replace(BETA + "assessment.yaml", "  backup-restore:\n    level: 0", "  backup-restore:\n    level: 1");
        commit("Backups run daily");
        Review review = review("backups");
        assertEquals("**⚠️ Needs attention:** 1 raised level(s) without evidence.", review.verdictLine());
        assertEquals(0, review.status());
        assertEquals("needs-attention", review.verdict());
        assertEquals(List.of("level_without_evidence needs-attention beta-svc"), review.findings());
    }

    @Test
    void thePolicyInStandardYamlDecidesWhatAFindingDoes() throws Exception {
        errorOnMainThenCleanBranch("strict");
        repo.write("standards/standard.yaml", Files.readString(repo.root().resolve("standards/standard.yaml"))
                + "review:\n  errors_elsewhere: blocked\n");
        commit("Errors anywhere block");
        Review strict = review("strict");
        assertEquals("**❌ Blocked:** 1 validation error(s) in files this pull request does not change.",
                strict.verdictLine());
        assertEquals(1, strict.status());
        assertEquals("blocked", strict.verdict());

        // from before main broke, so that beta-svc is compared: a pull request that relaxes the
        // policy is still judged by the policy it relaxes
        repo.git().checkout().setCreateBranch(true).setName("relaxing").setStartPoint("main~1").call();
        repo.replace(BETA + "assessment.yaml", "  backup-restore:\n    level: 0", "  backup-restore:\n    level: 1");
        repo.write("standards/standard.yaml", Files.readString(repo.root().resolve("standards/standard.yaml"))
                + "review:\n  level_without_evidence: ignored\n");
        commit("Backups run daily; levels without evidence are the validator's business");
        Review relaxing = review("relaxing");
        assertEquals("**⚠️ Needs attention:** 1 raised level(s) without evidence.", relaxing.verdictLine());
        assertEquals(List.of("level_without_evidence needs-attention beta-svc"), relaxing.findings());

        // once the board has merged the relaxed policy, it decides
        repo.git().checkout().setCreateBranch(true).setName("relaxed").setStartPoint("main~1").call();
        repo.write("standards/standard.yaml", Files.readString(repo.root().resolve("standards/standard.yaml"))
                + "review:\n  level_without_evidence: ignored\n");
        commit("Levels without evidence are the validator's business");
        repo.git().checkout().setCreateBranch(true).setName("lenient").setStartPoint("relaxed").call();
        repo.replace(BETA + "assessment.yaml", "  backup-restore:\n    level: 0", "  backup-restore:\n    level: 1");
        commit("Backups run daily");
        Review lenient = review("lenient", "relaxed");
        assertEquals("**✅ Clear.**", lenient.verdictLine());
        assertEquals(0, lenient.status());
        assertEquals("clear", lenient.verdict());
        assertEquals(List.of("level_without_evidence ignored beta-svc"), lenient.findings(),
                "an ignored finding stays in the JSON");
    }
}
