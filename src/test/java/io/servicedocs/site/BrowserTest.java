package io.servicedocs.site;

import io.servicedocs.serve.PreviewServer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.Select;

/**
 * The generated example site in headless Chrome or Chromium ({@link BrowserInstallation}: Debian's
 * chromium and chromium-driver, which .ci/run installs, or the ones {@code CHROME_BIN} and
 * {@code CHROMEDRIVER} name, as the pull-request workflow does on GitHub's runner), served over
 * loopback: the matrix shows, filters and sorting work, the browser logs no error. Screenshots go
 * to target/screenshots/.
 */
class BrowserTest {

    @TempDir
    static Path dir;

    private static ChromeDriver browser;
    private static PreviewServer server;
    /** A site of 120 generated products: more than the home page's first screen, and than two of the script's pages of rows. */
    private static PreviewServer bigServer;
    private static Path site;

    @BeforeAll
    static void start() throws IOException {
        Optional<BrowserInstallation> installation = BrowserInstallation.find(System.getenv());
        if (installation.isEmpty() && System.getenv("CI") != null) {
            throw new AssertionError("CI must install chromium and chromium-driver (see .ci/run), or set CHROME_BIN"
                    + " and CHROMEDRIVER to a browser and its driver (see .github/workflows/pull-request.yml)");
        }
        Assumptions.assumeTrue(installation.isPresent(), "browser test skipped: apt-get install chromium chromium-driver,"
                + " or set CHROME_BIN and CHROMEDRIVER, to run it");
        // the example as the site classes that only read it have it built (one build per test JVM)
        Path repo = SiteFixture.builtExample().repo();
        Path out = SiteFixture.builtExample().site();
        server = new PreviewServer(out, 0);
        site = out;
        Path generated = dir.resolve("generated");
        var generate = io.servicedocs.cli.CliAccess.run("generate", "--repo", repo.toString(), "--products", "120",
                "--out", generated.toString(), "--as-of", "2026-11-24");
        assertEquals(0, generate.status(), generate.err());
        var bigBuild = SiteFixture.build(generated, dir.resolve("big-site"));
        assertEquals(0, bigBuild.status(), bigBuild.err());
        bigServer = new PreviewServer(dir.resolve("big-site"), 0);

        ChromeOptions options = new ChromeOptions();
        options.setBinary(installation.get().browser().toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1400,1000",
                "--user-data-dir=" + dir.resolve("chromium-profile"));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(installation.get().driver().toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
        if (bigServer != null) {
            bigServer.close();
        }
    }

    private List<Map<String, String>> visibleRows() {
        return shown("#matrix tr[data-product]");
    }

    /** Selenium's isDisplayed atom: the script {@link WebElement#isDisplayed()} runs in the page for one element. */
    private static final String IS_DISPLAYED;

    static {
        try (java.io.InputStream atom = org.openqa.selenium.remote.RemoteWebElement.class.getResourceAsStream(
                "/org/openqa/selenium/remote/isDisplayed.js")) {
            IS_DISPLAYED = new String(atom.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /**
     * The elements that match {@code css} and are shown, each as its data-* attributes, read in one
     * script: the elements are judged by Selenium's own isDisplayed atom, which
     * {@link WebElement#isDisplayed()} sends with one element per command (with each row's
     * attributes a command more: several hundred commands per reading of the 120-product matrix).
     */
    @SuppressWarnings("unchecked")
    private List<Map<String, String>> shown(String css) {
        return (List<Map<String, String>>) browser.executeScript("const shown = " + IS_DISPLAYED.strip() + ";\n"
                + "return Array.from(document.querySelectorAll(arguments[0])).filter(e => shown(e)).map(e => {\n"
                + "  const data = {};\n"
                + "  for (const name of e.getAttributeNames()) { if (name.startsWith('data-')) data[name] = e.getAttribute(name); }\n"
                + "  return data;\n"
                + "});", css);
    }

    @Test
    void theMatrixShowsFiltersAndSortsWithoutErrors() throws IOException {
        PageLoad.open(browser, server.uri().resolve("index.html").toString());
        WebElement matrix = browser.findElement(By.id("matrix"));
        assertTrue(matrix.isDisplayed());
        assertEquals(9, visibleRows().size(), "a row per product");
        screenshot("matrix.png");

        new Select(browser.findElement(By.id("filter-phase"))).selectByValue("ga");
        List<Map<String, String>> ga = visibleRows();
        assertEquals(List.of("device-management", "factory-monitor", "iot-platform"),
                ga.stream().map(r -> r.get("data-product")).sorted().toList());
        new Select(browser.findElement(By.id("filter-phase"))).selectByValue("");
        assertEquals(9, visibleRows().size(), "'all' shows every product again");

        new Select(browser.findElement(By.id("filter-team"))).selectByValue("platform-team");
        assertTrue(visibleRows().stream().allMatch(r -> "platform-team".equals(r.get("data-team"))));
        assertFalse(visibleRows().isEmpty());
        new Select(browser.findElement(By.id("filter-team"))).selectByValue("");

        new Select(browser.findElement(By.id("filter-tier"))).selectByValue("tier-1");
        assertTrue(visibleRows().stream().allMatch(r -> "tier-1".equals(r.get("data-tier"))));
        new Select(browser.findElement(By.id("filter-tier"))).selectByValue("");

        new Select(browser.findElement(By.id("filter-category"))).selectByValue("security");
        List<Map<String, String>> cells = shown("#matrix td[data-category]");
        assertTrue(cells.stream().allMatch(c -> "security".equals(c.get("data-category"))));
        assertFalse(cells.isEmpty(), "the security columns stay");
        new Select(browser.findElement(By.id("filter-category"))).selectByValue("");

        browser.findElement(By.id("sort-readiness")).click();
        List<Integer> percents = visibleRows().stream().map(r -> Integer.parseInt(r.get("data-percent"))).toList();
        assertEquals(percents.stream().sorted((a, b) -> b - a).toList(), percents, "sorted by readiness, best first");
        screenshot("matrix-sorted.png");

        assertNoBrowserErrors();
    }

    @Test
    void productPagesOpenFromTheMatrix() throws IOException {
        PageLoad.open(browser, server.uri().resolve("index.html").toString());
        browser.findElement(By.cssSelector("#matrix tr[data-product='data-api'] a[href$='products/data-api.html']")).click();
        assertTrue(browser.getCurrentUrl().endsWith("/products/data-api.html"), browser.getCurrentUrl());
        assertTrue(browser.findElement(By.tagName("h1")).getText().contains("Data"), browser.findElement(By.tagName("h1")).getText());
        screenshot("product-data-api.png");
        assertNoBrowserErrors();
    }

    /**
     * The visible rows' products. The script draws the matrix's rows from matrix-data.js after
     * the page loads, so rows read just after a navigation may be replaced while being read:
     * read them again until one reading completes (a reading is one script now, but a navigation
     * can still come between the script and the rows' drawing).
     */
    private List<String> visibleProducts() {
        return new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(5))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> visibleRows().stream().map(r -> r.get("data-product")).sorted().toList());
    }

    private String query() {
        return java.net.URI.create(browser.getCurrentUrl()).getRawQuery();
    }

    /**
     * A risk tile filters the matrix (the lists it opens without JavaScript are hidden), the
     * filters are in the URL, and the URL brings them back: on reload, and as a shared link.
     */
    @Test
    void aRiskTileFiltersTheMatrixAndTheUrlKeepsTheFilters() throws IOException {
        PageLoad.open(browser, server.uri().resolve("index.html").toString());
        assertFalse(browser.findElement(By.id("risk-lists")).isDisplayed(), "the tiles filter the matrix instead");
        WebElement overdue = browser.findElement(By.id("risk-tile-overdue"));
        assertEquals("2 with overdue plans", overdue.getText().replace("⚑", "").trim().replaceAll("\\s+", " "));
        overdue.click();
        assertEquals(List.of("device-management", "smart-agri"), visibleProducts());
        assertEquals("risk=overdue", query());
        assertEquals("true", overdue.getDomAttribute("aria-current"));
        assertEquals("overdue", new Select(browser.findElement(By.id("filter-risk"))).getFirstSelectedOption().getDomAttribute("value"));
        screenshot("matrix-risk-overdue.png");

        new Select(browser.findElement(By.id("filter-team"))).selectByValue("edge-team");
        assertEquals(List.of("device-management"), visibleProducts());
        assertEquals("team=edge-team&risk=overdue", query());
        browser.findElement(By.id("sort-readiness")).click();
        assertEquals("team=edge-team&risk=overdue&sort=readiness", query());

        PageLoad.refresh(browser);
        assertEquals(List.of("device-management"), visibleProducts(), "the reloaded page shows what its URL says");
        assertEquals("edge-team", new Select(browser.findElement(By.id("filter-team"))).getFirstSelectedOption().getDomAttribute("value"));
        assertEquals("true", browser.findElement(By.id("sort-readiness")).getDomAttribute("aria-pressed"));
        assertEquals("true", browser.findElement(By.id("risk-tile-overdue")).getDomAttribute("aria-current"));

        browser.findElement(By.id("risk-tile-overdue")).click();
        assertEquals("team=edge-team&sort=readiness", query(), "clicked again: no risk filter");
        assertEquals(List.of("device-management", "legacy-gateway"), visibleProducts());

        // a shared link: the stale products below their phase
        PageLoad.open(browser, server.uri().resolve("index.html?below=1&risk=stale").toString());
        assertEquals(List.of("legacy-gateway"), visibleProducts());
        assertTrue(browser.findElement(By.id("filter-below")).isSelected());
        browser.findElement(By.id("filter-below")).click();
        assertEquals("risk=stale", query());
        browser.findElement(By.id("filter-reset")).click();
        new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(5)).until(d -> query() == null);
        assertEquals(9, visibleRows().size());
        assertNoBrowserErrors();
    }

    /** The header's search box: a typed name lists the page, Escape closes the list, Enter opens the first. */
    @Test
    void theSearchBoxFindsPagesByName() throws IOException {
        PageLoad.open(browser, server.uri().resolve("products/data-api.html").toString());
        WebElement input = browser.findElement(By.id("site-search-input"));
        input.sendKeys("load test");
        WebElement results = browser.findElement(By.id("site-search-results"));
        new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(5)).until(d -> results.isDisplayed());
        List<WebElement> links = results.findElements(By.tagName("a"));
        assertEquals("Load testing", links.get(0).findElement(By.tagName("span")).getText());
        assertTrue(links.get(0).getDomProperty("href").endsWith("/standard/items.html#load-testing"),
                links.get(0).getDomProperty("href"));
        assertEquals("true", input.getDomAttribute("aria-expanded"));
        screenshot("search.png");
        input.sendKeys(org.openqa.selenium.Keys.ESCAPE);
        assertFalse(results.isDisplayed(), "Escape closes the list");

        input.clear();
        input.sendKeys("hoshimi smart");
        new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(5)).until(d -> results.isDisplayed());
        input.sendKeys(org.openqa.selenium.Keys.ARROW_DOWN);
        assertEquals("Hoshimi Smart Agri", browser.switchTo().activeElement().findElement(By.tagName("span")).getText(),
                "the arrow key moves into the results");
        browser.switchTo().activeElement().sendKeys(org.openqa.selenium.Keys.ENTER);
        new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(5))
                .until(d -> d.getCurrentUrl().endsWith("/products/smart-agri.html"));

        input = browser.findElement(By.id("site-search-input"));
        input.sendKeys("zzz-nothing");
        WebElement none = browser.findElement(By.cssSelector("#site-search-results .search-none"));
        new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(5)).until(d -> none.isDisplayed());
        assertEquals("Nothing found.", none.getText());
        assertNoBrowserErrors();
    }

    /** Opened from the disk, the search works too: the index is a script, not a fetch(). */
    @Test
    void theSearchBoxWorksFromFileUrls() throws IOException {
        PageLoad.open(browser, site.resolve("teams.html").toUri().toString());
        WebElement input = browser.findElement(By.id("site-search-input"));
        input.sendKeys("Edge");
        WebElement results = browser.findElement(By.id("site-search-results"));
        new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(5)).until(d -> results.isDisplayed());
        List<String> hrefs = results.findElements(By.tagName("a")).stream().map(a -> a.getDomProperty("href")).toList();
        assertTrue(hrefs.stream().anyMatch(h -> h.startsWith("file:") && h.endsWith("/teams.html#team-edge-team")),
                hrefs.toString());
        assertNoBrowserErrors();
    }

    private List<java.math.BigDecimal> rankingColumn(int cell) {
        return browser.findElements(By.cssSelector("#profit-ranking tbody tr")).stream()
                .map(r -> new java.math.BigDecimal(r.findElements(By.cssSelector("td")).get(cell).getDomAttribute("data-value")))
                .toList();
    }

    @Test
    void theCostRankingSortsByAnyColumnAndTheChartsShow() throws IOException {
        PageLoad.open(browser, server.uri().resolve("costs.html").toString());
        List<java.math.BigDecimal> profits = rankingColumn(3);
        assertEquals(profits.stream().sorted(java.util.Comparator.reverseOrder()).toList(), profits,
                "the server sorts by profit, highest first");
        assertTrue(browser.findElement(By.id("company-cost-chart")).isDisplayed());

        WebElement mrrHeading = browser.findElements(By.cssSelector("#profit-ranking thead th")).get(2);
        mrrHeading.findElement(By.tagName("button")).click();
        List<java.math.BigDecimal> mrr = rankingColumn(1);
        assertEquals(mrr.stream().sorted(java.util.Comparator.reverseOrder()).toList(), mrr, "by MRR, highest first");
        assertEquals("descending", mrrHeading.getDomAttribute("aria-sort"));
        mrrHeading.findElement(By.tagName("button")).click();
        assertEquals(mrr.stream().sorted().toList(), rankingColumn(1), "clicked again: lowest first");
        assertEquals("ascending", mrrHeading.getDomAttribute("aria-sort"));
        screenshot("costs.png");

        PageLoad.open(browser, server.uri().resolve("products/iot-platform.html#costs").toString());
        assertTrue(browser.findElement(By.id("cost-chart-iot-platform")).isDisplayed());
        assertTrue(browser.findElement(By.cssSelector("#cost-months tr.provisional")).isDisplayed());
        screenshot("product-costs.png");
        assertNoBrowserErrors();
    }

    /** SLOs measured (issue 16): a product page's SLO section with its chart, and the company page sorted by a month. */
    @Test
    void theSloSectionAndTheSloPageRender() throws IOException {
        PageLoad.open(browser, server.uri().resolve("products/camera-analytics.html#slos").toString());
        WebElement slo = browser.findElement(By.id("slo-inference-availability"));
        assertTrue(slo.findElement(By.cssSelector("svg.slo-chart")).isDisplayed());
        assertTrue(slo.findElement(By.cssSelector("table.slo-months tr.provisional")).isDisplayed());
        assertTrue(slo.findElement(By.cssSelector("h4")).getText().contains("Missed"));
        screenshot("product-slos.png");

        PageLoad.open(browser, server.uri().resolve("slos.html").toString());
        WebElement matrix = browser.findElement(By.id("slo-matrix"));
        assertTrue(matrix.isDisplayed());
        assertEquals(15, matrix.findElements(By.cssSelector("tbody tr")).size());
        WebElement october = matrix.findElements(By.cssSelector("thead th")).get(5);
        assertEquals("2026-10", october.getText().trim().replaceAll("\\s.*", ""));
        october.findElement(By.tagName("button")).click();
        october.findElement(By.tagName("button")).click();
        // lowest first: remote-support's connect-latency, 93.019 % (of a 90 % target), then camera-analytics'
        // alert-latency, 95.880 %; the month's only miss, inference-availability at 99.309 %, is lower than its target only
        assertEquals(List.of("connect-latency", "alert-latency"), matrix.findElements(By.cssSelector("tbody tr")).stream()
                .limit(2).map(r -> r.getDomAttribute("data-slo")).toList());
        screenshot("slos.png");
        assertNoBrowserErrors();
    }

    /**
     * Each text of the matched cells as the lines it is laid out on: the distinct tops of its text
     * nodes' line boxes (a Range has one client rect per line it spans).
     */
    private java.util.Map<String, Long> linesOfEachText(String cells) {
        // measure once the stylesheet is applied to the tables (a slow machine was seen measuring
        // before it, with every cell wrapped); a stylesheet that never applies fails here
        new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> "nowrap".equals(
                browser.executeScript("const th = document.querySelector('table.data thead th');"
                        + " return th && getComputedStyle(th).whiteSpace;")));
        @SuppressWarnings("unchecked")
        java.util.Map<String, Long> lines = (java.util.Map<String, Long>) browser.executeScript("""
                const lines = {};
                for (const cell of document.querySelectorAll(arguments[0])) {
                  const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
                  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                    const text = node.textContent.trim();
                    if (!text) continue;
                    const range = document.createRange();
                    range.selectNodeContents(node);
                    const tops = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
                    lines[text] = Math.max(lines[text] || 0, tops.size);
                  }
                }
                return lines;""", cells);
        return lines;
    }

    /** Whether the page scrolls sideways as a whole (it must not: wide tables scroll in their container). */
    private boolean pageOverflows() {
        return (Boolean) browser.executeScript(
                "return document.documentElement.scrollWidth > document.documentElement.clientWidth;");
    }

    /**
     * On a phone-sized screen a month ("2026-04") or an amount ("1,234,567") never breaks across
     * lines, though Chromium would break a squeezed month at its hyphen: the table scrolls in its
     * container instead, and the page itself does not scroll sideways.
     */
    @Test
    void monthsAndAmountsStayOnOneLineOnANarrowScreen() throws IOException {
        org.openqa.selenium.Dimension wide = browser.manage().window().getSize();
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(360, 800));
        try {
            PageLoad.open(browser, server.uri().resolve("products/iot-platform.html").toString());
            java.util.Map<String, Long> product = linesOfEachText("#cost-months th, #cost-months td.num");
            assertTrue(product.keySet().stream().anyMatch(t -> t.matches("\\d{4}-\\d{2}")), "months: " + product);
            assertTrue(product.keySet().stream().anyMatch(t -> t.matches("-?\\d{1,3}(,\\d{3})+")), "amounts: " + product);
            assertEquals(java.util.Map.of(), wrapped(product), "texts on more than one line");
            WebElement scroll = browser.findElement(By.cssSelector(".table-scroll:has(> #cost-months)"));
            assertTrue(((Number) browser.executeScript("return arguments[0].scrollWidth - arguments[0].clientWidth;",
                    scroll)).intValue() > 0, "the table is wider than the screen and scrolls in its container");
            assertFalse(pageOverflows(), "the page does not scroll sideways");
            screenshot("product-costs-narrow.png");

            PageLoad.open(browser, server.uri().resolve("costs.html").toString());
            java.util.Map<String, Long> costs = linesOfEachText("table.data .month, table.data td.num, table.data th.num");
            assertTrue(costs.keySet().stream().anyMatch(t -> t.matches("\\d{4}-\\d{2}")), "months: " + costs);
            assertEquals(java.util.Map.of(), wrapped(costs), "texts on more than one line");
            assertFalse(pageOverflows(), "the page does not scroll sideways");
            screenshot("costs-narrow.png");
        } finally {
            browser.manage().window().setSize(wide);
        }
        assertNoBrowserErrors();
    }

    private static java.util.Map<String, Long> wrapped(java.util.Map<String, Long> lines) {
        return lines.entrySet().stream().filter(e -> e.getValue() > 1)
                .collect(java.util.stream.Collectors.toMap(java.util.Map.Entry::getKey, java.util.Map.Entry::getValue));
    }

    /**
     * The home page of 120 products prints 50 rows; the script renders the view from matrix-data.js,
     * as many rows at a time, and filters and sorts every product, not only the printed ones.
     */
    @Test
    void theMatrixRendersRowsFromTheDataFiftyAtATime() throws IOException {
        PageLoad.open(browser, bigServer.uri().resolve("index.html").toString());
        assertEquals(50, visibleRows().size(), "the first fifty of 120, rendered from the data");
        assertEquals("50", browser.findElement(By.id("matrix")).getDomAttribute("data-rendered"));
        WebElement more = browser.findElement(By.id("matrix-more"));
        assertEquals("Show 50 more", more.getText());
        assertEquals("50 of 120 rows shown", browser.findElement(By.id("matrix-rows")).getText());
        more.click();
        assertEquals(100, visibleRows().size());
        assertEquals("Show 20 more", more.getText());
        more.click();
        assertEquals(120, visibleRows().size());
        assertFalse(browser.findElement(By.id("matrix-more-line")).isDisplayed(), "nothing more to show");

        new Select(browser.findElement(By.id("filter-phase"))).selectByValue("beta");
        long beta = (Long) browser.executeScript("var d = window.servicedocsMatrix; var beta = d.phases.map(function (p) { return p.id; })"
                + ".indexOf('beta'); return d.products.filter(function (r) { return r.p === beta; }).length;");
        assertTrue(beta > 0, "the generator makes beta products");
        assertEquals(Math.min(50, beta), visibleRows().size());
        assertTrue(visibleRows().stream().allMatch(r -> "beta".equals(r.get("data-phase"))));
        assertEquals(beta + " of 120 products shown", browser.findElement(By.id("filter-status")).getText());
        assertEquals("phase=beta", query());
        new Select(browser.findElement(By.id("filter-phase"))).selectByValue("");

        browser.findElement(By.id("sort-readiness")).click();
        List<Integer> percents = visibleRows().stream().map(r -> Integer.parseInt(r.get("data-percent"))).toList();
        assertEquals(50, percents.size());
        assertEquals(percents.stream().sorted((a, b) -> b - a).toList(), percents, "sorted by readiness, best first");
        long best = (Long) browser.executeScript("return Math.max.apply(null, window.servicedocsMatrix.products.map(function (r) { return r.pc; }));");
        assertEquals(best, percents.get(0).longValue(), "the best of every product, not of the printed ones");
        screenshot("matrix-120-sorted.png");
        assertNoBrowserErrors();
    }

    /**
     * Rows drawn by the script carry no tooltips; a cell gets its own when the pointer or the focus
     * first reaches it, and it says what the printed page's tooltip of that cell says.
     */
    @Test
    void aDrawnCellGetsTheTooltipThePagePrintsOnHoverAndFocus() throws IOException {
        org.jsoup.nodes.Document printed = org.jsoup.Jsoup.parse(
                Files.readString(dir.resolve("big-site/index.html")), "");
        PageLoad.open(browser, bigServer.uri().resolve("index.html").toString());
        assertEquals("50", browser.findElement(By.id("matrix")).getDomAttribute("data-rendered"));
        assertEquals(0L, browser.executeScript("return document.querySelectorAll('#matrix .tip').length;"),
                "the drawn rows have no tooltips until asked");
        List<WebElement> rows = browser.findElements(By.cssSelector("#matrix tr[data-product]"));
        WebElement hovered = rows.get(0).findElements(By.cssSelector("td.cell .cell-link")).get(0);
        List<WebElement> tenth = rows.get(9).findElements(By.cssSelector("td.cell .cell-link"));
        WebElement focused = tenth.get(tenth.size() - 1); // of the rows the page prints too
        new org.openqa.selenium.interactions.Actions(browser).moveToElement(hovered).perform();
        assertTrue(hovered.findElement(By.className("tip")).isDisplayed(), "shown under the pointer");
        browser.executeScript("arguments[0].focus();", focused); // (this scrolls the matrix: the pointer leaves the cell)
        assertEquals(2L, browser.executeScript("return document.querySelectorAll('#matrix .tip').length;"),
                "one tooltip for the hovered cell, one for the focused one");
        for (WebElement link : List.of(hovered, focused)) {
            String href = link.getDomAttribute("href");
            org.jsoup.nodes.Element cell = printed.selectFirst("#matrix a.cell-link[href=\"" + href + "\"]");
            assertTrue(cell != null, "the printed page has the cell " + href + " (one of its first rows)");
            String drawn = (String) browser.executeScript(
                    "return Array.from(arguments[0].querySelector('.tip').children).map(e => e.textContent.trim()).join(' | ');", link);
            assertEquals(String.join(" | ", cell.select(".tip > *").eachText()), drawn, href);
        }
        new org.openqa.selenium.interactions.Actions(browser).moveToElement(hovered).perform();
        assertEquals(2L, browser.executeScript("return document.querySelectorAll('#matrix .tip').length;"),
                "built once per cell");
        assertNoBrowserErrors();
    }

    /** A keyboard user skips the matrix: the skip link moves the focus to what follows it. */
    @Test
    void theSkipLinkMovesTheFocusPastTheMatrix() {
        PageLoad.open(browser, server.uri().resolve("index.html").toString());
        WebElement skip = browser.findElement(By.cssSelector("a.skip-past"));
        browser.executeScript("arguments[0].focus();", skip);
        assertEquals(skip, browser.switchTo().activeElement(), "the link takes the focus");
        // (its :focus style, which shows it, needs a focused window, which a headless one is not)
        new org.openqa.selenium.interactions.Actions(browser).sendKeys(org.openqa.selenium.Keys.ENTER).perform();
        assertEquals("after-matrix", browser.switchTo().activeElement().getDomAttribute("id"));
        assertNoBrowserErrors();
    }

    /** Without JavaScript every product is one click away: the list pages link them all. */
    @Test
    void theListPageLinksEveryProduct() {
        PageLoad.open(browser, bigServer.uri().resolve("index.html").toString());
        browser.findElement(By.cssSelector("#matrix-pages a")).click();
        assertTrue(browser.getCurrentUrl().endsWith("/matrix/1.html"), browser.getCurrentUrl());
        List<String> links = browser.findElements(By.cssSelector("table.product-list tbody th a")).stream()
                .map(a -> a.getDomAttribute("href")).distinct().toList();
        assertEquals(120, links.size());
        assertTrue(links.stream().allMatch(h -> h.matches("\\.\\./products/product-\\d+\\.html")), links.get(0));
        assertNoBrowserErrors();
    }

    private void assertNoBrowserErrors() {
        List<LogEntry> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue()).toList();
        assertEquals(List.of(), errors.stream().map(LogEntry::getMessage).toList(), "browser console");
    }

    private void screenshot(String name) throws IOException {
        Path target = Path.of("target/screenshots", name);
        Files.createDirectories(target.getParent());
        Files.write(target, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

}
