package io.servicedocs.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.servicedocs.model.Position;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The plain subset of YAML ({@link PlainBlockYaml}) gives the tree, places and diagnostics of the
 * full path for every text: compared file by file and node by node on the example repository and
 * the test repositories, and on thousands of randomly broken variants of their files.
 */
class PlainBlockYamlTest {

    private static final String PRODUCT = """
            # yaml-language-server: $schema=../../schemas/finance.schema.json
            id: product-00001
            name: "Product 1"
            owners:
              team: team-1   # a comment
              product_manager:
                name: 'Product manager 1'
            assessed_on: 2026-11-04
            retrieved: 2026-07-04T00:00:00Z
            empty:
            retired: false
            months:
              "2025-11":
                mrr: {amount: 6350437, currency: JPY}
                share: 12.50
                demand: -3
            cost_elements:
              - provider: aws
                id: "900000000001"
            tags:
            - plain text, with colons:inside and 'quotes'
            - 42
            """;

    @Test
    void readsThePlainSubsetAsTheFullPathDoes() {
        PlainBlockYaml.Tree tree = PlainBlockYaml.read(PRODUCT).orElseThrow();
        YamlDocument doc = new YamlDocument("f.yaml", tree.root(), tree.rootPlace(), tree.places());
        assertEquals("product-00001", doc.root().get("id").asString());
        assertEquals("Product 1", doc.root().get("name").asString());
        assertEquals("team-1", doc.root().at("/owners/team").asString(), "a comment ends a plain scalar");
        assertEquals("2026-11-04", doc.root().get("assessed_on").asString(), "a date is text");
        assertEquals("2026-07-04T00:00:00Z", doc.root().get("retrieved").asString());
        assertEquals("", doc.root().get("empty").asString(), "an empty value is an empty text, as Jackson reads it");
        assertTrue(doc.root().get("retired").isBoolean());
        assertEquals(6350437, doc.root().at("/months/2025-11/mrr/amount").intValue());
        assertTrue(doc.root().at("/months/2025-11/mrr/amount").isInt());
        assertEquals(new BigDecimal("12.50"), doc.root().at("/months/2025-11/share").decimalValue(), "decimals exactly");
        assertEquals(-3, doc.root().at("/months/2025-11/demand").intValue());
        assertEquals("900000000001", doc.root().at("/cost_elements/0/id").asString());
        assertEquals("plain text, with colons:inside and 'quotes'", doc.root().at("/tags/0").asString());
        assertEquals(42, doc.root().at("/tags/1").intValue());
        // places: a scalar at its first character (a quoted one at its quote), a mapping at its key
        assertEquals(new Position(3, 7), doc.locate("/name"));
        assertEquals(new Position(4, 1), doc.locate("/owners"));
        assertEquals(new Position(7, 11), doc.locate("/owners/product_manager/name"));
        assertEquals(new Position(10, 7), doc.locate("/empty"), "an empty value just after its ':'");
        assertEquals(new Position(14, 5), doc.locateKey("/months/2025-11/mrr"));
        assertEquals(new Position(14, 19), doc.locate("/months/2025-11/mrr/amount"));
        assertEquals(new Position(14, 38), doc.locate("/months/2025-11/mrr/currency"));
        assertEquals(new Position(18, 15), doc.locate("/cost_elements/0/provider"));
        assertEquals(new Position(19, 9), doc.locate("/cost_elements/0/id"));
        assertEquals(new Position(22, 3), doc.locate("/tags/1"));
        PlainYamlComparison comparison = new PlainYamlComparison();
        comparison.compare("f.yaml", PRODUCT.getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of(), comparison.differences);
    }

    @Test
    void readsBlockScalarsAndFlowSequencesAsTheFullPathDoes() {
        String text = """
                folded: >-
                  one
                  two

                  three
                literal: |
                  one
                    two

                  three
                # a comment after the scalar
                list:
                  - >
                    folded item
                  - [x, 2x peak, 'y', 3, 1回]
                empty: []
                """;
        PlainBlockYaml.Tree tree = PlainBlockYaml.read(text).orElseThrow();
        assertEquals("one two\nthree", tree.root().get("folded").asString(), "a blank line is a break, a line end a space");
        assertEquals("one\n  two\n\nthree\n", tree.root().get("literal").asString(), "clipped: one final line break");
        assertEquals("folded item\n", tree.root().at("/list/0").asString());
        assertEquals("[\"x\",\"2x peak\",\"y\",3,\"1回\"]", tree.root().at("/list/1").toString());
        YamlDocument doc = new YamlDocument("f.yaml", tree.root(), tree.rootPlace(), tree.places());
        assertEquals(new Position(1, 9), doc.locate("/folded"), "a block scalar stands at its indicator");
        assertEquals(new Position(15, 9), doc.locate("/list/1/1"));
        PlainYamlComparison comparison = new PlainYamlComparison();
        comparison.compare("f.yaml", text.getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of(), comparison.differences);
    }

