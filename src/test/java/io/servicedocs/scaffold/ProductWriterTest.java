package io.servicedocs.scaffold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.servicedocs.write.WriteException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** new-product's writer: the folder whole or not at all, failures naming the file, no leftovers. */
class ProductWriterTest {

    @TempDir
    Path repo;

    private List<String> productsEntries() throws IOException {
        try (Stream<Path> entries = Files.list(repo.resolve("products"))) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aFileThatCannotBeWrittenIsNamedAndNothingIsLeft() throws IOException {
        Files.createDirectories(repo.resolve("products"));
        Map<String, String> files = new LinkedHashMap<>();
        files.put("service-doc.yaml", "id: gamma\n");
        files.put("missing-folder/phase.yaml", "phase: poc\n");

        WriteException e = assertThrows(WriteException.class, () -> ProductWriter.write(repo, "gamma", files));

        Path named = repo.resolve("products/gamma/missing-folder/phase.yaml");
        assertEquals(named, e.file());
        assertEquals("cannot write " + named + ": no such file or folder. Nothing was written.", e.getMessage());
        assertEquals(List.of(), productsEntries(), "no product folder, no temporary folder");
    }

    @Test
    void theProductFolderIsReadableByAllLikeAnyOtherAndNoTemporaryFolderIsLeft() throws IOException {
        Path written = ProductWriter.write(repo, "gamma", Map.of("service-doc.yaml", "id: gamma\n"));

        assertEquals(List.of("gamma"), productsEntries());
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(written);
        assertTrue(permissions.contains(PosixFilePermission.OTHERS_READ), permissions.toString());
    }

    @Test
    void leftoversOfKilledRunsAreRemovedAndThoseOfALiveRunKept() throws Exception {
        Path products = Files.createDirectories(repo.resolve("products"));
        Process ended = new ProcessBuilder("true").start();
        ended.waitFor();
        Path dead = Files.createDirectories(products.resolve(".delta.tmp-" + ended.pid() + "-k3"));
        Files.writeString(dead.resolve("service-doc.yaml"), "id: delta\n");
        Process live = new ProcessBuilder("sleep", "60").start();
        try {
            Path running = Files.createDirectories(products.resolve(".epsilon.tmp-" + live.pid() + "-m4"));

            ProductWriter.removeLeftovers(repo); // as new-product does before writing
            ProductWriter.write(repo, "gamma", Map.of("service-doc.yaml", "id: gamma\n"));

            assertFalse(Files.exists(dead));
            assertTrue(Files.exists(running));
            assertEquals(List.of(running.getFileName().toString(), "gamma"), productsEntries());
        } finally {
            live.destroy();
            live.waitFor();
        }
    }
}
