package io.servicedocs.source;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.servicedocs.source.SnapshotSource.Entry;
import io.servicedocs.source.SnapshotSource.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkingTreeSourceTest {

    @TempDir
    Path dir;

    @Test
    void followsLinksOnlyWhileTheyStayInside() throws Exception {
        Path repo = Files.createDirectories(dir.resolve("repo"));
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Files.writeString(outside.resolve("secret.yaml"), "token: x\n");
        Files.createDirectories(repo.resolve("products/real"));
        Files.writeString(repo.resolve("products/real/phase.yaml"), "phase: ga\n");
        Files.createSymbolicLink(repo.resolve("products/escape"), outside);
        Files.createSymbolicLink(repo.resolve("products/alias"), repo.resolve("products/real"));
        Files.createSymbolicLink(repo.resolve("products/real/leak.yaml"), outside.resolve("secret.yaml"));

        WorkingTreeSource source = new WorkingTreeSource(repo);
        assertEquals(List.of(new Entry("alias", Kind.FOLDER), new Entry("escape", Kind.LINK_OUTSIDE),
                new Entry("real", Kind.FOLDER)), source.list("products"));
        assertArrayEquals("phase: ga\n".getBytes(), source.read("products/alias/phase.yaml", 100));
        SourceException viaFile = assertThrows(SourceException.class, () -> source.read("products/real/leak.yaml", 100));
        assertEquals("path-outside-repository", viaFile.rule());
        SourceException viaFolder = assertThrows(SourceException.class, () -> source.read("products/escape/secret.yaml", 100));
        assertEquals("path-outside-repository", viaFolder.rule());
    }

    @Test
    void refusesFilesLargerThanTheLimitBeforeReadingThem() throws IOException {
        Files.write(dir.resolve("big.yaml"), new byte[2048]);
        SourceException e = assertThrows(SourceException.class, () -> new WorkingTreeSource(dir).read("big.yaml", 1024));
        assertEquals("file-too-large", e.rule());
        assertEquals("file is 2048 bytes; expected at most 1024 bytes. Split it or move long text to the site's "
                + "content/ pages.", e.getMessage());
    }

    @Test
    void aMissingFileIsNoSuchFile() throws IOException {
        assertThrows(NoSuchFileException.class, () -> new WorkingTreeSource(dir).read("nope.yaml", 10));
        assertEquals(List.of(), new WorkingTreeSource(dir).list("no-such-folder"));
    }
}
