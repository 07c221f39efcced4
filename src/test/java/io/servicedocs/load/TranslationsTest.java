package io.servicedocs.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.servicedocs.TestRepositories;
import io.servicedocs.model.Diagnostic;
import io.servicedocs.model.SiteConfig;
import io.servicedocs.model.Standard;
import io.servicedocs.source.WorkingTreeSource;
import io.servicedocs.validate.Validation;
import io.servicedocs.validate.ValidationResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Translatable texts ({en: ..., ja: ...} or a plain string in the default language): each file
 * kind read in the site's language, the fallbacks, one translation-missing warning per file, and
 * the schema's errors for a text of the wrong form.
 */
public class TranslationsTest {

    private static SchemaValidator schemas;

    @TempDir
    Path dir;

    @BeforeAll
    static void schemas() {
        schemas = new SchemaValidator();
    }

    private static final String TEAMS = "teams:\n"
            + "  - id: team-a\n    name: {en: Team Alpha, ja: チームアルファ}\n    lead:\n      name: Ann\n"
            + "    chat: \"#alpha\"\n"
            + "  - id: team-b\n    name: Team Beta\n    lead:\n      name: Cid\n    chat: \"#beta\"\n";

    /** The minimal repository with one or more texts translated into Japanese in every file kind. */
    public static Path translated(Path dir, String site) throws IOException {
        Path repo = TestRepositories.minimalCopy(dir);
        Path standards = repo.resolve("standards");
        replace(standards.resolve("standard.yaml"), "name: Test Standard", "name: {en: Test Standard, ja: テスト基準}");
        replace(standards.resolve("standard.yaml"), "    name: Critical\n", "    name:\n      en: Critical\n      ja: 最重要\n");
        replace(standards.resolve("phases.yaml"), "name: Proof of concept", "name: {en: Proof of concept, ja: 概念実証}");
        replace(standards.resolve("quality-items.yaml"), "    title: Availability\n  - id: backup",
                "    title: {en: Availability, ja: 可用性}\n  - id: backup");
        replace(standards.resolve("quality-items.yaml"), "criteria: SLI measured continuously.",
                "criteria: {en: SLI measured continuously., ja: SLIを継続的に計測している。}");
        replace(standards.resolve("security-checklist.yaml"), "title: MFA for admins",
                "title: {en: MFA for admins, ja: 管理者のMFA}");
        Files.writeString(standards.resolve("teams.yaml"), TEAMS, StandardCharsets.UTF_8);
        Files.writeString(repo.resolve("site.yaml"), site, StandardCharsets.UTF_8);
        return repo;
    }

    public static final String SITE_JA = "title: {en: Readiness, ja: 本番対応状況}\nlanguage: ja\ncompany: Hoshimi\n";

    public static void replace(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        if (!text.contains(from)) {
            throw new AssertionError(file + " has no " + from);
        }
        Files.writeString(file, text.replace(from, to), StandardCharsets.UTF_8);
    }

    private static ValidationResult validate(Path repo) throws IOException {
        return validate(repo, Optional.empty());
    }

    private static ValidationResult validate(Path repo, Optional<String> language) throws IOException {
        return new Validation(schemas, TestRepositories.AS_OF, language).run(new WorkingTreeSource(repo));
    }

    private static List<String> found(ValidationResult result, String rule) {
        return result.diagnostics().stream().filter(d -> d.rule().startsWith(rule))
                .map(d -> d.severity().name().toLowerCase() + " " + d.file() + ":" + d.line() + ":" + d.column() + " "
                        + d.message()).toList();
    }

