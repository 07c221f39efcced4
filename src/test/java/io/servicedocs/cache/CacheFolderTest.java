package io.servicedocs.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

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
        // magic (20) + key as UTF (2 + 64) + length (4) + content (11) + HMAC-SHA-512/256 (32)
        assertEquals(133, Files.size(files.get(0)));
        assertArrayEquals(Files.readAllBytes(filesOf(whole.folder()).get(0)), Files.readAllBytes(files.get(0)));
    }

    @Test
    void aKeyIsTheSha512Over256OfThePartsEachAfterItsLength() throws Exception {
        java.security.MessageDigest expected = java.security.MessageDigest.getInstance("SHA-512/256");
        for (String part : List.of("ab", "c")) {
            expected.update(java.nio.ByteBuffer.allocate(4).putInt(part.length()).array());
            expected.update(bytes(part));
        }
        assertEquals(java.util.HexFormat.of().formatHex(expected.digest()), CacheFolder.key("ab", "c"));
        assertNotEquals(CacheFolder.key("ab", "c"), CacheFolder.key("a", "bc"));
    }

    @Test
    void theFormatIsPartOfTheIdentitySoAFolderOfTheSha256FormatIsDeletedAndNeverRead(@TempDir Path dir) throws Exception {
        // the folder a tool of format 1 made: its identity was the SHA-256 key of version, code and schemas
        java.security.MessageDigest sha256 = java.security.MessageDigest.getInstance("SHA-256");
        for (byte[] part : List.of(bytes("1.0"), bytes("code"), bytes("schemas"))) {
            sha256.update(java.nio.ByteBuffer.allocate(4).putInt(part.length).array());
            sha256.update(part);
        }
        Path old = dir.resolve(CacheFolder.LOCATION).resolve(java.util.HexFormat.of().formatHex(sha256.digest()).substring(0, 32));
        Files.createDirectories(old.resolve("packs"));
        Files.writeString(old.resolve("packs").resolve("entry"), "an entry of format 1");
        CacheFolder cache = CacheFolder.open(dir, TOOL, SECRET).orElseThrow();
        assertNotEquals(old, cache.folder());
        assertFalse(Files.exists(old));
        assertEquals(Optional.empty(), cache.read("packs", KEY));
    }

    @Test
    void anEntryWithTheMagicOrMacOfTheSha256FormatIsAMiss(@TempDir Path dir) throws Exception {
        CacheFolder cache = CacheFolder.open(dir, TOOL, SECRET).orElseThrow();
        byte[] content = bytes("hello, pack");
        for (String magic : List.of("servicedocs-cache-1\n", "servicedocs-cache-2\n")) {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(SECRET, "HmacSHA256"));
            mac.update(bytes(KEY));
            mac.update((byte) 0);
            java.io.ByteArrayOutputStream file = new java.io.ByteArrayOutputStream();
            try (java.io.DataOutputStream out = new java.io.DataOutputStream(file)) {
                out.write(magic.getBytes(StandardCharsets.US_ASCII));
                out.writeUTF(KEY);
                out.writeInt(content.length);
                out.write(content);
                out.write(mac.doFinal(content));
            }
            Path entry = cache.file("packs", KEY);
            Files.createDirectories(entry.getParent());
            Files.write(entry, file.toByteArray());
            assertEquals(Optional.empty(), cache.read("packs", KEY), magic);
        }
        cache.write("packs", KEY, content);
        assertEquals(Optional.of("hello, pack"), cache.read("packs", KEY).map(b -> new String(b, StandardCharsets.UTF_8)));
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

    @Test
    void aLargeEntryComesBackWholeAndAnyChangeToItsFileIsAMiss(@TempDir Path dir) throws IOException {
        CacheFolder cache = CacheFolder.open(dir, TOOL, SECRET).orElseThrow();
        // a few MiB, as a pack is (~43 MB at 5,000 products)
        byte[] content = new byte[(5 << 20) / 2 + 7];
        new java.util.Random(15).nextBytes(content);
        cache.write("packs", KEY, content);
        assertArrayEquals(content, cache.read("packs", KEY).orElseThrow());
        Path file = filesOf(cache.folder()).get(0);
        byte[] written = Files.readAllBytes(file);

        // one byte short, one byte more, a flipped bit in the content, the length field changed
        Files.write(file, java.util.Arrays.copyOf(written, written.length - 1));
        assertEquals(Optional.empty(), cache.read("packs", KEY), "truncated");
        Files.write(file, java.util.Arrays.copyOf(written, written.length + 1));
        assertEquals(Optional.empty(), cache.read("packs", KEY), "longer");
        byte[] flipped = written.clone();
        flipped[written.length - 32 - 1000] ^= 0x10;
        Files.write(file, flipped);
        assertEquals(Optional.empty(), cache.read("packs", KEY), "content changed");
        byte[] length = written.clone();
        length[20 + 2 + 64 + 3] ^= 0x01; // the low byte of the length: the file no longer has that many bytes
        Files.write(file, length);
        assertEquals(Optional.empty(), cache.read("packs", KEY), "length changed");
        // the entry under another key's name: the key inside it is not the one asked for
        String other = CacheFolder.key("another entry");
        cache.write("packs", other, bytes("x"));
        Path otherFile = filesOf(cache.folder()).stream().filter(f -> f.getFileName().toString().equals(other)).findFirst()
                .orElseThrow();
        Files.write(file, written);
        Files.copy(file, otherFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertEquals(Optional.empty(), cache.read("packs", other), "another key's entry");
        assertArrayEquals(content, cache.read("packs", KEY).orElseThrow(), "the untouched entry still reads");
    }
    /**
     * A large entry is read and written a slice at a time: a heap buffer passed to a channel whole
     * goes through a temporary direct buffer of its size, which the JDK keeps for the thread. The
     * pack of 5,000 products (43 MB) held that much native memory to the end of the build.
     * Each step runs on a fresh thread, whose cache of such buffers is empty.
     */
    @Test
    void aLargeEntryIsReadAndWrittenWithoutADirectBufferOfItsSize(@TempDir Path dir) throws Exception {
        CacheFolder cache = CacheFolder.open(dir, TOOL, SECRET).orElseThrow();
        byte[] content = new byte[8 << 20];
        new java.util.Random(16).nextBytes(content);
        long written = directMemoryGrowth(() -> cache.write("packs", KEY, content));
        long read = directMemoryGrowth(() -> assertArrayEquals(content, cache.read("packs", KEY).orElseThrow()));
        assertTrue(written < (1 << 20), "direct memory kept by the writing thread: " + written);
        assertTrue(read < (1 << 20), "direct memory kept by the reading thread: " + read);
    }

    /** How much the JVM's direct memory grew while {@code step} ran on a fresh thread (before it ends). */
    private static long directMemoryGrowth(Runnable step) throws Exception {
        java.lang.management.BufferPoolMXBean direct = java.lang.management.ManagementFactory
                .getPlatformMXBeans(java.lang.management.BufferPoolMXBean.class).stream()
                .filter(pool -> pool.getName().equals("direct")).findFirst().orElseThrow();
        long[] growth = new long[1];
        Throwable[] failed = new Throwable[1];
        Thread thread = new Thread(() -> {
            try {
                long before = direct.getMemoryUsed();
                step.run();
                growth[0] = direct.getMemoryUsed() - before;
            } catch (Throwable e) {
                failed[0] = e;
            }
        });
        thread.start();
        thread.join();
        if (failed[0] != null) {
            throw new AssertionError(failed[0]);
        }
        return growth[0];
    }
}
