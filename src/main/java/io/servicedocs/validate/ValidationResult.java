package io.servicedocs.validate;

import io.servicedocs.model.Diagnostic;
import io.servicedocs.model.Repository;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of validating a snapshot: every diagnostic, sorted by file and place, and the
 * model when the standard loaded (holding the products whose files all loaded).
 */
public record ValidationResult(Optional<Repository> repository, List<Diagnostic> diagnostics) {

    public ValidationResult {
        diagnostics = diagnostics.stream().sorted(Diagnostic.ORDER).toList();
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }

    public long errorCount() {
        return diagnostics.stream().filter(Diagnostic::isError).count();
    }

    public long warningCount() {
        return diagnostics.size() - errorCount();
    }
}
