package io.servicedocs.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.servicedocs.GitFixture;
import io.servicedocs.TestRepositories;
import io.servicedocs.cli.CliAccess;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Names beside ids in the review comment, linked to the published site's pages when site.yaml of
 * the base sets {@code base_url}: scripted pull requests on the minimal repository (alpha "Alpha"
 * in ga; beta-svc "Beta service" in beta, short of ga on slo and backup-restore).
 */
class ReviewNamesTest {

    private static final String SITE = "https://hoshimi.example/readiness/";
    private static final String BETA = "products/beta-svc/";

    @TempDir
    Path dir;

    private GitFixture repo;

    @BeforeEach
    void mainBranch() throws Exception {
        repo = GitFixture.init(dir.resolve("repo"), TestRepositories.MINIMAL);
    }

    private void publishedAt(String baseUrl) throws Exception {
        repo.write("site.yaml", "title: Readiness\nlanguage: en\nbase_url: " + baseUrl + "\n");
    }

    private void pullRequest(String branch) throws Exception {
        repo.commit("Initial", "Ann", LocalDate.of(2026, 10, 1));
        repo.branch(branch);
    }

    /** beta-svc promoted to ga (it misses slo and backup-restore), alpha's pentest answered no. */
    private void promoteAndChange() throws Exception {
        repo.write(BETA + "phase.yaml", "phase: ga\nsince: 2026-11-20\n");
        repo.replace("products/alpha/security.yaml", "  pentest:\n    answer: \"yes\"", "  pentest:\n    answer: \"no\"");
        repo.replace(BETA + "assessment.yaml", "  slo:\n    level: 1", "  slo:\n    level: 0");
    }

    private CliAccess.Run review(String head, String format) {
        return CliAccess.run("review", "--repo", repo.root().toString(), "--base", "main", "--head", head,
                "--as-of", "2026-11-24", "--format", format);
    }

    @Test
    void withoutBaseUrlNamesStandBesideIdsWithoutLinks() throws Exception {
        pullRequest("promote");
        promoteAndChange();
        repo.commit("Promote beta-svc", "Dee", LocalDate.of(2026, 11, 20));
        String md = review("promote", "markdown").out();
        assertTrue(md.contains("| Beta service (`beta-svc`) | beta → ga (promotion) | ❌ does not meet ga"), md);
        assertTrue(md.contains("**Beta service (`beta-svc`)** against ga: 1/3 requirements met"), md);
        assertTrue(md.contains("| Availability SLO (`slo`) | 2 | 0 | ❌ unmet |"), md);
        assertTrue(md.contains("| Beta service (`beta-svc`) | Availability SLO (`slo`) | 1 → 0 ⬇ |"), md);
        assertTrue(md.contains("| Alpha (`alpha`) | Penetration test (`pentest`) | yes → no |"), md);
        assertFalse(md.contains("]("), "no link without base_url: " + md);
    }

    @Test
    void withBaseUrlProductsItemsAndChecksLinkToTheirPages() throws Exception {
        publishedAt("https://hoshimi.example/readiness"); // without the final '/': added
        pullRequest("promote");
        promoteAndChange();
        repo.commit("Promote beta-svc", "Dee", LocalDate.of(2026, 11, 20));
        String md = review("promote", "markdown").out();
        String beta = "[Beta service](" + SITE + "products/beta-svc.html) (`beta-svc`)";
        String slo = "[Availability SLO](" + SITE + "standard/items.html#slo) (`slo`)";
        assertTrue(md.contains("| " + beta + " | beta → ga (promotion) | ❌ does not meet ga"), md);
        assertTrue(md.contains("**" + beta + "** against ga: 1/3 requirements met"), md);
        assertTrue(md.contains("| " + slo + " | 2 | 0 | ❌ unmet |"), md);
        assertTrue(md.contains("| [Backup and restore](" + SITE + "standard/items.html#backup-restore) (`backup-restore`)"
                + " | 1 | 0 | ❌ unmet |"), md);
        assertTrue(md.contains("| " + beta + " | " + slo + " | 1 → 0 ⬇ |"), md);
        assertTrue(md.contains("| [Alpha](" + SITE + "products/alpha.html) (`alpha`) | [Penetration test](" + SITE
                + "standard/checklist.html#pentest) (`pentest`) | yes → no |"), md);

        JsonNode json = JsonMapper.builder().build().readTree(review("promote", "json").out());
        assertEquals("Beta service", json.get("phase_changes").get(0).get("product_name").asString());
        assertEquals("Availability SLO", json.get("level_changes").get(0).get("item_title").asString());
        assertEquals("Penetration test", json.get("check_changes").get(0).get("check_title").asString());
        assertEquals("{\"alpha\":\"Alpha\",\"beta-svc\":\"Beta service\"}", json.get("product_names").toString());
    }

