package io.servicedocs.cost.focus;

import java.util.Objects;
import java.util.Optional;

/**
 * A place in a FOCUS file that could not be understood. Lines are 1-based as a text editor shows
 * them (the header is line 1); a problem with the whole file is at line 1.
 */
public record FocusError(String file, int line, Optional<String> column, String message) {

    public FocusError {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(message, "message");
        if (line < 1) {
            throw new IllegalArgumentException("line is 1-based, got " + line);
        }
    }

    /** {@code costs.csv:17: column EffectiveCost: 'abc' is not a number} */
    @Override
    public String toString() {
        return file + ":" + line + ": " + column.map(c -> "column " + c + ": ").orElse("") + message;
    }
}
