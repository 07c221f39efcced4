package io.servicedocs.site;

import io.servicedocs.site.render.Messages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.servicedocs.GitFixture;
import io.servicedocs.cli.CliAccess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The site built from a git clone shows the history: product timelines, improvements, lead times. */
class SiteHistoryTest {

    @TempDir
    Path dir;

    private GitFixture scriptedHistory() throws Exception {
        Path template = SiteFixture.exampleWithSite(dir.resolve("template"));
        GitFixture repo = GitFixture.init(dir.resolve("repo"), template);
        repo.commit("Hoshimi's products", "Ann", LocalDate.of(2026, 3, 1));
        repo.write("products/data-api/phase.yaml", "phase: beta\nsince: 2026-06-15\n");
        repo.replace("products/data-api/assessment.yaml", "  load-testing:\n    level: 1", "  load-testing:\n    level: 2");
        repo.commit("data-api: beta", "Dee", LocalDate.of(2026, 6, 15));
        return repo;
    }

    @Test
    void showsTimelinesImprovementsAndLeadTimes() throws Exception {
        try (GitFixture repo = scriptedHistory()) {
            Path out = dir.resolve("site");
            CliAccess.Run run = SiteFixture.build(repo.root(), out);
            assertEquals(0, run.status(), run.err());
            String product = Files.readString(out.resolve("products/data-api.html"));
            assertTrue(product.contains("<td class=\"date\">2026-06-15</td><td>Limited release → Beta</td>"), "the promotion in the timeline");
            assertTrue(product.contains("<td>Dee</td>"), "its author");
            assertTrue(product.matches("(?s).*<td class=\"date\">2026-06-15</td><td><a href=\"#item-load-testing\">[^<]+</a></td><td>1 → 2 .*"),
                    "the level change");
            String improvements = Files.readString(out.resolve("improvements.html"));
            assertTrue(improvements.contains("<svg class=\"chart\""), "the trend chart");
            assertTrue(improvements.matches("(?s).*<th scope=\"row\" class=\"month\">FY2026 H1<br>.*?<td class=\"num\">1</td>.*"),
                    "one level increase in FY2026 H1 (April to September 2026)");
            String leadTimes = Files.readString(out.resolve("lead-times.html"));
            assertTrue(leadTimes.contains("<th scope=\"row\">Limited release → Beta</th><td class=\"num\">106.0</td>"), leadTimes);
        }
    }

    @Test
    void aShallowCloneSaysTheHistoryIsIncomplete() throws Exception {
        try (GitFixture repo = scriptedHistory()) {
            Path clone = dir.resolve("shallow");
            try (Git git = Git.cloneRepository().setURI(repo.root().toUri().toString()).setDirectory(clone.toFile())
                    .setDepth(1).call()) {
                Path out = dir.resolve("site");
                CliAccess.Run run = SiteFixture.build(clone, out);
                assertEquals(0, run.status(), run.err());
                assertTrue(run.err().contains("fetch-depth: 0"), run.err());
                Map<String, String> en = Messages.load(Path.of("templates"), "en");
                assertTrue(Files.readString(out.resolve("improvements.html")).contains(en.get("history.incomplete")));
            }
        }
    }
}
