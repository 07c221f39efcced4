package io.servicedocs.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.servicedocs.cli.CliAccess;
import io.servicedocs.site.view.CostsPage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The big cross-product pages do not grow with the number of products (issue 15): on a generated
 * repository of 120 products the home page prints its first screen of 50 rows and links every
 * product in list pages, the security matrix and readiness come in pages of 100, matrix-data.js
 * has every row, and the export's index stays a few hundred bytes a product.
 */
class SiteScaleTest {

    private static final int PRODUCTS = 120;

    @TempDir
    static Path dir;
    static Path site;
    static Set<String> ids;

    @BeforeAll
    static void build() throws IOException {
        Path example = SiteFixture.exampleWithSite(dir.resolve("example"));
        Path generated = dir.resolve("generated");
        CliAccess.Run run = CliAccess.run("generate", "--repo", example.toString(), "--products", String.valueOf(PRODUCTS),
                "--out", generated.toString(), "--as-of", "2026-11-24");
        assertEquals(0, run.status(), run.err());
        site = dir.resolve("site");
        run = SiteFixture.build(generated, site);
        assertEquals(0, run.status(), run.err());
        ids = new TreeSet<>();
        try (var folders = Files.list(generated.resolve("products"))) {
            folders.forEach(f -> ids.add(f.getFileName().toString()));
        }
        assertEquals(PRODUCTS, ids.size());
    }

    private static Document page(String path) throws IOException {
        return Jsoup.parse(Files.readString(site.resolve(path)));
    }

    /** The product ids a page links to (products/ID.html). */
    private static Set<String> linked(Document page, String rows) {
        Set<String> linked = new TreeSet<>();
        page.select(rows + " a[href]").forEach(a -> {
            String href = a.attr("href");
            if (href.matches("(\\.\\./)?products/[a-z0-9-]+\\.html(#.*)?")) {
                linked.add(href.replaceAll(".*products/([a-z0-9-]+)\\.html.*", "$1"));
            }
        });
        return linked;
    }

    @Test
    void theHomePagePrintsItsFirstScreenAndLinksTheListPages() throws IOException {
        Document home = page("index.html");
        assertEquals(50, home.select("#matrix tr[data-product]").size(), "the first screen");
        assertEquals("120", home.selectFirst("#matrix").attr("data-total"));
        assertEquals("50", home.selectFirst("#matrix").attr("data-shown"));
        // the phase groups count all their products, not only those printed
        int counted = home.select("#matrix .group-count").stream()
                .mapToInt(c -> Integer.parseInt(c.text().replaceAll("\\D.*", ""))).sum();
        assertTrue(counted >= 50, "at least the printed rows: " + counted);
        assertEquals(List.of("matrix/1.html"), home.select("#matrix-pages a").eachAttr("href"));
        assertEquals("1–120", home.selectFirst("#matrix-pages a").text());
        assertTrue(home.selectFirst("#matrix-pages").text()
                .startsWith("This page shows the first 50 of 120 products, in the matrix's order."), home.selectFirst("#matrix-pages").text());
        // the skip link leads past the matrix to a focusable target
        assertEquals("#after-matrix", home.selectFirst("a.skip-past").attr("href"));
        assertEquals("-1", home.selectFirst("#after-matrix").attr("tabindex"));
        assertEquals(1, home.select("script[src=matrix-data.js]").size());
    }

    @Test
    void theListPagesLinkEveryProductOnce() throws IOException {
        Document list = page("matrix/1.html");
        assertEquals(PRODUCTS, list.select("table.product-list tbody tr").size());
        assertEquals(ids, linked(list, "table.product-list tbody th"));
        assertEquals("Products 1–120 of 120", list.selectFirst("h1").text());
        assertTrue(Files.notExists(site.resolve("matrix/2.html")), "250 a page: one page");
    }

