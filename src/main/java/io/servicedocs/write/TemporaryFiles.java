package io.servicedocs.write;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names of the temporary files (and folders) that servicedocs writes beside the files it
 * creates or replaces, and the removal of those left behind by a run that was killed.
 *
 * <p>A temporary file is named {@code .<name>.tmp-<pid>-<random>} (a backup of the previous
 * content {@code .<name>.bak-<pid>-<random>}): hidden, and never ending in {@code .yaml}, so that
 * {@code validate} and {@code build} do not read it. The process id tells whose it is: one whose
 * process is dead (or whose process id now belongs to a process started after the file was last
 * written, as happens from one CI container to the next) is a leftover and is removed by the next
 * run that writes in that folder. The temporary files of a live writer are never touched.
 */
public final class TemporaryFiles {

    /** {@code .<name>.<tmp|bak>-<pid>-<random>}. */
    private static final Pattern NAME = Pattern.compile("\\.(.+)\\.(tmp|bak)-([0-9]{1,19})-([0-9a-z]{1,16})");
    /** What earlier versions of the cost-data store left: {@code .<YYYY-MM>.yaml.<uuid>.tmp}, no process id. */
    private static final Pattern OLD_NAME = Pattern.compile(
            "\\.[0-9]{4}-[0-9]{2}\\.yaml\\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\.tmp");
    /** Old temporary files are removed when they are older than this: their writer took milliseconds. */
    private static final java.time.Duration OLD_NAME_AGE = java.time.Duration.ofHours(1);

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final long PID = ProcessHandle.current().pid();
    /** The temporary files of this process that are still in use: never leftovers. */
    private static final Set<Path> OURS = ConcurrentHashMap.newKeySet();

    private TemporaryFiles() {
    }

    /** A new temporary name beside {@code target}: {@code .<name>.tmp-<pid>-<random>}. */
    static Path temporary(Path target) {
        return sibling(target, "tmp");
    }

    /** A new backup name beside {@code target}: {@code .<name>.bak-<pid>-<random>}. */
    static Path backup(Path target) {
        return sibling(target, "bak");
    }

    /**
     * A new temporary name for a folder written whole and then renamed to {@code target}, marked
     * as in use by this process until {@link #release} frees it.
     */
    public static Path temporaryFolder(Path target) {
        return sibling(target, "tmp");
    }

    private static Path sibling(Path target, String kind) {
        String random = Long.toString(RANDOM.nextLong() >>> 1, 36);
        Path path = target.resolveSibling("." + target.getFileName() + "." + kind + "-" + PID + "-" + random);
        OURS.add(path.toAbsolutePath().normalize());
        return path;
    }

    /** {@code path} is no longer in use by this process (renamed, or deleted). */
    public static void release(Path path) {
        OURS.remove(path.toAbsolutePath().normalize());
    }

    /** Whether {@code name} is the name of a temporary file or backup of servicedocs. */
    public static boolean isTemporaryName(String name) {
        return NAME.matcher(name).matches() || OLD_NAME.matcher(name).matches();
    }

    /**
     * Removes the leftovers of dead writers directly in {@code folder} (files, and folders with
     * what they hold; links are removed, never followed). Missing folders have none.
     *
     * @return the paths removed
     * @throws WriteException when a leftover cannot be removed; it names the leftover
     */
    public static List<Path> removeLeftovers(Path folder) throws WriteException {
        List<Path> removed = new ArrayList<>();
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            return removed;
        }
        List<Path> candidates = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder,
                p -> p.getFileName().toString().startsWith(".") && isTemporaryName(p.getFileName().toString()))) {
            entries.forEach(candidates::add);
        } catch (NoSuchFileException e) {
            return removed;
        } catch (IOException e) {
            throw new WriteException(folder, "cannot list " + folder + " to remove the temporary files of "
                    + "interrupted runs: " + reason(e, folder), e);
        }
        for (Path candidate : candidates) {
            try {
                if (isLeftover(candidate)) {
                    deleteTree(candidate);
                    removed.add(candidate);
                }
            } catch (NoSuchFileException e) {
                // removed meanwhile, by its writer or another run
            } catch (IOException e) {
                throw new WriteException(candidate, "cannot remove " + candidate + ", left by an interrupted run: "
                        + reason(e, candidate), e);
            }
        }
        return removed;
    }

    /** Whether {@code path}, a temporary name, belongs to no live writer. */
    static boolean isLeftover(Path path) throws IOException {
        String name = path.getFileName().toString();
        Instant modified = Files.getLastModifiedTime(path, LinkOption.NOFOLLOW_LINKS).toInstant();
        Matcher m = NAME.matcher(name);
        if (!m.matches()) {
            return OLD_NAME.matcher(name).matches() && modified.isBefore(Instant.now().minus(OLD_NAME_AGE));
        }
        long pid;
        try {
            pid = Long.parseLong(m.group(3));
        } catch (NumberFormatException e) {
            return true;
        }
        if (pid == PID) {
            // ours only if this process made it; else a process of the same id before us (a container)
            return !OURS.contains(path.toAbsolutePath().normalize());
        }
        return !mayBeLiveWriter(pid, modified);
    }

    /**
     * Whether a live process with id {@code pid} may be the one that wrote something at
     * {@code writtenAt}: a process of that id started later has reused the id of a writer that
     * died (process ids repeat, in containers above all). When the start time of a live process
     * cannot be read, it is taken to be the writer. The one test of liveness for every leftover
     * of servicedocs: temporary files here, the site's staging folders in SitePublisher.
     */
    public static boolean mayBeLiveWriter(long pid, Instant writtenAt) {
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isEmpty() || !process.get().isAlive()) {
            return false;
        }
        Optional<Instant> started = process.get().info().startInstant();
        return started.isEmpty() || !started.get().isAfter(writtenAt.plusSeconds(1));
    }

    private static void deleteTree(Path path) throws IOException {
        if (!Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            Files.delete(path);
            return;
        }
        Files.walkFileTree(path, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /**
     * What went wrong with {@code target}, in words, without the temporary names Java puts in its
     * messages: another file only when it is neither {@code target} nor one of ours.
     */
    public static String reason(IOException e, Path target) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied" + other(e, target);
        }
        if (e instanceof java.nio.file.DirectoryNotEmptyException) {
            return "a folder that is not empty is in the way" + other(e, target);
        }
        if (e instanceof java.nio.file.FileAlreadyExistsException) {
            return "something is in the way" + other(e, target);
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or folder" + other(e, target);
        }
        if (e instanceof java.nio.file.NotDirectoryException) {
            return "not a folder" + other(e, target);
        }
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return f.getReason() + other(e, target);
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** " (path)" when Java's exception names a file that is not one of our temporary names. */
    private static String other(IOException e, Path target) {
        if (e instanceof java.nio.file.FileSystemException f && f.getFile() != null) {
            Path file = Path.of(f.getFile());
            boolean temporary = false;
            for (Path part : file) {
                temporary |= isTemporaryName(part.toString());
            }
            if (!temporary && !file.toAbsolutePath().normalize().equals(target.toAbsolutePath().normalize())) {
                return " (" + f.getFile() + ")";
            }
        }
        return "";
    }
}
