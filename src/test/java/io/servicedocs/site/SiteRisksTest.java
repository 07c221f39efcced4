package io.servicedocs.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The manager's view of the example site as built (as of 2026-11-24, counted by hand in
 * {@code RiskViewsTest}): the home page's risk tiles and their lists for readers without
 * JavaScript, the marks in the matrix rows (symbol and text), the team pages' risks and monthly
 * profits, and the search index.
 */
class SiteRisksTest {

    private static Path out;

    @BeforeAll
    static void build() throws IOException {
        out = SiteFixture.builtExample().site();
    }

    private static Document page(String path) throws IOException {
        return SiteFixture.builtExample().page(path);
    }

    @Test
    void theTilesCountTheProductsAtRiskAndLinkToTheirListsOnThePage() throws IOException {
        Document home = page("index.html");
        assertEquals("risks", home.selectFirst("main .page-head + section").id(), "the tiles follow the heading");
        List<Element> tiles = home.select("#risks .risk-tile");
        assertEquals(List.of("stale", "overdue", "expiring", "slo"), tiles.stream().map(t -> t.attr("data-risk")).toList());
        // SLOs (issue 16): missed SLOs come from the measured months (slo-data/), judged on the latest
        // final month as of 2026-11-24, October 2026 (November is provisional). Counted by hand in
        // slo-data/*/2026-10.yaml: of the 15 SLOs measured, only camera-analytics'
        // inference-availability misses, 0.9930999851 < 0.995; every other one is at or above its
        // target (the Service Docs' own 'measured' values, gone, gave 4).
        assertEquals(List.of("1 stale assessments", "2 with overdue plans", "0 with waivers expiring within 30 days",
                "1 with missed SLOs"), tiles.stream().map(t -> t.select(".stat-value, .stat-label").text()).toList());
        for (Element tile : tiles) {
            // without JavaScript the tile is a link to the list of its products, on the same page
            String target = tile.attr("href");
            assertEquals("#risk-list-" + tile.attr("data-risk"), target);
            Element list = home.getElementById(target.substring(1));
            assertTrue(list != null, target);
            assertEquals(tile.selectFirst(".stat-value").text(), String.valueOf(list.select("li a").size()),
                    "the list has as many products as the tile counts: " + target);
        }
        assertEquals(List.of("products/device-management.html", "products/smart-agri.html"),
                home.select("#risk-list-overdue li a").eachAttr("href"));
        assertEquals("Stale assessment: 1", home.selectFirst("#risk-list-stale h4").text().replace("◷ ", ""));
        assertEquals("None.", home.selectFirst("#risk-list-expiring p").text());
        assertEquals(List.of("products/camera-analytics.html"), home.select("#risk-list-slo li a").eachAttr("href"));
        assertFalse(home.selectFirst("#risks .risk-lists").hasAttr("hidden"),
                "the lists show without JavaScript; site.js hides them");
    }

    @Test
    void eachRowCarriesItsRisksBySymbolAndText() throws IOException {
        Document home = page("index.html");
        Element device = home.selectFirst("#matrix tr[data-product=device-management]");
        // device-management met both SLOs in October 2026 (99.944 % of 99.9 %, 97.03 % of 95 %): only overdue
        assertEquals("overdue", device.attr("data-risks"));
        assertEquals("false", device.attr("data-below"));
        List<Element> marks = device.select(".risk-mark");
        assertEquals(List.of("⚑ Plans overdue: 1"), marks.stream().map(Element::text).toList());
        assertTrue(marks.stream().allMatch(m -> m.selectFirst(".risk-sym").attr("aria-hidden").equals("true")),
                "the symbol is hidden from screen readers: the text says it");
        assertEquals("Load testing", marks.get(0).attr("title"));

        Element legacy = home.selectFirst("#matrix tr[data-product=legacy-gateway]");
        assertEquals("stale", legacy.attr("data-risks"));
        assertEquals("true", legacy.attr("data-below"));
        assertEquals(List.of("◷ Assessment stale"), legacy.select(".risk-mark").eachText());

        Element platform = home.selectFirst("#matrix tr[data-product=iot-platform]");
        assertEquals("", platform.attr("data-risks"));
        assertTrue(platform.select(".risk-marks").isEmpty());
        Element camera = home.selectFirst("#matrix tr[data-product=camera-analytics]");
        assertEquals("slo", camera.attr("data-risks"));
        assertEquals(List.of("▽ SLOs missed: 1"), camera.select(".risk-mark").eachText());
        assertEquals("Stream analysis availability", camera.selectFirst(".risk-mark").attr("title"));
        assertEquals(1 + 2 + 1, home.select("#matrix .risk-mark").size(),
                "a mark per product and risk: 1 stale, 2 with overdue plans, 1 with a missed SLO");
        assertEquals(List.of("", "stale", "overdue", "expiring", "slo"), home.select("#filter-risk option").eachAttr("value"));
        assertTrue(home.getElementById("filter-below") != null);
    }

