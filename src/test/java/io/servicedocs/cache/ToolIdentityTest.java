package io.servicedocs.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ToolIdentityTest {

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static Path jar(Path file, String comment, String... namesAndContents) throws IOException {
        try (OutputStream bytes = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (int i = 0; i < namesAndContents.length; i += 2) {
                ZipEntry entry = new ZipEntry(namesAndContents[i]);
                entry.setTimeLocal(java.time.LocalDateTime.of(2020, 1, 1, 0, 0)); // the same bytes on every run (a DOS time: no extra field)
                zip.putNextEntry(entry);
                zip.write(namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
            if (comment != null) {
                zip.setComment(comment);
            }
        }
        return file;
    }

    @Test
    void theCentralDirectoryOfAJarIsReadWholeFromItsEndRecord(@TempDir Path dir) throws IOException {
        Path jar = jar(dir.resolve("a.jar"), null, "a", "one", "bc", "two");
        byte[] directory = ToolIdentity.centralDirectory(jar).orElseThrow();
        // one header per entry: 46 bytes and the name (no extra field, no comment): 47 + 48
        assertEquals(95, directory.length);
        byte[] file = Files.readAllBytes(jar);
        // it ends where the 22-byte end record starts, and starts with a header's signature
        assertArrayEquals(Arrays.copyOfRange(file, file.length - 22 - 95, file.length - 22), directory);
        assertArrayEquals(new byte[] {0x50, 0x4b, 0x01, 0x02}, Arrays.copyOf(directory, 4));
    }

    @Test
    void anotherEntryContentIsAnotherDirectory(@TempDir Path dir) throws IOException {
        byte[] one = ToolIdentity.centralDirectory(jar(dir.resolve("1.jar"), null, "a", "one")).orElseThrow();
        byte[] same = ToolIdentity.centralDirectory(jar(dir.resolve("2.jar"), null, "a", "one")).orElseThrow();
        byte[] other = ToolIdentity.centralDirectory(jar(dir.resolve("3.jar"), null, "a", "onf")).orElseThrow();
        assertArrayEquals(one, same);
        // same name and size: only the CRC-32 in the directory tells them apart
        assertNotEquals(Arrays.toString(one), Arrays.toString(other));
    }

    @Test
    void aJarWithACommentOrNoEndRecordIsListedInstead(@TempDir Path dir) throws IOException {
        assertEquals(Optional.empty(), ToolIdentity.centralDirectory(jar(dir.resolve("c.jar"), "built", "a", "one")));
        Path notAJar = Files.writeString(dir.resolve("n.jar"), "not a zip file at all, just text");
        assertEquals(Optional.empty(), ToolIdentity.centralDirectory(notAJar));
        assertTrue(ToolIdentity.centralDirectory(Files.writeString(dir.resolve("tiny.jar"), "PK")).isEmpty());
    }

    @Test
    void aJarsIdentityIsRememberedWhileTheJarIsUnchangedAndComputedAgainWhenItChanges(@TempDir Path dir) throws IOException {
        Path jar = jar(dir.resolve("tool.jar"), null, "a", "one");
        Path records = dir.resolve("identities");
        java.util.concurrent.atomic.AtomicInteger computed = new java.util.concurrent.atomic.AtomicInteger();
        ToolIdentity.Computation computation = () -> {
            computed.incrementAndGet();
            return ToolIdentity.of("1.0", ToolIdentity.centralDirectory(jar).orElseThrow(), bytes("schemas"));
        };
        java.time.Instant written = java.time.Instant.now();

        // just written: computed, and not remembered (the jar may still be being written)
        ToolIdentity first = ToolIdentity.remembered(jar, jar.toString(), records, written, computation);
        assertEquals(1, computed.get());
        assertFalse(Files.exists(records), "nothing remembered of a jar changed less than 2 s ago");
        // settled: computed once more and remembered; then read back without computing
        java.time.Instant later = written.plusSeconds(3);
        assertEquals(first, ToolIdentity.remembered(jar, jar.toString(), records, later, computation));
        assertEquals(2, computed.get());
        assertEquals(first, ToolIdentity.remembered(jar, jar.toString(), records, later, computation));
        assertEquals(2, computed.get(), "read from the record");
        // the same jar with its schemas read from elsewhere (shadowed on the class path): not that record
        ToolIdentity.remembered(jar, jar + "\nfile:/elsewhere/schemas/", records, later, computation);
        assertEquals(3, computed.get(), "another place is another record");

        // the jar rebuilt with other code: another stamp, so computed again, and another identity
        jar(jar, null, "a", "two");
        ToolIdentity rebuilt = ToolIdentity.remembered(jar, jar.toString(), records, java.time.Instant.now().plusSeconds(3), computation);
        assertEquals(4, computed.get());
        assertNotEquals(first, rebuilt);

        // a record that is not one (or not of this stamp) is ignored and replaced
        try (var files = Files.list(records)) {
            Path record = files.filter(f -> f.getFileName().toString().equals(CacheFolder.key(jar.toString()
                    .getBytes(StandardCharsets.UTF_8)))).findFirst().orElseThrow();
            List<String> lines = Files.readAllLines(record);
            assertEquals(List.of("1.0", rebuilt.digest()), lines.subList(1, 3));
            Files.writeString(record, lines.get(0) + "\n1.0\nnot a digest\n");
            assertEquals(rebuilt, ToolIdentity.remembered(jar, jar.toString(), records, java.time.Instant.now().plusSeconds(3), computation));
            assertEquals(5, computed.get());
            Files.writeString(record, "1 2 3 4 5\n1.0\n" + "0".repeat(64) + "\n");
            assertEquals(rebuilt, ToolIdentity.remembered(jar, jar.toString(), records, java.time.Instant.now().plusSeconds(3), computation));
            assertEquals(6, computed.get());
        }
    }

    @Test
    void aClassesFolderIsNeverRemembered(@TempDir Path dir) throws IOException {
        Path classes = Files.createDirectories(dir.resolve("classes"));
        Files.writeString(classes.resolve("A.class"), "code");
        java.util.concurrent.atomic.AtomicInteger computed = new java.util.concurrent.atomic.AtomicInteger();
        for (int i = 0; i < 2; i++) {
            ToolIdentity.remembered(classes, classes.toString(), dir.resolve("identities"), java.time.Instant.now().plusSeconds(3), () -> {
                computed.incrementAndGet();
                return ToolIdentity.of("development", bytes("code"), bytes("schemas"));
            });
        }
        assertEquals(2, computed.get());
        assertFalse(Files.exists(dir.resolve("identities")));
    }
}
