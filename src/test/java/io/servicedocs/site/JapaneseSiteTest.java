package io.servicedocs.site;

import io.servicedocs.site.render.Messages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The example built in Japanese has no English left of its standard: every name and description
 * of the standard (phases, tiers, categories, items, levels, checks, teams, the site's title) and
 * every interface string of the English bundle is looked for in every page's text and in the
 * attributes a reader hears or sees (title, aria-label, alt). Only what the products and the cost
 * set-up write themselves may be English (the example's teams write in English: an evidence link
 * called "Threat model" is theirs): a text node that is part of a string of those files is left
 * out, and nothing else.
 */
class JapaneseSiteTest {

    /** The standard's translatable texts, as TRANSLATIONS of the format name them (pointer patterns). */
    private static final Map<String, List<String>> TEXTS = new LinkedHashMap<>();

    static {
        TEXTS.put("standards/standard.yaml", List.of("/name", "/tiers/*/name", "/tiers/*/description"));
        TEXTS.put("standards/phases.yaml", List.of("/phases/*/name", "/phases/*/description", "/phases/*/customer_promise"));
        TEXTS.put("standards/quality-items.yaml", List.of("/categories/*/title", "/categories/*/description",
                "/items/*/title", "/items/*/description", "/items/*/criteria", "/items/*/levels/*/title",
                "/items/*/levels/*/criteria"));
        TEXTS.put("standards/security-checklist.yaml", List.of("/categories/*/title", "/categories/*/description",
                "/checks/*/title", "/checks/*/description"));
        TEXTS.put("standards/teams.yaml", List.of("/teams/*/name", "/teams/*/description"));
        TEXTS.put("site.yaml", List.of("/title", "/company"));
        TEXTS.put("standards/campaigns/runbooks-for-ga.yaml", List.of("/title", "/why"));
        TEXTS.put("standards/sli-templates.yaml", List.of("/templates/*/title", "/templates/*/description",
                "/templates/*/parameters/*/description"));
    }

    private static Path site;
    private static Path repo;

    /** The example with {@code language: ja} in its site.yaml, built once per test JVM ({@link SiteFixture}). */
    @BeforeAll
    static void buildTheJapaneseExample() {
        SiteFixture.BuiltExample japanese = SiteFixture.builtJapaneseExample();
        repo = japanese.repo();
        site = japanese.site();
        assertTrue(!japanese.buildErrors().contains("translation-missing"),
                "the example is complete in Japanese:\n" + japanese.buildErrors());
    }

    @Test
    void noEnglishNameOrDescriptionOfTheStandardIsLeft() throws IOException {
        List<String> english = new ArrayList<>();
        YAMLMapper yaml = new YAMLMapper();
        for (var file : TEXTS.entrySet()) {
            JsonNode root = yaml.readTree(repo.resolve(file.getKey()).toFile());
            for (String pattern : file.getValue()) {
                for (JsonNode text : at(root, pattern.substring(1).split("/"), 0)) {
                    assertTrue(text.isObject() && text.has("ja"),
                            file.getKey() + pattern + " has no Japanese: " + text);
                    String en = text.get("en").asString().replaceAll("\\s+", " ").trim();
                    // the same in both only for an acronym (CI) or a term the Japanese interface keeps (Service Doc)
                    boolean kept = en.equals(text.get("ja").asString())
                            && (en.matches("[A-Z0-9/]+") || japaneseInterface().contains(en));
                    if (!kept) {
                        english.add(en);
                    }
                }
            }
        }
        assertTrue(english.size() > 250, english.size() + " English texts");
        assertEquals(new TreeSet<String>(), leftIn(english));
    }

    @Test
    void noEnglishInterfaceStringIsLeft() throws IOException {
        Map<String, String> en = Messages.load(Path.of("templates"), "en");
        Map<String, String> ja = Messages.load(Path.of("templates"), "ja");
        String japaneseInterface = japaneseInterface();
        // Whole interface strings, and the fixed parts of those with placeholders, of a word or more.
        List<String> english = en.entrySet().stream()
                .filter(e -> !e.getValue().equals(ja.get(e.getKey())))
                .flatMap(e -> Stream.of(e.getValue().split("\\{\\d+}|<[^>]*>")))
                .map(s -> s.replaceAll("\\s+", " ").trim())
                .filter(s -> s.matches(".*[A-Za-z]{3,}.*"))
                // terms the Japanese interface keeps in English on purpose, e.g. "Service Doc"
                .filter(s -> !japaneseInterface.contains(s))
                .toList();
        assertTrue(english.size() > 100, english.size() + " English interface strings");
        assertEquals(new TreeSet<String>(), leftIn(english));
    }

    /** Issue 14, example data: a final month corrected by a later billing period, in Japanese. */
    @Test
    void theCorrectionOfABillingPeriodReadsInJapanese() throws IOException {
        org.jsoup.nodes.Document ops = Jsoup.parse(site.resolve("products/ops-console.html").toFile());
        assertEquals(List.of("2026-09 請求期間 2026-10 による訂正: -6,600 JPY — Sentry 請求アカウント SN-84217 (サブアカウントなし) "
                + "Hoshimi Systems (Sentry Business)"), ops.select("ul.cost-corrections li").eachText());
        org.jsoup.nodes.Document costs = Jsoup.parse(site.resolve("costs.html").toFile());
        assertEquals("104,167 JPY (2026-08 から 104,166 JPY)",
                costs.select("#purchases-table tbody tr td").get(4).text());
    }

    /** The search box finds the Japanese names: the index is written in the site's language. */
    @Test
    void theSearchIndexHoldsTheJapaneseNames() throws IOException {
        JsonNode index = new tools.jackson.databind.json.JsonMapper().readTree(Files.readString(site.resolve("search-index.json")));
        assertEquals("ja", index.get("language").asString());
        Map<String, String> byUrl = new LinkedHashMap<>();
        index.get("entries").forEach(e -> byUrl.put(e.get("url").asString(), e.get("name").asString()));
        assertEquals("負荷試験", byUrl.get("standard/items.html#load-testing"));
        assertEquals("ペネトレーションテスト", byUrl.get("standard/checklist.html#penetration-test"));
        assertEquals("エッジ・デバイス", byUrl.get("teams.html#team-edge-team"));
        List<String> guides = byUrl.entrySet().stream().filter(e -> e.getKey().startsWith("guides/"))
                .map(Map.Entry::getValue).toList();
        assertTrue(!guides.isEmpty() && guides.stream().allMatch(g -> g.codePoints().anyMatch(c -> c > 0x3000)),
                "the guides of content/ja/: " + guides);
        assertTrue(Files.readString(site.resolve("search-index.js")).contains("\"name\":\"負荷試験\""));
    }

    private static String japaneseInterface() throws IOException {
        return String.join("\n", Messages.load(Path.of("templates"), "ja").values());
    }

    /** "text (page)" for every English text found as a whole phrase in a page's Japanese text. */
    private static TreeSet<String> leftIn(List<String> english) throws IOException {
        // longest first, so that "Hoshimi IoT Platform" is taken out before "IoT Platform" could be
        List<String> authored = authoredTexts().stream().filter(a -> !a.isEmpty())
                .sorted(java.util.Comparator.comparingInt(String::length).reversed()).toList();
        List<Pattern> patterns = english.stream()
                .map(s -> Pattern.compile("(?<![A-Za-z])" + Pattern.quote(s) + "(?![A-Za-z])")).toList();
        TreeSet<String> found = new TreeSet<>();
        try (Stream<Path> pages = Files.walk(site)) {
            for (Path page : pages.filter(p -> p.toString().endsWith(".html")).toList()) {
                // a guide quotes GitHub's own English screens ("Settings > Pages > Source"): there only
                // phrases count, on every other page single words too
                boolean guide = site.relativize(page).startsWith("guides");
                for (String line : readerText(Jsoup.parse(page.toFile()))) {
                    String ours = null;
                    for (int i = 0; i < patterns.size(); i++) {
                        if (patterns.get(i).matcher(line).find()) {
                            ours = ours == null ? withoutAuthored(line, authored) : ours;
                            boolean quotesGithub = guide && !english.get(i).contains(" ");
                            if (patterns.get(i).matcher(ours).find() && !quotesGithub) {
                                found.add(english.get(i) + " (" + site.relativize(page) + ": " + line + ")");
                            }
                        }
                    }
                }
            }
        }
        return found;
    }

    /** The line with every string the teams wrote taken out: what is left, the site wrote. */
    private static String withoutAuthored(String line, List<String> authored) {
        String left = line;
        for (String text : authored) {
            left = left.replace(text, "\u0000");
        }
        return left;
    }

    /** The texts a reader sees or hears: each text node and each title, aria-label, alt or placeholder. */
    private static List<String> readerText(Document page) {
        page.select("script, style, pre, code, kbd").remove(); // code is never translated
        List<String> lines = new ArrayList<>();
        NodeTraversor.traverse((node, depth) -> {
            if (node instanceof TextNode t) {
                lines.add(t.text().replaceAll("\\s+", " ").trim());
            } else if (node instanceof Element e) {
                for (String attribute : List.of("title", "aria-label", "alt", "placeholder")) {
                    if (e.hasAttr(attribute)) {
                        lines.add(e.attr(attribute));
                    }
                }
            }
        }, page);
        return lines;
    }

    /** Every string of the products' files and the cost set-up, whitespace folded: what the teams wrote. */
    private static List<String> authoredTexts() throws IOException {
        YAMLMapper yaml = new YAMLMapper();
        List<String> texts = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(repo.resolve("products"))) {
            files = new ArrayList<>(walk.filter(p -> p.toString().endsWith(".yaml")).toList());
        }
        files.add(repo.resolve("standards/costs.yaml"));
        for (Path file : files) {
            // every document of the file: slos.yaml holds several
            try (var documents = yaml.readerFor(JsonNode.class).<JsonNode>readValues(file.toFile())) {
                while (documents.hasNext()) {
                    collect(documents.next(), texts);
                }
            }
        }
        return texts;
    }

    private static void collect(JsonNode node, List<String> texts) {
        if (node.isString()) {
            texts.add(node.asString().replaceAll("\\s+", " ").trim());
        }
        node.forEach(child -> collect(child, texts));
    }

    private static List<JsonNode> at(JsonNode node, String[] parts, int i) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return List.of();
        }
        if (i == parts.length) {
            return List.of(node);
        }
        List<JsonNode> found = new ArrayList<>();
        if (parts[i].equals("*")) {
            node.forEach(child -> found.addAll(at(child, parts, i + 1)));
        } else {
            found.addAll(at(node.get(parts[i]), parts, i + 1));
        }
        return found;
    }
}
