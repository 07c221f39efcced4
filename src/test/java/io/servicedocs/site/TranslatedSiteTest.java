package io.servicedocs.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.servicedocs.TestRepositories;
import io.servicedocs.cli.CliAccess;
import io.servicedocs.load.TranslationsTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A small repository whose standard carries Japanese translations, built in Japanese: the names
 * on the pages are the Japanese ones, and a guide of content/ja/ replaces its English original at
 * the same URL; the guides without a Japanese version stay English and are warned of once.
 */
class TranslatedSiteTest {

    @TempDir
    Path dir;

    private Path repository(String site) throws IOException {
        Path repo = TranslationsTest.translated(dir, site);
        TestRepositories.copySiteSources(repo);
        Files.writeString(repo.resolve("site.yaml"), site, StandardCharsets.UTF_8);
        // only the guides written here: the example's own content/ja/ translates every guide
        try (var copied = Files.list(repo.resolve("content/ja"))) {
            for (Path guide : copied.toList()) {
                Files.delete(guide);
            }
        }
        Files.writeString(repo.resolve("content/ja/editing.adoc"), "= サービスドキュメントの編集方法\n\n"
                + "プロダクトのファイルはプルリクエストで変更します。\n", StandardCharsets.UTF_8);
        Files.writeString(repo.resolve("content/ja/glossary.adoc"), "= 用語集\n\n成熟度マトリクスの用語。\n",
                StandardCharsets.UTF_8);
        return repo;
    }

    private static Document page(Path site, String path) throws IOException {
        return Jsoup.parse(site.resolve(path).toFile(), "UTF-8");
    }

    @Test
    void aSiteBuiltInJapaneseShowsTheJapaneseNamesAndGuides() throws IOException {
        Path repo = repository(TranslationsTest.SITE_JA);
        Path site = dir.resolve("site");
        CliAccess.Run run = SiteFixture.build(repo, site);
        assertEquals(0, run.status(), run.err());
        assertTrue(run.err().contains("content/costs.adoc:1:1: warning: 4 guides have no 'ja' version in content/ja/ and are "
                + "published in 'en': content/costs.adoc, content/levels.adoc, content/promotion.adoc, "
                + "content/slo-measurements.adoc [translation-missing]"), run.err());
        assertEquals(1, run.err().lines().filter(l -> l.contains("guides have no")).count(), run.err());

        Document matrix = page(site, "index.html");
        assertTrue(matrix.select("thead").text().contains("可用性"), matrix.select("thead").text());
        // the category is translated; the item title "Availability SLO" is not, and falls back to English
        assertFalse(java.util.regex.Pattern.compile("Availability(?! SLO)").matcher(matrix.select("thead").text()).find(),
                matrix.select("thead").text());
        assertTrue(matrix.select("thead").text().contains("Availability SLO"), matrix.select("thead").text());
        assertTrue(matrix.select(".brand-title").text().equals("本番対応状況"), matrix.select(".brand-title").text());
        assertTrue(matrix.select("footer").text().contains("テスト基準"), matrix.select("footer").text());
        Document product = page(site, "products/alpha.html");
        for (String name : new String[] {"可用性", "最重要", "チームアルファ", "管理者のMFA", "テスト基準"}) {
            assertTrue(product.text().contains(name), name + " on the product page: " + product.text());
        }
        assertTrue(page(site, "security.html").text().contains("管理者のMFA"));
        assertTrue(page(site, "standard/items.html").text().contains("SLIを継続的に計測している。"));

        Document editing = page(site, "guides/editing.html");
        assertTrue(editing.text().contains("サービスドキュメントの編集方法"), editing.text());
        assertFalse(editing.text().contains("How to edit a Service Doc"), "the English guide is replaced at the same URL");
        assertTrue(page(site, "guides/levels.html").text().contains(firstLine(repo.resolve("content/levels.adoc"))),
                "a guide with no Japanese version stays in English");
        assertTrue(page(site, "guides/glossary.html").text().contains("用語集"), "a guide only in Japanese is published");
    }

    @Test
    void theLanguageOptionBuildsTheSameRepositoryInAnotherLanguage() throws IOException {
        Path repo = repository(TranslationsTest.SITE_JA.replace("language: ja", "language: en"));
        Path site = dir.resolve("site");
        CliAccess.Run english = SiteFixture.build(repo, site);
        assertEquals(0, english.status(), english.err());
        assertFalse(english.err().contains("translation-missing"), english.err());
        assertTrue(page(site, "index.html").select("thead").text().contains("Availability"));
        assertTrue(page(site, "guides/editing.html").text().contains("How to edit a Service Doc"));
        assertFalse(Files.exists(site.resolve("guides/glossary.html")), "content/ja/ is not read in English");

        CliAccess.Run japanese = CliAccess.run("build", "--repo", repo.toString(), "--out", site.toString(),
                "--as-of", "2026-11-24", "--language", "ja");
        assertEquals(0, japanese.status(), japanese.err());
        Document matrix = page(site, "index.html");
        assertEquals("ja", matrix.select("html").attr("lang"));
        assertTrue(matrix.select("thead").text().contains("可用性"), matrix.select("thead").text());
        assertTrue(page(site, "guides/editing.html").text().contains("サービスドキュメントの編集方法"));
    }

    @Test
    void aLanguageWithoutInterfaceStringsIsAUsageError() throws IOException {
        Path repo = repository(TranslationsTest.SITE_JA);
        CliAccess.Run build = CliAccess.run("build", "--repo", repo.toString(), "--out", dir.resolve("site").toString(),
                "--language", "de");
        CliAccess.Run validate = CliAccess.run("validate", "--repo", repo.toString(), "--language", "de");
        for (CliAccess.Run run : new CliAccess.Run[] {build, validate}) {
            assertEquals(2, run.status(), run.err());
            assertEquals("servicedocs: --language 'de': templates/i18n has no messages_de.properties, so the site has "
                    + "no interface strings in it; languages with interface strings: en, ja\n", run.err());
            assertEquals("", run.out());
        }
        CliAccess.Run notACode = CliAccess.run("validate", "--repo", repo.toString(), "--language", "../ja");
        assertEquals(2, notACode.status());
        assertEquals("servicedocs: --language '../ja' is not a language code; expected a lower-case ISO 639-1 code, "
                + "optionally with a region (e.g. ja, pt-BR); languages with interface strings: en, ja\n", notACode.err());
        assertFalse(Files.exists(dir.resolve("site")), "nothing is built");
    }

    @Test
    void validateWarnsOfTheMissingTranslationsInTheLanguageAsked() throws IOException {
        Path repo = repository(TranslationsTest.SITE_JA.replace("language: ja", "language: en"));
        CliAccess.Run run = CliAccess.run("validate", "--repo", repo.toString(), "--as-of", "2026-11-24", "--language", "ja");
        assertEquals(0, run.status(), run.out() + run.err());
        assertTrue(run.out().contains("standards/standard.yaml:9:18: warning: 3 texts have no 'ja' translation and show "
                + "in 'en': tiers[0].description (tier-1), tiers[1].name (tier-2), tiers[1].description (tier-2) "
                + "[translation-missing]"), run.out());
        assertTrue(run.out().contains("valid: 0 error(s), 7 warning(s)"), run.out());
    }

    private static String firstLine(Path guide) throws IOException {
        return Files.readAllLines(guide).get(0).replaceFirst("^= ", "");
    }
}
