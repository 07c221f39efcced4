package io.servicedocs.site.render;

import io.servicedocs.load.YamlReader;
import io.servicedocs.model.Diagnostic;
import io.servicedocs.model.Position;
import io.servicedocs.source.SnapshotSource;
import io.servicedocs.source.SourceException;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * An AsciiDoc document took longer to convert than its time budget ({@link SecureAsciidoc#budget()}).
 * Thrown without a place by the conversion; the code that knows which document it was adds the
 * place ({@link #at}) and the build reports it as an error of that file.
 */
public final class AsciidocTimeoutException extends RuntimeException {

    /** The rule id of the error. */
    public static final String RULE = "asciidoc-too-slow";

    private final Duration budget;
    /** Whether the budget used up is the whole build's ({@link SecureAsciidoc#buildBudget()}), not one document's. */
    private final boolean wholeBuild;
    private final String file;
    private final String pointer;

    AsciidocTimeoutException(Duration budget) {
        this(budget, false, null, null);
    }

    /** All documents of the build together used up its budget while converting this one. */
    static AsciidocTimeoutException wholeBuild(Duration budget) {
        return new AsciidocTimeoutException(budget, true, null, null);
    }

    private AsciidocTimeoutException(Duration budget, boolean wholeBuild, String file, String pointer) {
        super(message(budget, wholeBuild, file, pointer));
        this.budget = budget;
        this.wholeBuild = wholeBuild;
        this.file = file;
        this.pointer = pointer;
    }

    /** This error, placed in {@code file} (relative to the repository) at the field {@code pointer}, if any. */
    AsciidocTimeoutException at(String file, String pointer) {
        return new AsciidocTimeoutException(budget, wholeBuild, file, pointer);
    }

    /** Whether the budget used up is the whole build's, not one document's. */
    public boolean wholeBuild() {
        return wholeBuild;
    }

    /** Runs a conversion of the AsciiDoc of {@code file} (at the field {@code pointer}, or null for a page). */
    static <T> T converting(String file, String pointer, Supplier<T> conversion) {
        try {
            return conversion.get();
        } catch (AsciidocTimeoutException e) {
            throw e.file != null ? e : e.at(file, pointer);
        }
    }

    /** The file of the document, relative to the repository, once placed. */
    public Optional<String> file() {
        return Optional.ofNullable(file);
    }

    /** The JSON pointer of the field, for a field of a YAML file. */
    public Optional<String> pointer() {
        return Optional.ofNullable(pointer);
    }

    public Duration budget() {
        return budget;
    }

    /** The error as a diagnostic of its file: at the field's value in a YAML file, at the start of a page. */
    public Diagnostic diagnostic(SnapshotSource source) {
        return diagnostic(source, List.of());
    }

    /**
     * The error at the field's place; for a translated text ({@code {en: ..., ja: ...}}), at the
     * text of the first of {@code languages} that it has (the language the site was built in,
     * then its default language), which is the one that was converted.
     */
    public Diagnostic diagnostic(SnapshotSource source, List<String> languages) {
        Position at = Position.START;
        if (file != null && pointer != null) {
            try {
                byte[] bytes = source.read(file, YamlReader.MAX_BYTES);
                at = new YamlReader().read(file, bytes).document().map(d -> {
                    for (String language : languages) {
                        String translation = pointer + "/" + language;
                        if (!d.root().at(translation).isMissingNode()) {
                            return d.locate(translation);
                        }
                    }
                    return d.locate(pointer);
                }).orElse(Position.START);
            } catch (IOException | SourceException e) {
                // the file was read before the build; if it cannot be now, the error stays at its start
            }
        }
        return Diagnostic.error(file == null ? "(unknown)" : file, at, RULE, message(budget, wholeBuild, null, pointer));
    }

    private static String message(Duration budget, boolean wholeBuild, String file, String pointer) {
        String what = pointer == null ? "the AsciiDoc page" : "the AsciiDoc of field '"
                + pointer.substring(pointer.lastIndexOf('/') + 1) + "' (" + pointer + ")";
        String over = wholeBuild ? " was being converted when the build's AsciiDoc had taken " + text(budget)
                + " in all, the time budget of a whole build"
                : " took longer than " + text(budget) + " to convert, the time budget of one document";
        return (file == null ? "" : file + ": ") + what + over + "; expected ordinary AsciiDoc: long runs of unbalanced "
                + "inline markup (such as 'xref:a[' or '<<a,' repeated) make Asciidoctor's substitutions superlinear. "
                + "Balance or remove that markup";
    }

    static String text(Duration budget) {
        if (budget.toMillis() % 60_000 == 0) {
            return budget.toMinutes() + " min";
        }
        return budget.toMillis() % 1000 == 0 ? budget.toSeconds() + " s" : budget.toMillis() + " ms";
    }
}
