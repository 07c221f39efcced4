package io.servicedocs.pipeline;

import io.servicedocs.write.TemporaryFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * {@code init}: a new programme repository, made from the servicedocs checkout the tool runs
 * from ({@code home}). The workflows of a programme repository run {@code ./servicedocs}, which
 * builds the tool from {@code src/}: so the new repository holds the tool (every file git tracks
 * in the checkout) minus the example company's data ({@link #EXAMPLE_DATA}), plus the starter
 * programme of {@code starter/} (a small standard, site settings, guides, an empty products/).
 * With {@code example}, it is the checkout as it is, example included.
 *
 * <p>Written all or none: everything goes into a hidden folder beside the target, which is
 * renamed to the target at the end; a failure removes it and leaves the target as it was.
 */
public final class InitPipeline {

    /** Where the starter programme lives in the checkout; its files go to the same paths without it. */
    static final String STARTER = "starter/";

    /**
     * What the starter leaves out of the checkout: the example company's data (replaced by the
     * starter's), and the tool's own tests, benchmarks and development scripts, which run against
     * the example and would fail in a repository without it.
     */
    static final List<String> EXAMPLE_DATA = List.of("products/", "standards/", "content/", "cost-data/",
            "slo-data/", // SLO fetch (issue 16): the example's SLO measurements
            "site.yaml", "README.md", "src/test/", "bench/", "dev/");

    /** What the user asked for. */
    public record Request(Path home, Path target, boolean example, boolean commit) {
    }

    /** What happened. */
    public sealed interface Outcome {
    }

    /** The new repository: its files (relative, '/'-separated, sorted) and whether they were committed. */
    public record Created(Path target, List<String> files, boolean committed) implements Outcome {
    }

    /** Nothing was written, for this reason (a usage problem: the target, or the checkout). */
    public record Refused(String reason) implements Outcome {
    }

    /** One file to write: its content and whether it is executable (the launcher, mvnw, .ci/run). */
    private record Source(Path file, boolean executable) {
    }

