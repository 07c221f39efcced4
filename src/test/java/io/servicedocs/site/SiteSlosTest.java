package io.servicedocs.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The measured SLOs on the example site as of 2026-11-24 (issue 16): the product page's SLO
 * section and the company page slos.html, in English and Japanese. Figures computed by hand from
 * slo-data/datadog/2026-08..11.yaml, rounded towards minus infinity.
 */
class SiteSlosTest {

    private static Path out;
    private static Path ja;

    /** The example in English and in Japanese, built once per test JVM ({@link SiteFixture}). */
    @BeforeAll
    static void build() {
        out = SiteFixture.builtExample().site();
        ja = SiteFixture.builtJapaneseExample().site();
    }

    private static Document page(Path site, String path) throws IOException {
        return Jsoup.parse(Files.readString(site.resolve(path)));
    }

    @Test
    void theProductPageShowsEachSloMonthByMonthWithItsBudgetResultAndSli() throws IOException {
        Document camera = page(out, "products/camera-analytics.html");
        Element slo = camera.getElementById("slo-inference-availability");
        assertEquals("missed", slo.attr("data-result"), "judged on October 2026, the latest final month");
        assertEquals("Stream analysis availability Availability ✗ Missed", slo.selectFirst("h4").text());
        List<String> facts = slo.select(".slo-facts dd").eachText();
        assertEquals("99.5% of events, each calendar month", facts.get(0));
        // October: 1 - (1 - 0.9930999851) / (1 - 0.995) = -0.38000298 -> -38.1 % (never rounded up)
        assertEquals("-38.1% (2026-10)", facts.get(1));
        assertTrue(facts.get(2).endsWith("Template availability (job: camera-analytics)"), facts.get(2));
        assertEquals("datadog (datadog)", facts.get(3));
        // Each row: month, attainment, error budget left, result (symbol and text)
        assertEquals(List.of(
                        "2026-08 99.720% 44.0% ✓ Met",       // 0.9972000075; 1 - 0.0027999925 / 0.005 = 0.4400015
                        "2026-09 99.679% 35.9% ✓ Met",       // 0.9967999614; 1 - 0.0032000386 / 0.005 = 0.35999228
                        "2026-10 99.309% -38.1% ✗ Missed",   // 0.9930999851
                        "2026-11 provisional 98.900% -120.0% ✗ Missed"), // 0.9890000399; -1.19999202
                slo.select("table.slo-months tbody tr").eachText());
        assertEquals(List.of("2026-11"), slo.select("tr.provisional").eachAttr("data-month"));
        Element chart = slo.selectFirst("figure svg.slo-chart");
        assertNotNull(chart, "a chart beside the table");
        assertEquals(2, chart.select("path.missed").size(), "October and November are drawn as crosses");
        // the product's risks at the top of its page
        assertEquals(List.of("▽ SLOs missed: 1"), camera.select("#product-risks .risk-mark").eachText());

        Element latency = camera.getElementById("slo-alert-latency");
        assertEquals("met", latency.attr("data-result"));
        // 1 - (1 - 0.9588003874) / 0.05 = 0.176007748 -> 17.6 %
        assertEquals("17.6% (2026-10)", latency.select(".slo-facts dd").get(1).text());

        Document console = page(out, "products/ops-console.html");
        assertEquals("No SLO is defined yet.", console.selectFirst("#slos + p").text());
        assertTrue(console.select("#product-risks").isEmpty());
    }

    @Test
    void theCompanyPageShowsEveryProductsSlosByMonthAndTheProductsWithout() throws IOException {
        Document slos = page(out, "slos.html");
        assertEquals("SLOs", slos.selectFirst("nav.site-nav a[href=slos.html]").text());
        assertEquals(List.of("Product", "Objective", "Target", "2026-08", "2026-09", "2026-10", "2026-11 provisional",
                "Latest final month"), slos.select("#slo-matrix thead th").eachText());
        assertTrue(slos.selectFirst("#slo-matrix").hasClass("sortable"));
        // 15 SLOs declared by 8 products (ops-console declares none)
        assertEquals(15, slos.select("#slo-matrix tbody tr").size());
        Element camera = slos.selectFirst("#slo-matrix tr[data-product=camera-analytics][data-slo=inference-availability]");
        assertEquals(List.of("99.720% ✓ Met", "99.679% ✓ Met", "99.309% ✗ Missed", "98.900% ✗ Missed", "✗ Missed"),
                camera.select("td").stream().skip(2).map(Element::text).toList());
        // smart-agri's August was past Prometheus' retention: no attainment, shown as not measured
        Element agri = slos.selectFirst("#slo-matrix tr[data-product=smart-agri]");
        assertEquals("– no measurement", agri.selectFirst("td[data-month=2026-08]").text());
        assertEquals(List.of("products/camera-analytics.html#slos"), slos.select("#slo-missed li a").eachAttr("href"));
        assertEquals(List.of("Ops Console"), slos.select("#without-slos li a").eachText());
    }

    @Test
    void theSloPagesAreInJapaneseToo() throws IOException {
        Document slos = page(ja, "slos.html");
        assertEquals("サービスレベル目標（SLO）", slos.selectFirst("h1").text());
        assertEquals("2026-11 暫定", slos.select("#slo-matrix thead th").get(6).text());
        assertEquals("SLO のないプロダクト", slos.selectFirst("#without-slos-title").text());
        Element slo = page(ja, "products/camera-analytics.html").getElementById("slo-inference-availability");
        assertEquals("2026-10 99.309% -38.1% ✗ 未達", slo.select("table.slo-months tbody tr").get(2).text());
        assertEquals("残りのエラーバジェット", slo.select(".slo-facts dt").get(1).text());
    }
}
