package io.servicedocs.load;

import io.servicedocs.model.Diagnostic;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The one way a file becomes a record: bytes, then a YAML tree that knows where each node stands
 * ({@link YamlReader}), then the findings of its JSON Schema ({@link SchemaValidator}), then the
 * bound record ({@link ModelBinder}). Each stage runs only when the one before found nothing.
 * Validation, the history's blob parser and the cost-data store all load through here, so a file
 * one of them accepts is a file the others accept, with the same diagnostics. Thread-safe.
 */
public final class DocumentLoader {

    private final YamlReader yaml = new YamlReader();
    private final SchemaValidator schemas;
    private final ModelBinder binder = new ModelBinder();
    private final SchemaPruning pruning;
    private final ParsedFileCache cache;

    /** @param schemas the schema checker (expensive to build, share it) */
    public DocumentLoader(SchemaValidator schemas) {
        this(schemas, ParsedFileCache.NONE);
    }

    /** @param cache remembers which trees (by their bytes) conform to their schema, between runs */
    public DocumentLoader(SchemaValidator schemas, ParsedFileCache cache) {
        this.schemas = schemas;
        this.pruning = new SchemaPruning(schemas);
        this.cache = cache;
    }

    /** The schema problems of a tree; none without checking when the cache knows these bytes conform. */
    private List<SchemaValidator.Problem> check(FileKind kind, YamlDocument parsed) {
        if (cache.conforms(kind, parsed)) {
            return List.of();
        }
        List<SchemaValidator.Problem> problems = schemas.check(kind, parsed);
        if (problems.isEmpty()) {
            cache.conformed(kind, parsed);
        }
        return problems;
    }

    /** Every stage, from the bytes of the file at {@code path} (as diagnostics name it) to its record. */
    public <T> LoadedDocument<T> load(FileKind kind, String path, byte[] bytes, Class<T> type) {
        return parse(kind, path, bytes, doc -> load(kind, doc, type));
    }

    /** From a tree already parsed (the repository reader parses as it lists) to its record. */
    public <T> LoadedDocument<T> load(FileKind kind, YamlDocument parsed, Class<T> type) {
        LoadedDocument<YamlDocument> conforming = conform(kind, parsed);
        if (conforming.document().isEmpty()) {
            return LoadedDocument.refused(conforming.diagnostics());
        }
        return bound(kind, parsed, type);
    }

    /** A tree that conforms to its schema, bound to its record. */
    private <T> LoadedDocument<T> bound(FileKind kind, YamlDocument parsed, Class<T> type) {
        List<Diagnostic> problems = new ArrayList<>();
        Optional<T> record = binder.bind(oneLanguage(kind, parsed), type, problems::add);
        return new LoadedDocument<>(Optional.of(parsed), record, problems);
    }

    /**
     * As {@link #load(FileKind, YamlDocument, Class)}, and when the tree fails its schema, what
     * can still be read of it ({@link Salvaged}): for the rules of a file, which then run in the
     * same run. The record stays empty: a file with problems never becomes part of the model.
     */
    public <T> LoadedDocument<T> loadSalvaging(FileKind kind, YamlDocument parsed, Class<T> type) {
        List<SchemaValidator.Problem> problems = check(kind, parsed);
        if (problems.isEmpty()) {
            // just checked: bound without checking again (without a cache that was a second full
            // schema validation of every product file; issue 15)
            return bound(kind, parsed, type);
        }
        List<Diagnostic> diagnostics = new ArrayList<>(problems.stream().filter(SchemaValidator.Problem::reported)
                .map(SchemaValidator.Problem::diagnostic).toList());
        java.util.Set<String> faults = new java.util.TreeSet<>(problems.stream().map(SchemaValidator.Problem::node).toList());
        Salvaged<T> salvaged = pruning.prune(kind, parsed, problems)
                .map(pruned -> new Salvaged<>(Optional.of(pruned.document()),
                        // a value the schema cannot judge (an unknown currency) is a problem of the file as written too
                        binder.bind(oneLanguage(kind, pruned.document()), type, diagnostics::add), pruned.pruned(), faults))
                .orElseGet(() -> new Salvaged<>(Optional.empty(), Optional.empty(), java.util.Set.of(), faults));
        return new LoadedDocument<>(Optional.empty(), Optional.empty(), diagnostics, Optional.of(salvaged));
    }

    /**
     * Bytes to a schema-valid tree, not bound: for the four files of the standard, which bind
     * together ({@link ModelBinder#bindStandard}). The record is the tree itself.
     */
    public LoadedDocument<YamlDocument> conform(FileKind kind, String path, byte[] bytes) {
        return parse(kind, path, bytes, doc -> conform(kind, doc));
    }

    /** A parsed tree checked against its schema; the record is the tree itself. */
    public LoadedDocument<YamlDocument> conform(FileKind kind, YamlDocument parsed) {
        List<Diagnostic> problems = check(kind, parsed).stream().filter(SchemaValidator.Problem::reported)
                .map(SchemaValidator.Problem::diagnostic).toList();
        return problems.isEmpty() ? new LoadedDocument<>(Optional.of(parsed), Optional.of(parsed), List.of())
                : LoadedDocument.refused(problems);
    }

    /**
     * The tree with its translatable texts in one language, so that it binds to the model's
     * strings. Loaded alone, a file is read in the default language; validation resolves the
     * standard's files and site.yaml in the site's language itself ({@link Translations}).
     */
    private static YamlDocument oneLanguage(FileKind kind, YamlDocument doc) {
        return Translations.resolve(kind, doc, Translations.Language.DEFAULT).document();
    }

    private <T> LoadedDocument<T> parse(FileKind kind, String path, byte[] bytes,
                                        Function<YamlDocument, LoadedDocument<T>> next) {
        YamlReader.Result read = kind.multiDocument() ? yaml.readDocuments(path, bytes) : yaml.read(path, bytes);
        return read.document().map(next).orElseGet(() -> LoadedDocument.refused(read.problem().stream().toList()));
    }
}
