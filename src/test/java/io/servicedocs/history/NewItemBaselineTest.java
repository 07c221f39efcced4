package io.servicedocs.history;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.servicedocs.GitFixture;
import io.servicedocs.TestRepositories;
import io.servicedocs.cli.CliAccess;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** An item the standard adds is answered by every product: that is a baseline, not an improvement. */
class NewItemBaselineTest {

    @TempDir
    Path dir;

    @Test
    void answeringANewItemIsNotAnImprovementButRaisingItLaterIs() throws Exception {
        try (GitFixture repo = GitFixture.init(dir.resolve("repo"), TestRepositories.MINIMAL)) {
            repo.commit("Initial", "Ann", LocalDate.of(2026, 4, 10));
            repo.write("standards/quality-items.yaml", java.nio.file.Files.readString(repo.root().resolve(
                    "standards/quality-items.yaml")) + "  - id: runbooks\n    category: availability\n    title: Runbooks\n"
                    + "    description: Runbooks exist.\n    levels:\n      - level: 0\n        title: None\n        criteria: None.\n"
                    + "      - level: 1\n        title: Written\n        criteria: Written.\n"
                    + "      - level: 2\n        title: Drilled\n        criteria: Drilled.\n    required: {}\n");
            for (String product : new String[] {"alpha", "beta-svc"}) {
                repo.replace("products/" + product + "/assessment.yaml", "  backup-restore:", "  runbooks:\n    level: 1\n  backup-restore:");
            }
            repo.commit("New item: runbooks", "Board", LocalDate.of(2026, 5, 10));
            repo.replace("products/alpha/assessment.yaml", "  runbooks:\n    level: 1", "  runbooks:\n    level: 2");
            repo.commit("alpha drilled its runbooks", "Bob", LocalDate.of(2026, 6, 10));

            CliAccess.Run run = CliAccess.run("history", "--repo", repo.root().toString(), "--as-of", "2026-11-24",
                    "--format", "json");
            assertEquals(0, run.status(), run.err());
            JsonNode history = JsonMapper.builder().build().readTree(run.out());
            long increases = history.get("improvements").valueStream().mapToLong(i -> i.get("total").asLong()).sum();
            assertEquals(1, increases, "only alpha's 1 -> 2: " + history.get("improvements"));
        }
    }
}
