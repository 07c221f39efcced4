package io.servicedocs.validate;

import io.servicedocs.load.YamlDocument;
import io.servicedocs.model.Diagnostic;
import io.servicedocs.model.FindingPolicy.Severity;
import io.servicedocs.model.Position;
import java.util.ArrayList;
import java.util.List;

/** Collects the diagnostics of one validation task, placing each at a node of its document. */
final class Findings {

    private final List<Diagnostic> diagnostics = new ArrayList<>();

    /** An error at the node at {@code pointer} (its key when it is a mapping or sequence). */
    void error(YamlDocument doc, String pointer, String rule, String message) {
        diagnostics.add(Diagnostic.error(doc.path(), doc.locate(pointer), rule, message));
    }

    /** An error at the key of the property at {@code pointer}: for problems with the key itself. */
    void errorAtKey(YamlDocument doc, String pointer, String rule, String message) {
        diagnostics.add(Diagnostic.error(doc.path(), doc.locateKey(pointer), rule, message));
    }

    void warning(YamlDocument doc, String pointer, String rule, String message) {
        diagnostics.add(Diagnostic.warning(doc.path(), doc.locate(pointer), rule, message));
    }

    /** A finding whose severity the standard sets (standard.yaml {@code findings}); OFF reports nothing. */
    void report(Severity severity, YamlDocument doc, String pointer, String rule, String message) {
        switch (severity) {
            case ERROR -> error(doc, pointer, rule, message);
            case WARNING -> warning(doc, pointer, rule, message);
            case OFF -> { }
        }
    }

    void errorAtFile(String path, String rule, String message) {
        diagnostics.add(Diagnostic.error(path, Position.START, rule, message));
    }

    void add(Diagnostic diagnostic) {
        diagnostics.add(diagnostic);
    }

    void addAll(List<Diagnostic> more) {
        diagnostics.addAll(more);
    }

    List<Diagnostic> list() {
        return diagnostics;
    }
}
