package io.servicedocs.site;

import java.time.Duration;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Opens a page in the test browser and returns once it is the page shown and loaded whole: parsed,
 * its scripts run. ChromeDriver's {@code get()} and {@code refresh()} can come back earlier on a
 * busy machine: a full test run once read the home matrix with 3 of its 9 rows parsed and none of
 * its filters applied. The document being left is marked, and the wait is for a document without
 * the mark whose {@code readyState} is {@code complete}.
 */
final class PageLoad {

    private static final Duration WAIT = Duration.ofSeconds(30);
    /**
     * How often the wait asks. With WebDriverWait's default, half a second, a page not yet shown at
     * the first ask cost 500 ms: the axe run's 50 page loads took 21.7 s with it and 19.4 s at 20 ms.
     */
    private static final Duration POLL = Duration.ofMillis(20);
    private static final String MARK = "servicedocsTestPageLeft";

    private PageLoad() {
    }

    /** Opens {@code url}, a new document (a change of the fragment alone is waited for as it is). */
    static void open(WebDriver browser, String url) {
        String current = browser.getCurrentUrl();
        boolean sameDocument = url.contains("#") && current != null && withoutFragment(current).equals(withoutFragment(url));
        navigate(browser, () -> browser.get(url), !sameDocument);
    }

    /** Reloads the page shown. */
    static void refresh(WebDriver browser) {
        navigate(browser, () -> browser.navigate().refresh(), true);
    }

    private static void navigate(WebDriver browser, Runnable navigation, boolean newDocument) {
        JavascriptExecutor page = (JavascriptExecutor) browser;
        if (newDocument) {
            page.executeScript("window." + MARK + " = true;");
        }
        navigation.run();
        new WebDriverWait(browser, WAIT).pollingEvery(POLL).until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "return !window." + MARK + " && document.readyState === 'complete';")));
    }

    private static String withoutFragment(String url) {
        int hash = url.indexOf('#');
        return hash < 0 ? url : url.substring(0, hash);
    }
}
