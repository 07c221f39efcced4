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

    /** The entries of a folder, sorted by name; empty when the folder does not exist. */
    List<Entry> list(String folder) throws IOException;

    /**
     * The content of a file, read only if it is at most {@code maxBytes} long.
     *
     * @throws SourceException when the path is not a regular file inside the repository or is too large
     */
    byte[] read(String path, long maxBytes) throws IOException, SourceException;

    /** An entry of a folder. */
    record Entry(String name, Kind kind) {
    }

    enum Kind {
        FILE,
        FOLDER,
        /** A symbolic link whose target lies outside the repository: never followed. */
        LINK_OUTSIDE,
        /** Anything else (a socket, a dangling link, ...). */
        OTHER
    }
}
