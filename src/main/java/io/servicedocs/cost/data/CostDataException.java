package io.servicedocs.cost.data;

import io.servicedocs.model.Diagnostic;
import java.util.List;

/**
 * Cost data that cannot be written because a month file that would be replaced cannot be read
 * (or the new content would not be valid). Nothing was written; {@link #diagnostics()} name file,
 * line and column of each problem.
 */
public final class CostDataException extends Exception {

    private final List<Diagnostic> diagnostics;

    public CostDataException(String message, List<Diagnostic> diagnostics) {
        super(message);
        this.diagnostics = List.copyOf(diagnostics);
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }
}
