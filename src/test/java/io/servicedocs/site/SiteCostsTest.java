package io.servicedocs.site;

import io.servicedocs.site.view.Amount;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.servicedocs.TestRepositories;
import io.servicedocs.cost.allocation.CostAllocation;
import io.servicedocs.cost.allocation.CostReport;
import io.servicedocs.cost.ledger.ProductMonth;
import io.servicedocs.load.SchemaValidator;
import io.servicedocs.source.WorkingTreeSource;
import io.servicedocs.validate.Validation;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The cost pages of the example site: what they show must be what the ledger computed, every
 * figure must add up where the page implies it does, and provisional months must be marked.
 */
class SiteCostsTest {

    private static Path out;
    private static CostReport report;

    @BeforeAll
    static void build() throws IOException {
        Path repo = SiteFixture.builtExample().repo();
        out = SiteFixture.builtExample().site();
        report = CostAllocation.compute(new Validation(new SchemaValidator(), TestRepositories.AS_OF)
                .run(new WorkingTreeSource(repo)).repository().orElseThrow()).orElseThrow();
    }

    private static Document page(String path) throws IOException {
        return SiteFixture.builtExample().page(path);
    }

    private static BigDecimal value(Element cell) {
        return new BigDecimal(cell.attr("data-value"));
    }

    private static BigDecimal grouped(String text) {
        return new BigDecimal(text.replace(",", "").trim());
    }

    @Test
    void theRankingIsByProfitOfTheLatestFinalMonthAndEachProfitIsMrrMinusOperatingCost() throws IOException {
        Document costs = page("costs.html");
        YearMonth latestFinal = report.latestFinalMonth().orElseThrow();
        assertEquals(YearMonth.of(2026, 10), latestFinal, "2026-11 is provisional in the example");
        assertTrue(costs.getElementById("ranking-title").text().endsWith("2026-10"));
        assertNull(costs.getElementById("finance-awaited"), "every product reported the latest final month");

        List<Element> rows = costs.select("#profit-ranking tbody tr");
        long productsWithThatMonth = report.products().values().stream().filter(p -> p.month(latestFinal).isPresent()).count();
        assertEquals(productsWithThatMonth, rows.size());
        List<BigDecimal> profits = new ArrayList<>();
        for (Element row : rows) {
            var cells = row.select("td");
            BigDecimal mrr = value(cells.get(1));
            BigDecimal operating = value(cells.get(2));
            BigDecimal profit = value(cells.get(3));
            assertEquals(0, mrr.subtract(operating).compareTo(profit), row.text());
            String id = row.selectFirst("a").attr("href").replaceAll(".*products/(.*)\\.html#costs", "$1");
            ProductMonth month = report.product(id).orElseThrow().month(latestFinal).orElseThrow();
            assertEquals(0, month.profit().orElseThrow().amount().compareTo(profit), id);
            assertEquals(month.profit().orElseThrow().amount().signum() < 0, cells.get(3).hasClass("negative"), id);
            profits.add(profit);
        }
        List<BigDecimal> sorted = new ArrayList<>(profits);
        sorted.sort(java.util.Comparator.reverseOrder());
        assertEquals(sorted, profits, "most profitable first");
        assertEquals("iot-platform", rows.get(0).selectFirst("a").attr("href").replaceAll(".*products/(.*)\\.html#costs", "$1"));
    }

    @Test
    void provisionalMonthsAreMarkedInTablesAndCharts() throws IOException {
        Document costs = page("costs.html");
        Element last = costs.select("#company-months tbody tr").last();
        assertTrue(last.hasClass("provisional"), last.outerHtml());
        assertTrue(last.text().startsWith("2026-11 provisional"), last.text());
        assertEquals(1, costs.select("#company-months tbody tr.provisional").size());
        Element chart = costs.getElementById("company-cost-chart");
        assertEquals(1, chart.select("rect.bar.provisional").size());
        assertTrue(chart.select("rect.bar.provisional").attr("style").contains("company-cost-chart-hatch"));
        assertEquals("2026-11*", chart.select("text.tick[text-anchor=middle]").last().text(), "the last month label");
        assertEquals(report.months().size(), chart.select("rect.bar").size() - chart.select("g.legend rect.bar").size(),
                "a bar per month, besides the legend's swatch");

        Document product = page("products/iot-platform.html");
        List<Element> months = product.select("#cost-months tbody tr");
        assertEquals(18, months.size(), "2025-06 to 2026-11");
        assertTrue(months.get(17).hasClass("provisional"));
        assertFalse(months.get(16).hasClass("provisional"));
    }

