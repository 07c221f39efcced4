package io.servicedocs.source;

import java.util.Optional;

/**
 * A file that cannot be read as repository content; {@code rule} names why, as in diagnostics.
 * When the cause is a symbolic link or a special file on the way, {@link #path()} names it.
 */
public final class SourceException extends Exception {

    private final String rule;
    private final String path;

    public SourceException(String rule, String message) {
        this(rule, message, null);
    }

    /** @param path the repository path of the link or file refused, e.g. "products" when it links outside */
    public SourceException(String rule, String message, String path) {
        super(message);
        this.rule = rule;
        this.path = path;
    }

    public String rule() {
        return rule;
    }

    /** The link or file refused, when known; diagnostics name it rather than the file asked for. */
    public Optional<String> path() {
        return Optional.ofNullable(path);
    }
}
