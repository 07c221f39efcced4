package io.servicedocs.history;

import io.servicedocs.load.DocumentLoader;
import io.servicedocs.load.FileKind;
import io.servicedocs.load.LoadedDocument;
import io.servicedocs.load.SchemaValidator;
import io.servicedocs.load.YamlReader;
import io.servicedocs.model.Assessment;
import io.servicedocs.model.Diagnostic;
import io.servicedocs.model.Finance;
import io.servicedocs.model.PhaseStatus;
import io.servicedocs.model.SecurityAnswers;
import io.servicedocs.model.ServiceDoc;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;

/**
 * Reads one blob and loads it with validation's {@link DocumentLoader} (YAML with positions,
 * schema, binding), so a file the history accepts is one `validate` accepts as a file.
 * Thread-safe: every call opens its own object reader.
 */
final class BlobParser {

    private static final Map<FileKind, Class<?>> RECORDS = Map.of(
            FileKind.SERVICE_DOC, ServiceDoc.class, FileKind.PHASE, PhaseStatus.class,
            FileKind.ASSESSMENT, Assessment.class, FileKind.SECURITY, SecurityAnswers.class,
            FileKind.FINANCE, Finance.class);

    private final Repository repository;
    private final DocumentLoader loader;

    BlobParser(Repository repository, SchemaValidator schemas) {
        this.repository = repository;
        this.loader = new DocumentLoader(schemas);
    }

    ParsedBlob parse(ObjectId blob, FileKind kind, String path) {
        byte[] bytes;
        try (ObjectReader reader = repository.newObjectReader()) {
            ObjectLoader object = reader.open(blob);
            if (object.getSize() > YamlReader.MAX_BYTES) {
                return ParsedBlob.skipped("file is " + object.getSize() + " bytes; expected at most " + YamlReader.MAX_BYTES);
            }
            bytes = object.getBytes();
        } catch (IOException e) {
            return ParsedBlob.skipped("cannot read blob " + blob.name() + ": " + e.getMessage());
        }
        Class<?> type = RECORDS.get(kind);
        // a file of the standard stays a document: the standard binds from all four together
        LoadedDocument<?> loaded = type == null ? loader.conform(kind, path, bytes) : loader.load(kind, path, bytes, type);
        return loaded.record().<ParsedBlob>map(ParsedBlob::of)
                .orElseGet(() -> ParsedBlob.skipped(describe(loaded.diagnostics())));
    }

    /** The first problem, where and why, and how many more there are. */
    private static String describe(List<Diagnostic> problems) {
        Diagnostic d = problems.get(0);
        return d.line() + ":" + d.column() + ": " + d.message() + " [" + d.rule() + "]"
                + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : "");
    }
}
