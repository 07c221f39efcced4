package io.servicedocs.site;

import io.servicedocs.serve.PreviewServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The browser half of bench/browser.sh, not a test: skipped unless -Dbench.sites names built sites
 * (label=folder,label=folder). Each site is served on loopback by the preview server and its home
 * page opened in headless Chromium, RUNS times (-Dbench.runs, 3 by default), alternating between the
 * sites; per site the median of: the load event (HTML parsed, scripts run, images and styles
 * loaded), and the time to interactive ({@link #INTERACT}): from navigation start until the
 * matrix script has rendered its rows, plus the time a change of the phase filter then takes to
 * apply (the rows it shows counted); both parts are printed too. Figures go to -Dbench.out (a
 * file) and stdout.
 */
class BrowserBenchmark {

    @TempDir
    Path dir;

    private static final int LOAD_LIMIT_SECONDS = 150;

    /**
     * Interactive, measured in the page once it has loaded: the matrix script renders its rows in a
     * DOMContentLoaded listener (site.js's init), so the end of that event, from the navigation's
     * timing entry, is when the first rows are there and the filters answer; to it is added what one
     * change of the phase filter then takes, timed in the page up to the layout of the new rows
     * (the time a reader waits for the first filter to apply). The rows counted before and after.
     * A run whose page had not loaded or whose script has not shown its filters (-1 rows filtered)
     * is reported as not measured and left out of the medians.
     */
    private static final String INTERACT = """
            var nav = performance.getEntriesByType('navigation')[0];
            var ready = nav ? nav.domContentLoadedEventEnd : -1;
            var rows = document.querySelectorAll('#matrix tr[data-product]').length;
            var select = document.getElementById('filter-phase');
            var form = document.getElementById('matrix-filters');
            if (!rows || !select || !form || form.hidden) { return [ready, rows, -1, 0]; }
            var start = performance.now();
            select.value = select.options[select.options.length > 2 ? 2 : 1].value;
            select.dispatchEvent(new Event('change'));
            var shown = Array.prototype.filter.call(document.querySelectorAll('#matrix tr[data-product]'),
                function (r) { return !r.hidden && r.offsetParent !== null; }).length;
            return [ready, rows, shown, performance.now() - start];
            """;

    @Test
    void measure() throws IOException {
        String sites = System.getProperty("bench.sites", "");
        Assumptions.assumeFalse(sites.isEmpty(), "bench/browser.sh runs this with -Dbench.sites");
        Optional<BrowserInstallation> installation = BrowserInstallation.find(System.getenv());
        Assumptions.assumeTrue(installation.isPresent(), "no Chromium and chromedriver");
        int runs = Integer.getInteger("bench.runs", 3);
        Map<String, Path> folders = new java.util.LinkedHashMap<>();
        for (String pair : sites.split(",")) {
            String[] parts = pair.split("=", 2);
            folders.put(parts[0], Path.of(parts[1]));
        }
        Map<String, List<double[]>> results = new java.util.LinkedHashMap<>();
        Map<String, PreviewServer> servers = new java.util.LinkedHashMap<>();
        java.util.Set<String> timedOut = new java.util.HashSet<>();
        Map<String, Integer> unmeasured = new java.util.TreeMap<>();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(installation.get().browser().toFile());
        // the flags of BrowserTest
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1400,1000", "--user-data-dir=" + dir.resolve("profile"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(installation.get().driver().toFile()).usingAnyFreePort().build();
        ChromeDriver browser = new ChromeDriver(service, options);
        try {
            // under the driver's own three-minute limit; a page slower than this is reported as such
            browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(LOAD_LIMIT_SECONDS));
            browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(LOAD_LIMIT_SECONDS));
            for (Map.Entry<String, Path> site : folders.entrySet()) {
                servers.put(site.getKey(), new PreviewServer(site.getValue(), 0));
                results.put(site.getKey(), new ArrayList<>());
            }
            for (int run = 0; run < runs; run++) {
                for (String label : folders.keySet()) {
                    if (timedOut.contains(label)) {
                        continue; // once is enough to know
                    }
                    browser.get("about:blank");
                    try {
                        browser.get(servers.get(label).uri().resolve("index.html").toString());
                        // get() came back with the page still parsing in 2 of 7 loads (its navigation
                        // timing not ended, a dozen rows in the document): the page is measured loaded
                        new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(LOAD_LIMIT_SECONDS))
                                .until(driver -> "complete".equals(((org.openqa.selenium.JavascriptExecutor) driver)
                                        .executeScript("return document.readyState;")));
                    } catch (org.openqa.selenium.TimeoutException e) {
                        timedOut.add(label);
                        continue;
                    }
                    List<Object> measured;
                    try {
                        @SuppressWarnings("unchecked")
                        List<Object> answer = (List<Object>) browser.executeScript(INTERACT);
                        measured = answer;
                    } catch (org.openqa.selenium.TimeoutException e) {
                        // loaded, but the renderer did not answer within the limit (the 80 MB page of 8803d21)
                        timedOut.add(label);
                        continue;
                    }
                    Object load = browser.executeScript(
                            "var t = performance.getEntriesByType('navigation')[0]; return t ? t.loadEventEnd : -1;");
                    double ready = ((Number) measured.get(0)).doubleValue();
                    double change = ((Number) measured.get(3)).doubleValue();
                    if (ready <= 0 || ((Number) measured.get(2)).doubleValue() < 0) {
                        unmeasured.merge(label, 1, Integer::sum); // reported, not counted in the medians
                        continue;
                    }
                    results.get(label).add(new double[] {((Number) load).doubleValue(), ready + change,
                            ((Number) measured.get(1)).doubleValue(), ((Number) measured.get(2)).doubleValue(), ready, change});
                }
            }
        } finally {
            browser.quit();
            servers.values().forEach(PreviewServer::close);
        }
        StringBuilder report = new StringBuilder(String.format("%-10s %12s %18s %10s %14s %16s %12s%n", "site", "load (ms)",
                "interactive (ms)", "rows", "rows filtered", "rows shown (ms)", "filter (ms)"));
        timedOut.forEach(label -> report.append(String.format("%-10s not loaded or not interactive within %d s%n", label, LOAD_LIMIT_SECONDS)));
        unmeasured.forEach((label, n) -> report.append(String.format(
                "%-10s %d of %d runs not measured: the page had not loaded or its matrix had no filters%n", label, n, runs)));
        results.entrySet().removeIf(e -> e.getValue().isEmpty());
        results.forEach((label, list) -> report.append(String.format("%-10s %12.0f %18.0f %10.0f %14.0f %16.0f %12.0f%n", label,
                median(list, 0), median(list, 1), list.get(list.size() - 1)[2], list.get(list.size() - 1)[3],
                median(list, 4), median(list, 5))));
        System.out.print(report);
        String out = System.getProperty("bench.out", "");
        if (!out.isEmpty()) {
            Files.writeString(Path.of(out), report);
        }
    }

    private static double median(List<double[]> runs, int index) {
        double[] values = runs.stream().mapToDouble(r -> r[index]).sorted().toArray();
        return values[values.length / 2];
    }
}
