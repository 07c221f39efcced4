package io.servicedocs.source;

import java.io.IOException;

/**
 * Thrown by {@link SnapshotSource#list} when the folder itself may not be read: a symbolic link
 * out of the repository, into .git or to nothing. A folder refused is never an empty listing:
 * callers that cannot report it stop with its message, which names the link.
 */
public final class RefusedFolderException extends IOException {

    private final SourceException refusal;

    public RefusedFolderException(SourceException refusal) {
        super(refusal.getMessage(), refusal);
        this.refusal = refusal;
    }

    public SourceException refusal() {
        return refusal;
    }
}
