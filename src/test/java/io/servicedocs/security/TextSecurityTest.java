package io.servicedocs.security;

import static io.servicedocs.security.PlantedAttacks.guarded;
import static io.servicedocs.security.AttackRepository.assertNoSecretIn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.servicedocs.cli.CliAccess;
import io.servicedocs.security.PlantedAttacks.Planted;
import io.servicedocs.load.TextCharacters;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Valid output for any text: characters that would make a page or an image malformed are refused
 * in YAML with their place; every other character, however odd, comes out escaped, and every SVG
 * and HTML file of the site stays well-formed.
 */
class TextSecurityTest {

    /** A generous guard against hangs, not a speed target. */

    /** Markup, a CDATA end, comment delimiters, quotes, emoji, RTL marks and overrides, U+2028/9, NBSP, tab. */
    static final String ODD = "<b id=\"injected\">&amp; \"q\" 'a' ]]> --> <!-- </script> x < y && z"
            + " \uD83D\uDE00 \u200F\u202Eevil\u202C \u2028 \u2029 \u00A0\ttab";
    /** The part of {@link #ODD} a page's text shows as it is (whitespace aside). */
    static final String ODD_SHOWN = "<b id=\"injected\">&amp; \"q\" 'a' ]]> --> <!-- </script> x < y && z";

    @TempDir
    Path dir;


    /** {@code text} as a YAML double-quoted scalar (tabs and other characters stay raw). */
    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    @Test
    void everySvgAndHtmlFileIsWellFormedWhateverTheAllowedText() throws Exception {
        try (AttackRepository repo = AttackRepository.create(dir)) {
            String doc = "products/data-api/service-doc.yaml";
            repo.replace(doc, "name: Hoshimi Data API", "name: " + quoted(ODD))
                    .replace(doc, "summary: Gives customers", "summary: " + quoted(ODD) + "\n# Gives customers")
                    .replace(doc, "Telemetry from the IoT platform", ODD)
                    .replace(doc, "role: Data engineer, on-call lead", "role: " + quoted(ODD))
                    .replace("products/data-api/slos.yaml", "displayName: Query API availability",
                            "displayName: " + quoted(ODD))
                    .replace(doc, "purpose: Telemetry stream loaded into BigQuery.", "purpose: " + quoted(ODD))
                    .replace("products/data-api/assessment.yaml", "note: Load test at 3x", "note: " + quoted(ODD)
                            + "\n    # Load test at 3x")
                    .replace("site.yaml", "title: {en: Hoshimi Production Readiness, ja: ホシミ本番対応状況}", "title: " + quoted(ODD))
                    .replace("site.yaml", "company: {en: Hoshimi Systems, ja: ホシミシステムズ}", "company: " + quoted(ODD));
            for (String month : List.of("2026-09", "2026-10", "2026-11")) {
                repo.replace("cost-data/aws/" + month + ".yaml", "name: hoshimi-sandbox", "name: " + quoted(ODD));
            }
            Path out = repo.outside("site");

            CliAccess.Run build = guarded(() -> repo.build(out)); // validates first
            CliAccess.Run review = guarded(repo::review);

            assertEquals(0, build.status(), build.out() + build.err());
            List<Path> svgs = files(out, ".svg");
            List<Path> pages = files(out, ".html");
            assertTrue(svgs.size() >= 10 && pages.size() >= 20, svgs + " " + pages);
            List<String> problems = new ArrayList<>();
            for (Path svg : svgs) {
                xmlProblem(svg).ifPresent(p -> problems.add(out.relativize(svg) + ": " + p));
            }
            for (Path page : pages) {
                Parser parser = Parser.htmlParser().setTrackErrors(100);
                Document html = Jsoup.parse(Files.readString(page, StandardCharsets.UTF_8), "", parser);
                parser.getErrors().forEach(e -> problems.add(out.relativize(page) + ": " + e));
                assertNull(html.getElementById("injected"), page + ": the markup in the text became an element");
                assertTrue(html.select("script:not([src])").isEmpty(), page + ": a script element from the text");
                int refused = TextCharacters.firstRefused(html.outerHtml());
                assertTrue(refused < 0, page + ": " + (refused < 0 ? "" : TextCharacters.describe(html.outerHtml(), refused)));
            }
            assertEquals(List.of(), problems, "every SVG and HTML file is well-formed");
            String productPage = Jsoup.parse(out.resolve("products/data-api.html").toFile(), "UTF-8").text();
            assertTrue(productPage.contains(ODD_SHOWN), "the odd text is shown as text: " + productPage);
            String badge = Files.readString(out.resolve("badges/data-api.svg"), StandardCharsets.UTF_8);
            assertTrue(badge.contains("&lt;b id=") && badge.contains("]]&gt;") && badge.contains("\uD83D\uDE00"), badge);

            for (CliAccess.Run run : List.of(build, review)) {
                assertFalse((run.out() + run.err()).contains("internal error"), run.out() + run.err());
                assertNoSecretIn(run);
            }
            assertNoSecretIn(out);
        }
    }

    private static Planted escaped(AttackRepository repo, String file, String from, String escape, String what)
            throws IOException {
        return plant(repo, file, from, escape, what + " in a string (from an escape such as \"\\x01\") is not allowed"
                + " in text; remove it");
    }