    /**
     * Two items titled "Backups" show with their category's title in every row and in the JSON;
     * two checks of one category and one title with the id too; a unique title stays bare.
     */
    @Test
    void itemsAndChecksOfTheSameTitleShowTheirCategory() throws Exception {
        String items = "standards/quality-items.yaml";
        repo.replace(items, "    title: Availability\n", "    title: Databases\n")
                .replace(items, "title: Backup and recovery", "title: Storage")
                .replace(items, "title: Availability SLO", "title: Backups")
                .replace(items, "title: Backup and restore", "title: Backups")
                .replace("standards/security-checklist.yaml", "title: Penetration test", "title: MFA for admins");
        pullRequest("promote");
        promoteAndChange();
        repo.commit("Promote beta-svc", "Dee", LocalDate.of(2026, 11, 20));
        String md = review("promote", "markdown").out();
        assertTrue(md.contains("| Backups (Databases) (`slo`) | 2 | 0 | ❌ unmet |"), md);
        assertTrue(md.contains("| Backups (Storage) (`backup-restore`) | 1 | 0 | ❌ unmet |"), md);
        assertTrue(md.contains("| Beta service (`beta-svc`) | Backups (Databases) (`slo`) | 1 → 0 ⬇ |"), md);
        assertTrue(md.contains("| Alpha (`alpha`) | MFA for admins (Identity, pentest) (`pentest`) | yes → no |"), md);

        JsonNode json = JsonMapper.builder().build().readTree(review("promote", "json").out());
        assertEquals("Backups (Databases)", json.get("level_changes").get(0).get("item_title").asString());
        assertEquals("MFA for admins (Identity, pentest)", json.get("check_changes").get(0).get("check_title").asString());
        assertEquals("Beta service", json.get("phase_changes").get(0).get("product_name").asString(), "products are not items");
    }

    /** Links come from the base: the published site is main's, so a pull request cannot move them or add pages. */
    @Test
    void linksComeFromTheBaseNotFromThePullRequest() throws Exception {
        publishedAt(SITE);
        pullRequest("elsewhere");
        publishedAt("https://evil.example/");
        repo.write(BETA + "phase.yaml", "phase: ga\nsince: 2026-11-20\n");
        repo.replace(BETA + "service-doc.yaml", "name: Beta service", "name: Beta Service 2");
        for (String file : new String[] {"service-doc.yaml", "phase.yaml", "assessment.yaml", "security.yaml",
                "finance.yaml"}) {
            String text = java.nio.file.Files.readString(repo.root().resolve("products/alpha/" + file));
            repo.write("products/gamma/" + file, file.equals("service-doc.yaml")
                    ? text.replace("id: alpha", "id: gamma").replace("name: Alpha", "name: Gamma") : text);
        }
        repo.commit("Move the site, rename beta-svc, add gamma", "Eve", LocalDate.of(2026, 11, 20));
        String md = review("elsewhere", "markdown").out();
        assertFalse(md.contains("evil.example"), md);
        assertTrue(md.contains("| [Beta Service 2](" + SITE + "products/beta-svc.html) (`beta-svc`) | beta → ga"),
                "the head's name, the base's address: " + md);
        assertTrue(md.contains("- added: Gamma (`gamma`)\n"), "no page for gamma on the published site yet: " + md);
    }

    @Test
    void aHostileNameCannotBreakTheLinkOrTheTable() throws Exception {
        publishedAt(SITE);
        pullRequest("hostile");
        repo.replace(BETA + "service-doc.yaml", "name: Beta service",
                "name: 'x](https://evil.example) | <b>bold</b> `tick` \\ [y'");
        repo.write(BETA + "phase.yaml", "phase: ga\nsince: 2026-11-20\n");
        repo.commit("Hostile name", "Eve", LocalDate.of(2026, 11, 20));
        String md = review("hostile", "markdown").out();
        String label = "x\\](https:" + MarkdownText.JOINER + "//evil.example) \\| \\<b\\>bold\\</b\\> \\`tick\\` \\\\ \\[y";
        String row = "| [" + label + "](" + SITE + "products/beta-svc.html) (`beta-svc`) | beta → ga (promotion) | ";
        assertTrue(md.contains(row), md);
        String line = md.lines().filter(l -> l.startsWith("| [x")).findFirst().orElseThrow();
        assertEquals(4, line.replace("\\\\", "").replace("\\|", "").chars().filter(c -> c == '|').count(),
                "three cells, whatever the name holds: " + line);
        assertFalse(md.contains("](https://evil"), md);
    }

    @Test
    void theBaseUrlIsRebuiltFromPartsThatCannotEndALink() {
        assertEquals(Optional.of("https://hoshimi.example/readiness/"), ReviewNames.linkBase("https://hoshimi.example/readiness"));
        assertEquals(Optional.of("http://localhost:8000/"), ReviewNames.linkBase("http://localhost:8000"));
        assertEquals(Optional.of("https://x.example/a%28b%29%7C%3C%3E/%C3%A9%20/"),
                ReviewNames.linkBase("https://x.example/a(b)|<>/%C3%A9%20"));
        assertEquals(Optional.of("https://x.example/100%25/"), ReviewNames.linkBase("https://x.example/100%/"));
        assertEquals(Optional.of("https://x.example/a%20b/"), ReviewNames.linkBase("HTTPS://x.example/a b"));
        assertEquals(Optional.of("https://x.example/a%0Ab/"), ReviewNames.linkBase("https://x.example/a\nb"),
                "a line break cannot end the row");
        for (String refused : new String[] {"https://good.example@evil.example/", "javascript:alert(1)",
                "https://x.example/?q=1", "https://x.example/#top", "ftp://x.example/", "https:///path",
                "https://[::1]/"}) {
            assertEquals(Optional.empty(), ReviewNames.linkBase(refused), refused);
        }
        assertEquals("a%20b%5D%28%7C%60", ReviewNames.pathSegment("a b](|`"));
    }
}
