package io.servicedocs.site;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The Chrome or Chromium and the chromedriver {@link BrowserTest} drives. Machines differ:
 * .ci/run installs Debian's chromium and chromium-driver (/usr/bin/chromium, /usr/bin/chromedriver),
 * while GitHub's ubuntu runners ship Google Chrome and a matching chromedriver elsewhere and cannot
 * install Debian's packages. So {@code CHROME_BIN} and {@code CHROMEDRIVER} name them, and Debian's
 * paths are the default. A variable that is set wins even when its file is missing: the lookup then
 * finds nothing rather than quietly testing another browser than the one configured.
 */
record BrowserInstallation(Path browser, Path driver) {

    static final Path DEBIAN_CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path DEBIAN_CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    /** The browser and driver of this machine, configured by {@code env} or else Debian's. */
    static Optional<BrowserInstallation> find(Map<String, String> env) {
        return find(env, DEBIAN_CHROMIUM, DEBIAN_CHROMEDRIVER);
    }

    static Optional<BrowserInstallation> find(Map<String, String> env, Path defaultBrowser, Path defaultDriver) {
        Path browser = configured(env, "CHROME_BIN").orElse(defaultBrowser);
        Path driver = configured(env, "CHROMEDRIVER").orElse(defaultDriver);
        if (Files.isRegularFile(browser) && Files.isExecutable(browser)
                && Files.isRegularFile(driver) && Files.isExecutable(driver)) {
            return Optional.of(new BrowserInstallation(browser, driver));
        }
        return Optional.empty();
    }

    private static Optional<Path> configured(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).map(String::strip).filter(value -> !value.isEmpty()).map(Path::of);
    }
}
