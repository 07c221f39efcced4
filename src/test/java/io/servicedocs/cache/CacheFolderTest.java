package io.servicedocs.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The streamed write of an entry (issue 15: the parse cache's pack is written without being held
 * whole): the same file as a write of the bytes, and never half an entry.
 */
class CacheFolderTest {

    private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final ToolIdentity TOOL = ToolIdentity.of("1.0", bytes("code"), bytes("schemas"));
    private static final String KEY = CacheFolder.key("an entry");

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static List<Path> filesOf(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }

    @Test
    void aStreamedEntryIsTheSameFileAsOneWrittenFromItsBytes(@TempDir Path dir) throws IOException {
        CacheFolder whole = CacheFolder.open(Files.createDirectory(dir.resolve("a")), TOOL, SECRET).orElseThrow();
        CacheFolder streamed = CacheFolder.open(Files.createDirectory(dir.resolve("b")), TOOL, SECRET).orElseThrow();
        whole.write("packs", KEY, bytes("hello, pack"));
        streamed.write("packs", KEY, 11, out -> {
            out.write(bytes("hello"));
            out.write(',');
            out.write(bytes("xx pack"), 2, 5);
        });
        assertEquals(Optional.of("hello, pack"), streamed.read("packs", KEY).map(b -> new String(b, StandardCharsets.UTF_8)));
        List<Path> files = filesOf(streamed.folder());
        assertEquals(1, files.size());
        // magic (20) + key as UTF (2 + 64) + length (4) + content (11) + HMAC-SHA-256 (32)
        assertEquals(133, Files.size(files.get(0)));
        assertArrayEquals(Files.readAllBytes(filesOf(whole.folder()).get(0)), Files.readAllBytes(files.get(0)));
    }

    @Test
    void aStreamShorterThanAnnouncedLeavesThePreviousEntryAndNoTemporaryFile(@TempDir Path dir) throws IOException {
        CacheFolder cache = CacheFolder.open(dir, TOOL, SECRET).orElseThrow();
        cache.write("packs", KEY, bytes("first"));
        cache.write("packs", KEY, 6, out -> out.write(bytes("short")));
        assertEquals(Optional.of("first"), cache.read("packs", KEY).map(b -> new String(b, StandardCharsets.UTF_8)));
        assertEquals(1, filesOf(cache.folder()).size());
    }

    @Test
    void aStreamThatFailsLeavesThePreviousEntryAndNoTemporaryFile(@TempDir Path dir) throws IOException {
        CacheFolder cache = CacheFolder.open(dir, TOOL, SECRET).orElseThrow();
        cache.write("packs", KEY, bytes("first"));
        cache.write("packs", KEY, 6, out -> {
            out.write(bytes("sec"));
            throw new IOException("the disk is full");
        });
        assertEquals(Optional.of("first"), cache.read("packs", KEY).map(b -> new String(b, StandardCharsets.UTF_8)));
        assertEquals(1, filesOf(cache.folder()).size());
    }
}
