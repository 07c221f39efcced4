package io.servicedocs.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The one rule for what of a repository on disk may be read or published: a path may be read
 * only when, after resolving every symbolic link on the way, it is a regular file or a folder
 * inside the repository and outside its {@code .git} folder (and any other folder named
 * {@code .git}). Links that stay inside the repository and outside {@code .git} are followed.
 * Anything else (a link out of the repository, into {@code .git}, to nothing, or to a FIFO,
 * socket or device; such a file itself) is refused with a {@link SourceException} that names the
 * link or file and where it points, and never with anything read from the target.
 *
 * <p>Every reader of repository files goes through here: the working tree snapshot (products,
 * standards, cost data, site.yaml) and the site (templates, i18n messages, content, assets).
 * Nothing is opened before it is known to be a regular file, so a FIFO cannot hang a read.
 */
public final class RepositoryFiles {

    /** How many entries one {@link #tree} walks at most: links inside the repository can multiply them. */
    static final int MAX_TREE_ENTRIES = 200_000;

    private final Path root;

    /** @throws IOException when {@code root} is not an existing folder */
    public RepositoryFiles(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            throw new NoSuchFileException(root.toString(), null, "not a folder");
        }
        this.root = root.toRealPath();
    }

    /** The repository's folder, its real path. */
    public Path root() {
        return root;
    }

    /** A path that may be read: a regular file or a folder, and where it really is. */
    public record Vetted(String path, Path real, boolean folder) {
    }

    /**
     * What is at {@code path} (relative, '/'-separated), vetted component by component.
     *
     * @return empty when nothing is there (no link on the way leads to nothing)
     * @throws SourceException when the path, or a link on the way, may not be read
     */
    public Optional<Vetted> vet(String path) throws IOException, SourceException {
        String[] names = split(path);
        Path real = root;
        StringBuilder logical = new StringBuilder();
        Vetted vetted = new Vetted("", root, true);
        for (int i = 0; i < names.length; i++) {
            if (logical.length() > 0) {
                logical.append('/');
            }
            logical.append(names[i]);
            if (!vetted.folder()) {
                return Optional.empty(); // a file where a folder was expected: nothing is there
            }
            Optional<Vetted> step = entry(real, names[i], logical.toString());
            if (step.isEmpty()) {
                return Optional.empty();
            }
            vetted = step.get();
            real = vetted.real();
        }
        return Optional.of(vetted);
    }

    /**
     * The real path of the regular file at {@code path}.
     *
     * @throws NoSuchFileException when nothing is there
     * @throws SourceException when it may not be read, or is a folder
     */
    public Path file(String path) throws IOException, SourceException {
        Vetted vetted = vet(path).orElseThrow(() -> new NoSuchFileException(path));
        if (vetted.folder()) {
            throw new SourceException("file-unreadable", path + " is a folder; expected a file", path);
        }
        return vetted.real();
    }

    /**
     * The content of the regular file at {@code path}, read only if it is at most {@code maxBytes} long.
     *
     * @throws NoSuchFileException when nothing is there
     * @throws SourceException when it may not be read or is too large
     */
    public byte[] read(String path, long maxBytes) throws IOException, SourceException {
        Path file = file(path);
        long size = Files.size(file);
        if (size > maxBytes) {
            throw new SourceException("file-too-large", "file is " + size + " bytes; expected at most "
                    + maxBytes + " bytes. Split it or move long text to the site's content/ pages.");
        }
        // The real path has no link left: NOFOLLOW_LINKS makes sure none was put there since.
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            // The size may change between the check and the read: never read past the limit.
            byte[] data = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (data.length > maxBytes) {
                throw new SourceException("file-too-large", "file is larger than " + maxBytes + " bytes");
            }
            return data;
        }
    }

    /**
     * The entries of the folder at {@code path}, each with its kind; empty when no folder is there.
     *
     * @throws SourceException when the folder itself, or a link on the way, may not be read
     */
    public List<SnapshotSource.Entry> list(String path) throws IOException, SourceException {
        Optional<Vetted> folder = vet(path);
        if (folder.isEmpty() || !folder.get().folder()) {
            return List.of();
        }
        List<SnapshotSource.Entry> entries = new ArrayList<>();
        for (String name : names(folder.get().real())) {
            entries.add(new SnapshotSource.Entry(name, kind(folder.get().real(), name, child(path, name))));
        }
        return entries;
    }

    /**
     * Why the entry at {@code path} may not be read, for a listing that showed it as
     * {@link SnapshotSource.Kind#LINK_OUTSIDE} or {@link SnapshotSource.Kind#OTHER}.
     */
    public Optional<SourceException> refusal(String path) throws IOException {
        try {
            vet(path);
            return Optional.empty();
        } catch (SourceException e) {
            return Optional.of(e);
        }
    }

    /**
     * Every regular file under the folder at {@code path}, at any depth, sorted by path; links
     * that stay inside the repository are followed. Empty when the folder does not exist.
     *
     * @throws SourceException naming the first entry that may not be read: every entry of the
     *         tree must be a regular file or a folder that may be read, nothing is skipped silently
     */
    public List<Vetted> tree(String path) throws IOException, SourceException {
        Optional<Vetted> folder = vet(path);
        if (folder.isEmpty()) {
            return List.of();
        }
        if (!folder.get().folder()) {
            throw new SourceException("file-unreadable", path + " is a file; expected a folder", path);
        }
        List<Vetted> files = new ArrayList<>();
        walk(folder.get(), new HashSet<>(), files, new int[] {0});
        files.sort(Comparator.comparing(Vetted::path));
        return files;
    }

    private void walk(Vetted folder, Set<Path> above, List<Vetted> files, int[] count)
            throws IOException, SourceException {
        if (!above.add(folder.real())) {
            throw new SourceException("link-broken", folder.path() + " is a symbolic link to a folder that contains it; "
                    + "the links loop. Replace the link by the files themselves.", folder.path());
        }
        for (String name : names(folder.real())) {
            if (++count[0] > MAX_TREE_ENTRIES) {
                throw new SourceException("file-unreadable", folder.path() + " holds more than " + MAX_TREE_ENTRIES
                        + " files and folders (counting those reached through links)", folder.path());
            }
            String path = child(folder.path(), name);
            Optional<Vetted> entry = entry(folder.real(), name, path);
            if (entry.isEmpty()) {
                continue; // removed while we walked
            }
            if (entry.get().folder()) {
                walk(entry.get(), above, files, count);
            } else {
                files.add(entry.get());
            }
        }
        above.remove(folder.real());
    }

    /**
     * One entry of a folder already vetted, whose real path is {@code parent}. Only the entry
     * itself can be a link here: the parent has none left.
     */
    private Optional<Vetted> entry(Path parent, String name, String path) throws IOException, SourceException {
        Path at = parent.resolve(name);
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(at, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        if (attributes.isSymbolicLink()) {
            String link = path + " is a symbolic link to '" + printable(Files.readSymbolicLink(at).toString()) + "'";
            Path real;
            try {
                real = at.toRealPath();
            } catch (NoSuchFileException | java.nio.file.NotLinkException e) {
                throw new SourceException("link-broken", link + ", which leads to nothing. Replace the link by the file "
                        + "itself.", path);
            } catch (FileSystemException e) {
                // Too many levels of links (a loop), or a folder on the way that cannot be entered.
                throw new SourceException("link-broken", link + ", which cannot be followed (a loop of links?). "
                        + "Replace the link by the file itself.", path);
            }
            if (!real.startsWith(root)) {
                throw new SourceException("path-outside-repository", link + ", which leads out of the repository; "
                        + "only files inside the repository are read. Replace the link by the file itself.", path);
            }
            if (inGit(real)) {
                throw new SourceException("path-in-git", link + ", which leads into the repository's .git folder ("
                        + printable(root.relativize(real).toString().replace('\\', '/')) + "); files of .git are never "
                        + "read or published. Replace the link by the file itself.", path);
            }
            BasicFileAttributes target = Files.readAttributes(real, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!target.isDirectory() && !target.isRegularFile()) {
                throw new SourceException("file-unreadable", link + ", which leads to " + what(target)
                        + ", not a regular file or folder", path);
            }
            return Optional.of(new Vetted(path, real, target.isDirectory()));
        }
        if (name.equalsIgnoreCase(".git")) {
            throw new SourceException("path-in-git", path + " is a .git folder or file; files of .git are never read "
                    + "or published", path);
        }
        if (!attributes.isDirectory() && !attributes.isRegularFile()) {
            throw new SourceException("file-unreadable", path + " is " + what(attributes)
                    + ", not a regular file or folder", path);
        }
        return Optional.of(new Vetted(path, at, attributes.isDirectory()));
    }

    private SnapshotSource.Kind kind(Path parent, String name, String path) throws IOException {
        try {
            Optional<Vetted> vetted = entry(parent, name, path);
            if (vetted.isEmpty()) {
                return SnapshotSource.Kind.OTHER;
            }
            return vetted.get().folder() ? SnapshotSource.Kind.FOLDER : SnapshotSource.Kind.FILE;
        } catch (SourceException e) {
            return Files.isSymbolicLink(parent.resolve(name)) ? SnapshotSource.Kind.LINK_OUTSIDE : SnapshotSource.Kind.OTHER;
        }
    }

    private boolean inGit(Path real) {
        for (Path name : root.relativize(real)) {
            if (name.toString().equalsIgnoreCase(".git")) {
                return true;
            }
        }
        return false;
    }

    private static String what(BasicFileAttributes attributes) {
        return attributes.isOther() ? "a FIFO, socket or device" : "a special file";
    }

    /**
     * The names in a folder, sorted. A regular file named {@code .git} is left out: it is git's
     * pointer to the repository of a worktree or submodule (the cost-data/ worktree of the
     * workflows has one), never content; git itself never tracks it, and it is never read. A
     * {@code .git} folder or link is listed, and refused.
     */
    private static List<String> names(Path folder) throws IOException {
        List<String> names = new ArrayList<>();
        try (Stream<Path> children = Files.list(folder)) {
            children.filter(child -> !isGitPointer(child)).forEach(child -> names.add(child.getFileName().toString()));
        }
        names.sort(Comparator.naturalOrder());
        return names;
    }

    private static boolean isGitPointer(Path child) {
        return child.getFileName().toString().equals(".git") && Files.isRegularFile(child, LinkOption.NOFOLLOW_LINKS);
    }

    private static String child(String folder, String name) {
        return folder.isEmpty() ? name : folder + "/" + name;
    }

    /** The names of a relative path; refuses paths that could leave the root by themselves. */
    private static String[] split(String path) {
        if (path.isEmpty()) {
            return new String[0];
        }
        String[] names = path.split("/", -1);
        for (String name : names) {
            if (name.isEmpty() || name.equals(".") || name.equals("..") || name.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("not a relative path inside the repository: " + path);
            }
        }
        return names;
    }

    /** Text of a link for a message: control characters would garble the message (or a CI annotation). */
    static String printable(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().limit(300).forEach(c -> {
            if (Character.isISOControl(c) || c == 0x2028 || c == 0x2029) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        if (text.codePointCount(0, text.length()) > 300) {
            out.append("...");
        }
        return out.toString();
    }
}
