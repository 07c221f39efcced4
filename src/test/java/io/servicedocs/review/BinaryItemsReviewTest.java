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
 * Review of pull requests about a binary item (met / not met): its requirement rows, gaps and
 * level changes read "not met" / "met", never "0" / "1". Main is the minimal repository with a
 * binary item 'status-page' required from ga: alpha (ga) meets it, beta-svc (beta) does not.
 */
class BinaryItemsReviewTest {

    private static final String BETA = "products/beta-svc/";
    private static final String STATUS_PAGE = "  - id: status-page\n    category: availability\n    kind: binary\n"
            + "    title: Status page\n    description: Customers learn about outages from us.\n"
            + "    criteria: The product has a component on the status page.\n    required_from: ga\n";

    @TempDir
    Path dir;

    private GitFixture repo;

    @BeforeEach
    void mainBranch() throws Exception {
        Path template = TestRepositories.minimalCopy(dir.resolve("template"));
        Path items = template.resolve("standards/quality-items.yaml");
        Files.writeString(items, Files.readString(items) + STATUS_PAGE);
        answer(template.resolve("products/alpha/assessment.yaml"), "  status-page:\n    met: true\n    evidence:\n"
                + "      - title: Status page\n        url: https://status.example.com/alpha\n");
        answer(template.resolve(BETA + "assessment.yaml"), "  status-page:\n    met: false\n");
        repo = GitFixture.init(dir.resolve("repo"), template);
        repo.commit("Initial", "Ann", LocalDate.of(2026, 10, 1));
    }

    private static void answer(Path assessment, String answer) throws Exception {
        Files.writeString(assessment, Files.readString(assessment).replaceFirst("items:\n", "items:\n" + answer));
    }

    private CliAccess.Run review(String head, String format) {
        return CliAccess.run("review", "--repo", repo.root().toString(), "--base", "main", "--head", head,
                "--as-of", "2026-11-24", "--format", format);
    }

    @Test
    void aPromotionMissingABinaryItemReadsNotMet() throws Exception {
        repo.branch("premature");
        repo.write(BETA + "phase.yaml", "phase: ga\nsince: 2026-11-20\n");
        repo.commit("Promote beta-svc to GA", "Dee", LocalDate.of(2026, 11, 20));
        CliAccess.Run run = review("premature", "markdown");
        assertEquals(1, run.status(), run.err());
        assertTrue(run.out().contains("| Status page (`status-page`) | met | not met | ❌ unmet |"), run.out());
        assertTrue(run.out().contains("| Availability SLO (`slo`) | 2 | 1 | ❌ unmet |"), "level items keep numbers: "
                + run.out());
        CliAccess.Run annotations = review("premature", "github");
        assertTrue(annotations.out().contains("does not meet ga (1/4 requirements); unmet: slo 1/2, backup-restore 0/1,"
                + " status-page not met"), annotations.out());
    }

    /** A binary item answered not applicable is listed as such (required "met"), and the change reads from "not met". */
    @Test
    void aBinaryItemAnsweredNotApplicableIsNoUnmetRequirement() throws Exception {
        repo.branch("na");
        repo.write(BETA + "phase.yaml", "phase: ga\nsince: 2026-11-20\n");
        repo.replace(BETA + "assessment.yaml", "  status-page:\n    met: false\n",
                "  status-page:\n    not_applicable:\n      reason: Internal API; no customer reads a status page.\n");
        repo.commit("Promote beta-svc to GA; a status page does not apply", "Dee", LocalDate.of(2026, 11, 20));
        String md = review("na", "markdown").out();
        assertTrue(md.contains("| Status page (`status-page`) | met | – | ⊘ not applicable: Internal API; no customer"
                + " reads a status page. |"), md);
        assertTrue(md.contains("| Beta service (`beta-svc`) | Status page (`status-page`) | not met → not applicable |"),
                "a change of answer, neither up nor down: " + md);
        assertFalse(md.contains("| Status page (`status-page`) | met | not met |"), "not unmet: " + md);
    }

    @Test
    void requiringABinaryItemEarlierReadsNotRequiredToMustBeMet() throws Exception {
        repo.branch("earlier");
        repo.replace("standards/quality-items.yaml", "    required_from: ga\n", "    required_from: beta\n");
        repo.commit("A status page from beta on", "Board", LocalDate.of(2026, 11, 21));
        CliAccess.Run run = review("earlier", "markdown");
        assertEquals(0, run.status(), "raising the standard does not block by itself: " + run.out());
        assertTrue(run.out().contains("| Status page (`status-page`) in beta | not required → must be met |"
                + " Beta service (`beta-svc`) |"), run.out());
        CliAccess.Run annotations = review("earlier", "github");
        assertTrue(annotations.out().contains("status-page in beta raised from not required to must be met;"
                + " no longer met by beta-svc"), annotations.out());
    }

    @Test
    void unmeetingABinaryItemIsLoweredFromMetToNotMet() throws Exception {
        repo.branch("lost");
        repo.replace("products/alpha/assessment.yaml", "    met: true\n", "    met: false\n");
        repo.commit("alpha's status page is gone", "Dee", LocalDate.of(2026, 11, 20));
        String md = review("lost", "markdown").out();
        assertTrue(md.contains("| Alpha (`alpha`) | Status page (`status-page`) | met → not met ⬇ |"), md);
        String annotations = review("lost", "github").out();
        // at the answer's own key, 'met' (line 5 of alpha's assessment)
        assertTrue(annotations.contains("products/alpha/assessment.yaml,line=5,col=10,"
                + "title=servicedocs level lowered::alpha: status-page lowered from met to not met"), annotations);
    }

    @Test
    void meetingABinaryItemWithoutEvidenceIsSetToMetNotToLevelOne() throws Exception {
        repo.branch("no-evidence");
        repo.replace(BETA + "assessment.yaml", "  status-page:\n    met: false\n", "  status-page:\n    met: true\n");
        repo.commit("beta-svc has a status page (trust us)", "Dee", LocalDate.of(2026, 11, 20));
        String json = review("no-evidence", "json").out();
        assertTrue(json.contains("\"message\" : \"status-page set to met (was not met) with no evidence\""), json);
    }

    @Test
    void meetingABinaryItemIsALevelChangeFromNotMetToMet() throws Exception {
        repo.branch("status-page");
        repo.replace(BETA + "assessment.yaml", "  status-page:\n    met: false\n", "  status-page:\n    met: true\n"
                + "    evidence:\n      - title: Status page\n        url: https://status.example.com/beta-svc\n");
        repo.commit("beta-svc has a status page", "Dee", LocalDate.of(2026, 11, 20));
        CliAccess.Run run = review("status-page", "markdown");
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains("| Beta service (`beta-svc`) | Status page (`status-page`) | not met → met ⬆ |"),
                run.out());
    }
}
