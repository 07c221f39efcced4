package io.servicedocs.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.servicedocs.model.Diagnostic;
import io.servicedocs.model.Position;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class YamlReaderTest {

    private final YamlReader reader = new YamlReader();

    private YamlDocument parse(String text) {
        YamlReader.Result result = reader.read("f.yaml", text.getBytes(StandardCharsets.UTF_8));
        return result.document().orElseThrow(() -> new AssertionError(result.problem().orElseThrow()));
    }

    private Diagnostic problem(byte[] bytes) {
        YamlReader.Result result = reader.read("f.yaml", bytes);
        assertTrue(result.document().isEmpty(), "expected a problem");
        return result.problem().orElseThrow();
    }

    @Test
    void keepsThePositionOfEveryKeyAndValue() {
        YamlDocument doc = parse("name: Alpha\nowners:\n  team: a-team\nlist:\n  - id: x\n    level: 2\n");
        assertEquals(new Position(1, 7), doc.locate("/name"));
        assertEquals(new Position(2, 1), doc.locate("/owners"), "a mapping is placed at its key");
        assertEquals(new Position(3, 9), doc.locate("/owners/team"));
        assertEquals(new Position(3, 3), doc.locateKey("/owners/team"));
        assertEquals(new Position(6, 12), doc.locate("/list/0/level"));
        assertEquals(new Position(2, 1), doc.locate("/owners/missing"), "a missing node falls back to its parent");
    }

    @Test
    void readsDecimalsExactly() {
        YamlDocument doc = parse("amount: 1234.10\n");
        assertEquals(new java.math.BigDecimal("1234.10"), doc.root().get("amount").decimalValue());
    }

    @Test
    void escapesPointersOfKeysWithSlashes() {
        YamlDocument doc = parse("items:\n  a/b: 1\n");
        assertEquals(new Position(2, 8), doc.locate("/items/a~1b"));
    }

    @Test
    void acceptsAByteOrderMark() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] text = "phase: ga\n".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[bom.length + text.length];
        System.arraycopy(bom, 0, bytes, 0, bom.length);
        System.arraycopy(text, 0, bytes, bom.length, text.length);
        YamlReader.Result result = reader.read("f.yaml", bytes);
        assertEquals("ga", result.document().orElseThrow().root().get("phase").asString());
    }

    @Test
    void placesAnInvalidUtf8ByteOnItsLineAndColumn() {
        byte[] bytes = "name: ok\nnote: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        Diagnostic d = problem(bytes);
        assertEquals("file-encoding", d.rule());
        assertEquals("2:10", d.line() + ":" + d.column());
        assertEquals("byte 0xE9 is not valid UTF-8; expected the file to be saved as UTF-8", d.message());
    }

    @Test
    void refusesBinaryFiles() {
        Diagnostic d = problem(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 1});
        assertEquals("file-binary", d.rule());
    }

    @Test
    void refusesAliasesSoAliasBombsCannotExpand() {
        StringBuilder bomb = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char c = 'b'; c <= 'j'; c++) {
            char p = (char) (c - 1);
            bomb.append(c).append(": &").append(c).append(" [*").append(p).append(",*").append(p).append(",*")
                    .append(p).append(",*").append(p).append(",*").append(p).append(",*").append(p).append("]\n");
        }
        Diagnostic d = problem(bomb.toString().getBytes(StandardCharsets.UTF_8));
        assertEquals("yaml-alias", d.rule());
        assertEquals(2, d.line());
    }

    /**
     * An unclosed flow sequence is only found lines later, at the next key: the error is where the
     * scanner stopped, and says where the sequence began, and names the key in words rather than by
     * its token ("?").
     */
    @Test
    void anUnclosedBracketIsReportedWithTheLineItBeganOn() {
        Diagnostic d = problem("# a comment\nname: [unclosed\n# a comment\nid: data-api\n".getBytes(StandardCharsets.UTF_8));
        assertEquals("yaml-syntax", d.rule());
        assertEquals(List.of(4, 1), List.of(d.line(), d.column()), d.message());
        assertEquals("invalid YAML: while parsing a flow sequence that began at line 2, column 7: expected ',' or ']',"
                + " but got the next key", d.message());
    }

    @Test
    void reportsExcessiveNestingAsAProblemNotACrash() {
        String deep = "a: " + "[".repeat(5000) + "]".repeat(5000) + "\n";
        Diagnostic d = problem(deep.getBytes(StandardCharsets.UTF_8));
        assertEquals("yaml-syntax", d.rule());
        assertTrue(d.message().toLowerCase().contains("nesting"), d.message());
    }

    @Test
    void anchorsWithoutAliasesAreHarmless() {
        assertEquals("ga", parse("phase: &p ga\n").root().get("phase").asString());
    }

    // Numbers: judged from their text against NumberBounds, with their place.

    @ParameterizedTest
    @ValueSource(strings = {"1e999999999", "1e-999999999", "1e9999999", "-1E+2147483647", "0.1e-2147483648",
            "1000000000000000000", "0.000000000000000000001", "1234567890.123456789012345678901"})
    void refusesNumbersOutOfBoundsAtTheirPlace(String literal) {
        Diagnostic d = timedProblem("name: x\ncosts:\n  - amount: " + literal + "\n");
        assertEquals(NumberBounds.RULE, d.rule());
        assertEquals("3:13", d.line() + ":" + d.column());
        assertTrue(d.message().startsWith("'" + literal + "' is out of range: "), d.message());
        assertTrue(d.message().endsWith(NumberBounds.LIMITS), d.message());
    }

    @ParameterizedTest
    @ValueSource(strings = {".nan", ".inf", "-.inf"})
    void refusesNumbersThatAreNotFinite(String literal) {
        Diagnostic d = timedProblem("rate: " + literal + "\n");
        assertEquals(NumberBounds.RULE, d.rule());
        assertEquals("1:7", d.line() + ":" + d.column());
        assertEquals("'" + literal + "' is not a finite decimal number such as 1234.56 or 1.5e3", d.message());
    }

    @Test
    void aLongNumberIsRefusedByItsDigitsAtItsPlaceNotByJacksonAtLineOne() {
        // Jackson's own limit (1000 characters) threw without a place; the bounds speak first.
        Diagnostic d = timedProblem("a: 1\nb: " + "7".repeat(50_000) + "\n");
        assertEquals(NumberBounds.RULE, d.rule());
        assertEquals("2:4", d.line() + ":" + d.column());
        assertTrue(d.message().startsWith("'" + "7".repeat(36) + "...' (50000 characters) is out of range: it has"
                + " more than 30 significant digits"), d.message());
    }

    @Test
    void aMillionDigitIntegerIsRefusedAsALineTooLongBeforeParsing() {
        // The YAML scanner takes seconds over a million-character line: refused before it runs.
        Diagnostic d = timedProblem("a: 1\nb: " + "7".repeat(1_000_000) + "\n");
        assertEquals("yaml-line-too-long", d.rule());
        assertEquals("2:65537", d.line() + ":" + d.column());
        assertEquals("line 2 is longer than 65536 characters; break it (e.g. a block scalar with '|' for long text)",
                d.message());
    }

    @Test
    void numbersWithinTheBoundsKeepTheirExactValueAndType() {
        YamlDocument doc = parse("a: 999999999999999999\nb: -99999999999999999.9999999999999\nc: 0.00000000000000000001\n"
                + "d: 2\ne: 3000000000\nf: 1.5e3\ng: 1180.4000000000\n");
        assertEquals(999_999_999_999_999_999L, doc.root().get("a").longValue());
        assertTrue(doc.root().get("a").isLong());
        assertEquals(new BigDecimal("-99999999999999999.9999999999999"), doc.root().get("b").decimalValue());
        assertEquals(new BigDecimal("1E-20"), doc.root().get("c").decimalValue());
        assertTrue(doc.root().get("d").isInt());
        assertTrue(doc.root().get("e").isLong());
        assertEquals(new BigDecimal("1.5e3"), doc.root().get("f").decimalValue());
        assertEquals("1180.4000000000", doc.root().get("g").decimalValue().toPlainString());
    }

    @Test
    void aNumberInQuotesIsAStringAndNotParsed() {
        assertEquals("1e999999999", parse("amount: \"1e999999999\"\n").root().get("amount").asString());
    }

    // Characters: what would make a page or an image malformed is refused with its place.

    @ParameterizedTest
    @ValueSource(ints = {0x01, 0x08, 0x0B, 0x0C, 0x1B, 0x1F, 0x7F, 0x80, 0x85, 0x9F, 0xFFFE, 0xFFFF, 0xFDD0})
    void refusesARawControlCharacterOrNoncharacterAtItsLineAndColumn(int c) {
        String name = String.format("U+%04X", c);
        for (String text : List.of("a: ok\nname: ab%sc\n", "a: ok\nname: \"ab%sc\"\n", "a: ok\nna%sme: x\n",
                "a: ok\n# ab%sc\n", "a: ok\nnote: |\n  ab%sc\n")) {
            String yaml = String.format(text, Character.toString(c));
            Diagnostic d = problem(yaml.getBytes(StandardCharsets.UTF_8));
            assertEquals(TextCharacters.RULE, d.rule(), yaml);
            int line = text.contains("|") ? 3 : 2;
            int column = yaml.split("\n")[line - 1].indexOf(c) + 1;
            assertEquals(line + ":" + column, d.line() + ":" + d.column(), yaml);
            assertTrue(d.message().contains(name + " in the file is not allowed in text; remove it"), d.message());
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "\\x01      | control character U+0001",
            "\\u0000    | control character U+0000",
            "\\0        | control character U+0000",
            "\\e        | control character U+001B",
            "\\a        | control character U+0007",
            "\\b        | control character U+0008",
            "\\v        | control character U+000B",
            "\\f        | control character U+000C",
            "\\x7f      | control character U+007F",
            "\\x85      | control character U+0085",
            "\\N        | control character U+0085",
            "\\u009b    | control character U+009B",
            "\\ud800    | unpaired surrogate U+D800",
            "\\udfff    | unpaired surrogate U+DFFF",
            "\\uFFFE    | noncharacter U+FFFE",
            "\\uffff    | noncharacter U+FFFF",
            "\\U0001FFFF| noncharacter U+1FFFF",
    })
    void refusesAnEscapedControlCharacterInAValueOrKeyAtTheStringsPlace(String escape, String what) {
        Diagnostic value = problem(("a: ok\nname: \"ab" + escape + "c\"\n").getBytes(StandardCharsets.UTF_8));
        assertEquals(TextCharacters.RULE, value.rule());
        assertEquals("2:7", value.line() + ":" + value.column());
        assertTrue(value.message().startsWith(what + " in a string (from an escape such as \"\\x01\") is not allowed"
                + " in text; remove it"), value.message());
        Diagnostic key = problem(("a: ok\nitems:\n  \"ab" + escape + "c\": 1\n").getBytes(StandardCharsets.UTF_8));
        assertEquals(TextCharacters.RULE, key.rule());
        assertEquals("3:3", key.line() + ":" + key.column());
        assertTrue(key.message().startsWith(what + " in a key"), key.message());
    }

    @Test
    void allowsOddButHarmlessText() {
        String odd = "<b>&amp; \"q\" 'a' ]]> \uD83D\uDE00 \u200F\u202Eright-to-left\u202C \u2028 \u00A0 \uFEFF tab";
        YamlDocument doc = parse("name: \"" + odd.replace("\"", "\\\"") + "\\t\\u2029 \\U0001F600\"\n"
                + "note: |\r\n  line 1\r\n  \tindented by a tab\r\n"
                + "plain: a\tb\n"
                + odd.replace("\"", "").replace("<b>&amp; ", "").replace(":", "") + ": 1\n");
        assertEquals(odd + "\t\u2029 \uD83D\uDE00", doc.root().get("name").asString());
        assertEquals("line 1\n\tindented by a tab\n", doc.root().get("note").asString());
        assertEquals("a\tb", doc.root().get("plain").asString());
    }

    private Diagnostic timedProblem(String yaml) {
        return assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> problem(yaml.getBytes(StandardCharsets.UTF_8)), "hang guard");
    }
}
