package io.servicedocs.cost.focus;

import java.util.List;
import java.util.stream.Collectors;

/** A FOCUS file that could not be read; carries every problem found, in file order. */
public final class FocusImportException extends Exception {

    private final List<FocusError> errors;
    private final boolean truncated;

    public FocusImportException(List<FocusError> errors, boolean truncated) {
        super(message(errors, truncated));
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("an import failure needs at least one error");
        }
        this.errors = List.copyOf(errors);
        this.truncated = truncated;
    }

    public List<FocusError> errors() {
        return errors;
    }

    /** True when reading stopped at the error limit, so later rows were not checked. */
    public boolean truncated() {
        return truncated;
    }

    private static String message(List<FocusError> errors, boolean truncated) {
        String all = errors.stream().map(FocusError::toString).collect(Collectors.joining("\n"));
        return truncated ? all + "\n(stopped after " + errors.size() + " errors)" : all;
    }
}
