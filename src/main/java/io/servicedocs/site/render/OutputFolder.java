package io.servicedocs.site.render;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where a site may be written. Publishing a site replaces its output folder whole, so a wrong
 * {@code --out} (the repository, a folder holding it, {@code .git}, the home folder) would delete
 * what is there. Every check compares real paths: the links of the existing part of the path are
 * resolved first, so {@code repo/../repo} or a link to the repository is recognised.
 *
 * <p>A site servicedocs built carries the {@linkplain #MARKER marker file}; an existing folder
 * with files in it and without the marker is someone else's and is replaced only with
 * {@code --force}.
 */
public final class OutputFolder {

    /** The file servicedocs writes at the top of every site it builds; never listed as a page. */
    public static final String MARKER = ".servicedocs-site";

    static final String MARKER_TEXT = "This folder is a site written by servicedocs; every `servicedocs build` "
            + "replaces it whole.\n";

    /** An output folder servicedocs will not write to; the message names it and says why. */
    public static final class RefusedException extends IOException {
        public RefusedException(String message) {
            super(message);
        }
    }

    private OutputFolder() {
    }

    /**
     * Checks that a site may replace {@code requested} and returns its real path (where the site
     * will go).
     *
     * @param repositoryRoot the repository the site is built from
     * @param force          replace an existing folder with files in it even without our marker
     * @param isDefault      {@code requested} is the default target/site of the repository: a
     *                       folder there is accepted without the marker (older builds had none)
     *                       as long as it really is inside the repository
     * @throws RefusedException when the folder must not be replaced
     * @throws IOException      when the path cannot be resolved
     */
    public static Path check(Path requested, Path repositoryRoot, boolean force, boolean isDefault) throws IOException {
        String shown = (isDefault ? "the output folder " : "--out ") + requested;
        Path real = realPath(requested);
        if (real.getParent() == null) {
            throw refused(shown, "it is the root of the file system");
        }
        Path repository = repositoryRoot.toRealPath();
        if (real.equals(repository)) {
            throw refused(shown, "it is the repository itself");
        }
        if (repository.startsWith(real)) {
            throw refused(shown, "it contains the repository " + repository);
        }
        for (Path git : gitFolders(repository)) {
            if (real.startsWith(git)) {
                throw refused(shown, "it is inside the repository's git folder " + git);
            }
            if (git.startsWith(real)) {
                throw refused(shown, "it contains the repository's git folder " + git);
            }
        }
        Optional<Path> home = home();
        if (home.isPresent() && real.equals(home.get())) {
            throw refused(shown, "it is the home folder");
        }
        if (home.isPresent() && home.get().startsWith(real)) {
            throw refused(shown, "it contains the home folder " + home.get());
        }
        if (Files.exists(real, LinkOption.NOFOLLOW_LINKS)) {
            if (!Files.isDirectory(real, LinkOption.NOFOLLOW_LINKS)) {
                throw refused(shown, "it is a file, not a folder");
            }
            boolean ours = isDefault && real.startsWith(repository) || isSite(real);
            if (!ours && !force && !isEmpty(real)) {
                throw refused(shown, "it already holds files that servicedocs did not write (there is no " + MARKER
                        + " in it); choose a new or empty folder, or pass --force to replace it with the site");
            }
        }
        return real;
    }

    /** Whether {@code folder} holds a site servicedocs wrote. */
    public static boolean isSite(Path folder) {
        return Files.isRegularFile(folder.resolve(MARKER), LinkOption.NOFOLLOW_LINKS);
    }

    /** Writes the marker into a freshly built site. */
    static void mark(Path site) throws IOException {
        Files.writeString(site.resolve(MARKER), MARKER_TEXT, StandardCharsets.UTF_8);
    }

    private static RefusedException refused(String folder, String why) {
        return new RefusedException(folder + ": refused, " + why + ". The site replaces its output "
                + "folder whole; give a folder of its own (default: target/site in the repository).");
    }

    /**
     * The real path of {@code path}, component by component as the system would follow it: each
     * existing component with its links resolved, {@code ..} going up from where the links led.
     * A link to nowhere on the way is an error.
     */
    static Path realPath(Path path) throws IOException {
        Path absolute = path.toAbsolutePath();
        Path real = absolute.getRoot();
        for (Path name : absolute) {
            String part = name.toString();
            if (part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                real = real.getParent() == null ? real : real.getParent();
                continue;
            }
            Path next = real.resolve(part);
            if (Files.exists(next, LinkOption.NOFOLLOW_LINKS)) {
                if (!Files.exists(next)) {
                    throw new RefusedException("the output folder " + path + ": refused, " + next + " is a link to a place "
                            + "that does not exist");
                }
                next = next.toRealPath();
            }
            real = next;
        }
        return real;
    }

    /** The repository's .git folder and, for a linked work tree ({@code .git} a file), the folder it names. */
    private static List<Path> gitFolders(Path repository) throws IOException {
        List<Path> folders = new ArrayList<>();
        Path git = repository.resolve(".git");
        if (Files.isDirectory(git)) {
            folders.add(git.toRealPath());
        } else if (Files.isRegularFile(git)) {
            folders.add(git);
            for (String line : Files.readAllLines(git, StandardCharsets.UTF_8)) {
                if (line.startsWith("gitdir:")) {
                    Path named = repository.resolve(line.substring("gitdir:".length()).trim());
                    folders.add(Files.exists(named) ? named.toRealPath() : named.normalize());
                }
            }
        } else {
            folders.add(git);
        }
        return folders;
    }

    private static Optional<Path> home() {
        String home = System.getProperty("user.home");
        if (home == null || home.isBlank() || home.equals("?")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Path.of(home).toRealPath());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static boolean isEmpty(Path folder) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            return !entries.iterator().hasNext();
        }
    }
}
