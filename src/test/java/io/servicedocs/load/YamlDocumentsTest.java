package io.servicedocs.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.servicedocs.model.Diagnostic;
import io.servicedocs.model.Position;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A file of several YAML documents (slos.yaml): one sequence of them, every position the file's own. */
class YamlDocumentsTest {

    private final YamlReader reader = new YamlReader();

    private YamlReader.Result read(String text) {
        return reader.readDocuments("slos.yaml", text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void eachDocumentIsAnElementWithItsPositionsInTheFile() {
        YamlDocument doc = read("# comment\nkind: SLO\nmetadata: {name: a}\n---\nkind: SLI\nmetadata:\n  name: b\n")
                .document().orElseThrow();
        assertEquals(2, doc.root().size());
        assertEquals(List.of("SLO", "SLI"), List.of(doc.root().get(0).path("kind").asString(),
                doc.root().get(1).path("kind").asString()));
        assertEquals(new Position(2, 7), doc.locate("/0/kind"));
        assertEquals(new Position(3, 18), doc.locate("/0/metadata/name"));
        assertEquals(new Position(7, 9), doc.locate("/1/metadata/name"));
        assertEquals(new Position(6, 1), doc.locate("/1/metadata"));
    }

    @Test
    void aFileOfOneDocumentIsASequenceOfOne() {
        YamlDocument doc = read("kind: SLO\n").document().orElseThrow();
        assertEquals(1, doc.root().size());
        assertEquals(new Position(1, 7), doc.locate("/0/kind"));
    }

    @Test
    void aProblemInALaterDocumentIsReportedAtItsLine() {
        Diagnostic problem = read("kind: SLO\n---\nkind: SLI\nkind: DataSource\n").problem().orElseThrow();
        assertEquals(List.of("slos.yaml", "4:1", "yaml-duplicate-key",
                        "duplicate key 'kind'; it is already defined at line 3, column 1"),
                List.of(problem.file(), problem.line() + ":" + problem.column(), problem.rule(), problem.message()));
        // the same key in two documents is no duplicate
        assertEquals(2, read("kind: SLO\n---\nkind: SLI\n").document().orElseThrow().root().size());
    }

    @Test
    void anEmptyFileIsReported() {
        assertEquals("yaml-empty", read("# nothing\n").problem().orElseThrow().rule());
    }

    @Test
    void aSingleDocumentFileStillRefusesASecondDocument() {
        YamlReader.Result result = reader.read("f.yaml", "a: 1\n---\nb: 2\n".getBytes(StandardCharsets.UTF_8));
        assertEquals("yaml-multiple-documents", result.problem().orElseThrow().rule());
    }
}