    private static Planted plant(AttackRepository repo, String file, String from, String inserted, String message)
            throws IOException {
        String content = Files.readString(repo.root().resolve(file), StandardCharsets.UTF_8);
        int at = content.indexOf(from);
        assertTrue(at >= 0, from + " not in " + file);
        int valueAt = from.indexOf(": ") + 2; // the text goes into a double-quoted value right after the key
        String value = from.substring(valueAt);
        boolean escape = inserted.startsWith("\\");
        String replaced = from.substring(0, valueAt) + (escape ? "\"" + value + inserted + "\"" : value + inserted);
        repo.write(file, content.substring(0, at) + replaced + content.substring(at + from.length()));
        String before = content.substring(0, at);
        int line = (int) before.chars().filter(c -> c == '\n').count() + 1;
        int column = at - before.lastIndexOf('\n') + valueAt + (escape ? 0 : value.length());
        return new Planted(file, line + ":" + column, TextCharacters.RULE, message);
    }

    private static Planted raw(AttackRepository repo, String file, String from, int c) throws IOException {
        String kind = c >= 0xFFFE ? "noncharacter " : "control character ";
        return plant(repo, file, from, Character.toString(c), kind + String.format("U+%04X", c)
                + " in the file is not allowed in text; remove it");
    }

    @Test
    void everyControlCharacterInAYamlStringIsRefusedAtItsPlaceByValidateBuildAndReview() throws Exception {
        try (AttackRepository repo = AttackRepository.create(dir)) {
            String name = "service-doc.yaml";
            List<Planted> attacks = List.of(
                    escaped(repo, "products/data-api/" + name, "name: Hoshimi Data API", "\\x01", "control character U+0001"),
                    escaped(repo, "products/iot-platform/" + name, "team: platform-team", "\\u0000", "control character U+0000"),
                    escaped(repo, "products/smart-agri/" + name, "audience: external", "\\e", "control character U+001B"),
                    escaped(repo, "products/device-management/" + name, "tier: tier-1", "\\x7f", "control character U+007F"),
                    escaped(repo, "products/factory-monitor/" + name, "audience: external",
                            "\\x85", "control character U+0085"),
                    escaped(repo, "products/remote-support/slos.yaml", "displayName: Session start success", "\\ud800",
                            "unpaired surrogate U+D800"),
                    escaped(repo, "products/ops-console/" + name, "tier: tier-3", "\\uFFFE", "noncharacter U+FFFE"),
                    escaped(repo, "cost-data/aws/2026-01.yaml", "name: hoshimi-sandbox", "\\u009b", "control character U+009B"),
                    escaped(repo, "site.yaml", "en: Hoshimi Systems", "\\N", "control character U+0085"),
                    raw(repo, "products/camera-analytics/" + name, "name: ", 0x01),
                    raw(repo, "products/legacy-gateway/" + name, "name: ", 0x85),
                    raw(repo, "products/data-api/assessment.yaml", "assessed_by: ", 0xFFFF),
                    raw(repo, "standards/standard.yaml", "name: ", 0x1B),
                    key(repo));
            PlantedAttacks.Runs runs = PlantedAttacks.assertRefusedEverywhere(repo, attacks);
            for (CliAccess.Run run : runs.all()) {
                assertEquals(-1, TextCharacters.firstRefused(run.out() + run.err()), "messages name, not print, them");
            }
        }
    }

    /** An escaped control character in a key. */
    private static Planted key(AttackRepository repo) throws IOException {
        String file = "products/data-api/finance.yaml";
        String content = Files.readString(repo.root().resolve(file), StandardCharsets.UTF_8);
        int at = content.indexOf("  \"2025-06\":");
        repo.write(file, content.substring(0, at) + "  \"2025-06\\x01\":" + content.substring(at + "  \"2025-06\":".length()));
        int line = (int) content.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
        return new Planted(file, line + ":3", TextCharacters.RULE, "control character U+0001 in a key (from an escape such as \"\\x01\")");
    }

    private static List<Path> files(Path folder, String suffix) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(f -> f.toString().endsWith(suffix)).sorted().toList();
        }
    }

    /** The first problem of a namespace-aware XML parse (no DTDs, no external entities), if any. */
    private static java.util.Optional<String> xmlProblem(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        DocumentBuilder builder = factory.newDocumentBuilder();
        builder.setErrorHandler(new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) throws SAXException {
                throw e;
            }

            @Override
            public void error(SAXParseException e) throws SAXException {
                throw e;
            }

            @Override
            public void fatalError(SAXParseException e) throws SAXException {
                throw e;
            }
        });
        try {
            org.w3c.dom.Document svg = builder.parse(file.toFile());
            if (!"http://www.w3.org/2000/svg".equals(svg.getDocumentElement().getNamespaceURI())) {
                return java.util.Optional.of("the root is not an SVG element");
            }
            return java.util.Optional.empty();
        } catch (SAXParseException e) {
            return java.util.Optional.of(e.getLineNumber() + ":" + e.getColumnNumber() + ": " + e.getMessage());
        }
    }
}
