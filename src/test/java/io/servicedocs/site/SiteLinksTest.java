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
import io.servicedocs.TestRepositories;
import io.servicedocs.load.SchemaValidator;
import io.servicedocs.model.Repository;
import io.servicedocs.model.SiteConfig;
import io.servicedocs.review.ReviewNames;
import io.servicedocs.source.WorkingTreeSource;
import io.servicedocs.validate.Validation;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Walks the whole generated site: every internal link and anchor must resolve, and so must the
 * links the review comment makes to the published site (one build for both).
 */
class SiteLinksTest {

    private static final Pattern LINK = Pattern.compile("(?:href|src)=\"([^\"]*)\"");
    private static final Pattern ID = Pattern.compile("\\sid=\"([^\"]+)\"");

    @TempDir
    static Path dir;

    private static Path repo;
    private static Path site;

    @BeforeAll
    static void build() throws IOException {
        repo = SiteFixture.exampleWithSite(dir);
        site = dir.resolve("site");
        assertEquals(0, SiteFixture.build(repo, site).status());
    }

    @Test
    void everyInternalLinkAndAnchorResolves() throws IOException {
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

    /** The review links every product, item and check of the base to a page (and anchor) the site has. */
    @Test
    void theReviewsLinksPointAtPagesOfThePublishedSite() throws IOException {
        String published = "https://hoshimi.example/readiness/";
        Repository example = new Validation(new SchemaValidator(), TestRepositories.AS_OF)
                .run(new WorkingTreeSource(repo)).repository().orElseThrow();
        SiteConfig settings = example.site();
        Repository base = new Repository(new SiteConfig(settings.title(), settings.language(), Optional.of(published),
                settings.company(), settings.fiscalYearStart()), example.standard(), example.products(), example.costs());
        ReviewNames names = ReviewNames.of(Optional.of(base), Optional.of(example));
        List<String> links = new ArrayList<>();
        example.products().forEach(p -> links.add(names.productUrl(p.id()).orElseThrow()));
        example.standard().items().forEach(i -> links.add(names.itemUrl(i.id()).orElseThrow()));
        example.standard().checks().forEach(c -> links.add(names.checkUrl(c.id()).orElseThrow()));
        List<String> broken = new ArrayList<>();
        for (String link : links) {
            assertTrue(link.startsWith(published), link);
            String relative = link.substring(published.length());
            int hash = relative.indexOf('#');
            Path target = site.resolve(hash < 0 ? relative : relative.substring(0, hash)).normalize();
            if (!target.startsWith(site) || !Files.isRegularFile(target)) {
                broken.add(link + " (no such file)");
            } else if (hash >= 0 && !idsOf(target).contains(relative.substring(hash + 1))) {
                broken.add(link + " (no such anchor)");
            }
        }
        assertEquals(List.of(), broken);
        assertEquals(example.products().size() + example.standard().items().size() + example.standard().checks().size(),
                links.size());
        assertTrue(links.contains(published + "products/data-api.html"), links.toString());
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
