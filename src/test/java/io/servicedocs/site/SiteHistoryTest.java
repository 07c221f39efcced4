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
        // after the example's declared past results (the last of 2026-09-30), as a company adopting it would
        repo.commit("Hoshimi's products", "Ann", LocalDate.of(2026, 10, 1));
        repo.write("products/data-api/phase.yaml", "phase: beta\nsince: 2026-11-02\nhistory:\n  - date: 2025-10-01\n"
                + "    to: poc\n  - date: 2026-07-01\n    from: poc\n    to: limited\n    reference: PRR-2026-014\n");
        repo.replace("products/data-api/assessment.yaml", "  load-testing:\n    level: 1", "  load-testing:\n    level: 2");
        repo.commit("data-api: beta", "Dee", LocalDate.of(2026, 11, 2));
        return repo;
    }

    @Test
    void showsTimelinesImprovementsAndLeadTimes() throws Exception {
        try (GitFixture repo = scriptedHistory()) {
            Path out = dir.resolve("site");
            CliAccess.Run run = SiteFixture.build(repo.root(), out);
            assertEquals(0, run.status(), run.err());
            String product = Files.readString(out.resolve("products/data-api.html"));
            // changed on purpose with the declared history (it was 2026-06-15 and 106.0, from commit dates alone):
            // the promotion is dated by its since, the earlier phases by phase.yaml's history
            assertTrue(product.contains("<td class=\"date\">2026-11-02</td><td>Limited release → Beta</td>"), "the promotion in the timeline");
            assertTrue(product.contains("<td>Dee</td>"), "its author");
            assertTrue(product.contains("<td class=\"date\">2026-07-01</td><td>Proof of concept → Limited release</td>"
                    + "<td>declared in phase.yaml</td><td>PRR-2026-014</td>"), "a declared transition with its reference");
            assertTrue(product.matches("(?s).*<td class=\"date\">2026-11-02</td><td><a href=\"#item-load-testing\">[^<]+</a></td><td>1 → 2 .*"),
                    "the level change");
            assertTrue(product.matches("(?s).*<td class=\"date\">2026-09-30</td><td><a href=\"#item-[a-z-]+\">[^<]+</a></td>"
                    + "<td>[^<]+<span aria-hidden=\"true\">⬆</span>.*?</td><td>past result in assessment.yaml</td>.*"),
                    "a declared past result's improvement");
            String improvements = Files.readString(out.resolve("improvements.html"));
            assertTrue(improvements.contains("<svg class=\"chart\""), "the trend chart");
            // its accessible name comes from the interface strings: a Japanese site names it in Japanese
            assertTrue(improvements.contains("<title id=\"chart-title\">" + io.servicedocs.site.render.Messages
                    .load(Path.of("templates"), "en").get("improvements.chart_title") + "</title>"), "the chart's title");
            Path japanese = dir.resolve("site-ja");
            assertEquals(0, io.servicedocs.cli.CliAccess.run("build", "--repo", repo.root().toString(), "--out",
                    japanese.toString(), "--as-of", "2026-11-24", "--language", "ja").status());
            assertTrue(Files.readString(japanese.resolve("improvements.html")).contains("<title id=\"chart-title\">"
                    + io.servicedocs.site.render.Messages.load(Path.of("templates"), "ja").get("improvements.chart_title")
                    + "</title>"), "the chart's title in Japanese");
            // the example's declared results: 30 increases in FY2025 H2 (6 products: 5 + 5 + 5 + 5 + 6 + 4)
            assertTrue(improvements.matches("(?s).*<th scope=\"row\" class=\"month\">FY2025 H2<br>.*?<td class=\"num\">30</td>.*"),
                    "thirty level increases in FY2025 H2 (October 2025 to March 2026)");
            assertTrue(improvements.matches("(?s).*<th scope=\"row\" class=\"month\">FY2026 H2<br>.*?<td class=\"num\">1</td>.*"),
                    "one level increase in FY2026 H2, the commit of 2026-11-02");
            String leadTimes = Files.readString(out.resolve("lead-times.html"));
            // limited -> beta: data-api 2026-07-01 -> 2026-11-02 = 124; declared: camera-analytics 2025-11-04 ->
            // 2026-05-11 = 188, device-management 2023-06-01 -> 2023-12-01 = 183, factory-monitor 2024-09-02 ->
            // 2025-01-15 = 135, remote-support 2025-08-01 -> 2026-02-16 = 199; median of 124, 135, 183, 188, 199 = 183
            assertTrue(leadTimes.contains("<th scope=\"row\">Limited release → Beta</th><td class=\"num\">183.0</td>"), leadTimes);
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
