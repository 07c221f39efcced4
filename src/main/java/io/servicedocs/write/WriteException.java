package io.servicedocs.write;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A file of the repository could not be written (disk full, read-only file system, no
 * permission, something in the way). The message names the file and says what state the
 * repository was left in.
 */
public final class WriteException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;

    public WriteException(Path file, String message, IOException cause) {
        super(message, cause);
        this.file = file;
    }

    /** The file that could not be written (or, when a folder could not be made, that folder). */
    public Path file() {
        return file;
    }
}
