package io.servicedocs.source;

/** A file that cannot be read as repository content; {@code rule} names why, as in diagnostics. */
public final class SourceException extends Exception {

    private final String rule;

    public SourceException(String rule, String message) {
        super(message);
        this.rule = rule;
    }

    public String rule() {
        return rule;
    }
}