    public Outcome run(Request request) throws IOException {
        Path target = request.target().toAbsolutePath().normalize();
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            if (!Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
                return new Refused(target + " exists and is not a folder; give a new or empty folder");
            }
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(target)) {
                if (entries.iterator().hasNext()) {
                    return new Refused(target + " is not empty; give a new or empty folder");
                }
            }
        }
        Path home = request.home().toAbsolutePath().normalize();
        if (!Files.isRegularFile(home.resolve("pom.xml")) || !Files.isDirectory(home.resolve("src/main"))) {
            return new Refused(home + " is not a servicedocs checkout (no pom.xml and src/main there)");
        }
        TreeMap<String, Source> checkout = checkoutFiles(home);
        TreeMap<String, Source> files = request.example() ? checkout : starter(checkout);
        if (request.example() && checkout.keySet().stream().noneMatch(path -> path.startsWith("products/"))) {
            return new Refused(home + " has no example to copy (no products/): it is a programme repository "
                    + "itself; run init without --example, or from a servicedocs checkout");
        }
        if (!request.example() && checkout.keySet().stream().noneMatch(path -> path.startsWith(STARTER))) {
            return new Refused(home + " has no " + STARTER + " folder to start from");
        }

        Files.createDirectories(target.getParent());
        Path staging = TemporaryFiles.temporaryFolder(target);
        try {
            Files.createDirectory(staging);
            for (var entry : files.entrySet()) {
                Path to = staging.resolve(entry.getKey());
                Files.createDirectories(to.getParent());
                Files.copy(entry.getValue().file(), to, LinkOption.NOFOLLOW_LINKS);
                if (entry.getValue().executable()) {
                    makeExecutable(to);
                }
            }
            if (request.commit()) {
                commit(staging, request.example());
            }
            if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
                Files.delete(target); // empty, checked above
            }
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            try {
                deleteTree(staging);
            } catch (UncheckedIOException notRemoved) {
                e.addSuppressed(notRemoved);
            }
            throw e;
        } finally {
            TemporaryFiles.release(staging);
        }
        return new Created(target, List.copyOf(files.keySet()), request.commit());
    }

    /** What {@link #runInPlace} did: the files removed and the files written, relative and sorted. */
    public record Converted(Path checkout, List<String> removed, List<String> written) implements Outcome {
    }

    /**
     * The fork path: turns the checkout itself (a fork or clone of the template, with the example)
     * into what {@code init DIR} would have written, minus the first commit: the example's data and
     * the tool's tests go, the starter's files are written in their place. Only on a checkout
     * without uncommitted changes, so that {@code git status} shows exactly what changed and
     * {@code git checkout .} undoes it.
     */
    public Outcome runInPlace(Path checkoutFolder) throws IOException {
        Path home = checkoutFolder.toAbsolutePath().normalize();
        if (!Files.exists(home.resolve(".git"), LinkOption.NOFOLLOW_LINKS)) {
            return new Refused(home + " is not a git checkout; --in-place changes a clone of the template, "
                    + "where git shows and can undo every change");
        }
        if (!Files.isRegularFile(home.resolve("pom.xml")) || !Files.isDirectory(home.resolve("src/main"))) {
            return new Refused(home + " is not a servicedocs checkout (no pom.xml and src/main there)");
        }
        try (Git git = Git.open(home.toFile())) {
            if (!git.status().call().isClean()) {
                return new Refused(home + " has uncommitted changes or untracked files; commit or stash them first, "
                        + "so that git shows exactly what init changes");
            }
        } catch (GitAPIException e) {
            throw new IOException("cannot read the git status of " + home + ": " + e.getMessage(), e);
        }
        TreeMap<String, Source> checkout = checkoutFiles(home);
        if (checkout.keySet().stream().noneMatch(path -> path.startsWith(STARTER))) {
            return new Refused(home + " has no " + STARTER + " folder to start from");
        }
        TreeMap<String, Source> result = starter(checkout);
        // the starter's content first: starter/ stays, but a removed path may be a starter target
        TreeMap<String, byte[]> starterContent = new TreeMap<>();
        for (var entry : checkout.entrySet()) {
            if (entry.getKey().startsWith(STARTER)) {
                starterContent.put(entry.getKey().substring(STARTER.length()), Files.readAllBytes(entry.getValue().file()));
            }
        }
        List<String> removed = new ArrayList<>();
        for (String path : checkout.keySet()) {
            if (!result.containsKey(path) || (starterContent.containsKey(path) && !path.startsWith(STARTER))) {
                if (!result.containsKey(path)) {
                    removed.add(path);
                }
                Files.delete(home.resolve(path));
            }
        }
        for (String path : removed) {
            removeEmptyFolders(home, home.resolve(path).getParent());
        }
        for (var entry : starterContent.entrySet()) {
            Path to = home.resolve(entry.getKey());
            Files.createDirectories(to.getParent());
            Files.write(to, entry.getValue());
        }
        return new Converted(home, List.copyOf(removed), List.copyOf(starterContent.keySet()));
    }

    private static void removeEmptyFolders(Path home, Path folder) throws IOException {
        for (Path current = folder; current != null && current.startsWith(home) && !current.equals(home);
                current = current.getParent()) {
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(current)) {
                if (entries.iterator().hasNext()) {
                    return;
                }
            } catch (java.nio.file.NoSuchFileException e) {
                continue;
            }
            Files.delete(current);
        }
    }

    /** The checkout's files minus the example's data, with the starter programme in its place. */
    static TreeMap<String, Source> starter(TreeMap<String, Source> checkout) {
        TreeMap<String, Source> files = new TreeMap<>();
        checkout.forEach((path, source) -> {
            if (EXAMPLE_DATA.stream().noneMatch(excluded -> excluded.endsWith("/")
                    ? path.startsWith(excluded) : path.equals(excluded))) {
                files.put(path, source);
            }
        });
        // starter/ itself stays too, so that `init` works from the new repository as well
        checkout.forEach((path, source) -> {
            if (path.startsWith(STARTER)) {
                files.put(path.substring(STARTER.length()), source);
            }
        });
        return files;
    }

    /**
     * The files git tracks in the checkout (its index: what a clone of it would hold, with the
     * working tree's content), or, outside a git checkout (a downloaded archive), every file but
     * the build output. Links and submodules are left out: only regular files inside the checkout
     * are copied.
     */
    private static TreeMap<String, Source> checkoutFiles(Path home) throws IOException {
        TreeMap<String, Source> files = new TreeMap<>();
        Path realHome = home.toRealPath();
        if (Files.exists(home.resolve(".git"), LinkOption.NOFOLLOW_LINKS)) {
            try (Repository repository = new FileRepositoryBuilder().setWorkTree(home.toFile()).setMustExist(true).build()) {
                DirCache index = repository.readDirCache();
                for (int i = 0; i < index.getEntryCount(); i++) {
                    DirCacheEntry entry = index.getEntry(i);
                    FileMode mode = entry.getFileMode();
                    if (entry.getStage() != DirCacheEntry.STAGE_0
                            || (mode != FileMode.REGULAR_FILE && mode != FileMode.EXECUTABLE_FILE)) {
                        continue;
                    }
                    Path file = home.resolve(entry.getPathString());
                    if (isInside(file, realHome)) {
                        files.put(entry.getPathString(), new Source(file, mode == FileMode.EXECUTABLE_FILE));
                    }
                }
            }
            return files;
        }
        try (Stream<Path> walk = Files.walk(home)) {
            walk.filter(file -> Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)).forEach(file -> {
                String path = home.relativize(file).toString().replace('\\', '/');
                if (!path.startsWith("target/") && !path.startsWith(".git/") && !path.startsWith(".idea/")
                        && !path.startsWith(".vscode/") && !path.endsWith(".iml") && isInside(file, realHome)) {
                    files.put(path, new Source(file, Files.isExecutable(file)));
                }
            });
        }
        return files;
    }

    /** A regular file (not a link) whose real path is inside the checkout: nothing is read through a link. */
    private static boolean isInside(Path file, Path realHome) {
        try {
            return Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) && file.toRealPath().startsWith(realHome);
        } catch (IOException e) {
            return false; // deleted from the working tree since it was added: not part of the copy
        }
    }

    private static void makeExecutable(Path file) throws IOException {
        try {
            Set<PosixFilePermission> permissions = EnumSet.copyOf(Files.getPosixFilePermissions(file));
            permissions.addAll(List.of(PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_EXECUTE,
                    PosixFilePermission.OTHERS_EXECUTE));
            Files.setPosixFilePermissions(file, permissions);
        } catch (UnsupportedOperationException e) {
            file.toFile().setExecutable(true, false); // not a POSIX file system: best effort
        }
    }

    /**
     * A git repository with everything in one first commit on {@code main}: review and history
     * read the published branch's history, and CODEOWNERS needs a pushed repository anyway.
     */
    private static void commit(Path folder, boolean example) throws IOException {
        try (Git git = Git.init().setDirectory(folder.toFile()).setInitialBranch("main").call()) {
            git.add().addFilepattern(".").call();
            git.commit().setSign(false)
                    .setMessage(example
                            ? "Start from the servicedocs example (servicedocs init --example)"
                            : "Start the production-readiness programme (servicedocs init)")
                    .call();
        } catch (GitAPIException e) {
            throw new IOException("cannot make the first commit in " + folder + ": " + e.getMessage(), e);
        }
    }

    private static void deleteTree(Path folder) {
        if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try {
            Files.walkFileTree(folder, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the unfinished " + folder, e);
        }
    }
}