    @Test
    void theMatrixDataHasEveryRowCompactly() throws IOException {
        String script = Files.readString(site.resolve("matrix-data.js"));
        String prefix = "window.servicedocsMatrix = ";
        assertTrue(script.startsWith(prefix) && script.endsWith(";\n"), script.substring(0, 40));
        JsonNode data = JsonMapper.builder().build().readTree(script.substring(prefix.length(), script.length() - 2));
        assertEquals(PRODUCTS, data.get("products").size());
        Set<String> rows = new TreeSet<>();
        data.get("products").forEach(r -> rows.add(r.get("i").asString()));
        assertEquals(ids, rows);
        int columns = data.get("items").size();
        data.get("products").forEach(r -> assertEquals(3 * columns, r.get("c").asString().length(), r.get("i").asString()));
        assertEquals("Meets", data.get("messages").get("status.meets").asString());
        assertTrue(script.length() < PRODUCTS * 1500, script.length() + " bytes for " + PRODUCTS + " rows");
    }

    @Test
    void theSecurityMatrixAndReadinessComeInPagesOfAHundred() throws IOException {
        Document first = page("security.html");
        Document second = page("security/2.html");
        assertEquals(100, first.select("#security-matrix tbody tr[data-product]").size());
        assertEquals(20, second.select("#security-matrix tbody tr[data-product]").size());
        Set<String> all = new TreeSet<>(linked(first, "#security-matrix tbody th"));
        all.addAll(linked(second, "#security-matrix tbody th"));
        assertEquals(ids, all);
        assertEquals(List.of("security/2.html", "security/2.html"), first.select(".pager").first().select("a").eachAttr("href"));
        assertEquals("1", first.selectFirst(".pager [aria-current=page]").text());
        assertEquals(List.of("../security.html", "../security.html"), second.select(".pager").first().select("a").eachAttr("href"));
        assertEquals("#after-security", first.selectFirst("a.skip-past").attr("href"));

        Document readiness = page("readiness.html");
        Document readiness2 = page("readiness/2.html");
        assertEquals(100, readiness.select("section.ready-card").size());
        assertEquals(20, readiness2.select("section.ready-card").size());
        assertEquals(100, readiness.select("table.readiness-table tbody tr").size());
        assertTrue(readiness.text().contains("Details of the first 100 of 120 products"), "says it is a part");
        assertFalse(readiness2.select("a[href^=../products/]").isEmpty(), "links from a page one folder down");
    }

