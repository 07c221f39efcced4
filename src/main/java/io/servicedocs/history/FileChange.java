package io.servicedocs.history;

import io.servicedocs.load.FileKind;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;

/**
 * A servicedocs file added, modified or deleted by a commit.
 *
 * @param folder the product folder, empty for a file of the standard
 * @param blob the new content, empty when the file was deleted
 */
record FileChange(String path, FileKind kind, Optional<String> folder, Optional<ObjectId> blob) {

    /** The key of the parse cache: one blob may in principle be two kinds of file (e.g. an empty one). */
    record BlobKey(ObjectId blob, FileKind kind) {
    }

    Optional<BlobKey> key() {
        return blob.map(b -> new BlobKey(b, kind));
    }

    /** The change a path stands for, if it is a servicedocs file: standards/X.yaml or products/ID/X.yaml. */
    static Optional<FileChange> of(String path, Optional<ObjectId> blob) {
        String[] parts = path.split("/");
        if (parts.length == 2 && parts[0].equals(FileKind.STANDARDS_FOLDER)) {
            return java.util.stream.Stream.concat(FileKind.standardFiles().stream(), FileKind.optionalStandardFiles().stream())
                    .filter(k -> k.standardPath().equals(path)).findFirst()
                    .map(kind -> new FileChange(path, kind, Optional.empty(), blob));
        }
        if (parts.length == 3 && parts[0].equals(FileKind.PRODUCTS_FOLDER) && !parts[1].startsWith(".")) {
            return FileKind.productFile(parts[2]).map(kind -> new FileChange(path, kind, Optional.of(parts[1]), blob));
        }
        return Optional.empty();
    }
}
