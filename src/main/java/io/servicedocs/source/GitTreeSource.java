package io.servicedocs.source;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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
 * checking anything out. Symbolic links stored in git are never followed.
 */
public final class GitTreeSource implements SnapshotSource {

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
        try (ObjectReader reader = repository.newObjectReader();
             TreeWalk walk = folder.isEmpty() ? new TreeWalk(reader) : TreeWalk.forPath(reader, folder, tree)) {
            if (walk == null) {
                return List.of();
            }
            if (folder.isEmpty()) {
                walk.addTree(tree);
            } else {
                if (!walk.getFileMode(0).equals(FileMode.TREE)) {
                    return List.of();
                }
                walk.enterSubtree();
            }
            walk.setRecursive(false);
            while (walk.next()) {
                entries.add(new Entry(walk.getNameString(), kind(walk.getFileMode(0))));
            }
        }
        entries.sort(Comparator.comparing(Entry::name));
        return entries;
    }

    @Override
    public byte[] read(String path, long maxBytes) throws IOException, SourceException {
        try (ObjectReader reader = repository.newObjectReader();
             TreeWalk walk = TreeWalk.forPath(reader, path, tree)) {
            if (walk == null) {
                throw new NoSuchFileException(path);
            }
            FileMode mode = walk.getFileMode(0);
            if (mode.equals(FileMode.SYMLINK)) {
                throw new SourceException("path-outside-repository", "'" + path + "' is a symbolic link; "
                        + "expected the file itself");
            }
            if (!mode.equals(FileMode.REGULAR_FILE) && !mode.equals(FileMode.EXECUTABLE_FILE)) {
                throw new SourceException("file-unreadable", "'" + path + "' is not a regular file");
            }
            return bytes(reader, walk.getObjectId(0), path, maxBytes);
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

    private static Kind kind(FileMode mode) {
        if (mode.equals(FileMode.TREE)) {
            return Kind.FOLDER;
        }
        if (mode.equals(FileMode.REGULAR_FILE) || mode.equals(FileMode.EXECUTABLE_FILE)) {
            return Kind.FILE;
        }
        return mode.equals(FileMode.SYMLINK) ? Kind.LINK_OUTSIDE : Kind.OTHER;
    }
}
