package io.servicedocs.validate;

/**
 * One broken input: the file to overwrite (relative to the minimal repository) with its new
 * content, and the diagnostic expected from it.
 */
record RuleCase(String name, String file, String content, String expectedFile, int line, int column,
                String rule, String messagePart, int expectedDiagnostics) {

    static RuleCase of(String name, String file, String content, int line, int column, String rule,
                       String messagePart) {
        return new RuleCase(name, file, content, file, line, column, rule, messagePart, 1);
    }

    RuleCase count(int diagnostics) {
        return new RuleCase(name, file, content, expectedFile, line, column, rule, messagePart, diagnostics);
    }

    RuleCase at(String otherFile) {
        return new RuleCase(name, file, content, otherFile, line, column, rule, messagePart, expectedDiagnostics);
    }

    @Override
    public String toString() {
        return name;
    }
}
