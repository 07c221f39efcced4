package io.servicedocs.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.servicedocs.cli.CliAccess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The build command on copies of the example: what it writes, what it refuses, what it keeps. */
class SiteBuildTest {

    @TempDir
    Path dir;

    @Test
    void buildsEveryPageAndExport() throws IOException {
        Path repo = SiteFixture.exampleWithSite(dir);
        Path out = dir.resolve("site");
        CliAccess.Run run = SiteFixture.build(repo, out);
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().startsWith("Built "), run.out());
        for (String page : List.of("index.html", "readiness.html", "security.html", "teams.html", "standard/phases.html",
                "standard/items.html", "standard/checklist.html", "products/data-api.html", "guides/editing.html",
                "api/products.json", "api/matrix.csv", "badges/data-api.svg", "css/site.css", "js/site.js")) {
            assertTrue(Files.isRegularFile(out.resolve(page)), page);
        }
        JsonNode products = SiteFixture.exportedProducts(out);
        assertEquals(9, products.size());
        JsonNode dataApi = products.valueStream().filter(p -> p.get("id").asString().equals("data-api"))
                .findFirst().orElseThrow();
        assertTrue(dataApi.get("ready_for_next").asBoolean());
        assertEquals("beta", dataApi.get("next").get("phase").asString());
        // SLOs (issue 16): declared in slos.yaml, a latency template's threshold shown as target_ms
        assertEquals(List.of("api-availability 99.9 availability null", "query-latency 99 latency 800"),
                dataApi.get("slos").valueStream().map(s -> s.get("id").asString() + " " + s.get("target_percent").asString()
                        + " " + s.get("type").asString() + " " + s.get("target_ms").asString("null")).toList());
        String items = Files.readString(out.resolve("standard/items.html"));
        assertTrue(items.contains("<section id=\"sli-templates\" class=\"section\">") && items.contains("id=\"sli-latency\"")
                && items.contains("<code>sum(http_request_duration_seconds_bucket{job=&quot;{{job}}&quot;,le=&quot;{{threshold_seconds}}&quot;})</code>"),
                "the standard's page shows the SLI templates with their queries");
        List<String> csv = Files.readAllLines(out.resolve("api/matrix.csv"));
        assertEquals(10, csv.size(), "a header and a row per product");
        assertTrue(csv.get(0).startsWith("product,name,phase,tier,team,requirements,satisfied,percent_satisfied,meets_phase,"));
        String badge = Files.readString(out.resolve("badges/data-api.svg"));
        assertTrue(badge.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"") && badge.contains("aria-label="), badge);
        try (Stream<Path> siblings = Files.list(dir)) {
            assertFalse(siblings.anyMatch(p -> p.getFileName().toString().startsWith(".site.")), "no staging folder left");
        }
    }

    @Test
    void theMatrixIsCompleteWithoutJavaScript() throws IOException {
        Path repo = SiteFixture.exampleWithSite(dir);
        Path out = dir.resolve("site");
        assertEquals(0, SiteFixture.build(repo, out).status());
        String index = Files.readString(out.resolve("index.html"));
        assertEquals(9, index.split("<tr[^>]* data-product=\"", -1).length - 1, "every product row is in the HTML");
        assertTrue(index.matches("(?s).*<form[^>]*id=\"matrix-filters\"[^>]*hidden.*"),
                "the filters, which need JavaScript, are hidden until site.js shows them");
        int cells = index.split("<td[^>]* data-category=\"", -1).length - 1;
        assertEquals(9 * 22, cells, "a cell per product and quality item");
        // ops-console: backup-restore answered not applicable by the team; capacity-planning excluded by the
        // standard (applies_if demand_metric, which it does not set): their own symbol and text, no level
        assertTrue(index.contains("<td data-category=\"backup-recovery\" class=\"cell s-not-applicable\">\n"
                + "        <a href=\"products/ops-console.html#item-backup-restore\" class=\"cell-link\">\n"
                + "          <span class=\"sym\" aria-hidden=\"true\">⊘</span><span class=\"lvl\" aria-hidden=\"true\">n/a</span>\n"
                + "          <span class=\"sr-only\">Backup and restore: Not applicable (Answered not applicable by the team)</span>"),
                index);
        assertTrue(index.contains("<span class=\"sr-only\">Capacity planning: Not applicable (The standard says it does "
                + "not apply)</span>"), index);
        assertEquals(2, index.split("class=\"cell s-not-applicable\"", -1).length - 1, "no other item is not applicable");
        assertTrue(index.contains("<span class=\"chip s-not-applicable\"><span aria-hidden=\"true\">⊘</span></span> "
                + "<span>Does not apply to the product: not a requirement</span>"), "in the legend");
        String opsConsole = Files.readString(out.resolve("products/ops-console.html"));
        assertTrue(opsConsole.contains("<span class=\"status s-not-applicable\"><span class=\"sym\" aria-hidden=\"true\">⊘"
                + "</span> Not applicable</span>"), opsConsole);
        assertTrue(opsConsole.contains("<p class=\"na-reason\"><span class=\"plan-label\">Not applicable:</span> Stores no "
                + "customer data, only staff&#39;s saved searches, which can be recreated.</p>"), opsConsole);
        assertTrue(opsConsole.contains("The standard says it does not apply (applies when the Service Doc sets "
                + "<code>demand_metric</code>)"), opsConsole);
        assertTrue(Files.readString(out.resolve("standard/items.html")).contains("<p class=\"applies-if\">Applies only to "
                + "products whose Service Doc sets <code>demand_metric</code></p>"), "the standard's page says when it applies");
    }

    /** The example's binary items (status-page, licence-review) read met / not met, never "1/1". */
    @Test
    void binaryItemsReadMetOrNotMetAndTheirPlansMetByDate() throws IOException {
        Path repo = SiteFixture.exampleWithSite(dir);
        Path out = dir.resolve("site");
        assertEquals(0, SiteFixture.build(repo, out).status());
        String camera = Files.readString(out.resolve("products/camera-analytics.html"));
        String row = camera.substring(camera.indexOf("<tr id=\"item-status-page\""));
        row = row.substring(0, row.indexOf("</tr>"));
        assertTrue(row.contains("<td class=\"nowrap\"><strong>not met</strong></td>\n        <td>not required</td>"), row);
        assertTrue(row.contains("must be met <span class=\"status s-misses\">"), "misses in the next phase (ga): " + row);
        assertTrue(row.contains("met by <time datetime=\"2027-02-26\">2027-02-26</time>"), row);
        assertFalse(row.contains("/1"), "no level out of 1: " + row);
        assertTrue(camera.contains("<a href=\"#item-status-page\">Status page component</a>: not met (required from"
                + " General availability)</li>"), "the next phase's gap list");
        String items = Files.readString(out.resolve("standard/items.html"));
        String card = items.substring(items.indexOf("<article class=\"item-card\" id=\"licence-review\""));
        card = card.substring(0, card.indexOf("</article>"));
        assertTrue(card.contains("<h4>Met when</h4>"), card);
        assertFalse(card.contains("class=\"data levels\""), "no level table: " + card);
        assertTrue(card.contains("<span class=\"req req-1\">must be met</span>"), card);
        // the overview of requirements too: words, not 0 / 1
        String overview = items.substring(items.indexOf("<tr><th scope=\"row\"><a href=\"#licence-review\">"));
        overview = overview.substring(0, overview.indexOf("</tr>"));
        assertEquals(List.of("not required", "not required", "must be met", "must be met", "must be met"),
                java.util.regex.Pattern.compile("<span class=\"req req-[01]\">([^<]*)</span>").matcher(overview)
                        .results().map(m -> m.group(1)).toList(), "poc, beta... sunset: " + overview);
        String tiered = items.substring(items.indexOf("<tr><th scope=\"row\"><a href=\"#status-page\">"));
        tiered = tiered.substring(0, tiered.indexOf("</tr>"));
        assertTrue(tiered.contains("<abbr title=\"Critical\">T1</abbr> must be met</span>"), tiered);
        assertFalse(overview.matches("(?s).*\"req req-[01]\">[01]<.*") || tiered.matches("(?s).*</abbr> [01]<.*"),
                "no number for a binary item: " + overview + tiered);
        String index = Files.readString(out.resolve("index.html"));
        assertTrue(index.contains("<span class=\"sr-only\">Status page component: met, must be met, Meets</span>"),
                "a matrix cell of a ga product");
    }

    /**
     * A binary item can be not applicable like any other: answered so by the team (camera-analytics'
     * status-page, instead of met: false) or excluded by the standard's applies_if (licence-review
     * made to apply only with a demand_metric, which ops-console does not set). Both read "n/a" and
     * "Not applicable", never "not met", and are no gap.
     */
    @Test
    void aBinaryItemCanBeNotApplicableAndReadsNotApplicableNotNotMet() throws IOException {
        Path repo = SiteFixture.exampleWithSite(dir);
        Path assessment = repo.resolve("products/camera-analytics/assessment.yaml");
        String answer = "  status-page:\n    met: false\n    plan:\n      due: 2027-02-26\n";
        assertTrue(Files.readString(assessment).contains(answer), "the example's answer is in place");
        Files.writeString(assessment, Files.readString(assessment).replace(answer, "  status-page:\n    not_applicable:\n"
                + "      reason: Runs only inside customers' networks; its users never see our status page.\n"));
        Path items = repo.resolve("standards/quality-items.yaml");
        String licence = "    required_from: beta\n\n  # --- Cost visibility";
        assertTrue(Files.readString(items).contains(licence), "licence-review is in place");
        Files.writeString(items, Files.readString(items).replace(licence,
                "    required_from: beta\n    applies_if:\n      service_doc: demand_metric\n\n  # --- Cost visibility"));
        Path out = dir.resolve("site");
        CliAccess.Run run = SiteFixture.build(repo, out);
        assertEquals(0, run.status(), run.err());

        String index = Files.readString(out.resolve("index.html"));
        assertTrue(index.contains("<a href=\"products/camera-analytics.html#item-status-page\" class=\"cell-link\">\n"
                + "          <span class=\"sym\" aria-hidden=\"true\">⊘</span><span class=\"lvl\" aria-hidden=\"true\">n/a</span>\n"
                + "          <span class=\"sr-only\">Status page component: Not applicable (Answered not applicable by the team)"
                + "</span>"), index);
        assertTrue(index.contains("<a href=\"products/ops-console.html#item-licence-review\" class=\"cell-link\">\n"
                + "          <span class=\"sym\" aria-hidden=\"true\">⊘</span><span class=\"lvl\" aria-hidden=\"true\">n/a</span>\n"
                + "          <span class=\"sr-only\">Dependency licences reviewed: Not applicable (The standard says it does not"
                + " apply)</span>"), index);
        assertEquals(4, index.split("class=\"cell s-not-applicable\"", -1).length - 1,
                "the example's two, and these two");

        String camera = Files.readString(out.resolve("products/camera-analytics.html"));
        String row = camera.substring(camera.indexOf("<tr id=\"item-status-page\""));
        row = row.substring(0, row.indexOf("</tr>"));
        assertTrue(row.contains("<td class=\"nowrap\"><span class=\"muted\" aria-hidden=\"true\">–</span>"
                + "<span class=\"sr-only\">Not applicable</span></td>\n        <td>not required</td>"), row);
        assertTrue(row.contains("<span class=\"plan-label\">Not applicable:</span> Runs only inside customers&#39;"
                + " networks; its users never see our status page.</p>"), row);
        assertFalse(row.contains("not met"), "no 'not met' for a not-applicable binary item: " + row);
        assertFalse(row.contains("s-misses"), "no gap in the next phase either: " + row);
        assertFalse(camera.contains("<a href=\"#item-status-page\">"), "in no gap list");
        String ops = Files.readString(out.resolve("products/ops-console.html"));
        String opsRow = ops.substring(ops.indexOf("<tr id=\"item-licence-review\""));
        opsRow = opsRow.substring(0, opsRow.indexOf("</tr>"));
        assertTrue(opsRow.contains("The standard says it does not apply (applies when the Service Doc sets "
                + "<code>demand_metric</code>)"), opsRow);
        assertFalse(opsRow.contains("not met"), opsRow);

        JsonNode statusPage = null;
        for (JsonNode product : SiteFixture.exportedProducts(out)) {
            if (product.get("id").asString().equals("camera-analytics")) {
                for (JsonNode item : product.get("current").get("items")) {
                    if (item.get("id").asString().equals("status-page")) {
                        statusPage = item;
                    }
                }
            }
        }
        assertTrue(statusPage != null, "camera-analytics' status-page is exported");
        assertTrue(statusPage.get("binary").asBoolean(), statusPage.toString());
        assertEquals("not-applicable", statusPage.get("status").asString(), statusPage.toString());
        assertEquals(0, statusPage.get("level").asInt(), statusPage.toString());
        assertTrue(statusPage.get("plan").isNull(), statusPage.toString());
    }

    @Test
    void asciidocCannotIncludeFilesOfTheBuildMachine() throws IOException {
        Path repo = SiteFixture.exampleWithSite(dir);
        Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET-RELATIVE\n");
        Files.writeString(repo.resolve("secret.txt"), "TOP-SECRET-INSIDE\n");
        Files.writeString(repo.resolve("content/attack.adoc"), "= Attack\n\ninclude::../../secret.txt[]\n\n"
                + "include::../secret.txt[]\n\ninclude::" + dir.resolve("secret.txt").toAbsolutePath() + "[]\n\n"
                + "include::/etc/hostname[]\n");
        Path serviceDoc = repo.resolve("products/data-api/service-doc.yaml");
        String doc = Files.readString(serviceDoc);
        String attack = "description: |\n  Before.\n\n  include::../../../secret.txt[]\n\n  include::/etc/passwd[]\n";
        Files.writeString(serviceDoc, doc.replaceFirst("(?m)^description: (>-|\\|)\\n(  .*\\n|\\n)*", attack));
        assertTrue(Files.readString(serviceDoc).contains("include::/etc/passwd[]"), "the attack is in place");
        Path out = dir.resolve("site");
        CliAccess.Run run = SiteFixture.build(repo, out);
        assertEquals(0, run.status(), run.err());
        String hostname = Files.readString(Path.of("/etc/hostname")).trim();
        String guide = Files.readString(out.resolve("guides/attack.html"));
        String product = Files.readString(out.resolve("products/data-api.html"));
        for (String page : List.of(guide, product)) {
            assertFalse(page.contains("TOP-SECRET"), "a relative include was inlined");
            assertFalse(page.contains("root:x:0:0"), "/etc/passwd was inlined");
        }
        assertFalse(guide.contains(">" + hostname + "<"), "/etc/hostname was inlined");
        assertTrue(product.contains("Before."), "the rest of the description is shown");
    }

    @Test
    void aGuideWithRawHtmlPassthroughIsRefused() throws IOException {
        Path repo = SiteFixture.exampleWithSite(dir);
        Files.writeString(repo.resolve("content/attack.adoc"), "= Attack\n\nHello.\n\n++++\n<script>alert(1)</script>\n++++\n");
        CliAccess.Run run = SiteFixture.build(repo, dir.resolve("site"));
        assertEquals(1, run.status());
        assertTrue(run.err().contains("content/attack.adoc:5: AsciiDoc passthrough '++++' would copy raw HTML into the site"),
                run.err());
    }

    @Test
    void asciidocCannotCarryScriptsIntoTheSite() throws IOException {
        Path repo = SiteFixture.exampleWithSite(dir);
        Files.writeString(repo.resolve("content/links.adoc"), "= Links\n\nSee link:javascript:alert(1)[this] and "
                + "link:https://example.com/ok[that] and <<links,here>>.\n\n[[links]]\n== Links\n\n"
                + "image::javascript:alert(2)[x]\n");
        Path serviceDoc = repo.resolve("products/data-api/service-doc.yaml");
        Files.writeString(serviceDoc, Files.readString(serviceDoc).replaceFirst("(?m)^description: (>-|\\|)\\n(  .*\\n|\\n)*",
                "description: \"Docs: link:javascript:alert(3)[open] and https://example.com/docs[docs]\"\n"));
        Path out = dir.resolve("site");
        CliAccess.Run run = SiteFixture.build(repo, out);
        assertEquals(0, run.status(), run.err());
        String guide = Files.readString(out.resolve("guides/links.html"));
        String product = Files.readString(out.resolve("products/data-api.html"));
        for (String page : List.of(guide, product)) {
            assertFalse(page.contains("javascript:"), "a javascript: link reached the page");
        }
        assertTrue(guide.contains("href=\"https://example.com/ok\""), "http(s) links stay");
        assertTrue(guide.contains("href=\"#links\""), "anchors stay");
        assertTrue(guide.contains("id=\"links\""), "ids stay");
        assertTrue(product.contains("href=\"https://example.com/docs\""), product);
    }

    @Test
    void aLinkInAssetsToAFileOutsideTheRepositoryIsNotPublished() throws IOException {
        Path repo = SiteFixture.exampleWithSite(dir);
        Path secret = Files.writeString(dir.resolve("outside-secret.txt"), "TOP-SECRET\n");
        Files.createSymbolicLink(repo.resolve("assets/css/leak.txt"), secret);
        Path out = dir.resolve("site");
        CliAccess.Run run = SiteFixture.build(repo, out);
        assertEquals(1, run.status());
        assertTrue(run.err().contains("assets/css/leak.txt is a symbolic link to '" + secret + "', which leads out of the "
                + "repository"), run.err());
        assertFalse(Files.exists(out), "nothing was published");
    }

    @Test
    void aLongerPassthroughDelimiterIsRefusedToo() throws IOException {
        Path repo = SiteFixture.exampleWithSite(dir);
        Files.writeString(repo.resolve("content/attack.adoc"), "= Attack\n\n+++++\n<script>alert(1)</script>\n+++++\n");
        CliAccess.Run run = SiteFixture.build(repo, dir.resolve("site"));
        assertEquals(1, run.status());
        assertTrue(run.err().contains("content/attack.adoc:3: AsciiDoc passthrough '+++++'"), run.err());
    }

    @Test
    void valuesFromYamlAreEscaped() throws IOException {
        Path repo = SiteFixture.exampleWithSite(dir);
        Path serviceDoc = repo.resolve("products/data-api/service-doc.yaml");
        Files.writeString(serviceDoc, Files.readString(serviceDoc).replaceFirst("(?m)^name: .*$",
                "name: \"<script>alert('x')</script> API\""));
        Path out = dir.resolve("site");
        assertEquals(0, SiteFixture.build(repo, out).status());
        for (String page : List.of("index.html", "products/data-api.html", "readiness.html")) {
            String html = Files.readString(out.resolve(page));
            assertFalse(html.contains("<script>alert"), page + " lets markup through");
            assertTrue(html.contains("&lt;script&gt;alert"), page + " shows the name escaped");
        }
    }

    @Test
    void invalidDataStopsTheBuildAndKeepsThePreviousSite() throws IOException {
        Path repo = SiteFixture.exampleWithSite(dir);
        Path out = dir.resolve("site");
        assertEquals(0, SiteFixture.build(repo, out).status());
        String before = Files.readString(out.resolve("index.html"));
        Files.writeString(repo.resolve("products/data-api/phase.yaml"), "phase: gamma\nsince: 2026-01-10\n");
        CliAccess.Run run = SiteFixture.build(repo, out);
        assertEquals(1, run.status());
        assertTrue(run.err().contains("products/data-api/phase.yaml:1:8: error: unknown phase 'gamma'"), run.err());
        assertTrue(run.err().contains("build stopped: the data has 1 error(s); the previous site is kept"), run.err());
        assertEquals(before, Files.readString(out.resolve("index.html")));
    }

    @Test
    void aBrokenTemplateFailsClearlyAndKeepsThePreviousSite() throws IOException {
        Path repo = SiteFixture.exampleWithSite(dir);
        Path out = dir.resolve("site");
        assertEquals(0, SiteFixture.build(repo, out).status());
        String before = Files.readString(out.resolve("index.html"));
        Files.writeString(repo.resolve("templates/teams.ftl"), "<#ftl output_format=\"HTML\">\n${no_such_value.name}\n",
                StandardCharsets.UTF_8);
        CliAccess.Run run = SiteFixture.build(repo, out);
        assertEquals(1, run.status());
        assertTrue(run.err().contains("build failed: templates/teams.ftl:2: "), run.err());
        assertTrue(run.err().contains("(rendering teams.html)"), run.err());
        assertTrue(run.err().contains("no_such_value"), run.err());
        assertEquals(before, Files.readString(out.resolve("index.html")));
        try (Stream<Path> siblings = Files.list(dir)) {
            assertFalse(siblings.anyMatch(p -> p.getFileName().toString().startsWith(".site.")), "no staging folder left");
        }
    }
}
