package io.servicedocs.source;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevTree;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * The repository as it was in one commit, read from git's object database through JGit without
 * checking anything out. Symbolic links stored in git (blobs of mode 120000 whose content is the
 * link's target) follow the same rule as in the working tree ({@link RepositoryFiles}): they are
 * followed inside the commit's tree while they stay in it and outside .git; a link that leads out
 * of it, into .git, to nothing or to a submodule is refused, naming the link and its target text.
 */
public final class GitTreeSource implements SnapshotSource {

    /** As the kernel: a chain of more links than this is taken for a loop. */
    private static final int MAX_LINKS = 40;
    /** Longer link targets are not read: no real link needs them. */
    private static final int MAX_LINK_BYTES = 4096;

    private final Repository repository;
    private final RevTree tree;
    private final String description;

    public GitTreeSource(Repository repository, RevCommit commit) {
        this.repository = repository;
        this.tree = commit.getTree();
        this.description = "commit " + commit.abbreviate(10).name();
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public List<Entry> list(String folder) throws IOException {
        List<Entry> entries = new ArrayList<>();
        try (ObjectReader reader = repository.newObjectReader()) {
            Optional<Located> located;
            try {
                located = locate(reader, folder);
            } catch (SourceException e) {
                throw new RefusedFolderException(e);
            }
            if (located.isEmpty() || !located.get().mode().equals(FileMode.TREE)) {
                return List.of();
            }
            try (TreeWalk walk = new TreeWalk(reader)) {
                walk.addTree(located.get().id());
                walk.setRecursive(false);
                while (walk.next()) {
                    String name = walk.getNameString();
                    FileMode mode = walk.getFileMode(0);
                    Kind kind = name.equalsIgnoreCase(".git") ? Kind.OTHER
                            : mode.equals(FileMode.SYMLINK) ? kind(reader, folder.isEmpty() ? name : folder + "/" + name)
                            : mode.equals(FileMode.TREE) ? Kind.FOLDER : isFile(mode) ? Kind.FILE : Kind.OTHER;
                    entries.add(new Entry(name, kind));
                }
            }
        }
        entries.sort(Comparator.comparing(Entry::name));
        return entries;
    }

    @Override
    public byte[] read(String path, long maxBytes) throws IOException, SourceException {
        try (ObjectReader reader = repository.newObjectReader()) {
            Located located = locate(reader, path).orElseThrow(() -> new NoSuchFileException(path));
            if (!isFile(located.mode())) {
                throw new SourceException("file-unreadable", "'" + path + "' is not a regular file");
            }
            return bytes(reader, located.id(), path, maxBytes);
        }
    }

    @Override
    public SourceException refusal(String path) throws IOException {
        try (ObjectReader reader = repository.newObjectReader()) {
            Optional<Located> located = locate(reader, path);
            return new SourceException("file-unreadable", path + " is "
                    + (located.isPresent() && located.get().mode().equals(FileMode.GITLINK) ? "a submodule" : "not a regular file")
                    + " in " + description + "; it is not read", path);
        } catch (SourceException e) {
            return e;
        }
    }

    @Override
    public Optional<String> whereIs(String folder) throws IOException {
        try (ObjectReader reader = repository.newObjectReader()) {
            return locate(reader, folder).map(Located::path);
        } catch (SourceException e) {
            return Optional.empty();
        }
    }

    /** The content of a blob, refused when larger than {@code maxBytes}. */
    static byte[] bytes(ObjectReader reader, ObjectId blob, String path, long maxBytes)
            throws IOException, SourceException {
        ObjectLoader loader = reader.open(blob);
        if (loader.getSize() > maxBytes) {
            throw new SourceException("file-too-large", "file is " + loader.getSize() + " bytes; expected at most "
                    + maxBytes + " bytes. Split it or move long text to the site's content/ pages.");
        }
        return loader.getBytes();
    }

    /** One recursive walk of the tree (listing folder by folder would rescan big trees for each). */
    @Override
    public void walk(java.util.function.Predicate<String> enter, java.util.function.Consumer<String> visitor)
            throws IOException {
        try (ObjectReader reader = repository.newObjectReader(); TreeWalk walk = new TreeWalk(reader)) {
            walk.addTree(tree);
            walk.setRecursive(false);
            while (walk.next()) {
                if (walk.isSubtree()) {
                    if (enter.test(walk.getPathString())) {
                        walk.enterSubtree();
                    }
                } else {
                    visitor.accept(walk.getPathString());
                }
            }
        }
    }

    private Kind kind(ObjectReader reader, String path) throws IOException {
        Optional<Located> located;
        try {
            located = locate(reader, path);
        } catch (SourceException e) {
            return Kind.LINK_OUTSIDE;
        }
        if (located.isEmpty()) {
            return Kind.OTHER;
        }
        FileMode mode = located.get().mode();
        return mode.equals(FileMode.TREE) ? Kind.FOLDER : isFile(mode) ? Kind.FILE : Kind.OTHER;
    }

    private static boolean isFile(FileMode mode) {
        return mode.equals(FileMode.REGULAR_FILE) || mode.equals(FileMode.EXECUTABLE_FILE);
    }

    /** An entry of the tree, links resolved: {@code path} is where it really is. */
    private record Located(String path, FileMode mode, ObjectId id) {
    }

    /** Where a link leads when it may not be followed; the caller names the link. */
    private static final class Leads extends Exception {
        private final String rule;
        private final String where;

        Leads(String rule, String where) {
            super(where, null, false, false);
            this.rule = rule;
            this.where = where;
        }
    }

    /**
     * The entry at {@code path}, following links; empty when nothing is there.
     *
     * @throws SourceException naming the first link on the way that may not be followed
     */
    private Optional<Located> locate(ObjectReader reader, String path) throws IOException, SourceException {
        try {
            return walk(reader, path, new int[] {0}, false);
        } catch (Leads e) {
            throw new IllegalStateException(e); // only thrown when following a link
        }
    }

    /**
     * Walks the names of {@code path} from the root. Outside a link ({@code inLink} false) a link
     * that may not be followed is a {@link SourceException} naming it and a missing entry is
     * empty; while following a link's target, both are {@link Leads} for the link to report.
     */
    private Optional<Located> walk(ObjectReader reader, String path, int[] links, boolean inLink)
            throws IOException, SourceException, Leads {
        Located at = new Located("", FileMode.TREE, tree);
        String asked = "";
        String[] names = path.isEmpty() ? new String[0] : path.split("/", -1);
        for (String name : names) {
            asked = asked.isEmpty() ? name : asked + "/" + name;
            if (name.isEmpty() || name.equals(".") || name.equals("..")) {
                throw new IllegalArgumentException("not a relative path inside the repository: " + path);
            }
            if (!at.mode().equals(FileMode.TREE)) {
                if (inLink) {
                    throw new Leads("link-broken", "which leads to nothing");
                }
                return Optional.empty();
            }
            if (name.equalsIgnoreCase(".git")) {
                if (inLink) {
                    throw new Leads("path-in-git", "which leads into .git");
                }
                throw new SourceException("path-in-git", asked + " is a .git folder or file; files of .git are never "
                        + "read or published", asked);
            }
            String real = at.path().isEmpty() ? name : at.path() + "/" + name;
            Optional<Located> child = child(reader, at, name, real);
            if (child.isEmpty()) {
                if (inLink) {
                    throw new Leads("link-broken", "which leads to nothing");
                }
                return Optional.empty();
            }
            if (child.get().mode().equals(FileMode.SYMLINK)) {
                String target = linkText(reader, child.get().id());
                if (++links[0] > MAX_LINKS) {
                    throw new Leads("link-broken", "which cannot be followed (a loop of links?)");
                }
                try {
                    child = Optional.of(follow(reader, at.path(), target, links));
                } catch (Leads leads) {
                    if (inLink) {
                        throw leads;
                    }
                    throw new SourceException(leads.rule, asked + " is a symbolic link to '" + RepositoryFiles.printable(target)
                            + "' in " + description + ", " + leads.where + ". Replace the link by the file itself.", asked);
                }
            }
            at = child.get();
        }
        return Optional.of(at);
    }

    /** The entry a link's target text leads to, from the folder {@code folder} (a real path) that holds the link. */
    private Located follow(ObjectReader reader, String folder, String target, int[] links)
            throws IOException, SourceException, Leads {
        if (target.startsWith("/") || target.indexOf('\0') >= 0 || target.contains("\\") || target.matches("^[A-Za-z]:.*")) {
            throw new Leads("path-outside-repository", "which leads out of the repository");
        }
        Deque<String> names = new ArrayDeque<>();
        if (!folder.isEmpty()) {
            for (String name : folder.split("/")) {
                names.addLast(name);
            }
        }
        for (String name : target.split("/")) {
            if (name.isEmpty() || name.equals(".")) {
                continue;
            }
            if (name.equals("..")) {
                if (names.isEmpty()) {
                    throw new Leads("path-outside-repository", "which leads out of the repository");
                }
                names.removeLast();
            } else {
                names.addLast(name);
            }
        }
        if (names.isEmpty()) {
            return new Located("", FileMode.TREE, tree);
        }
        try {
            return walk(reader, String.join("/", names), links, true).orElseThrow();
        } catch (IllegalArgumentException e) {
            throw new Leads("link-broken", "which leads to nothing");
        }
    }

    private static Optional<Located> child(ObjectReader reader, Located folder, String name, String real)
            throws IOException {
        try (TreeWalk walk = TreeWalk.forPath(reader, name, folder.id())) {
            return walk == null ? Optional.empty()
                    : Optional.of(new Located(real, walk.getFileMode(0), walk.getObjectId(0)));
        }
    }

    private static String linkText(ObjectReader reader, ObjectId blob) throws IOException {
        ObjectLoader loader = reader.open(blob);
        if (loader.getSize() > MAX_LINK_BYTES) {
            return "/"; // no link of the repository's own needs this: take it as leading out
        }
        return new String(loader.getBytes(), StandardCharsets.UTF_8);
    }
}