    @Test
    void everyFileKindIsReadInTheSiteLanguage() throws IOException {
        ValidationResult result = validate(translated(dir, SITE_JA));
        assertEquals(0, result.errorCount(), result.diagnostics().toString());
        Standard standard = result.repository().orElseThrow().standard();
        assertEquals("テスト基準", standard.info().name());
        assertEquals("最重要", standard.info().tiers().get(0).name());
        assertEquals("Standard", standard.info().tiers().get(1).name(), "a plain string shows in the default language");
        assertEquals("概念実証", standard.phases().get(0).name());
        assertEquals("可用性", standard.categories().get(0).title());
        assertEquals("SLIを継続的に計測している。", standard.items().get(0).levels().get(2).criteria());
        assertEquals("管理者のMFA", standard.checks().get(0).title());
        assertEquals("チームアルファ", standard.teams().get(0).name());
        assertEquals("Team Beta", standard.teams().get(1).name());
        SiteConfig site = result.repository().orElseThrow().site();
        assertEquals("本番対応状況", site.title());
        assertEquals(Optional.of("Hoshimi"), site.company());
        assertEquals("ja", site.language());
        assertEquals("en", site.defaultLanguage());
    }

    @Test
    void aSiteInItsDefaultLanguageReadsTheDefaultTextsAndWarnsOfNothing() throws IOException {
        ValidationResult result = validate(translated(dir, SITE_JA.replace("language: ja", "language: en")));
        Standard standard = result.repository().orElseThrow().standard();
        assertEquals("Test Standard", standard.info().name());
        assertEquals("Critical", standard.info().tiers().get(0).name());
        assertEquals("Availability", standard.categories().get(0).title());
        assertEquals("Readiness", result.repository().orElseThrow().site().title());
        assertEquals(List.of(), found(result, ""));
    }

    @Test
    void noWarningWhenTheLanguageIsTheDefaultLanguage() throws IOException {
        // A Japanese company writing its standard in Japanese: plain strings are Japanese, nothing is missing.
        Path repo = translated(dir, "title: 本番対応状況\nlanguage: ja\ndefault_language: ja\n");
        ValidationResult result = validate(repo);
        assertEquals(List.of(), found(result, ""));
        Standard standard = result.repository().orElseThrow().standard();
        assertEquals("テスト基準", standard.info().name());
        assertEquals("Standard", standard.info().tiers().get(1).name());
        assertEquals("ja", result.repository().orElseThrow().site().defaultLanguage());
    }

    @Test
    void aMissingTranslationFallsBackToTheDefaultLanguageElseTheFirstEntry() throws IOException {
        Path repo = translated(dir, SITE_JA);
        replace(repo.resolve("standards/phases.yaml"), "name: Beta", "name: {en: Beta}");
        replace(repo.resolve("standards/phases.yaml"), "name: General availability",
                "name: {fr: Disponibilité générale, de: Allgemein verfügbar}");
        Standard standard = validate(repo).repository().orElseThrow().standard();
        assertEquals("概念実証", standard.phases().get(0).name());
        assertEquals("Beta", standard.phases().get(1).name());
        assertEquals("Disponibilité générale", standard.phases().get(2).name());
    }

    @Test
    void aTextShowingInItsFirstLanguageIsNamedWithThatLanguage() throws IOException {
        Path repo = translated(dir, SITE_JA);
        replace(repo.resolve("standards/phases.yaml"), "name: Beta", "name: {ja: ベータ}");
        replace(repo.resolve("standards/phases.yaml"), "name: General availability",
                "name: {fr: Disponibilité générale, de: Allgemein verfügbar}");
        assertEquals(List.of("warning standards/phases.yaml:4:18 9 texts have no 'ja' translation and show in 'en': "
                        + "phases[0].description (poc), phases[0].customer_promise (poc), phases[1].description (beta), "
                        + "phases[1].customer_promise (beta), phases[2].description (ga), phases[2].customer_promise (ga), "
                        + "phases[3].name (sunset), phases[3].description (sunset), phases[3].customer_promise (sunset); "
                        + "1 text has no 'en' text (the default language) and shows in 'ja': phases[1].name (beta); "
                        + "1 text has no 'ja' translation and shows in 'fr': phases[2].name (ga)"),
                found(validate(repo), Translations.RULE).stream().filter(w -> w.contains("phases.yaml")).toList());
    }

