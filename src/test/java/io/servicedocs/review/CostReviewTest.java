package io.servicedocs.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.servicedocs.CostFixture;
import io.servicedocs.GitFixture;
import io.servicedocs.TestRepositories;
import io.servicedocs.cli.CliAccess;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Pull requests that change who carries which cost (on {@link CostFixture}, whose latest final
 * month is 2026-09): the review names each change and each product's operating cost before and
 * after, computed by hand below.
 */
class CostReviewTest {

    @TempDir
    Path dir;

    private GitFixture repo;

    @BeforeEach
    void mainBranch() throws Exception {
        repo = GitFixture.init(dir.resolve("repo"), TestRepositories.MINIMAL);
        for (Map.Entry<String, String> file : CostFixture.files().entrySet()) {
            repo.write(file.getKey(), file.getValue());
        }
        repo.commit("Costs", "Ann", LocalDate.of(2026, 10, 5));
        repo.branch("change");
    }

    private CliAccess.Run review(String format) {
        return CliAccess.run("review", "--repo", repo.root().toString(), "--base", "main", "--head", "change",
                "--as-of", "2026-11-24", "--format", format);
    }

    @Test
    void aChangedSplitShowsEveryProductsNewOperatingCost() throws Exception {
        repo.replace("standards/costs.yaml", "{alpha: 70, beta-svc: 30}", "{alpha: 60, beta-svc: 40}");
        repo.commit("Licences by seats", "Bo", LocalDate.of(2026, 11, 20));

        CliAccess.Run markdown = review("markdown");
        assertEquals(0, markdown.status(), markdown.out() + markdown.err());
        // licences JPY 100,001 in September: 70/30 gave 70,001 and 30,000; 60/40 gives 60,001 and 40,000
        assertTrue(markdown.out().contains("""
                <details><summary>Cost allocation</summary>

                - pool licences: split fixed alpha 70 %, beta-svc 30 % → fixed alpha 60 %, beta-svc 40 % (`standards/costs.yaml:12`)

                Operating cost in 2026-09 (the latest final month), JPY:

                | Product | Before | After | Change |
                |---|---:|---:|---:|
                | Alpha (`alpha`) | 378001 | 368001 | -10000 |
                | Beta service (`beta-svc`) | 61517 | 71517 | +10000 |
                """), markdown.out());

        JsonNode json = JsonMapper.builder().build().readTree(review("json").out());
        assertEquals("pool licences", json.get("cost_changes").get(0).get("subject").asString());
        assertEquals("-10000", json.get("cost_impact").get("products").get(0).get("change").asString());
    }

    /**
     * On main alpha's finance.yaml ends in August, so its September (final bills) is not reported:
     * its operating cost there holds no labour. The pull request reports September and changes a
     * split; alpha is named apart rather than listed with its JPY 200,000 of labour as a change.
     */
    @Test
    void aProductWhoseBaseHadNotReportedTheMonthIsNamedApartNotComparedWithoutItsLabour() throws Exception {
        repo.git().checkout().setName("main").call();
        repo.replace("products/alpha/finance.yaml", "\"2026-09\"", "\"2026-08\"");
        repo.commit("Alpha's finance of September is not closed yet", "Ann", LocalDate.of(2026, 10, 6));
        repo.git().branchDelete().setBranchNames("change").setForce(true).call();
        repo.branch("change");
        repo.replace("products/alpha/finance.yaml", "\"2026-08\"", "\"2026-09\"");
        repo.replace("standards/costs.yaml", "{alpha: 70, beta-svc: 30}", "{alpha: 60, beta-svc: 40}");
        repo.commit("September closed; licences by seats", "Bo", LocalDate.of(2026, 11, 20));

        CliAccess.Run markdown = review("markdown");
        assertEquals(0, markdown.status(), markdown.out() + markdown.err());
        assertTrue(markdown.out().contains("""
                | Product | Before | After | Change |
                |---|---:|---:|---:|
                | Beta service (`beta-svc`) | 61517 | 71517 | +10000 |

                Not compared, as the base had not reported their finance for 2026-09 (the pull request reports \
                it, and its labour would read as a change of cost):

                - Alpha (`alpha`)
                """), markdown.out());
        assertFalse(markdown.out().contains("Other product files changed"), markdown.out());
        JsonNode impact = JsonMapper.builder().build().readTree(review("json").out()).get("cost_impact");
        assertEquals(1, impact.get("products").size(), impact.toString());
        assertEquals("alpha", impact.get("finance_not_reported_at_base").get(0).asString());
    }

    @Test
    void anInvalidHeadSaysTheCostsWereNotComparedRatherThanNothing() throws Exception {
        repo.replace("standards/costs.yaml", "{alpha: 70, beta-svc: 30}", "{alpha: 60, beta-svc: 40}");
        repo.write("products/beta-svc/phase.yaml", "phase: gaa\nsince: 2026-11-20\n");
        repo.commit("Licences by seats, and a typo", "Bo", LocalDate.of(2026, 11, 20));

        CliAccess.Run markdown = review("markdown");
        assertEquals(1, markdown.status(), markdown.out() + markdown.err());
        assertTrue(markdown.out().contains("""
                <details open><summary>Cost allocation</summary>

                ⚠️ not compared: the head has validation errors, so what this change does to each product's \
                costs is unknown; fix them to see it
                """), markdown.out());
        JsonNode json = JsonMapper.builder().build().readTree(review("json").out());
        assertTrue(json.get("cost_not_compared").asString().startsWith("not compared: the head"), json.toString());
    }

