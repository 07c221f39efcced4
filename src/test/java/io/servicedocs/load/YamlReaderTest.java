package io.servicedocs.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.servicedocs.model.Diagnostic;
import io.servicedocs.model.Position;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

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
}
