package io.servicedocs.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.servicedocs.GitFixture;
import io.servicedocs.TestRepositories;
import io.servicedocs.cli.CliAccess;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Waivers of security checks in a pull request, as scripted on a real git repository. The base
 * is the minimal repository with 'pentest' asked of every tier from ga on, and beta-svc (beta,
 * tier-2) answering it 'no' with a plan: nothing is missing in beta. The pull request promotes
 * beta-svc to ga with its quality items at ga's levels, where the check's answer is a gap unless
 * a waiver covers it.
 */
class CheckWaiverReviewTest {

    private static final String BETA = "products/beta-svc/";
    private static final String WAIVER = """
            waivers:
              - check: pentest
                phase: ga
                reason: First external test booked for January.
                approved_by: Review board
                approved_on: 2026-11-18
                expires: %s
            """;

    @TempDir
    Path dir;

    private GitFixture repo;

    @BeforeEach
    void mainBranch() throws Exception {
        repo = GitFixture.init(dir.resolve("repo"), TestRepositories.MINIMAL);
        repo.replace("standards/security-checklist.yaml", "    tiers: [tier-1]\n", "");
        repo.replace(BETA + "security.yaml", "    answer: not-applicable\n    reason: Internal tool behind the VPN.",
                "    answer: \"no\"\n    plan:\n      due: 2027-01-31");
        repo.commit("Initial", "Ann", LocalDate.of(2026, 10, 1));
    }

    private void promote(String expires) throws Exception {
        repo.branch("promote");
        repo.write(BETA + "phase.yaml", "phase: ga\nsince: 2026-11-20\n");
        // the quality items reach ga, so that only the security check decides
        repo.write(BETA + "assessment.yaml", """
                assessed_on: 2026-11-18
                assessed_by: Dee
                items:
                  slo:
                    level: 2
                    evidence:
                      - title: SLO dashboard
                        url: https://dashboards.example.com/beta-svc/slo
                  backup-restore:
                    level: 1
                    evidence:
                      - title: Restore test
                        url: https://wiki.example.com/beta-svc/restore-test
                """);
        if (expires != null) {
            repo.replace(BETA + "security.yaml", "      due: 2027-01-31\n", "      due: 2027-01-31\n"
                    + WAIVER.formatted(expires));
        }
        repo.commit("Promote beta-svc to GA", "Dee", LocalDate.of(2026, 11, 20));
    }

    private CliAccess.Run review(String format) {
        return CliAccess.run("review", "--repo", repo.root().toString(), "--base", "main", "--head", "promote",
                "--as-of", "2026-11-24", "--format", format);
    }

    @Test
    void withoutAWaiverTheCheckAnsweredNoBlocksThePromotion() throws Exception {
        promote(null);
        CliAccess.Run run = review("markdown");
        assertEquals(1, run.status(), run.out());
        assertTrue(run.out().contains("| Penetration test (`pentest`) (security) | yes | no | ❌ unmet |"), run.out());
    }

    @Test
    void aPromotionRelyingOnACheckWaiverPassesAndShowsTheCheckAsWaived() throws Exception {
        promote("2027-06-30");
        CliAccess.Run run = review("markdown");
        String md = run.out();
        assertEquals(0, run.status(), md);
        assertTrue(md.contains("**Beta service (`beta-svc`)** against ga: 4/4 requirements met"), md);
        assertTrue(md.contains("| Penetration test (`pentest`) (security) | yes | no | 🟡 waived until 2027-06-30: First"
                + " external test booked for January. |"), md);
        assertTrue(md.contains("| Beta service (`beta-svc`) | added | Penetration test (`pentest`) (security) in ga |"
                + " 2027-06-30 | First external test booked for January. |"), md);

        JsonNode json = JsonMapper.builder().build().readTree(review("json").out());
        JsonNode promotion = json.get("phase_changes").get(0);
        assertEquals(true, promotion.get("passes").asBoolean());
        assertEquals(1, promotion.get("waived").asInt());
        assertEquals("[{\"check\":\"pentest\",\"expires\":\"2027-06-30\"}]", promotion.get("waived_checks").toString());
        assertEquals("[]", promotion.get("unmet_checks").toString());
        JsonNode change = json.get("waiver_changes").get(0);
        assertEquals(java.util.List.of("added", "pentest", "Penetration test", "null"), java.util.List.of(
                change.get("kind").asString(), change.get("check").asString(), change.get("check_title").asString(),
                change.get("item").toString()));
    }

    @Test
    void aCheckWaiverExpiringSoonIsAFindingThatNeedsAttention() throws Exception {
        promote("2026-12-10");
        CliAccess.Run run = review("json");
        assertEquals(0, run.status(), run.out());
        JsonNode findings = JsonMapper.builder().build().readTree(run.out()).get("findings");
        assertEquals(1, findings.size(), findings.toString());
        JsonNode finding = findings.get(0);
        assertEquals(java.util.List.of("waiver_expiring", "needs-attention", "beta-svc",
                "the waiver of security check pentest in ga expires on 2026-12-10, within 30 days",
                BETA + "security.yaml", "14"), java.util.List.of(finding.get("kind").asString(),
                finding.get("outcome").asString(), finding.get("subject").asString(), finding.get("message").asString(),
                finding.get("file").asString(), finding.get("line").toString()));
        String md = review("markdown").out();
        assertTrue(md.contains("the waiver of security check pentest in ga expires on 2026-12-10, within 30 days"), md);
    }
}
