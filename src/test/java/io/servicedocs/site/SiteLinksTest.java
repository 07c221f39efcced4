package io.servicedocs.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Walks the whole generated site: every internal link and anchor must resolve. */
class SiteLinksTest {

    private static final Pattern LINK = Pattern.compile("(?:href|src)=\"([^\"]*)\"");
    private static final Pattern ID = Pattern.compile("\\sid=\"([^\"]+)\"");

    @TempDir
    Path dir;

    @Test
    void everyInternalLinkAndAnchorResolves() throws IOException {
        Path repo = SiteFixture.exampleWithSite(dir);
        Path site = dir.resolve("site");
        assertEquals(0, SiteFixture.build(repo, site).status());
        List<Path> pages;
        try (Stream<Path> files = Files.walk(site)) {
            pages = files.filter(f -> f.toString().endsWith(".html")).toList();
        }
        Map<Path, Set<String>> ids = new HashMap<>();
        List<String> broken = new ArrayList<>();
        int checked = 0;
        for (Path page : pages) {
            Matcher m = LINK.matcher(Files.readString(page));
            while (m.find()) {
                String link = m.group(1).replace("&amp;", "&");
                if (link.isEmpty() || link.matches("^[a-zA-Z][a-zA-Z+.-]*:.*") || link.startsWith("//")) {
                    continue; // external: http(s), mailto, data...
                }
                checked++;
                int hash = link.indexOf('#');
                String file = hash < 0 ? link : link.substring(0, hash);
                String anchor = hash < 0 ? null : link.substring(hash + 1);
                Path target = file.isEmpty() ? page : page.getParent().resolve(file).normalize();
                if (!target.startsWith(site) || !Files.isRegularFile(target)) {
                    broken.add(site.relativize(page) + " -> " + link + " (no such file)");
                } else if (anchor != null && !anchor.isEmpty() && target.toString().endsWith(".html")
                        && !ids.computeIfAbsent(target, SiteLinksTest::idsOf).contains(anchor)) {
                    broken.add(site.relativize(page) + " -> " + link + " (no such anchor)");
                }
            }
        }
        assertEquals(List.of(), broken);
        assertTrue(checked > 100, "the walk checked " + checked + " links");
    }

    private static Set<String> idsOf(Path page) {
        try {
            Set<String> ids = new HashSet<>();
            Matcher m = ID.matcher(Files.readString(page));
            while (m.find()) {
                ids.add(m.group(1));
            }
            return ids;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