    @Test
    void teamPagesShowTheirProductsRisksAndMonthlyProfit() throws IOException {
        Document teams = page("teams.html");
        Element edge = teams.getElementById("team-edge-team");
        // device-management 9,030,123 + legacy-gateway 194,876 (api/products.json, October 2026)
        assertEquals("Monthly profit 9,224,999 JPY profit in 2026-10, products with costs: 2",
                edge.selectFirst(".team-profit").text());
        List<Element> rows = edge.select("tbody tr");
        assertEquals(List.of("⚑ Plans overdue: 1", "◷ Assessment stale"), // both met their SLOs in October 2026
                rows.stream().map(r -> r.selectFirst(".team-risks").text()).toList());
        assertEquals("▽ SLOs missed: 1", teams.getElementById("team-vision-team")
                .selectFirst("tr:has(a[href$=camera-analytics.html]) .team-risks").text());
        assertEquals(List.of("9,030,123", "194,876"), rows.stream().map(r -> r.select("td.num").last().text()).toList());
        assertEquals("No risk", teams.getElementById("team-platform-team").selectFirst(".team-risks").text());
    }

    @Test
    void theSearchIndexNamesEveryProductItemCheckTeamAndGuideWithItsPage() throws IOException {
        JsonNode index = JsonMapper.builder().build().readTree(Files.readString(out.resolve("search-index.json")));
        assertEquals("en", index.get("language").asString());
        List<JsonNode> entries = new java.util.ArrayList<>();
        index.get("entries").forEach(entries::add);
        assertTrue(entries.contains(entry("product", "Hoshimi Data API", "products/data-api.html")));
        assertTrue(entries.contains(entry("item", "Load testing", "standard/items.html#load-testing")));
        assertTrue(entries.contains(entry("check", "Penetration test", "standard/checklist.html#penetration-test")));
        assertTrue(entries.contains(entry("team", "Edge & Devices", "teams.html#team-edge-team")), entries.toString());
        assertTrue(entries.stream().anyMatch(e -> e.get("kind").asString().equals("guide")
                && e.get("url").asString().startsWith("guides/")));
        assertEquals(9, entries.stream().filter(e -> e.get("kind").asString().equals("product")).count());
        for (JsonNode e : entries) {
            String url = e.get("url").asString();
            assertTrue(Files.isRegularFile(out.resolve(url.replaceFirst("#.*", ""))), "the page exists: " + url);
            assertEquals(List.of("kind", "name", "url"), names(e), "names and URLs only");
        }
        String script = Files.readString(out.resolve("search-index.js"));
        assertTrue(script.startsWith("window.servicedocsSearchIndex = {\"language\":\"en\",\"entries\":[{"), script.substring(0, 80));
        Document home = page("index.html");
        Element search = home.selectFirst("header #site-search");
        assertEquals("search-index.js", search.attr("data-index"));
        assertEquals("site-search-input", search.selectFirst("label").attr("for"));
        assertEquals("../search-index.js", page("products/data-api.html").selectFirst("#site-search").attr("data-index"));
    }

    private static JsonNode entry(String kind, String name, String url) {
        return JsonMapper.builder().build().createObjectNode().put("kind", kind).put("name", name).put("url", url);
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.propertyNames().forEach(names::add);
        return names;
    }
}
