package io.servicedocs.site.render;

import io.servicedocs.write.TemporaryFiles;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Publishes a site atomically: it is built in a temporary folder beside the output, which
 * replaces the output only once complete. A failed build leaves the previous site untouched.
 *
 * <p>The temporary folders are named {@code .<output>.building-<pid>-<start>-<random>} (the
 * site being built) and {@code .<output>.previous-<pid>-<start>-<random>} (the site being
 * replaced), with the process id and start time (epoch milliseconds) of the build. A build
 * killed half-way leaves them behind; the next build removes those whose process is gone (or is
 * another process that reused the id), and never those of a build still running.
 */
public final class SitePublisher {

    private SitePublisher() {
    }

    /**
     * A fresh temporary folder on the same file system as {@code output}, so that moves are
     * renames. Leftovers of interrupted builds of the same output are removed first.
     */
    public static Path stagingFolder(Path output) throws IOException {
        Path parent = output.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        removeLeftovers(output);
        return Files.createDirectory(parent.resolve(temporaryName(output, "building")));
    }

    /** Replaces {@code output} by {@code staged}, which gets the marker of a servicedocs site. */
    public static void publish(Path staged, Path output) throws IOException {
        OutputFolder.mark(staged);
        Path previous = null;
        if (Files.exists(output, LinkOption.NOFOLLOW_LINKS)) {
            previous = output.toAbsolutePath().getParent().resolve(temporaryName(output, "previous"));
            Files.move(output, previous, StandardCopyOption.ATOMIC_MOVE);
        }
        try {
            Files.move(staged, output, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (previous != null) {
                Files.move(previous, output, StandardCopyOption.ATOMIC_MOVE);
            }
            throw e;
        }
        if (previous != null) {
            deleteTree(previous);
        }
    }

    /**
     * Removes the staging and previous-site folders of builds of {@code output} whose process is
     * no longer running. When the output itself is missing (a build was killed between the two
     * moves of {@link #publish}), the newest previous site is put back instead of removed.
     */
    public static void removeLeftovers(Path output) throws IOException {
        Path parent = output.toAbsolutePath().getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            return;
        }
        Pattern pattern = Pattern.compile("\\." + Pattern.quote(output.getFileName().toString())
                + "\\.(building|previous)-(\\d{1,10})-(\\d{1,19})-[0-9a-z]+");
        List<Path> stale = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(parent)) {
            for (Path entry : entries) {
                Matcher m = pattern.matcher(entry.getFileName().toString());
                if (m.matches() && !isRunning(Long.parseLong(m.group(2)), Long.parseLong(m.group(3)))) {
                    stale.add(entry);
                }
            }
        }
        if (!Files.exists(output, LinkOption.NOFOLLOW_LINKS)) {
            Optional<Path> newest = stale.stream()
                    .filter(p -> p.getFileName().toString().contains(".previous-") && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
                    .max(Comparator.comparing(SitePublisher::modified));
            if (newest.isPresent()) {
                Files.move(newest.get(), output, StandardCopyOption.ATOMIC_MOVE);
                stale.remove(newest.get());
            }
        }
        for (Path folder : stale) {
            deleteTree(folder);
        }
    }

    /**
     * Whether the build that named a folder with this process id and start time (0: unknown)
     * still runs: a live process of that id that started later is another one.
     */
    static boolean isRunning(long pid, long startMillis) {
        return TemporaryFiles.mayBeLiveWriter(pid, startMillis == 0 ? Instant.now() : Instant.ofEpochMilli(startMillis));
    }

    /** {@code .<output>.<kind>-<pid>-<start>-<random>}, for this process. */
    static String temporaryName(Path output, String kind) {
        ProcessHandle self = ProcessHandle.current();
        long start = self.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
        return "." + output.getFileName() + "." + kind + "-" + self.pid() + "-" + start + "-"
                + Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);
    }

    private static long modified(Path path) {
        try {
            return Files.getLastModifiedTime(path, LinkOption.NOFOLLOW_LINKS).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    public static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
