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
 * links the review comment makes to the published site; the teams of standards/teams.yaml show
 * by name wherever a team shows, with their card on the teams page; two items of the same title
 * are told apart by their category wherever an item's title stands alone (one build for all).
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
        // two items titled "Backups" (one in " backups " case and blanks), in categories renamed to Storage and Databases
        Path items = repo.resolve("standards/quality-items.yaml");
        String yaml = Files.readString(items);
        for (String[] r : new String[][] {{"title: {en: Backup and restore, ja: バックアップとリストア}", "title: Backups"},
                {"title: {en: Data retention and deletion, ja: データの保持と削除}", "title: \" backups \""},
                {"title: {en: Backup and recovery, ja: バックアップと復旧}", "title: Storage"},
                {"title: {en: Data protection, ja: データ保護}", "title: Databases"}}) {
            assertTrue(yaml.contains(r[0]), r[0]);
            yaml = yaml.replace(r[0], r[1]);
        }
        Files.writeString(items, yaml);
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

    /** Teams are data: display names on every page, a card per team with lead, chat, GitHub team and products. */
    @Test
    void teamsShowTheirNamesAndTheirCardsFromTeamsYaml() throws IOException {
        String teams = Files.readString(site.resolve("teams.html"));
        String card = teams.substring(teams.indexOf("<section class=\"team-card\" id=\"team-platform-team\""));
        card = card.substring(0, card.indexOf("</section>"));
        assertTrue(card.contains("<h2 id=\"th-platform-team\">IoT Platform</h2>"), card);
        assertTrue(card.contains("<dt>Lead</dt>\n    <dd><span class=\"person\"><span class=\"person-name\">Kenji Watanabe</span> "
                + "<span class=\"muted\">(Engineering lead)</span><br><a href=\"mailto:kenji.watanabe@hoshimi.example\">"), card);
        assertTrue(card.contains("<dt>Chat</dt>\n    <dd><a href=\"https://hoshimi.slack.com/archives/C04PLATFORM\" "
                + "rel=\"noopener\"><code>#team-platform</code></a></dd>"), card);
        assertTrue(card.contains("<dt>GitHub team</dt>\n    <dd><a href=\"https://github.com/orgs/hoshimi/teams/platform-team\" "
                + "rel=\"noopener\"><code>@hoshimi/platform-team</code></a></dd>"), card);
        assertTrue(card.contains("<a href=\"products/iot-platform.html\">Hoshimi IoT Platform</a>"), card);
        // a chat without a link is its name alone; a team without github_team has no such line
        String internalTools = teams.substring(teams.indexOf("id=\"team-internal-tools\""));
        internalTools = internalTools.substring(0, internalTools.indexOf("</section>"));
        assertTrue(internalTools.contains("<dd><code>#team-internal-tools</code></dd>") && !internalTools.contains("GitHub team"), internalTools);
        assertEquals(8, teams.split("class=\"team-card\"", -1).length - 1, "one card per team of teams.yaml");

        String product = Files.readString(site.resolve("products/device-management.html"));
        assertTrue(product.contains("<a class=\"pill pill-team\" href=\"../teams.html#team-edge-team\">Team: Edge &amp; Devices</a>"),
                "the product page links its team by name");
        assertTrue(product.contains("<dt>Team</dt><dd><a href=\"../teams.html#team-edge-team\">Edge &amp; Devices</a></dd>"));
        String matrix = Files.readString(site.resolve("index.html"));
        assertTrue(matrix.contains("<option value=\"edge-team\">Edge &amp; Devices</option>"), "the filter keeps ids, shows names");
        assertTrue(matrix.contains("· <a href=\"teams.html#team-edge-team\">Edge &amp; Devices</a>"));
        // the index and each product's file both carry the team's id and name
        tools.jackson.databind.JsonNode export = tools.jackson.databind.json.JsonMapper.builder().build()
                .readTree(Files.readString(site.resolve("api/products.json")));
        assertEquals(List.of("device-management edge-team Edge & Devices", "legacy-gateway edge-team Edge & Devices"),
                export.get("products").valueStream().filter(p -> p.get("team").asString().equals("edge-team"))
                        .map(p -> p.get("id").asString() + " " + p.get("team").asString() + " " + p.get("team_name").asString())
                        .sorted().toList());
        assertEquals(List.of("device-management edge-team Edge & Devices", "legacy-gateway edge-team Edge & Devices"),
                SiteFixture.exportedProducts(site).valueStream().filter(p -> p.get("team").asString().equals("edge-team"))
                        .map(p -> p.get("id").asString() + " " + p.get("team").asString() + " " + p.get("team_name").asString())
                        .sorted().toList());
    }

    /** The review links every product, item and check of the base to a page (and anchor) the site has. */
    @Test
    void theReviewsLinksPointAtPagesOfThePublishedSite() throws IOException {
        String published = "https://hoshimi.example/readiness/";
        Repository example = new Validation(new SchemaValidator(), TestRepositories.AS_OF)
                .run(new WorkingTreeSource(repo)).repository().orElseThrow();
        SiteConfig settings = example.site();
        Repository base = new Repository(new SiteConfig(settings.title(), settings.language(), Optional.of(published),
                settings.company(), settings.fiscalYearStart(), settings.defaultLanguage()), example.standard(), example.products(), example.costs());
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

    /** Two items titled "Backups": each shows with its category wherever a title stands alone; a unique title stays bare. */
    @Test
    void itemsOfTheSameTitleShowTheirCategory() throws IOException {
        String matrix = Files.readString(site.resolve("index.html"));
        assertTrue(matrix.contains("title=\"Storage: Backups (Storage)\"><span class=\"vtext\">Backups (Storage)</span></a></th>"),
                "the matrix header");
        assertTrue(matrix.contains("<span class=\"vtext\">backups (Databases)</span>"), "the other one, its blanks trimmed");
        assertTrue(matrix.contains("<span class=\"vtext\">Disaster recovery</span>"), "a unique title stays bare");
        tools.jackson.databind.JsonNode product = SiteFixture.exportedProducts(site).valueStream()
                .filter(p -> p.get("current").get("gaps").valueStream().anyMatch(g -> g.asString().equals("backup-restore")))
                .findFirst().orElseThrow();
        tools.jackson.databind.JsonNode item = product.get("current").get("items").valueStream()
                .filter(i -> i.get("id").asString().equals("backup-restore")).findFirst().orElseThrow();
        assertEquals("Backups / Backups (Storage)", item.get("title").asString() + " / " + item.get("display_title").asString());
        tools.jackson.databind.JsonNode unique = product.get("current").get("items").valueStream()
                .filter(i -> i.get("id").asString().equals("disaster-recovery")).findFirst().orElseThrow();
        assertEquals("Disaster recovery", unique.get("display_title").asString());
        String page = Files.readString(site.resolve("products/" + product.get("id").asString() + ".html"));
        String gaps = page.substring(page.indexOf("<div id=\"current-gaps\""), page.indexOf("<div id=\"next-gaps\""));
        assertTrue(gaps.contains("<li><a href=\"#item-backup-restore\">Backups (Storage)</a>: Level "), gaps);
        String readiness = Files.readString(site.resolve("readiness.html"));
        assertTrue(readiness.contains(".html#item-backup-restore\">Backups (Storage)</a>"), "the readiness page's gap lists");
        // the items page groups by category: there the bare title shows under its category's heading
        String itemsPage = Files.readString(site.resolve("standard/items.html"));
        assertTrue(itemsPage.contains("<h3 id=\"h-backup-restore\">Backups <code class=\"id\">backup-restore</code></h3>"));
    }

    /** A security category's description shows under its heading on the checklist page. */
    @Test
    void theChecklistShowsCategoryDescriptions() throws IOException {
        String checklist = Files.readString(site.resolve("standard/checklist.html"));
        assertTrue(checklist.contains("<h2>Identity and access</h2>\n  <p class=\"lead-sm\">Only the right people and services "
                + "get in, and we can tell who did what.</p>"), checklist);
        String governance = checklist.substring(checklist.indexOf("<h2>Governance and response</h2>"));
        assertTrue(!governance.substring(0, governance.indexOf("<div class=\"check-list\">")).contains("<p"),
                "a category without a description has none");
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
