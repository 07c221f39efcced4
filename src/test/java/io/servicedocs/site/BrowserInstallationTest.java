package io.servicedocs.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BrowserInstallationTest {

    @TempDir
    Path dir;

    private Path executable(String name) throws IOException {
        Path file = Files.writeString(dir.resolve(name), "#!/bin/sh\n");
        assertTrue(file.toFile().setExecutable(true));
        return file;
    }

    @Test
    void theVariablesWinOverTheDefaults() throws IOException {
        Path chrome = executable("google-chrome");
        Path driver = executable("chromedriver");
        Path debianChromium = executable("chromium");
        Path debianDriver = executable("debian-chromedriver");

        assertEquals(Optional.of(new BrowserInstallation(chrome, driver)), BrowserInstallation.find(
                Map.of("CHROME_BIN", chrome.toString(), "CHROMEDRIVER", driver.toString()), debianChromium, debianDriver));
        assertEquals(Optional.of(new BrowserInstallation(chrome, debianDriver)), BrowserInstallation.find(
                Map.of("CHROME_BIN", chrome.toString()), debianChromium, debianDriver), "each variable on its own");
    }

    @Test
    void withoutVariablesTheDefaultsAreUsed() throws IOException {
        Path debianChromium = executable("chromium");
        Path debianDriver = executable("chromedriver");

        assertEquals(Optional.of(new BrowserInstallation(debianChromium, debianDriver)),
                BrowserInstallation.find(Map.of(), debianChromium, debianDriver));
        assertEquals(Optional.of(new BrowserInstallation(debianChromium, debianDriver)),
                BrowserInstallation.find(Map.of("CHROME_BIN", " ", "CHROMEDRIVER", ""), debianChromium, debianDriver),
                "an empty variable is not set");
    }

    @Test
    void aMissingOrNonExecutableFileFindsNothing() throws IOException {
        Path debianChromium = executable("chromium");
        Path debianDriver = executable("chromedriver");
        Path plain = Files.writeString(dir.resolve("not-executable"), "");

        assertEquals(Optional.empty(), BrowserInstallation.find(
                Map.of("CHROME_BIN", dir.resolve("missing").toString()), debianChromium, debianDriver),
                "a configured browser that is missing is not replaced by the default");
        assertEquals(Optional.empty(), BrowserInstallation.find(
                Map.of("CHROMEDRIVER", plain.toString()), debianChromium, debianDriver));
        assertEquals(Optional.empty(), BrowserInstallation.find(
                Map.of("CHROMEDRIVER", dir.toString()), debianChromium, debianDriver), "a folder is no driver");
        assertEquals(Optional.empty(), BrowserInstallation.find(Map.of(), dir.resolve("none"), debianDriver));
    }
}