    @Test
    void aTextWithoutTheDefaultLanguageIsWarnedOnASiteInTheDefaultLanguage() throws IOException {
        Path repo = TestRepositories.minimalCopy(dir); // no site.yaml: shown and written in English
        replace(repo.resolve("standards/phases.yaml"), "name: Beta", "name: {ja: ベータ, fr: Bêta}");
        replace(repo.resolve("standards/phases.yaml"), "name: Sunset", "name: {fr: Fin de vie}");
        replace(repo.resolve("standards/phases.yaml"), "description: Everyone.", "description: {ja: 全員。}");
        ValidationResult result = validate(repo);
        assertEquals(List.of("warning standards/phases.yaml:7:5 2 texts have no 'en' text (the default language) "
                        + "and show in 'ja': phases[1].name (beta), phases[2].description (ga); 1 text has no 'en' text "
                        + "(the default language) and shows in 'fr': phases[3].name (sunset)"),
                found(result, ""));
        assertEquals("ベータ", result.repository().orElseThrow().standard().phases().get(1).name());
        assertEquals("Fin de vie", result.repository().orElseThrow().standard().phases().get(3).name());
    }

    @Test
    void missingTranslationsAreWarnedOncePerFileAtTheFirstMissingText() throws IOException {
        ValidationResult result = validate(translated(dir, SITE_JA));
        assertEquals(List.of(
                "warning site.yaml:3:10 1 text has no 'ja' translation and shows in 'en': company",
                "warning standards/phases.yaml:4:18 11 texts have no 'ja' translation and show in 'en': "
                        + "phases[0].description (poc), phases[0].customer_promise (poc), phases[1].name (beta), "
                        + "phases[1].description (beta), phases[1].customer_promise (beta), phases[2].name (ga), "
                        + "phases[2].description (ga), phases[2].customer_promise (ga), phases[3].name (sunset), "
                        + "phases[3].description (sunset) and 1 more",
                "warning standards/quality-items.yaml:5:12 16 texts have no 'ja' translation and show in 'en': "
                        + "categories[1].title (backup), items[0].title (slo), items[0].description (slo), "
                        + "items[0].levels[0].title (slo), items[0].levels[0].criteria (slo), "
                        + "items[0].levels[1].title (slo), items[0].levels[1].criteria (slo), "
                        + "items[0].levels[2].title (slo), items[1].title (backup-restore), "
                        + "items[1].description (backup-restore) and 6 more",
                "warning standards/security-checklist.yaml:3:12 4 texts have no 'ja' translation and show in 'en': "
                        + "categories[0].title (identity), checks[0].description (mfa), checks[1].title (pentest), "
                        + "checks[1].description (pentest)",
                "warning standards/standard.yaml:9:18 3 texts have no 'ja' translation and show in 'en': "
                        + "tiers[0].description (tier-1), tiers[1].name (tier-2), tiers[1].description (tier-2)",
                "warning standards/teams.yaml:8:11 1 text has no 'ja' translation and shows in 'en': "
                        + "teams[1].name (team-b)"),
                found(result, Translations.RULE).stream().sorted().toList());
    }

    @Test
    void theLanguageOptionOverridesSiteYaml() throws IOException {
        Path repo = translated(dir, SITE_JA.replace("language: ja", "language: en"));
        ValidationResult result = validate(repo, Optional.of("ja"));
        assertEquals("テスト基準", result.repository().orElseThrow().standard().info().name());
        assertEquals("本番対応状況", result.repository().orElseThrow().site().title());
        assertEquals("ja", result.repository().orElseThrow().site().language());
        assertEquals(6, found(result, Translations.RULE).size());
    }

    @Test
    void findingsInATranslatedTextPointAtItsLineAsWritten() throws IOException {
        Path repo = translated(dir, SITE_JA);
        replace(repo.resolve("standards/phases.yaml"), "    description: Internal only.\n",
                "    description:\n      en: Internal only.\n      ja: 社内のみ pass:[<b>x</b>]\n");
        assertEquals(List.of("error standards/phases.yaml:6:11 AsciiDoc passthrough 'pass:[' would copy raw HTML "
                        + "into the site; expected plain AsciiDoc (write the content with AsciiDoc markup instead)"),
                found(validate(repo), "asciidoc-passthrough"));
        // Read in English, the Japanese text is judged all the same: building in Japanese would publish it.
        assertEquals(List.of("error standards/phases.yaml:6:11 AsciiDoc passthrough 'pass:[' would copy raw HTML "
                        + "into the site; expected plain AsciiDoc (write the content with AsciiDoc markup instead)"),
                found(validate(repo, Optional.of("en")), "asciidoc-passthrough"));
    }

