package io.servicedocs.source;

import java.io.IOException;
import java.util.List;

/**
 * A read-only view of a repository at one point in time: the working tree, or a git tree. Paths
 * are relative to the repository root and use '/' as separator. Loading and validation only see
 * this interface, so they never care where the files come from.
 */
public interface SnapshotSource {

    /** What the snapshot is, for messages, e.g. the folder it reads. */
    String describe();

    /**
     * The entries of a folder, sorted by name; empty when the folder does not exist.
     *
     * @throws RefusedFolderException when the folder is there but may not be read (a symbolic
     *         link out of the repository, into .git or to nothing): never an empty list
     */
    List<Entry> list(String folder) throws IOException;

    /**
     * The content of a file, read only if it is at most {@code maxBytes} long.
     *
     * @throws SourceException when the path is not a regular file inside the repository or is too large
     */
    byte[] read(String path, long maxBytes) throws IOException, SourceException;

    /**
     * Why an entry that {@link #list} showed as {@link Kind#LINK_OUTSIDE} or {@link Kind#OTHER}
     * is not read: a message that names it and where it points (never what it points to).
     */
    default SourceException refusal(String path) throws IOException {
        return new SourceException("file-unreadable", path + " is not a regular file or folder; it is not read", path);
    }

    /**
     * Where a folder really is once links are resolved (a path in the snapshot's own terms), so
     * that a walk can tell a folder that contains itself through a link; empty when unknown.
     */
    default java.util.Optional<String> whereIs(String folder) throws IOException {
        return java.util.Optional.empty();
    }

    /**
     * Calls {@code visitor} with the path of every entry that is not a folder (files, links and
     * anything else), walking into each folder for which {@code enter} is true. Links are never
     * followed. This default lists folder by folder; the sources override it with one walk.
     */
    default void walk(java.util.function.Predicate<String> enter, java.util.function.Consumer<String> visitor)
            throws IOException {
        java.util.Deque<String> folders = new java.util.ArrayDeque<>(List.of(""));
        while (!folders.isEmpty()) {
            String folder = folders.pop();
            for (Entry entry : list(folder)) {
                String path = folder.isEmpty() ? entry.name() : folder + "/" + entry.name();
                if (entry.kind() != Kind.FOLDER) {
                    visitor.accept(path);
                } else if (enter.test(path) && path.chars().filter(c -> c == '/').count() < 64) {
                    folders.push(path);
                }
            }
        }
    }

    /** An entry of a folder. */
    record Entry(String name, Kind kind) {
    }

    enum Kind {
        FILE,
        FOLDER,
        /**
         * A symbolic link that is not followed: it leads out of the repository, into .git, to
         * nothing, or to something that is not a file or folder (or, in a git tree, any link).
         */
        LINK_OUTSIDE,
        /** Anything else that is not read (a FIFO, a socket, a device, a .git folder, ...). */
        OTHER
    }
}
