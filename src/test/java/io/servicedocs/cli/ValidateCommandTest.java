package io.servicedocs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.servicedocs.TestRepositories;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ValidateCommandTest {

    @TempDir
    Path dir;

    private Path brokenRepository() throws IOException {
        Path repo = TestRepositories.minimalCopy(dir);
        Files.writeString(repo.resolve("products/alpha/phase.yaml"), "phase: gaa\nsince: 2026-01-10\n");
        Files.writeString(repo.resolve("products/beta-svc/assessment.yaml"),
                "assessed_on: 2026-01-15\nassessed_by: Dee\nitems:\n  slo:\n    level: 1\n  backup-restore:\n    level: 0\n");
        return repo;
    }

    @Test
    void aValidRepositoryExitsZero() {
        CliRun run = CliRun.of("validate", "--repo", TestRepositories.MINIMAL.toString(), "--as-of", "2026-11-24");
        assertEquals(0, run.status(), run.err());
        assertEquals("valid: 0 error(s), 0 warning(s); 2 product(s) fully loaded\n", run.out());
    }

    @Test
    void textNamesFileLineColumnAndRuleSortedByFile() throws IOException {
        Path repo = brokenRepository();
        CliRun run = CliRun.of("validate", "--repo", repo.toString(), "--as-of", "2026-11-24");
        assertEquals(1, run.status());
        String prefix = repo.toRealPath() + "/";
        assertEquals(prefix + "products/alpha/phase.yaml:1:8: error: unknown phase 'gaa'; did you mean 'ga'? expected one of: poc, beta, ga, sunset "
                + "[unknown-phase]\n"
                + prefix + "products/beta-svc/assessment.yaml:1:14: warning: assessment of 2026-01-15 is older than the "
                + "review interval P6M; review every level and update assessed_on [assessment-stale]\n"
                + "invalid: 1 error(s), 1 warning(s); 2 product(s) fully loaded\n", run.out());
    }

    @Test
    void warningsAloneKeepTheExitStatusZero() throws IOException {
        Path repo = TestRepositories.minimalCopy(dir);
        CliRun run = CliRun.of("validate", "--repo", repo.toString(), "--as-of", "2027-04-15");
        assertTrue(run.out().contains("[assessment-stale]"), run.out());
        assertEquals(0, run.status(), run.out());
    }

    @Test
    void githubFormatPrintsWorkflowAnnotations() throws IOException {
        Path repo = brokenRepository();
        CliRun run = CliRun.of("validate", "--repo", repo.toString(), "--as-of", "2026-11-24", "--format", "github");
        assertEquals(1, run.status());
        String file = repo.toRealPath() + "/products/alpha/phase.yaml";
        assertTrue(run.out().startsWith("::error file=" + file + ",line=1,col=8,title=servicedocs unknown-phase::"
                + "unknown phase 'gaa'; did you mean 'ga'? expected one of: poc, beta, ga, sunset\n"), run.out());
        assertTrue(run.out().contains("::warning file="), run.out());
    }

    @Test
    void githubFormatAnnotatesTenErrorsAndCountsTheRest() throws IOException {
        Path repo = TestRepositories.minimalCopy(dir);
        for (int i = 0; i < 12; i++) {
            Path product = repo.resolve("products/alpha-" + i);
            Files.createDirectories(product);
            for (Path file : Files.list(repo.resolve("products/alpha")).toList()) {
                Files.copy(file, product.resolve(file.getFileName()));
            }
            Files.writeString(product.resolve("phase.yaml"), "phase: gaa\nsince: 2026-01-10\n");
        }
        CliRun run = CliRun.of("validate", "--repo", repo.toString(), "--as-of", "2026-11-24", "--format", "github");
        assertEquals(1, run.status());
        List<String> lines = run.out().lines().toList();
        // errors first (the folder-name errors and unknown phases), ten of them, then the warnings
        assertEquals(10, lines.stream().filter(l -> l.startsWith("::error ")).count(), run.out());
        assertTrue(lines.subList(0, 10).stream().allMatch(l -> l.startsWith("::error ")), run.out());
        String count = lines.stream().filter(l -> l.startsWith("servicedocs: ")).findFirst().orElseThrow();
        long errors = CliRun.of("validate", "--repo", repo.toString(), "--as-of", "2026-11-24").out().lines()
                .filter(l -> l.contains(": error: ")).count();
        assertTrue(count.startsWith("servicedocs: " + (errors - 10) + " errors"), count);
        assertTrue(count.endsWith("not annotated (GitHub shows at most 10 of each level per step); "
                + "./servicedocs validate lists all of them."), count);
    }

    @Test
    void githubAnnotationsEscapeNewlinesAndPercent() throws IOException {
        Path repo = TestRepositories.minimalCopy(dir);
        Files.writeString(repo.resolve("products/alpha/phase.yaml"), "phase: \"100%\\nga\"\nsince: 2026-01-10\n");
        CliRun run = CliRun.of("validate", "--repo", repo.toString(), "--as-of", "2026-11-24", "--format", "github");
        assertTrue(run.out().contains("'100%25%0Aga'"), run.out());
    }

    @Test
    void jsonFormatIsMachineReadable() throws IOException {
        Path repo = brokenRepository();
        CliRun run = CliRun.of("validate", "--repo", repo.toString(), "--as-of", "2026-11-24", "--format", "json");
        assertEquals(1, run.status());
        JsonNode report = JsonMapper.builder().build().readTree(run.out());
        assertEquals(1, report.get("errors").asInt());
        assertEquals(1, report.get("warnings").asInt());
        JsonNode first = report.get("diagnostics").get(0);
        assertEquals("error", first.get("severity").asString());
        assertEquals(1, first.get("line").asInt());
        assertEquals(8, first.get("column").asInt());
        assertEquals("unknown-phase", first.get("rule").asString());
        assertTrue(first.get("file").asString().endsWith("products/alpha/phase.yaml"));
    }

    @Test
    void usageAndIoProblemsExitTwo() {
        assertEquals(2, CliRun.of("validate", "--format", "xml").status());
        assertEquals(2, CliRun.of("validate", "--no-such-option").status());
        CliRun missing = CliRun.of("validate", "--repo", dir.resolve("nowhere").toString());
        assertEquals(2, missing.status());
        assertTrue(missing.err().startsWith("servicedocs: "), missing.err());
        assertTrue(!missing.err().contains("\tat "), "no stack trace: " + missing.err());
    }

    @Test
    void aFolderThatIsNoRepositoryIsADataError() {
        CliRun run = CliRun.of("validate", "--repo", dir.toString());
        assertEquals(1, run.status());
        assertTrue(run.out().contains("[not-a-repository]"), run.out());
    }

    @Test
    void everyCommandHasHelp() {
        for (String command : new String[] {"validate", "new-product"}) {
            CliRun run = CliRun.of(command, "--help");
            assertEquals(0, run.status());
            assertTrue(run.out().contains("Usage: servicedocs " + command), run.out());
        }
    }

    /** Valid files whose costs still cannot be computed without a guess: validate says so, build keeps the old site. */
    @Test
    void costsThatCannotBeComputedAreAnErrorOfValidateAndBuild() throws IOException {
        Path repo = monitoringProportionalToBetaSvcWithoutCostInSeptember();
        CliRun run = CliRun.of("validate", "--repo", repo.toString(), "--as-of", "2026-11-24");
        assertEquals(1, run.status(), run.out());
        assertTrue(run.out().contains("standards/costs.yaml:1:1: error: the costs cannot be computed: shared pool "
                + "'monitoring' (proportional split) in 2026-09: the targets [beta-svc] have no direct cost; nothing to "
                + "be proportional to [cost-ledger]"), run.out());

        CliRun build = CliRun.of("build", "--repo", repo.toString(), "--out", dir.resolve("site").toString(),
                "--as-of", "2026-11-24");
        assertEquals(1, build.status(), build.out());
        assertTrue(build.err().contains("servicedocs: build failed: the costs cannot be computed: shared pool 'monitoring'"),
                build.err());
        assertTrue(Files.notExists(dir.resolve("site")), "nothing is published");
    }

    /**
     * Two months that cannot be computed: the months are allocated side by side, and the error is
     * still the first month's in month order, whichever failed first (asked a few times, since
     * which thread ends first varies).
     */
    @Test
    void ofMonthsThatCannotBeComputedTheEarliestIsTheError() throws IOException {
        Path repo = monitoringProportionalToBetaSvcWithoutCostInSeptember();
        // nor in October
        io.servicedocs.CostFixture.write(repo, "cost-data/aws/2026-10.yaml", io.servicedocs.CostFixture.AWS_2026_10
                .replace("""
                          - element: {provider: aws, id: "222222222222", name: beta-prod}
                            amount: 100.00
                            currency: USD
                        """, ""));
        // and the monitoring pool is billed in October too (the fixture bills it in September only)
        io.servicedocs.CostFixture.write(repo, "cost-data/saas/2026-10.yaml", io.servicedocs.CostFixture.SAAS_2026_09
                .replace("month: \"2026-09\"", "month: \"2026-10\"").replace("status: final", "status: provisional")
                .replace("retrieved: 2026-10-06T09:00:00Z", "retrieved: 2026-10-29T09:00:00Z"));
        assertTrue(Files.readString(repo.resolve("cost-data/saas/2026-10.yaml")).contains("month: \"2026-10\""));
        for (int i = 0; i < 4; i++) {
            CliRun run = CliRun.of("validate", "--repo", repo.toString(), "--as-of", "2026-11-24");
            assertEquals(1, run.status(), run.out());
            assertTrue(run.out().contains("error: the costs cannot be computed: shared pool 'monitoring' (proportional "
                    + "split) in 2026-09: the targets [beta-svc] have no direct cost"), run.out());
            assertFalse(run.out().contains("in 2026-10:"), run.out());
        }
    }

    /**
     * The cost fixture with the monitoring pool split in proportion to beta-svc's direct cost
     * alone, and beta-svc without a direct cost in September: that month cannot be computed.
     */
    private Path monitoringProportionalToBetaSvcWithoutCostInSeptember() throws IOException {
        Path repo = io.servicedocs.CostFixture.repository(dir);
        io.servicedocs.CostFixture.write(repo, "standards/costs.yaml", io.servicedocs.CostFixture.COSTS
                .replace("split: {method: proportional, targets: [alpha, beta-svc]}",
                        "split: {method: proportional, targets: [beta-svc]}"));
        io.servicedocs.CostFixture.write(repo, "cost-data/aws/2026-09.yaml", io.servicedocs.CostFixture.AWS_2026_09
                .replace("""
                          - element: {provider: aws, id: "222222222222", name: beta-prod}
                            amount: 100.10
                            currency: USD
                        """, ""));
        return repo;
    }
}
