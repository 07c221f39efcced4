package io.servicedocs.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stamp the build cache's file digests and the tool's identity are reused under. */
class FileStampTest {

    @Test
    void aFileGivenBackItsModificationTimeHasAnotherStampThroughItsChangeTime(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("a.yaml"), "name: a\n");
        FileTime modified = Files.getLastModifiedTime(file);
        FileStamp before = FileStamp.ofRegularFile(file).orElseThrow();
        Thread.sleep(20);
        Files.writeString(file, "name: b\n"); // the same size
        Files.setLastModifiedTime(file, modified); // as tar, cp -p and rsync -t do
        FileStamp after = FileStamp.ofRegularFile(file).orElseThrow();
        assertEquals(before.size(), after.size());
        assertEquals(before.modified(), after.modified());
        assertNotEquals(before.changed(), after.changed());
        assertNotEquals(before.text(), after.text());
    }

    @Test
    void onlyARegularFileNotThroughALinkHasOne(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("a.jar"), "code");
        assertTrue(FileStamp.ofRegularFile(file).isPresent());
        assertEquals(Optional.empty(), FileStamp.ofRegularFile(dir));
        assertEquals(Optional.empty(), FileStamp.ofRegularFile(Files.createSymbolicLink(dir.resolve("link.jar"), file)));
        assertEquals(Optional.empty(), FileStamp.ofRegularFile(dir.resolve("missing.jar")));
    }

    @Test
    void itSettlesTwoSecondsAfterItsLastModificationAndChangeAndNeverWithoutAChangeTime() {
        Instant modified = Instant.parse("2026-12-02T03:00:00Z");
        Instant changed = modified.plusSeconds(5);
        FileStamp stamp = new FileStamp(7, modified, Optional.of(changed), "1:2");
        assertFalse(stamp.settledBy(changed.plusSeconds(1)), "changed a second ago");
        assertFalse(stamp.settledBy(changed.plus(FileStamp.SETTLED)), "exactly the tick: not yet");
        assertTrue(stamp.settledBy(changed.plusSeconds(3)));
        // the basic view (no unix attributes): no change time, so nothing computed from it is kept
        FileStamp basic = FileStamp.of(Map.of("size", 7L, "lastModifiedTime", FileTime.from(modified), "fileKey", "k"));
        assertEquals(Optional.empty(), basic.changed());
        assertFalse(basic.settledBy(modified.plusSeconds(3600)));
        assertTrue(basic.text().endsWith(" k -"), basic.text());
    }
}