    @Test
    void theProductPageAndProductsJsonShowTheLedgersFigures() throws IOException {
        JsonNode products = SiteFixture.exportedProducts(out);
        YearMonth latestFinal = report.latestFinalMonth().orElseThrow();
        int withCosts = 0;
        for (JsonNode product : products) {
            String id = product.get("id").asString();
            JsonNode cost = product.get("cost");
            if (report.product(id).isEmpty()) {
                assertTrue(cost.isNull(), id);
                continue;
            }
            withCosts++;
            ProductMonth month = report.product(id).get().month(latestFinal).orElseThrow();
            assertEquals("JPY", cost.get("currency").asString());
            assertEquals("2026-10", cost.get("month").asString());
            assertEquals(month.operatingCost().amount().toPlainString(), cost.get("operating_cost").asString(), id);
            assertEquals(month.profit().orElseThrow().amount().toPlainString(), cost.get("profit").asString(), id);
            assertEquals(month.mrr().orElseThrow().amount().toPlainString(), cost.get("mrr").asString(), id);
            assertTrue(cost.get("latest_month").get("provisional").asBoolean(), id + ": 2026-11 is provisional");

            Document page = page("products/" + id + ".html");
            Element row = page.select("#cost-months tbody tr").stream()
                    .filter(r -> r.selectFirst("th").text().startsWith("2026-10")).findFirst().orElseThrow();
            assertTrue(row.text().contains(Amount.text(month.operatingCost())), id + ": " + row.text());
        }
        assertEquals(9, withCosts, "every example product has costs");
    }

