package io.servicedocs.model;

import java.util.Comparator;
import java.util.Objects;

/**
 * One problem found in the repository: where it is, which rule found it, and what was expected.
 * Lines and columns are 1-based; a problem with a whole file or folder is at line 1, column 1.
 */
public record Diagnostic(Severity severity, String file, int line, int column, String rule, String message) {

    public enum Severity { ERROR, WARNING }

    public static final Comparator<Diagnostic> ORDER = Comparator.comparing(Diagnostic::file)
            .thenComparingInt(Diagnostic::line)
            .thenComparingInt(Diagnostic::column)
            .thenComparing(Diagnostic::rule)
            .thenComparing(Diagnostic::message);

    public Diagnostic {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(message, "message");
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("line and column are 1-based, got " + line + ":" + column);
        }
    }

    public static Diagnostic error(String file, Position at, String rule, String message) {
        return new Diagnostic(Severity.ERROR, file, at.line(), at.column(), rule, message);
    }

    public static Diagnostic warning(String file, Position at, String rule, String message) {
        return new Diagnostic(Severity.WARNING, file, at.line(), at.column(), rule, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }
}