    @Test
    void anAccountMovedFromAPoolToAProductIsNamedOnBothSides() throws Exception {
        repo.replace("standards/costs.yaml",
                "      - {provider: aws, id: \"444444444444\"}\n    split: {method: even",
                "      - {provider: aws, id: \"333333333333\", name: shared-cluster}\n    split: {method: even");
        repo.replace("standards/costs.yaml",
                "      - {provider: aws, id: \"333333333333\", name: shared-cluster}\n    split: {method: usage",
                "      - {provider: aws, id: \"555555555555\"}\n    split: {method: usage");
        repo.replace("products/beta-svc/service-doc.yaml", "    id: \"222222222222\"\n",
                "    id: \"222222222222\"\n  - provider: aws\n    id: \"444444444444\"\n");
        repo.commit("The network account is beta-svc's", "Bo", LocalDate.of(2026, 11, 20));

        CliAccess.Run run = review("markdown");
        assertEquals(0, run.status(), run.out() + run.err());
        assertTrue(run.out().contains("- pool cluster: cost elements + aws:555555555555, − aws:333333333333"), run.out());
        assertTrue(run.out().contains("- pool network: cost elements + aws:333333333333, − aws:444444444444"), run.out());
        assertTrue(run.out().contains("- product beta-svc: cost elements + aws:444444444444 (`products/beta-svc/service-doc.yaml:"),
                run.out());
        // September, by hand: the cluster's USD 400 (JPY 60,000) is now split evenly, 30,000 each, instead of
        // 45,000 : 15,000 by usage; beta-svc's direct cost is USD 100.10 + 10.01 = 110.11 = JPY 16,516.5 -> 16,516
        // (half-even) instead of 15,015, and it no longer gets half of the network pool (751); monitoring's
        // JPY 3,000 in proportion to 45,000 : 16,516 gives 2,195 : 805 instead of 2,249 : 751.
        // alpha: 378,001 - 45,000 + 30,000 - 751 - 2,249 + 2,195 = 362,196
        // beta-svc: 61,517 + 1,501 - 15,000 + 30,000 - 751 - 751 + 805 = 77,321
        // (together 1 yen less: USD 10.01 was rounded alone in its pool, now within beta-svc's AWS bill)
        assertTrue(run.out().contains("| Alpha (`alpha`) | 378001 | 362196 | -15805 |"), run.out());
        assertTrue(run.out().contains("| Beta service (`beta-svc`) | 61517 | 77321 | +15804 |"), run.out());
        // beta-svc's Service Doc changed: counted, and not listed again below the cost section that shows it
        assertTrue(run.out().contains("| Products changed | 1 |"), run.out());
        assertFalse(run.out().contains("Other product files changed"), run.out());
    }

    /** A real deployment keeps the cost data on its own branch: the base has none, the head's checkout has it. */
    @Test
    void theBaseIsJudgedWithTheHeadsCostDataWhenItHasNone() throws Exception {
        repo.git().checkout().setName("main").call();
        repo.git().rm().addFilepattern("cost-data").call();
        repo.commit("Cost data moves to its branch", "Ann", LocalDate.of(2026, 10, 6));
        repo.branch("seats");
        for (Map.Entry<String, String> file : CostFixture.files().entrySet()) {
            if (file.getKey().startsWith("cost-data/")) {
                repo.write(file.getKey(), file.getValue()); // the worktree of the cost-data branch
            }
        }
        repo.replace("standards/costs.yaml", "{alpha: 70, beta-svc: 30}", "{alpha: 60, beta-svc: 40}");

        CliAccess.Run run = CliAccess.run("review", "--repo", repo.root().toString(), "--base", "main",
                "--as-of", "2026-11-24");
        assertEquals(0, run.status(), run.out() + run.err());
        assertTrue(run.out().contains("| Alpha (`alpha`) | 378001 | 368001 | -10000 |"), run.out());
    }

    /**
     * Valid files whose costs cannot be computed at head (monitoring split in proportion to
     * beta-svc's direct cost, which is gone in September): the head's cost-ledger error, the
     * same as validate's, blocks the pull request instead of the cost impact silently vanishing.
     */
    @Test
    void aHeadWhoseCostsCannotBeComputedBlocksWithValidatesError() throws Exception {
        repo.replace("standards/costs.yaml", "split: {method: proportional, targets: [alpha, beta-svc]}",
                "split: {method: proportional, targets: [beta-svc]}");
        repo.replace("cost-data/aws/2026-09.yaml", """
                  - element: {provider: aws, id: "222222222222", name: beta-prod}
                    amount: 100.10
                    currency: USD
                """, "");
        repo.commit("Monitoring follows beta-svc alone", "Bo", LocalDate.of(2026, 11, 20));

        CliAccess.Run json = review("json");
        assertEquals(1, json.status(), json.out() + json.err());
        JsonNode diagnostic = null;
        for (JsonNode d : JsonMapper.builder().build().readTree(json.out()).get("head_diagnostics")) {
            diagnostic = d.get("rule").asString().equals("cost-ledger") ? d : diagnostic;
        }
        assertTrue(diagnostic != null, json.out());
        assertEquals("error", diagnostic.get("severity").asString());
        assertEquals("standards/costs.yaml", diagnostic.get("file").asString());
        assertEquals("cost-ledger", diagnostic.get("rule").asString());
        assertEquals("the costs cannot be computed: shared pool 'monitoring' (proportional split) in 2026-09: the "
                + "targets [beta-svc] have no direct cost; nothing to be proportional to",
                diagnostic.get("message").asString());

        CliAccess.Run markdown = review("markdown");
        assertEquals(1, markdown.status(), markdown.out() + markdown.err());
        assertTrue(markdown.out().contains("not compared: the head has validation errors"), markdown.out());
    }
}
