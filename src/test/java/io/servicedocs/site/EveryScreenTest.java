package io.servicedocs.site;

import io.servicedocs.serve.PreviewServer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Every page of the example site, in English and in Japanese, on every screen: at 390 px wide no
 * page scrolls sideways (wide tables scroll in their own container), and axe-core (the WebJar's
 * axe.min.js, injected into the page) finds no accessibility violation in the light scheme, the dark
 * one and the Japanese site. One build per language, shared with the other site classes of the
 * test JVM ({@link SiteFixture#builtExample()}, {@link SiteFixture#builtJapaneseExample()}: the
 * Japanese one has {@code language: ja} in its site.yaml), and one browser for the whole class; the
 * screenshots of the main pages go to target/screenshots/ (desktop and 390 px, light and dark).
 *
 * <p>axe runs on every page, each page loaded once per language: every rule in the light scheme,
 * then, on the same page switched to the dark scheme, the rules whose outcome depends on colours
 * ({@link #COLOUR_RULES}). That is all the dark scheme can change: site.css's
 * {@code prefers-color-scheme: dark} block only redefines colour custom properties (and drops a
 * shadow), no script reads the scheme, and the browser applies the media query to the open page
 * as soon as it is emulated, so running the other rules a second time would test the same DOM.
 * The Japanese site differs from the English one only in its interface strings and its guides
 * (content/ja/): axe checks every Japanese page except the pages made from one template per record
 * ({@link #RECORD_FOLDERS}: products, campaigns), of which it checks the largest, the one with the
 * most sections; the English site has every one of them checked. A site of 120 generated products
 * adds the kinds of page the example is too small to have ({@link #BIG_SITE_PAGES}: the later pages
 * of the paged lists). axe.min.js is given to the
 * browser once, as a script of every new document, rather than sent with each page (half a
 * megabyte each time).
 */
class EveryScreenTest {

    @TempDir
    static Path dir;

    private static ChromeDriver browser;
    private static PreviewServer english;
    private static PreviewServer japanese;
    private static List<String> englishPages;
    private static List<String> japanesePages;
    private static Path japaneseSite;
    /** A site of 120 generated products: the pages only a big site has (the second page of a paged list). */
    private static PreviewServer big;
    /**
     * What only a big site has: a list page of the matrix, and the second page of each paged list
     * (with its pagers above and below the list; costs/N.html is a template of its own). Checked in
     * the light scheme: their colours are those of the pages the example has.
     */
    private static final List<String> BIG_SITE_PAGES = List.of("matrix/1.html", "costs/2.html", "security/2.html",
            "readiness/2.html");
    /** The axe rules that read colours: what the dark scheme can change. */
    private static final List<String> COLOUR_RULES = List.of("color-contrast", "link-in-text-block");
    private static String axe;
    /** Folders of pages made from one template, a page per record. */
    private static final List<String> RECORD_FOLDERS = List.of("products/", "campaigns/");

    @BeforeAll
    static void start() throws IOException {
        Optional<BrowserInstallation> installation = BrowserInstallation.find(System.getenv());
        if (installation.isEmpty() && System.getenv("CI") != null) {
            throw new AssertionError("CI must install chromium and chromium-driver (see .ci/run), or set CHROME_BIN"
                    + " and CHROMEDRIVER");
        }
        Assumptions.assumeTrue(installation.isPresent(), "browser test skipped: no chromium and chromedriver");
        // the example in English and in Japanese as the site classes that only read them have them
        // built (one build of each per test JVM)
        Path en = SiteFixture.builtExample().site();
        Path ja = SiteFixture.builtJapaneseExample().site();
        englishPages = pages(en);
        japanesePages = pages(ja);
        japaneseSite = ja;
        english = new PreviewServer(en, 0);
        japanese = new PreviewServer(ja, 0);
        Path generated = dir.resolve("generated");
        var generate = io.servicedocs.cli.CliAccess.run("generate", "--repo", SiteFixture.builtExample().repo().toString(),
                "--products", "120", "--out", generated.toString(), "--as-of", "2026-11-24");
        assertEquals(0, generate.status(), generate.err());
        var bigBuild = SiteFixture.build(generated, dir.resolve("big-site"));
        assertEquals(0, bigBuild.status(), bigBuild.err());
        big = new PreviewServer(dir.resolve("big-site"), 0);
        String axe;
        try (InputStream script = EveryScreenTest.class.getResourceAsStream(
                "/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js")) {
            axe = new String(script.readAllBytes(), StandardCharsets.UTF_8);
        }

        ChromeOptions options = new ChromeOptions();
        options.setBinary(installation.get().browser().toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1400,1000", "--hide-scrollbars",
                "--user-data-dir=" + dir.resolve("chromium-profile"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(installation.get().driver().toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30)).scriptTimeout(Duration.ofSeconds(60));
        EveryScreenTest.axe = axe;
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (english != null) {
            english.close();
        }
        if (japanese != null) {
            japanese.close();
        }
        if (big != null) {
            big.close();
        }
    }

    private static List<String> pages(Path site) throws IOException {
        try (Stream<Path> files = Files.walk(site)) {
            return files.filter(f -> f.toString().endsWith(".html")).map(f -> site.relativize(f).toString().replace('\\', '/'))
                    .sorted().toList();
        }
    }

    private void scheme(String scheme) {
        browser.executeCdpCommand("Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
    }

    private void phone(boolean phone) {
        if (phone) {
            browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                    Map.of("width", 390, "height", 844, "deviceScaleFactor", 2, "mobile", true));
        } else {
            browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    /**
     * The axe-core violations of the open page, one line each: rule, impact, the elements it names;
     * only the rules named, or every rule when none is.
     */
    @SuppressWarnings("unchecked")
    private List<String> axeViolations(List<String> rules) {
        return (List<String>) browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const rules = arguments[0];
                if (typeof axe === 'undefined') { done(['axe-core was not loaded into the page']); return; }
                axe.run(document, rules.length ? {runOnly: {type: 'rule', values: rules}, resultTypes: ['violations']}
                    : {resultTypes: ['violations']}).then(r => done(r.violations.map(v =>
                    v.id + ' (' + v.impact + '): ' + v.nodes.slice(0, 5).map(n => n.target.join(' ')
                      + (n.any.concat(n.all)[0] ? ' [' + n.any.concat(n.all)[0].message + ']' : '')).join(' | ')
                    + (v.nodes.length > 5 ? ' and ' + (v.nodes.length - 5) + ' more' : ''))),
                  e => done(['axe failed: ' + e]));""", rules);
    }

    /** Each page loaded once: every rule in the light scheme, then the colour rules in the dark one when asked. */
    private List<String> axeOnEveryPage(PreviewServer server, List<String> pages, String language, boolean dark) {
        List<String> found = new ArrayList<>();
        for (String page : pages) {
            scheme("light");
            PageLoad.open(browser, server.uri().resolve(page).toString());
            for (String violation : axeViolations(List.of())) {
                found.add(page + " (" + language + ", light): " + violation);
            }
            if (dark) {
                scheme("dark");
                assertEquals(Boolean.TRUE, browser.executeScript("return matchMedia('(prefers-color-scheme: dark)').matches"),
                        page + ": the dark scheme applies to the open page");
                for (String violation : axeViolations(COLOUR_RULES)) {
                    found.add(page + " (" + language + ", dark): " + violation);
                }
            }
        }
        scheme("light");
        return found;
    }

    /** Every page, except that of the pages of a record folder only the largest. */
    private static List<String> everyKindOfPage(Path site, List<String> pages) {
        List<String> kinds = new ArrayList<>();
        for (String page : pages) {
            Optional<String> folder = RECORD_FOLDERS.stream().filter(page::startsWith).findFirst();
            if (folder.isEmpty()) {
                kinds.add(page);
            } else if (kinds.stream().noneMatch(p -> p.startsWith(folder.get()))) {
                kinds.add(pages.stream().filter(p -> p.startsWith(folder.get()))
                        .max(java.util.Comparator.comparingLong(p -> site.resolve(p).toFile().length())).orElseThrow());
            }
        }
        return kinds;
    }

    @Test
    void axeFindsNoViolationsInLightDarkAndJapanese() {
        assertTrue(englishPages.size() > 20, "every page: " + englishPages);
        List<String> found = new ArrayList<>();
        Object injected = browser.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", axe))
                .get("identifier");
        try {
            found.addAll(axeOnEveryPage(english, englishPages, "en", true));
            found.addAll(axeOnEveryPage(japanese, everyKindOfPage(japaneseSite, japanesePages), "ja", true));
            found.addAll(axeOnEveryPage(big, BIG_SITE_PAGES, "en, 120 products", false));
        } finally {
            browser.executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument", Map.of("identifier", injected));
        }
        assertEquals(List.of(), found, "axe-core violations");
    }

    private List<String> overflowing(PreviewServer server, List<String> pages) {
        List<String> found = new ArrayList<>();
        for (String page : pages) {
            PageLoad.open(browser, server.uri().resolve(page).toString());
            Object widths = browser.executeScript("""
                    const page = document.documentElement;
                    if (page.scrollWidth <= innerWidth) return null;
                    const wide = [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > innerWidth + 1
                      && !e.closest('.table-scroll, pre, .listingblock, [data-scroll]'))
                      .slice(0, 4).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && e.className.baseVal === undefined ? '.' + String(e.className).trim().replace(/\\s+/g, '.') : '')
                        + ' ' + Math.round(e.getBoundingClientRect().right));
                    return page.scrollWidth + ' > ' + innerWidth + ': ' + wide.join(', ');""");
            if (widths != null) {
                found.add(page + ": " + widths);
            }
        }
        return found;
    }

    @Test
    void noPageScrollsSidewaysAt390Pixels() {
        phone(true);
        try {
            List<String> found = new ArrayList<>(overflowing(english, englishPages));
            overflowing(japanese, japanesePages).forEach(p -> found.add("ja/" + p));
            assertEquals(List.of(), found, "pages wider than a 390 px screen");
        } finally {
            phone(false);
        }
    }

    /** At 390 px the menu hides behind its button, which opens and closes it (Escape too); a wide table says to scroll. */
    @Test
    void theMenuCollapsesAndWideTablesSayToScrollOnAPhone() {
        phone(true);
        try {
            PageLoad.open(browser, english.uri().resolve("costs.html").toString());
            WebElement button = browser.findElement(By.cssSelector(".nav-toggle"));
            WebElement nav = browser.findElement(By.id("site-nav"));
            assertTrue(button.isDisplayed(), "the menu button");
            assertEquals("Menu", button.getText().trim());
            assertFalse(nav.isDisplayed(), "the menu is collapsed");
            button.click();
            assertEquals("true", button.getDomAttribute("aria-expanded"));
            assertTrue(nav.isDisplayed(), "opened by its button");
            nav.findElement(By.cssSelector("a")).sendKeys(Keys.ESCAPE);
            assertEquals("false", button.getDomAttribute("aria-expanded"));
            assertFalse(nav.isDisplayed(), "closed by Escape");
            assertEquals(button, browser.switchTo().activeElement(), "the focus goes back to the button");

            List<WebElement> hints = browser.findElements(By.cssSelector(".scroll-hint")).stream().filter(WebElement::isDisplayed).toList();
            assertFalse(hints.isEmpty(), "a wide table says to scroll");
            assertEquals("Scroll sideways to see the whole table \u2192", hints.get(0).getText());
            assertEquals("right", browser.findElements(By.cssSelector(".scroll-hint:not([hidden]) + .table-scroll")).get(0)
                    .getDomAttribute("data-overflow"));

            PageLoad.open(browser, japanese.uri().resolve("costs.html").toString());
            assertEquals("\u30e1\u30cb\u30e5\u30fc", browser.findElement(By.cssSelector(".nav-toggle")).getText().trim());
        } finally {
            phone(false);
        }
        PageLoad.open(browser, english.uri().resolve("costs.html").toString());
        assertFalse(browser.findElement(By.cssSelector(".nav-toggle")).isDisplayed(), "no menu button on a wide screen");
        assertTrue(browser.findElement(By.id("site-nav")).isDisplayed());
    }

    /**
     * Every chart's words (value and month labels, legend) stay inside the chart and clear of each
     * other: an axis label of 15,000,000 yen once lost its first digits to the edge, and twelve
     * month labels ran into each other. Checked on every English page with a chart and on the
     * generated site's, as the browser lays them out on a wide screen and on a phone.
     */
    @Test
    void chartLabelsStayInsideTheirChartAndApart() throws IOException {
        Path site = SiteFixture.builtExample().site();
        List<String> withCharts = new ArrayList<>();
        for (String page : englishPages) {
            if (Files.readString(site.resolve(page)).contains("<svg class=\"chart")) {
                withCharts.add(page);
            }
        }
        assertTrue(withCharts.containsAll(List.of("costs.html", "products/iot-platform.html")), withCharts.toString());
        // and the generated site's: the company's months of 120 products (over a billion yen), a
        // product with twelve months of unit costs
        List<java.net.URI> charted = new ArrayList<>(withCharts.stream().map(page -> english.uri().resolve(page)).toList());
        charted.add(big.uri().resolve("costs.html"));
        charted.add(big.uri().resolve("products/product-00001.html"));
        List<String> found = new ArrayList<>();
        for (boolean phone : List.of(false, true)) {
            phone(phone);
            try {
                for (java.net.URI page : charted) {
                    PageLoad.open(browser, page.toString());
                    Object problems = browser.executeScript("""
                            const found = [];
                            for (const chart of document.querySelectorAll('svg.chart')) {
                              const frame = chart.getBoundingClientRect();
                              if (frame.width === 0) continue; // in a closed <details>
                              // words side by side need a space between them: 3 units of the chart's own
                              const gap = 3 * frame.width / chart.viewBox.baseVal.width;
                              const words = [...chart.querySelectorAll('text')].map(t => [t, t.getBoundingClientRect()])
                                .filter(([t, r]) => r.width > 0);
                              for (const [t, r] of words) {
                                if (r.left < frame.left - 0.5 || r.right > frame.right + 0.5) {
                                  found.push(chart.id + ': "' + t.textContent + '" leaves the chart');
                                }
                              }
                              for (let i = 0; i < words.length; i++) {
                                for (let j = i + 1; j < words.length; j++) {
                                  const [a, ra] = words[i], [b, rb] = words[j];
                                  if (ra.left < rb.right + gap && rb.left < ra.right + gap
                                      && ra.top < rb.bottom - 0.5 && rb.top < ra.bottom - 0.5) {
                                    found.push(chart.id + ': "' + a.textContent + '" runs into "' + b.textContent + '"');
                                  }
                                }
                              }
                            }
                            return found;""");
                    for (Object problem : (List<?>) problems) {
                        found.add((phone ? "390 px " : "") + page.getPath() + ": " + problem);
                    }
                }
            } finally {
                phone(false);
            }
        }
        assertEquals(List.of(), found, "chart labels cut off or overlapping");
    }

    /** Printed, the matrix fits the landscape sheet (no column cut off), its header repeats, the controls are gone. */
    @Test
    void theMatrixPrintsWithinTheSheet() {
        // an A4 landscape sheet with 8 mm margins is 281 mm = 1062 CSS px wide
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 1062, "height", 750, "deviceScaleFactor", 1, "mobile", false));
        browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        try {
            for (String page : List.of("index.html", "security.html", "costs.html", "products/iot-platform.html")) {
                PageLoad.open(browser, english.uri().resolve(page).toString());
                Object widest = browser.executeScript("""
                        return Math.max(...[...document.querySelectorAll('table')].map(t => t.getBoundingClientRect().right));""");
                assertTrue(((Number) widest).doubleValue() <= 1062, page + ": a table ends at " + widest + " px");
                assertEquals("table-header-group", browser.executeScript(
                        "const h = document.querySelector('thead'); return h ? getComputedStyle(h).display : 'table-header-group';"), page);
                assertEquals("none", browser.executeScript("return getComputedStyle(document.querySelector('.site-header')).display;"),
                        page + ": no menu on paper");
            }
        } finally {
            browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
            phone(false);
        }
    }

    /**
     * A screenshot of the page once it has loaded. Chromium's capture can time out when the machine
     * is busy (two test JVMs share two cores): the page is then opened and captured once more.
     */
    private byte[] screenshot(String url) {
        for (int attempt = 1; ; attempt++) {
            PageLoad.open(browser, url);
            try {
                return browser.getScreenshotAs(OutputType.BYTES);
            } catch (org.openqa.selenium.TimeoutException e) {
                if (attempt == 2) {
                    throw e;
                }
            }
        }
    }

    @Test
    void screenshotsOfTheMainPages() throws IOException {
        List<String> shown = List.of("index.html", "products/iot-platform.html", "security.html", "costs.html",
                englishPages.stream().filter(p -> p.startsWith("campaigns/")).findFirst().orElse("campaigns.html"));
        for (String scheme : List.of("light", "dark")) {
            scheme(scheme);
            for (boolean phone : List.of(false, true)) {
                phone(phone);
                for (String page : shown) {
                    String name = page.replace(".html", "").replace('/', '-') + "-" + (phone ? "390" : "desktop") + "-" + scheme + ".png";
                    Path target = Path.of("target/screenshots", name);
                    Files.createDirectories(target.getParent());
                    Files.write(target, screenshot(english.uri().resolve(page).toString()));
                }
            }
        }
        phone(false);
        scheme("light");
    }
}
