package io.servicedocs.scaffold.backstage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.servicedocs.model.Diagnostic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogReaderTest {

    @TempDir
    Path dir;

    private static String where(CatalogEntity entity) {
        return Path.of(entity.file()).getFileName() + ":" + entity.line() + " " + entity.reference();
    }

    private static String where(Diagnostic d) {
        return Path.of(d.file()).getFileName() + ":" + d.line() + ":" + d.column() + " " + d.rule() + " " + d.message();
    }

    @Test
    void readsEveryDocumentOfAFileAtItsLine() throws IOException {
        Path file = Files.writeString(dir.resolve("catalog-info.yaml"), """
                # the catalog
                ---
                apiVersion: backstage.io/v1alpha1
                kind: Component
                metadata: {name: one}
                --- # a comment after the marker
                kind: Component
                metadata:
                  name: two
                  namespace: shop
                ---

                ---
                kind: System\r
                metadata: {name: three}\r
                ...
                """);
        CatalogReader.Catalog catalog = new CatalogReader().read(List.of(file));
        assertEquals(List.of(), catalog.problems());
        assertEquals(List.of("catalog-info.yaml:3 component:default/one", "catalog-info.yaml:7 component:shop/two",
                "catalog-info.yaml:14 system:default/three"), catalog.entities().stream().map(CatalogReaderTest::where).toList());
        assertEquals(9, catalog.entities().get(1).document().locate("/metadata/name").line(),
                "positions are lines of the file, not of the document");
    }

    @Test
    void readsYamlFilesUnderAFolderInOrderAndLeavesOutHiddenFoldersAndOtherFiles() throws IOException {
        Files.createDirectories(dir.resolve("b/.git"));
        Files.writeString(dir.resolve("b/catalog-info.yml"), "kind: Component\nmetadata: {name: bee}\n");
        Files.writeString(dir.resolve("a.yaml"), "kind: Component\nmetadata: {name: ay}\n");
        Files.writeString(dir.resolve("b/.git/config.yaml"), "kind: Component\nmetadata: {name: hidden}\n");
        Files.writeString(dir.resolve("README.md"), "kind: Component\n");
        CatalogReader.Catalog catalog = new CatalogReader().read(List.of(dir));
        assertEquals(List.of("a.yaml:1 component:default/ay", "catalog-info.yml:1 component:default/bee"),
                catalog.entities().stream().map(CatalogReaderTest::where).toList());
    }

    @Test
    void reportsEveryBadDocumentWithItsPlaceInTheFile() throws IOException {
        Path file = Files.writeString(dir.resolve("bad.yaml"), """
                kind: Component
                metadata: {name: fine}
                ---
                kind: Component
                metadata:
                \tname: tabbed
                ---
                kind: Component
                metadata: &m {name: x}
                spec: *m
                """);
        Path missing = dir.resolve("nowhere.yaml");
        CatalogReader.Catalog catalog = new CatalogReader().read(List.of(file, missing));
        assertEquals(List.of(
                "bad.yaml:6:1 yaml-tab tab character used for indentation; YAML indentation must use spaces",
                "bad.yaml:10:7 yaml-alias YAML alias '*m' is not supported; write the value out in full",
                "nowhere.yaml:1:1 catalog-missing no such file or folder"),
                catalog.problems().stream().map(CatalogReaderTest::where).toList());
        assertEquals(1, catalog.entities().size());
    }

    @Test
    void refusesAFileOverTheSizeLimitBeforeReadingIt() throws IOException {
        Path file = dir.resolve("huge.yaml");
        try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(file,
                java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE)) {
            channel.write(java.nio.ByteBuffer.wrap(new byte[] {'#'}), CatalogReader.MAX_FILE_BYTES); // sparse
        }
        CatalogReader.Catalog catalog = new CatalogReader().read(List.of(file));
        assertEquals(List.of("huge.yaml:1:1 file-too-large file is 8388609 bytes; catalog files are read up to "
                + "8388608 bytes: split it"), catalog.problems().stream().map(CatalogReaderTest::where).toList());
    }

    @Test
    void refusesAFileThatIsNotUtf8AtItsByte() throws IOException {
        Path file = dir.resolve("latin1.yaml");
        Files.write(file, new byte[] {'k', 'i', 'n', 'd', ':', ' ', (byte) 0xE9, '\n'});
        CatalogReader.Catalog catalog = new CatalogReader().read(List.of(file));
        assertEquals(List.of("latin1.yaml:1:7 file-encoding byte 0xE9 is not valid UTF-8; expected the file to be saved as UTF-8"),
                catalog.problems().stream().map(CatalogReaderTest::where).toList());
    }
}
