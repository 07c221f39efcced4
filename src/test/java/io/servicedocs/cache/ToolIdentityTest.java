package io.servicedocs.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ToolIdentityTest {

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
}