    @Test
    void everyLanguageOfAnAsciidocFieldIsJudgedOnceAtItsOwnLine() throws IOException {
        Path repo = TestRepositories.minimalCopy(dir); // no site.yaml: an English site
        replace(repo.resolve("standards/phases.yaml"), "    description: Internal only.\n",
                "    description:\n      en: Internal +++<i>only</i>+++.\n      ja: 社内のみ pass:[<script>alert(1)</script>]\n");
        replace(repo.resolve("standards/phases.yaml"), "description: Everyone.", "description: Everyone pass:[<u>x</u>].");
        replace(repo.resolve("standards/quality-items.yaml"), "    description: Data can be restored.\n",
                "    description:\n      en: Data can be restored.\n      ja: " + "復".repeat(6000) + "\n");
        String passthrough = " would copy raw HTML into the site; expected plain AsciiDoc (write the content with "
                + "AsciiDoc markup instead)";
        List<String> expected = List.of(
                "error standards/phases.yaml:5:11 AsciiDoc passthrough '+++<i>only</i>+++'" + passthrough,
                "error standards/phases.yaml:6:11 AsciiDoc passthrough 'pass:['" + passthrough,
                "error standards/phases.yaml:14:18 AsciiDoc passthrough 'pass:['" + passthrough,
                "error standards/quality-items.yaml:29:11 AsciiDoc field is 18000 bytes long; expected at most 16384 "
                        + "bytes (16 KiB of UTF-8): put long text in a page under content/ and link to it");
        assertEquals(expected, found(validate(repo), "asciidoc-"));
        // Shown in Japanese, the text shown is the same text: still one finding each.
        assertEquals(expected, found(validate(repo, Optional.of("ja")), "asciidoc-"));
    }

    @Test
    void aTextOfTheWrongFormIsAnErrorAtItsPlace() throws IOException {
        Path repo = TestRepositories.minimalCopy(dir);
        Path phases = repo.resolve("standards/phases.yaml");
        replace(phases, "name: Proof of concept", "name: {en: Proof of concept, JA: 概念実証}");
        replace(phases, "name: Beta", "name: {}");
        replace(phases, "name: General availability", "name: {en: 3}");
        replace(phases, "name: Sunset", "name: [Sunset]");
        replace(phases, "description: Everyone.", "description: {en: ''}");
        replace(phases, "description: Chosen customers.", "description: ''");
        assertEquals(List.of(
                "error standards/phases.yaml:3:34 'JA' is not a language code in phases.0.name; expected a lower-case "
                        + "ISO 639-1 code, optionally with a region, e.g. en, ja, pt-BR",
                "error standards/phases.yaml:7:5 an empty mapping is not a text in phases.1.name; expected a text, "
                        + "or a mapping from language code to text such as {en: Availability, ja: 可用性}",
                "error standards/phases.yaml:8:18 the text is empty in phases.1.description; write it",
                "error standards/phases.yaml:11:16 3 is not a text in phases.2.name.en; each language of a "
                        + "translatable text maps to a text",
                "error standards/phases.yaml:12:23 the text is empty in phases.2.description.en; write the text, "
                        + "or leave the language out to show the default language's",
                "error standards/phases.yaml:15:5 a list is not a text in phases.3.name; expected a text, or a "
                        + "mapping from language code to text such as {en: Availability, ja: 可用性}"),
                found(validate(repo), "schema-"));
    }

    @Test
    void aSiteYamlThatFailsLeavesTheStandardReadInTheDefaults() throws IOException {
        Path repo = translated(dir, "title: {EN: Readiness}\nlanguage: ja\ndefault_language: JA\n");
        ValidationResult result = validate(repo);
        assertEquals(List.of(
                "error site.yaml:1:9 'EN' is not a language code in title; expected a lower-case ISO 639-1 code, "
                        + "optionally with a region, e.g. en, ja, pt-BR",
                "error site.yaml:3:19 'JA' is not valid here; expected a language code: a lower-case ISO 639-1 code, "
                        + "optionally with a region, e.g. en, ja, pt-BR"),
                found(result, "schema-"));
        Standard standard = result.repository().orElseThrow().standard();
        assertEquals("Test Standard", standard.info().name());
        assertEquals(SiteConfig.DEFAULT, result.repository().orElseThrow().site());
        assertEquals(List.of(), found(result, Translations.RULE));
    }

