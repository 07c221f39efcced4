package io.servicedocs.load;

import io.servicedocs.model.Diagnostic;
import java.util.List;
import java.util.Optional;

/**
 * What loading one file gave: its tree when it parsed and conforms to its schema (rules place
 * their findings in it), its record when it also bound, and the diagnostics of every stage that
 * ran. A file with diagnostics has no record. A file that failed its schema may carry what could
 * still be read of it ({@link Salvaged}), when it was loaded with
 * {@link DocumentLoader#loadSalvaging}.
 */
public record LoadedDocument<T>(Optional<YamlDocument> document, Optional<T> record, List<Diagnostic> diagnostics,
                                Optional<Salvaged<T>> salvaged) {

    public LoadedDocument {
        diagnostics = List.copyOf(diagnostics);
    }

    public LoadedDocument(Optional<YamlDocument> document, Optional<T> record, List<Diagnostic> diagnostics) {
        this(document, record, diagnostics, Optional.empty());
    }

    /** A file that did not parse or failed its schema: only its diagnostics. */
    public static <T> LoadedDocument<T> refused(List<Diagnostic> diagnostics) {
        return new LoadedDocument<>(Optional.empty(), Optional.empty(), diagnostics);
    }
}
