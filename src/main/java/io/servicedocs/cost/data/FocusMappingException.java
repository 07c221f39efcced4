package io.servicedocs.cost.data;

import java.util.List;

/**
 * FOCUS files that were read but whose rows cannot all be attributed to a cost element (a row
 * without SubAccountId, an id that is not one of its provider). Each problem names the file and
 * column; nothing was written.
 */
public final class FocusMappingException extends Exception {

    private final List<String> problems;

    public FocusMappingException(List<String> problems) {
        super(String.join("\n", problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a mapping failure needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    /** One line each: {@code file: column SubAccountId: message}. */
    public List<String> problems() {
        return problems;
    }
}
