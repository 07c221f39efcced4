package io.servicedocs.site.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Staging folders carry the pid and start of their build; the leftovers of dead builds are removed. */
class SitePublisherTest {

    @TempDir
    Path dir;

    @Test
    void stagingFoldersNameTheirProcessAndThePublishedSiteCarriesTheMarker() throws IOException {
        Path out = dir.resolve("site");
        Path staging = SitePublisher.stagingFolder(out);
        ProcessHandle self = ProcessHandle.current();
        long start = self.info().startInstant().map(Instant::toEpochMilli).orElseThrow();
        assertTrue(staging.getFileName().toString().startsWith(".site.building-" + self.pid() + "-" + start + "-"),
                staging.toString());
        Files.writeString(staging.resolve("index.html"), "<p>new</p>");
        SitePublisher.publish(staging, out);
        assertTrue(OutputFolder.isSite(out));
        assertEquals(List.of("site"), names(dir));
    }

    @Test
    void aSiteMovedAsideByAKilledBuildIsPutBack() throws IOException, InterruptedException {
        Path out = dir.resolve("site");
        long dead = deadPid();
        Path previous = Files.createDirectories(dir.resolve(".site.previous-" + dead + "-1700000000000-a"));
        Files.writeString(previous.resolve("index.html"), "<p>last good site</p>");
        Files.createDirectories(dir.resolve(".site.building-" + dead + "-1700000000000-b"));
        SitePublisher.removeLeftovers(out);
        assertEquals("<p>last good site</p>", Files.readString(out.resolve("index.html")));
        assertEquals(List.of("site"), names(dir));
    }

    @Test
    void aProcessIsRunningOnlyWithItsOwnStartTime() throws IOException, InterruptedException {
        ProcessHandle self = ProcessHandle.current();
        long start = self.info().startInstant().map(Instant::toEpochMilli).orElseThrow();
        assertTrue(SitePublisher.isRunning(self.pid(), start));
        assertTrue(SitePublisher.isRunning(self.pid(), 0), "an unknown start keeps the folder");
        assertFalse(SitePublisher.isRunning(self.pid(), start - 60_000), "the id was reused by another process");
        assertFalse(SitePublisher.isRunning(deadPid(), start));
    }

    static long deadPid() throws IOException, InterruptedException {
        Process process = new ProcessBuilder("sh", "-c", "exit 0").start();
        process.waitFor();
        while (ProcessHandle.of(process.pid()).map(ProcessHandle::isAlive).orElse(false)) {
            Thread.sleep(10);
        }
        return process.pid();
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
