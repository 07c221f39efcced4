package io.servicedocs.history;

import io.servicedocs.load.FileKind;
import io.servicedocs.load.ModelBinder;
import io.servicedocs.load.SchemaValidator;
import io.servicedocs.load.YamlDocument;
import io.servicedocs.load.YamlReader;
import io.servicedocs.model.Assessment;
import io.servicedocs.model.Diagnostic;
import io.servicedocs.model.Finance;
import io.servicedocs.model.PhaseStatus;
import io.servicedocs.model.SecurityAnswers;
import io.servicedocs.model.ServiceDoc;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;

/**
 * Reads and parses one blob with the same stages as validation (YAML with positions, schema,
 * binding), so a file the history accepts is one `validate` accepts as a file. Thread-safe: every
 * call opens its own object reader.
 */
final class BlobParser {

    private static final Map<FileKind, Class<?>> RECORDS = Map.of(
            FileKind.SERVICE_DOC, ServiceDoc.class, FileKind.PHASE, PhaseStatus.class,
            FileKind.ASSESSMENT, Assessment.class, FileKind.SECURITY, SecurityAnswers.class,
            FileKind.FINANCE, Finance.class);

    private final Repository repository;
    private final YamlReader yaml = new YamlReader();
    private final SchemaValidator schemas;
    private final ModelBinder binder = new ModelBinder();

    BlobParser(Repository repository, SchemaValidator schemas) {
        this.repository = repository;
        this.schemas = schemas;
    }

    ParsedBlob parse(ObjectId blob, FileKind kind, String path) {
        byte[] bytes;
        try (ObjectReader reader = repository.newObjectReader()) {
            ObjectLoader loader = reader.open(blob);
            if (loader.getSize() > YamlReader.MAX_BYTES) {
                return ParsedBlob.skipped("file is " + loader.getSize() + " bytes; expected at most " + YamlReader.MAX_BYTES);
            }
            bytes = loader.getBytes();
        } catch (IOException e) {
            return ParsedBlob.skipped("cannot read blob " + blob.name() + ": " + e.getMessage());
        }
        YamlReader.Result read = yaml.read(path, bytes);
        if (read.document().isEmpty()) {
            return ParsedBlob.skipped(describe(read.problem().orElseThrow()));
        }
        YamlDocument doc = read.document().get();
        List<Diagnostic> problems = new ArrayList<>(schemas.validate(kind, doc));
        if (!problems.isEmpty()) {
            return ParsedBlob.skipped(describe(problems.get(0))
                    + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : ""));
        }
        Class<?> type = RECORDS.get(kind);
        if (type == null) {
            return ParsedBlob.of(doc); // a file of the standard
        }
        return binder.bind(doc, type, problems::add).<ParsedBlob>map(ParsedBlob::of)
                .orElseGet(() -> ParsedBlob.skipped(describe(problems.get(0))));
    }

    private static String describe(Diagnostic d) {
        return d.line() + ":" + d.column() + ": " + d.message() + " [" + d.rule() + "]";
    }
}