    @Test
    void costsCsvHasEveryProductMonthOfTheLedgerToTheUnit() throws IOException {
        List<String> lines = Files.readAllLines(out.resolve("api/costs.csv"));
        List<String> header = List.of(lines.get(0).split(","));
        assertEquals(List.of("product", "month", "status", "currency"), header.subList(0, 4));
        long productMonths = report.products().values().stream().mapToLong(p -> p.months().size()).sum();
        assertEquals(productMonths, lines.size() - 1);
        int profit = header.indexOf("profit");
        int operating = header.indexOf("operating_cost");
        int mrr = header.indexOf("mrr");
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            ProductMonth month = report.product(cells[0]).orElseThrow().month(YearMonth.parse(cells[1])).orElseThrow();
            assertEquals(month.profit().orElseThrow().amount().toPlainString(), cells[profit], line);
            assertEquals(0, new BigDecimal(cells[mrr]).subtract(new BigDecimal(cells[operating]))
                    .compareTo(new BigDecimal(cells[profit])), line);
            assertEquals(cells[1].equals("2026-11") ? "provisional" : "final", cells[2], line);
        }
        assertTrue(header.contains("direct_AWS") && header.contains("direct_Azure"), header.toString());
        assertTrue(Files.readString(out.resolve("costs.html")).contains("api/costs.csv"));
    }

    @Test
    void unallocatedCostPoolsPrepaidAndRevisionsAreShown() throws IOException {
        Document costs = page("costs.html");
        Element unallocated = costs.getElementById("unallocated-table");
        assertTrue(unallocated.text().contains("aws 108245967731 hoshimi-sandbox"), unallocated.text());

        for (var pool : report.pools()) {
            Element section = costs.getElementById("pool-" + pool.pool().id());
            assertTrue(section != null, pool.pool().id());
            Element table = section.selectFirst("table");
            if (table == null) {
                continue;
            }
            BigDecimal allocated = grouped(table.selectFirst("caption").text().replaceAll("^\\S+: ", "").replace(" JPY", ""));
            BigDecimal sum = table.select("tbody tr").stream().map(r -> grouped(r.select("td").last().text()))
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            assertEquals(0, allocated.compareTo(sum), pool.pool().id() + ": the shares add up to the pool");
            List<Element> months = section.select("details tbody tr");
            assertEquals(pool.splits().size(), months.size(), pool.pool().id() + ": a row per month with cost");
            assertTrue(months.get(months.size() - 1).hasClass("provisional"), pool.pool().id());
        }
        assertEquals(4, report.pools().size());
        assertTrue(costs.select("#pools p").first().text().contains("Every month balances"));
        assertFalse(report.prepaid().isEmpty());
        assertTrue(costs.getElementById("prepaid").text().contains(report.prepaid().get(0).prepaid().name()));
        Element revisions = costs.getElementById("revisions-table");
        assertTrue(revisions.text().contains("2026-10 aws"), revisions.text());
        // the reason the tool recorded in the file is shown in the page's words, not the file's
        assertTrue(revisions.text().contains("Provisional month fetched again"), revisions.text());
        assertFalse(revisions.text().contains("provisional month re-fetched"), revisions.text());
    }

    /**
     * Growth vs savings (issue 14) as printed: the company's month-over-month row adds up, Smart
     * Agri (a loss of 990,679 in 2026-10 while its unit cost fell) is worded and coloured as a
     * loss everywhere, and no loss-making product of the ranking gets the good colour.
     */
    @Test
    void growthOrSavingsIsPrintedAndALossIsNeverColouredGood() throws IOException {
        Document costs = page("costs.html");
        Element company = costs.selectFirst("#company-changes tbody tr");
        assertTrue(company.selectFirst("th").text().startsWith("Month over month 2026-09 → 2026-10"), company.text());
        var cells = company.select("td");
        BigDecimal change = grouped(cells.get(1).text());
        assertEquals(0, change.compareTo(grouped(cells.get(2).text()).add(grouped(cells.get(3).text()))
                        .add(grouped(cells.get(4).text()))),
                "volume + efficiency + not explained = change: " + company.text());
        Element agri = costs.select("#product-changes-month tbody tr").stream()
                .filter(r -> r.selectFirst("a").attr("href").contains("smart-agri")).findFirst().orElseThrow();
        assertEquals("23,040 169,205 -146,165 0 5,640.16 → 5,098.81 JPY per field-month -990,679 "
                + "Loss-making, and cost is rising", agri.select("td").text());
        assertTrue(agri.select("td").last().hasClass("tone-bad"));
        for (Element row : costs.select("#profit-ranking tbody tr")) {
            if (row.select("td").get(3).hasClass("negative")) {
                assertTrue(row.select(".tone-good").isEmpty(), row.text());
                assertFalse(row.text().contains("Growth"), row.text());
            }
        }
        Document product = page("products/smart-agri.html");
        assertEquals("Loss-making: cost up, unit cost down (2026-03 → 2026-10: Operating cost +25.3%, Unit cost -72.2%)",
                product.selectFirst("#costs .trend").text());
        assertTrue(product.selectFirst("#costs .trend").hasClass("tone-bad"));
        assertEquals("Month over month 2026-09 → 2026-10 1,353,639 → 1,376,679 23,040 169,205 -146,165 0 240 → 270 "
                + "5,640.16 → 5,098.81 -990,679 Loss-making, and cost is rising",
                product.selectFirst("#cost-changes tbody tr").text());
    }

    /**
     * Finance closes after the bills: data-api's finance.yaml stops at 2026-09 while its costs run
     * to the provisional 2026-11. Its October and November say their MRR, labour and profit are not
     * reported, not a loss of their whole cost; the company's months too; and products are ranked
     * in September, the latest month that is final and reported by every product.
     */
    @Test
    void monthsAfterTheLastMonthOfFinanceYamlAreNotReportedRatherThanALoss(@TempDir Path other) throws IOException {
        Path repo = SiteFixture.exampleWithSite(other);
        Path finance = repo.resolve("products/data-api/finance.yaml");
        String text = Files.readString(finance);
        Files.writeString(finance, text.substring(0, text.indexOf("  \"2026-10\":")));
        Path site = other.resolve("site");
        var build = SiteFixture.build(repo, site);
        assertEquals(0, build.status(), build.err());

        Document product = Jsoup.parse(Files.readString(site.resolve("products/data-api.html")));
        for (String month : List.of("2026-10", "2026-11")) {
            Element row = product.select("#cost-months tbody tr").stream()
                    .filter(r -> r.selectFirst("th").text().startsWith(month)).findFirst().orElseThrow();
            assertTrue(row.selectFirst("th").text().contains("finance not reported"), row.text());
            // maintenance, MRR, profit and investment: not known, and no cell coloured as a loss
            assertEquals(4, row.select("td.not-reported").size(), row.html());
            row.select("td.not-reported").forEach(cell -> assertEquals("not reported", cell.text()));
            assertTrue(row.select("td.negative").isEmpty(), row.html());
        }
        Element september = product.select("#cost-months tbody tr").stream()
                .filter(r -> r.selectFirst("th").text().startsWith("2026-09")).findFirst().orElseThrow();
        assertTrue(september.select("td.not-reported").isEmpty(), september.text());
        assertTrue(product.select("#costs").text().contains("finance not reported 2026-10, 2026-11:"),
                product.select("#costs").text());
        // the chart's MRR line has a point for each reported month only
        int rows = product.select("#cost-months tbody tr").size();
        assertEquals(rows - 2, product.select("#cost-chart-data-api circle.point").size());
        assertEquals(1, product.select("#cost-chart-data-api polyline.line").size());

        Document costs = Jsoup.parse(Files.readString(site.resolve("costs.html")));
        for (Element row : costs.select("#company-months tbody tr")) {
            boolean reported = row.selectFirst("th").text().compareTo("2026-10") < 0;
            assertEquals(reported ? 0 : 2, row.select("td.not-reported").size(), row.text());
            if (!reported) {
                assertEquals("not reported by 1 product", row.select("td.not-reported").get(1).text());
            }
        }
        assertTrue(costs.text().contains("finance not reported 2026-10, 2026-11:"), "the page says why");
        assertTrue(costs.selectFirst("#ranking-title").text().endsWith(": 2026-09"), costs.selectFirst("#ranking-title").text());
        // and names who it waits for, so that someone can chase them
        Element awaited = costs.getElementById("finance-awaited");
        assertTrue(awaited.text().startsWith("The bills of 2026-10 are final, but 1 product has not reported"),
                awaited.text());
        assertEquals(List.of("products/data-api.html#costs"), awaited.select("a").eachAttr("href"));
        assertTrue(awaited.text().endsWith("Hoshimi Data API. Meanwhile, products are ranked and compared in 2026-09."),
                awaited.text());

        JsonNode dataApi = exported(site, "data-api");
        assertEquals("2026-09", dataApi.get("month").asString(), "ranked in the latest month every product reported");
        assertFalse(dataApi.get("latest_month").get("finance_reported").asBoolean());
        assertTrue(dataApi.get("latest_month").get("profit").isNull());
        assertTrue(exported(site, "iot-platform").get("latest_month").get("finance_reported").asBoolean());

        List<String> lines = Files.readAllLines(site.resolve("api/costs.csv"));
        List<String> header = List.of(lines.get(0).split(","));
        String november = lines.stream().filter(l -> l.startsWith("data-api,2026-11,")).findFirst().orElseThrow();
        String[] cells = november.split(",", -1);
        for (String column : List.of("maintenance_labour", "mrr", "profit", "investment_labour")) {
            assertEquals("", cells[header.indexOf(column)], column + " in " + november);
        }
        assertFalse(cells[header.indexOf("operating_cost")].isEmpty(), november);
    }

    /**
     * data-api's finance.yaml lists only a month before the cost data: no month has both final bills
     * and every product's finance. The page says so, names whom it waits for, and does not claim to
     * rank in some earlier month.
     */
    @Test
    void withNoMonthReportedByEveryProductThePageNamesWhomItWaitsFor(@TempDir Path other) throws IOException {
        Path repo = SiteFixture.exampleWithSite(other);
        Files.writeString(repo.resolve("products/data-api/finance.yaml"),
                "months:\n  \"2025-05\":\n    labour:\n      investment: {amount: 0, currency: JPY}\n"
                        + "      maintenance: {amount: 1000, currency: JPY}\n");
        Path site = other.resolve("site");
        var build = SiteFixture.build(repo, site);
        assertEquals(0, build.status(), build.err());
        Document costs = Jsoup.parse(Files.readString(site.resolve("costs.html")));
        assertEquals("Monthly profit by product", costs.selectFirst("#ranking-title").text());
        assertTrue(costs.select("#ranking").text().contains("No month yet has final bills and the finance of every product."),
                costs.select("#ranking").text());
        Element awaited = costs.getElementById("finance-awaited");
        assertEquals("The bills of 2026-10 are final, but 1 product has not reported its finance for that month in"
                + " finance.yaml yet: Hoshimi Data API.", awaited.text());
        assertNull(costs.getElementById("profit-ranking"));
    }

    /**
     * Forty generated products, whose finance.yaml all end before October: the notice links the
     * first {@value io.servicedocs.site.view.CostsPage#AWAITED} (by id) and counts the rest, as many
     * as the company's October row says have not reported.
     */
    @Test
    void theNoticeNamesTheFirstProductsThatHaveNotReportedAndCountsTheRest(@TempDir Path other) throws IOException {
        Path example = SiteFixture.exampleWithSite(other.resolve("example"));
        Path generated = other.resolve("generated");
        var run = io.servicedocs.cli.CliAccess.run("generate", "--repo", example.toString(), "--products", "40",
                "--out", generated.toString(), "--as-of", "2026-11-24");
        assertEquals(0, run.status(), run.err());
        try (var folders = Files.list(generated.resolve("products"))) {
            for (Path finance : folders.map(f -> f.resolve("finance.yaml")).toList()) {
                String text = Files.readString(finance);
                int october = text.indexOf("  \"2026-10\":");
                if (october > 0) {
                    Files.writeString(finance, text.substring(0, october));
                }
            }
        }
        Path site = other.resolve("site");
        run = SiteFixture.build(generated, site);
        assertEquals(0, run.status(), run.err());

        Document costs = Jsoup.parse(Files.readString(site.resolve("costs.html")));
        Element october = costs.select("#company-months tbody tr").stream()
                .filter(r -> r.selectFirst("th").text().startsWith("2026-10")).findFirst().orElseThrow();
        String cell = october.select("td.not-reported").get(1).text(); // "not reported by N products"
        int unreported = Integer.parseInt(cell.replaceAll("\\D", ""));
        assertTrue(unreported > io.servicedocs.site.view.CostsPage.AWAITED, cell);
        Element awaited = costs.getElementById("finance-awaited");
        assertTrue(awaited.text().startsWith("The bills of 2026-10 are final, but " + unreported + " products have"),
                awaited.text());
        List<String> links = awaited.select("a").eachAttr("href");
        assertEquals(io.servicedocs.site.view.CostsPage.AWAITED, links.size());
        assertEquals(links.stream().sorted().toList(), links, "by id");
        assertTrue(awaited.text().contains(", and " + (unreported - io.servicedocs.site.view.CostsPage.AWAITED)
                + " more. Meanwhile, products are ranked and compared in 2026-09."), awaited.text());
    }

    private static JsonNode exported(Path site, String id) throws IOException {
        for (JsonNode product : SiteFixture.exportedProducts(site)) {
            if (product.get("id").asString().equals(id)) {
                return product.get("cost");
            }
        }
        throw new AssertionError(id + " is not exported");
    }

    @Test
    void withoutCostSettingsTheSiteSaysHowToSetThemUp(@TempDir Path other) throws IOException {
        Path repo = SiteFixture.exampleWithSite(other);
        Files.delete(repo.resolve("standards/costs.yaml"));
        Path site = other.resolve("site");
        var build = SiteFixture.build(repo, site);
        assertEquals(0, build.status(), build.err());
        assertTrue((build.out() + build.err()).contains("standards/costs.yaml is missing"), build.out() + build.err());
        Document costs = Jsoup.parse(Files.readString(site.resolve("costs.html")));
        assertTrue(costs.select("main .notice").text().contains("Costs are not set up in this repository"));
        SiteFixture.exportedProducts(site).forEach(p -> assertTrue(p.get("cost").isNull()));
        assertTrue(Files.notExists(site.resolve("api/costs.csv")), "no costs, no export");
    }
}
