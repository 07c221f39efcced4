package io.servicedocs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.servicedocs.GitFixture;
import io.servicedocs.history.HistoryStory;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class HistoryCommandTest {

    @TempDir
    static Path dir;

    private static Path story;

    @BeforeAll
    static void writeTheStory() throws Exception {
        story = dir.resolve("story");
        try (GitFixture repo = HistoryStory.write(story)) {
            // written and committed
        }
    }

    @Test
    void textShowsTimelinesLeadTimesImprovementsAndShares() {
        CliRun run = CliRun.of("history", "--repo", story.toString(), "--as-of", "2026-11-24");
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains("(8 commits, first parent only), as of 2026-11-24; fiscal years start in April"),
                run.out());
        assertTrue(run.out().contains("  alpha (products/alpha): now ga\n"), run.out());
        assertTrue(run.out().matches("(?s).*    2025-08-01  poc -> beta +[0-9a-f]{10}  Bob\n.*"), run.out());
        assertTrue(run.out().contains("    days in phase: poc 113, beta 184, ga 296\n    lead time to ga: 297 days\n"));
        assertTrue(run.out().contains("  beta-svc (products/beta-renamed): now beta\n"));
        assertTrue(run.out().contains("  gamma (products/gamma): deleted on 2026-07-01\n"));
        assertTrue(run.out().contains("  poc->beta median: 148.5\n"), run.out());
        assertTrue(run.out().contains("  FY2025 H2: 3; by product: alpha 2, beta-svc 1; by category: availability 2, backup 1\n"));
        assertTrue(run.out().matches("(?s).*  FY2025 H2 \\(commit [0-9a-f]{10}, judged on 2026-03-31\\): overall 6/8 "
                + "\\(75.0%\\); alpha 3/4 \\(75.0%\\), beta-svc 2/2 \\(100.0%\\), gamma 1/2 \\(50.0%\\)\n.*"), run.out());
        assertTrue(run.err().matches("servicedocs: warning: commit [0-9a-f]{10}: products/alpha/phase.yaml: skipped, "
                + "invalid at this commit: .*\n"), run.err());
    }

    /** A binary item's level change reads "not met -> met"; a level item's keeps its numbers. */
    @Test
    void aBinaryItemsChangeReadsNotMetToMet() throws Exception {
        Path template = io.servicedocs.TestRepositories.minimalCopy(dir.resolve("binary-template"));
        Files.writeString(template.resolve("standards/quality-items.yaml"),
                Files.readString(template.resolve("standards/quality-items.yaml"))
                        + "  - id: status-page\n    category: availability\n    kind: binary\n    title: Status page\n"
                        + "    description: Customers learn about outages from us.\n"
                        + "    criteria: The product has a component on the status page.\n    required_from: ga\n");
        String alpha = "products/alpha/assessment.yaml";
        Files.writeString(template.resolve(alpha), Files.readString(template.resolve(alpha))
                .replaceFirst("items:\n", "items:\n  status-page:\n    met: false\n"));
        try (GitFixture repo = GitFixture.init(dir.resolve("binary"), template)) {
            repo.commit("Initial", "Ann", java.time.LocalDate.of(2026, 9, 1));
            repo.replace(alpha, "  status-page:\n    met: false\n", "  status-page:\n    met: true\n    evidence:\n"
                    + "      - title: Status page\n        url: https://status.example.com/alpha\n");
            repo.replace("products/beta-svc/assessment.yaml", "slo:\n    level: 1", "slo:\n    level: 2");
            repo.commit("A status page; a better SLO", "Bob", java.time.LocalDate.of(2026, 10, 1));
            CliRun run = CliRun.of("history", "--repo", repo.root().toString(), "--as-of", "2026-11-24");
            assertEquals(0, run.status(), run.err());
            assertTrue(run.out().matches("(?s).*\n  2026-10-01  alpha                status-page              not met -> met"
                    + "  [0-9a-f]{10}  Bob\n.*"), run.out());
            assertTrue(run.out().matches("(?s).*\n  2026-10-01  beta-svc             slo                      1 -> 2"
                    + "  [0-9a-f]{10}  Bob\n.*"), run.out());
        }
    }

    @Test
    void jsonWithAJanuaryFiscalYear() {
        CliRun run = CliRun.of("history", "--repo", story.toString(), "--as-of", "2026-11-24", "--format", "json",
                "--fiscal-year-start", "1");
        assertEquals(0, run.status(), run.err());
        JsonNode json = JsonMapper.builder().build().readTree(run.out());
        assertEquals(297, json.at("/leadTimes/perProduct/alpha").asInt());
        assertEquals("FY2026 H1", json.at("/improvements/2/period/name").asString());
        assertEquals(1, json.at("/improvements/2/total").asInt());
        assertEquals("2025-08-01", json.at("/products/0/phaseChanges/1/date").asString());
        assertEquals("Bob", json.at("/products/0/phaseChanges/1/author").asString());
    }

    @Test
    void aShallowCloneIsWarnedAboutWithTheFix() throws Exception {
        Path clone = dir.resolve("shallow");
        try (Git git = Git.cloneRepository().setURI(story.toUri().toString()).setDirectory(clone.toFile())
                .setDepth(1).call()) {
            CliRun run = CliRun.of("history", "--repo", clone.toString(), "--as-of", "2026-11-24");
            assertEquals(0, run.status(), run.err());
            assertTrue(run.err().contains("fetch-depth: 0"), run.err());
            assertTrue(run.out().contains("INCOMPLETE: "), run.out());
        }
    }

    @Test
    void usageAndIoProblemsExitTwo() throws Exception {
        Path plain = Files.createDirectories(dir.resolve("plain"));
        CliRun notGit = CliRun.of("history", "--repo", plain.toString());
        assertEquals(2, notGit.status());
        assertTrue(notGit.err().contains("is not a git repository"), notGit.err());
        assertEquals(2, CliRun.of("history", "--repo", story.toString(), "--fiscal-year-start", "13").status());
        CliRun noRef = CliRun.of("history", "--repo", story.toString(), "--ref", "no-such-branch");
        assertEquals(2, noRef.status());
        assertEquals("servicedocs: no commit found at no-such-branch in " + story, noRef.err().strip());
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Git.init().setDirectory(empty.toFile()).call().close();
        CliRun noCommit = CliRun.of("history", "--repo", empty.toString());
        assertEquals(2, noCommit.status());
        assertEquals("servicedocs: no commit found at main, origin/main, HEAD in " + empty, noCommit.err().strip());
    }
}
