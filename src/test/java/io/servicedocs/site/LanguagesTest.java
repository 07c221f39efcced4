package io.servicedocs.site;

import io.servicedocs.site.render.Messages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The interface in English and Japanese: same keys in both bundles, every key used exists, both build. */
class LanguagesTest {

    private static final Path TEMPLATES = Path.of("templates");

    @Test
    void bothBundlesHaveTheSameKeys() throws IOException {
        Map<String, String> en = Messages.load(TEMPLATES, "en");
        Map<String, String> ja = Messages.load(TEMPLATES, "ja");
        assertEquals(en.keySet(), ja.keySet());
        assertTrue(en.size() > 40, "the interface has " + en.size() + " strings");
        assertTrue(ja.values().stream().filter(v -> v.codePoints().anyMatch(c -> c >= 0x3040 && c <= 0x9FFF)).count()
                > en.size() / 2, "the Japanese bundle is in Japanese");
    }

    @Test
    void everyKeyTheTemplatesNameExists() throws IOException {
        Set<String> known = Messages.load(TEMPLATES, "en").keySet();
        Pattern literalKey = Pattern.compile("t\\[\\s*['\"]([^'\"]+)['\"]\\s*\\]");
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> templates = Files.list(TEMPLATES)) {
            for (Path template : templates.filter(f -> f.toString().endsWith(".ftl")).toList()) {
                Matcher m = literalKey.matcher(Files.readString(template));
                while (m.find()) {
                    if (!known.contains(m.group(1))) {
                        missing.add(template.getFileName() + ": " + m.group(1));
                    }
                }
            }
        }
        assertEquals(Set.of(), missing);
    }

    @Test
    void theSiteConfigurationPicksTheLanguage() throws IOException {
        // the example with "language: ja" in its site.yaml, built once per test JVM
        Path site = SiteFixture.builtJapaneseExample().site();
        Map<String, String> ja = Messages.load(TEMPLATES, "ja");
        for (String page : new String[] {"index.html", "products/data-api.html", "readiness.html", "standard/items.html"}) {
            String html = Files.readString(site.resolve(page));
            assertTrue(html.contains("<html lang=\"ja\""), page);
            assertTrue(html.contains(ja.get("nav.matrix")), page + " shows the Japanese navigation");
            assertFalse(html.contains(Messages.load(TEMPLATES, "en").get("nav.readiness")), page + " has English left");
        }
    }
}
