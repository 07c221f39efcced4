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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pull request that completes a campaign goal says so. Main is the minimal repository with a
 * campaign asking ga and beta products for backup-restore level 1 and slo level 2: alpha meets
 * both; beta-svc is at backup-restore 0 and slo 1.
 */
class CampaignReviewTest {

    private static final String BETA = "products/beta-svc/";
    private static final String CAMPAIGN = "title: Restores everywhere\n"
            + "why: Restores were never tested.\n"
            + "owner: team-a\n"
            + "start: 2026-10-01\n"
            + "due: 2027-03-31\n"
            + "scope:\n  phases: [ga, beta]\n"
            + "goals:\n"
            + "  - item: backup-restore\n    level: 1\n"
            + "  - item: slo\n    level: 2\n";

    @TempDir
    Path dir;

    private GitFixture repo;

    @BeforeEach
    void mainBranch() throws Exception {
        Path template = TestRepositories.minimalCopy(dir.resolve("template"));
        Files.createDirectories(template.resolve("standards/campaigns"));
        Files.writeString(template.resolve("standards/campaigns/restores.yaml"), CAMPAIGN);
        repo = GitFixture.init(dir.resolve("repo"), template);
        repo.commit("Initial", "Ann", LocalDate.of(2026, 10, 1));
    }

    private CliAccess.Run review(String head, String format) {
        return CliAccess.run("review", "--repo", repo.root().toString(), "--base", "main", "--head", head,
                "--as-of", "2026-11-24", "--format", format);
    }

    private static final String EVIDENCE = "    evidence:\n      - title: Restore test\n"
            + "        url: https://wiki.example.com/restore\n";

    @Test
    void aPullRequestCompletingAGoalSaysSoInTheCommentAndTheJson() throws Exception {
        repo.branch("restore");
        repo.replace(BETA + "assessment.yaml", "  backup-restore:\n    level: 0\n",
                "  backup-restore:\n    level: 1\n" + EVIDENCE);
        repo.commit("beta-svc restores", "Dee", LocalDate.of(2026, 11, 20));
        CliAccess.Run run = review("restore", "markdown");
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains("Campaign goals completed (1)"), run.out());
        assertTrue(run.out().contains("| Campaign | Product | Goal |\n|---|---|---|\n"
                + "| Restores everywhere | Beta service (`beta-svc`) | Backup and restore level 1 |\n"), run.out());
        String json = review("restore", "json").out();
        assertTrue(json.contains("\"campaign_goals_completed\" : [ {\n    \"campaign\" : \"restores\",\n"
                + "    \"campaign_title\" : \"Restores everywhere\",\n    \"product\" : \"beta-svc\",\n"
                + "    \"goal\" : \"Backup and restore level 1\",\n    \"product_done\" : false\n  } ]"), json);
    }

    @Test
    void theLastGoalOfAProductSaysEveryGoalIsMet() throws Exception {
        repo.branch("both");
        repo.replace(BETA + "assessment.yaml", "  backup-restore:\n    level: 0\n",
                "  backup-restore:\n    level: 1\n" + EVIDENCE);
        repo.replace(BETA + "assessment.yaml", "  slo:\n    level: 1\n", "  slo:\n    level: 2\n" + EVIDENCE);
        repo.commit("beta-svc meets the campaign", "Dee", LocalDate.of(2026, 11, 20));
        String md = review("both", "markdown").out();
        assertTrue(md.contains("| Restores everywhere | Beta service (`beta-svc`) | Backup and restore level 1 "
                + "(every goal of the campaign met) |\n| Restores everywhere | Beta service (`beta-svc`) | "
                + "Availability SLO level 2 (every goal of the campaign met) |"), md);
    }

    @Test
    void aNewCampaignCompletesNothing() throws Exception {
        repo.branch("second");
        repo.write("standards/campaigns/slo.yaml", CAMPAIGN.replace("Restores everywhere", "SLOs"));
        repo.commit("A second campaign", "Board", LocalDate.of(2026, 11, 20));
        String md = review("second", "markdown").out();
        assertFalse(md.contains("Campaign goals completed"), md);
        assertTrue(review("second", "json").out().contains("\"campaign_goals_completed\" : [ ]"));
    }
}
