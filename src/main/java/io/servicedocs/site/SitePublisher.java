package io.servicedocs.site;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Publishes a site atomically: it is built in a temporary folder beside the output, which
 * replaces the output only once complete. A failed build leaves the previous site untouched.
 */
public final class SitePublisher {

    private SitePublisher() {
    }

    /** A fresh temporary folder on the same file system as {@code output}, so that moves are renames. */
    public static Path stagingFolder(Path output) throws IOException {
        Path parent = output.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        return Files.createTempDirectory(parent, "." + output.getFileName() + ".building-");
    }

    /** Replaces {@code output} by {@code staged}. */
    public static void publish(Path staged, Path output) throws IOException {
        Path previous = null;
        if (Files.exists(output)) {
            previous = Files.createTempDirectory(output.toAbsolutePath().getParent(), "." + output.getFileName() + ".previous-");
            Files.delete(previous);
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

    public static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
