package io.servicedocs.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/** Repository paths as printed by every command: as seen from the current folder, so that editors and GitHub can open them. */
final class DisplayPath {

    private DisplayPath() {
    }

    /** Turns a path relative to {@code root} into one relative to the current folder (or absolute, outside it). */
    static UnaryOperator<String> of(Path root) {
        Path cwd = Path.of("").toAbsolutePath();
        try {
            cwd = cwd.toRealPath();
        } catch (IOException e) {
            // keep the absolute path
        }
        if (root.equals(cwd)) {
            return p -> p;
        }
        Path base = root.startsWith(cwd) ? cwd.relativize(root) : root;
        return p -> base.resolve(p).toString().replace('\\', '/');
    }
}