    @Test
    void aFileLoadedAloneIsReadInTheDefaultLanguageAndItsSalvageBinds() throws IOException {
        YamlDocument doc = new YamlReader().read("standards/phases.yaml", ("phases:\n"
                + "  - id: poc\n    name: {en: Proof of concept, JA: 概念実証}\n    description: Internal.\n"
                + "    customer_promise: {ja: なし, en: None.}\n").getBytes(StandardCharsets.UTF_8)).document().orElseThrow();
        LoadedDocument<StandardFiles.PhasesFile> loaded =
                new DocumentLoader(schemas).loadSalvaging(FileKind.PHASES, doc, StandardFiles.PhasesFile.class);
        assertEquals(List.of("standards/phases.yaml:3:34 'JA' is not a language code in phases.0.name; expected a "
                + "lower-case ISO 639-1 code, optionally with a region, e.g. en, ja, pt-BR"),
                loaded.diagnostics().stream().map(d -> d.file() + ":" + d.line() + ":" + d.column() + " " + d.message()).toList());
        Salvaged<StandardFiles.PhasesFile> salvaged = loaded.salvaged().orElseThrow();
        assertEquals(java.util.Set.of("/phases/0/name/JA"), salvaged.pruned());
        assertEquals("Proof of concept", salvaged.record().orElseThrow().phases().get(0).name());
        assertEquals("None.", salvaged.record().orElseThrow().phases().get(0).customerPromise());
    }

    @Test
    void aLanguageIsALanguageCodeWhereverItComesFrom() {
        // Language codes name folders (content/<lang>/): a value that is not one never gets that far.
        String expected = " is not a language code; expected a lower-case ISO 639-1 code, optionally with a region, "
                + "e.g. en, ja, pt-BR";
        assertEquals("language '../x'" + expected, assertThrows(IllegalArgumentException.class,
                () -> new Translations.Language("../x", "en")).getMessage());
        assertEquals("default language 'EN'" + expected, assertThrows(IllegalArgumentException.class,
                () -> new Translations.Language("ja", "EN")).getMessage());
        assertEquals("language 'null'" + expected, assertThrows(IllegalArgumentException.class,
                () -> new Translations.Language(null, "en")).getMessage());
        assertEquals("language '../x'" + expected, assertThrows(IllegalArgumentException.class,
                () -> SiteConfig.DEFAULT.withLanguage("../x")).getMessage());
        assertEquals("language 'ja/..'" + expected, assertThrows(IllegalArgumentException.class,
                () -> validate(TestRepositories.minimalCopy(dir), Optional.of("ja/.."))).getMessage());
        assertEquals("pt-BR", new Translations.Language("pt-BR", "en").shown());
        assertEquals("pt-BR", SiteConfig.DEFAULT.withLanguage("pt-BR").language());
    }

    @Test
    void aResolvedTextStandsWhereItsChosenTranslationIsWritten() {
        YamlDocument doc = new YamlReader().read("standards/standard.yaml", ("name:\n  en: Standard\n  ja: 基準\n"
                + "version: '1'\nreview_interval: P6M\n").getBytes(StandardCharsets.UTF_8)).document().orElseThrow();
        Translations.Resolved ja = Translations.resolve(FileKind.STANDARD, doc, new Translations.Language("ja", "en"));
        assertEquals("基準", ja.document().root().path("name").asString());
        assertEquals(new io.servicedocs.model.Position(3, 7), ja.document().locate("/name"));
        assertEquals(Optional.empty(), ja.missing());
        Translations.Resolved en = Translations.resolve(FileKind.STANDARD, doc, Translations.Language.DEFAULT);
        assertEquals(new io.servicedocs.model.Position(2, 7), en.document().locate("/name"));
        assertTrue(doc.root().path("name").isObject(), "the tree as written is left as it is");
    }
}