    /** Texts the subset leaves to the full path: forms it does not read, and every kind of broken YAML. */
    @ParameterizedTest
    @ValueSource(strings = {
            "a: &x 1\nb: *x\n", "a: !!str 1\n", "a: \"esc\\u0041\"\n",
            "a: 'it''s'\n", "a: yes\n", "a: null\n", "a: ~\n", "a: 0x1F\n", "a: 012\n", "a: 1e3\n", "a: .5\n",
            "a: +1\n", "a: [1, [2]]\n", "a: |+\n  kept\n\n", "a: |2\n   x\n", "a: >\n  x\n    more\n",
            "a: |\n\n  x\n", "a: >\n  x\n   \n  y\n", "a: |\nb: 1\n", "a: >-\n    x\n  y: 1\n", "a: 1_000\n", "a: 12:30\n", "a: text\n  continued\n", "a: \"two\n  lines\"\n", "a: 1\na: 2\n",
            "a: b: c\n", "a:\tb\n", "a: 1\r\nb: 2\r\n", "---\na: 1\n", "a: 1\n---\nb: 2\n", "- a\n- - b\n",
            "a:\n  b: 1\n c: 2\n", "? a\n: b\n", "\"\": 1\n", "a: \"\"\n", "", "# only a comment\n", "plain\n",
            "a: {b: {c: 1}}\n", "a: {b: 1\n", "a: x # c\n   # deeper comment\n", "a: 1 2: 3\n", "a: \uD83D\uDE00\n"})
    void leavesOtherTextsToTheFullPath(String text) {
        assertTrue(PlainBlockYaml.read(text).isEmpty(), text);
        PlainYamlComparison comparison = new PlainYamlComparison();
        comparison.compare("f.yaml", text.getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of(), comparison.differences);
    }

    @Test
    void aCharacterThePlainScanAcceptsIsNeverOneTheCharacterCheckRefuses() {
        // the plain scan replaces TextCharacters' scan for the texts it accepts (issue 15)
        for (int c = 0; c <= 0xFFFF; c++) {
            char[] text = {'a', ':', ' ', 'x', (char) c, '\n'};
            if (PlainBlockYaml.plainCharacters(text, 0, text.length, YamlReader.MAX_LINE_LENGTH)) {
                assertEquals(-1, TextCharacters.firstRefused(new String(text)), String.format("U+%04X", c));
            }
        }
        assertFalse(PlainBlockYaml.plainCharacters("a: \uD83D\uDE00\n".toCharArray(), 0, 7, YamlReader.MAX_LINE_LENGTH));
    }

    /** Refused characters and long lines: the plain reader's one scan gives the full path's diagnostics. */
    @Test
    void givesTheFullPathsDiagnosticsForRefusedCharactersAndLinesTooLong() {
        PlainYamlComparison comparison = new PlainYamlComparison();
        java.util.List<Integer> characters = new java.util.ArrayList<>();
        for (int c = 0; c <= 0xA0; c++) {
            characters.add(c);
        }
        characters.addAll(List.of(0x2028, 0x2029, 0xFDCF, 0xFDD0, 0xFDEF, 0xFDF0, 0xFEFF, 0xFFEF, 0xFFF0, 0xFFFD, 0xFFFE,
                0xFFFF, 0x1FFFE, 0x1F600));
        for (int c : characters) {
            String ch = Character.toString(c);
            for (String text : List.of("a: ok\nname: ab" + ch + "c\n", "a: ok\nna" + ch + "me: x\n", ch + "a: 1\n",
                    "a: 1\n" + ch, "\uFEFFa: x" + ch + "\n")) {
                comparison.compare("f.yaml", text.getBytes(StandardCharsets.UTF_8));
            }
        }
        int max = YamlReader.MAX_LINE_LENGTH;
        for (int length : List.of(max - 1, max, max + 1)) {
            String line = "b: " + "x".repeat(length - 3);
            for (String text : List.of("a: 1\n" + line + "\nc: 2\n", "a: 1\n" + line, line + "\n", "\uFEFF" + line + "\n",
                    "a: 1\n" + line + "\u0001\n", "a: 1\n" + line + "\t\n", "a: 1\n" + line + "\uFDD0\n")) {
                comparison.compare("f.yaml", text.getBytes(StandardCharsets.UTF_8));
            }
        }
        assertEquals(List.of(), comparison.differences);
        assertTrue(comparison.plainRead > 300, comparison.plainRead + " texts read by the subset");
    }

    @Test
    void givesTheFullPathsTreesAndPlacesForTheExampleAndTestRepositories() throws IOException {
        PlainYamlComparison comparison = new PlainYamlComparison();
        for (String folder : List.of("products", "standards", "cost-data", "slo-data", "starter", "src/test/resources")) {
            comparison.compareTree(Path.of(folder));
        }
        comparison.compare("site.yaml", Files.readAllBytes(Path.of("site.yaml")));
        assertEquals(List.of(), comparison.differences);
        assertTrue(comparison.files > 150, comparison.files + " files");
        assertTrue(comparison.plainRead > comparison.files / 2, comparison.plainRead + " of " + comparison.files);
    }

    @Test
    void givesTheFullPathsResultsForBrokenVariantsOfRealFiles() throws IOException {
        PlainYamlComparison comparison = new PlainYamlComparison();
        java.util.Random random = new java.util.Random(15);
        for (String file : List.of("products/data-api/finance.yaml", "products/data-api/assessment.yaml",
                "products/data-api/security.yaml", "products/data-api/phase.yaml", "standards/teams.yaml")) {
            comparison.compareMutations(file, Files.readAllBytes(Path.of(file)), 400, random);
        }
        assertEquals(List.of(), comparison.differences);
        assertTrue(comparison.plainRead > 500, comparison.plainRead + " variants read by the subset");
    }
}