    /**
     * The costs page lists the first hundred rows of each table of products (the profit ranking,
     * each period's growth or savings) and the rest on costs/2.html, which links back; the company
     * sections are on the first page only, and a pool split among more products lists its largest
     * shares.
     */
    @Test
    void theCostsPageHasAHundredRowsOfEachTableOfProductsAndTheRestOnTheNextPage() throws IOException {
        Document first = page("costs.html");
        Document second = page("costs/2.html");
        assertFalse(Files.exists(site.resolve("costs/3.html")));
        List<String> tables = first.select("table[id=profit-ranking], table[id^=product-changes-]").eachAttr("id");
        assertTrue(tables.size() >= 2 && tables.contains("profit-ranking"), "the ranking and a growth table: " + tables);
        for (String table : tables) {
            var rows = first.select("table[id=" + table + "] tbody tr");
            var more = second.select("table[id=" + table + "] tbody tr");
            assertEquals(100, rows.size(), table);
            Set<String> products = new TreeSet<>(linked(first, "table[id=" + table + "] tbody th"));
            products.addAll(linked(second, "table[id=" + table + "] tbody th"));
            assertEquals(rows.size() + more.size(), products.size(), table + ": no product on both pages");
            if (table.equals("profit-ranking")) {
                assertEquals(ids, products, "every product ranked");
                // in the order of the ranking: the second page goes on where the first stops
                double last = Double.parseDouble(rows.last().select("td.strong").attr("data-value"));
                double next = Double.parseDouble(more.first().select("td.strong").attr("data-value"));
                assertTrue(next <= last, "profit " + next + " after " + last);
            }
        }
        assertTrue(first.selectFirst("#costs-first-rows").text().contains("its first 100"), first.selectFirst("#costs-first-rows").text());
        assertEquals(List.of("costs/2.html", "costs/2.html"), first.select(".pager").first().select("a").eachAttr("href"));
        assertEquals(List.of("../costs.html", "../costs.html"), second.select(".pager").first().select("a").eachAttr("href"));
        assertFalse(first.select("#company-trend").isEmpty());
        assertTrue(second.select("#company-trend, #pools, #sources").isEmpty(), "the company's sections are on costs.html");
        assertTrue(second.selectFirst("h1").text().contains("Page 2 of 2"), second.selectFirst("h1").text());
        assertFalse(second.select("a[href^=../products/]").isEmpty(), "links from a page one folder down");

        // the products that turned profitable: the 20 most recent, the latest first, each marked in the ranking
        List<String> turned = first.select("#turned-profitable li").eachText();
        Set<String> marked = new TreeSet<>(linked(first, "table[id=profit-ranking] tbody th:has(.tag-turned)"));
        marked.addAll(linked(second, "table[id=profit-ranking] tbody th:has(.tag-turned)"));
        assertTrue(marked.size() > CostsPage.TURNED, "the generator's products turn profitable often enough: " + marked.size());
        assertEquals(CostsPage.TURNED, turned.size());
        assertEquals("The 20 most recent of " + marked.size() + ", the latest first; the profit ranking gives the month "
                + "of each product it lists.", first.selectFirst("#turned-recent").text());
        List<String> months = turned.stream().map(line -> line.substring(line.lastIndexOf(' ') + 1)).toList();
        assertEquals(months.stream().sorted(java.util.Comparator.reverseOrder()).toList(), months);
        assertTrue(marked.containsAll(linked(first, "#turned-profitable")));
        String latest = months.get(0);
        assertTrue(java.util.stream.Stream.concat(first.select("table[id=profit-ranking] .tag-turned").stream(),
                        second.select("table[id=profit-ranking] .tag-turned").stream())
                .map(tag -> tag.text().substring(tag.text().lastIndexOf(' ') + 1))
                .allMatch(month -> month.compareTo(latest) <= 0), "no product turned profitable after " + latest);

        // a pool split among every product lists its hundred largest shares, largest first
        var capped = first.select("#pools table:has(caption .pool-largest)");
        assertFalse(capped.isEmpty(), "the generator's shared pools split among every product");
        for (var table : capped) {
            assertTrue(table.selectFirst("caption").text().contains("the 100 largest of 120 shares"), table.selectFirst("caption").text());
            List<Double> amounts = table.select("tbody tr td:last-child").eachText().stream()
                    .map(a -> Double.parseDouble(a.replace(",", ""))).toList();
            assertEquals(100, amounts.size());
            assertEquals(amounts.stream().sorted(java.util.Comparator.reverseOrder()).toList(), amounts);
        }
    }

    @Test
    void theTeamsPageLinksEachProductToItsReadinessPage() throws IOException {
        Document teams = page("teams.html");
        for (var link : teams.select("a[href*=#r-]")) {
            String href = link.attr("href");
            String file = href.substring(0, href.indexOf('#'));
            String anchor = href.substring(href.indexOf('#') + 1);
            assertTrue(file.equals("readiness.html") || file.equals("readiness/2.html"), href);
            assertFalse(page(file).select("[id=" + anchor + "]").isEmpty(), href);
        }
        for (var more : teams.select(".team-more a")) {
            assertTrue(Files.isRegularFile(site.resolve(more.attr("href"))), more.attr("href"));
        }
        // a card lists at most 20 products
        teams.select("section.team-card").forEach(card -> assertTrue(card.select("tbody tr").size() <= 20, card.id()));
    }

    @Test
    void theIndexIsAFewHundredBytesAProduct() throws IOException {
        long bytes = Files.size(site.resolve("api/products.json"));
        assertTrue(bytes < PRODUCTS * 400L, bytes + " bytes");
        for (String id : ids) {
            Path file = site.resolve("api/products/" + id + ".json");
            assertTrue(Files.isRegularFile(file), id);
            // compact: one line (indenting every key made each file half as large again)
            List<String> lines = Files.readAllLines(file);
            assertEquals(1, lines.size(), id);
            assertTrue(lines.get(0).startsWith("{\"schema_version\":\"3.0\",\"generated_on\":"), lines.get(0));
        }
    }
}
