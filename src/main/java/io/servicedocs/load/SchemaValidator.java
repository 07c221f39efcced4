package io.servicedocs.load;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.path.PathType;
import io.servicedocs.model.Diagnostic;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks documents against the JSON Schemas (draft 2020-12) of schemas/, bundled in the jar so
 * that the tool and its formats never drift apart. Thread-safe: one instance serves all files.
 */
public final class SchemaValidator {

    /**
     * The compiled schema of each kind: compiled by the constructor, or beside the caller's work
     * ({@link #compiledInBackground()}), and awaited by the first check.
     */
    private final java.util.concurrent.CompletableFuture<Map<FileKind, Schema>> schemas;
    /**
     * The schema files as plain trees, by IRI, to explain unknown properties: read when the first
     * problem needs them, since most runs have none (reading them cost every run's start, issue 15).
     */
    private volatile Map<String, JsonNode> schemaFiles;

    private static final List<String> SCHEMA_FILES = java.util.stream.Stream.concat(
            java.util.stream.Stream.of("common.schema.json"),
            java.util.Arrays.stream(FileKind.values()).flatMap(k -> java.util.stream.Stream.of(k.schema(), k.fileSchema())))
            .distinct().toList();

    /** The schema files validation reads, as class-path resources (for the cache's tool identity). */
    public static List<String> schemaResources() {
        return SCHEMA_FILES.stream().map(name -> "/schemas/" + name).toList();
    }

    public SchemaValidator() {
        this.schemas = java.util.concurrent.CompletableFuture.completedFuture(compile());
    }

    private SchemaValidator(java.util.concurrent.CompletableFuture<Map<FileKind, Schema>> schemas) {
        this.schemas = schemas;
    }

    /**
     * A checker whose schemas compile on a thread of their own while the caller goes on (reading
     * and parsing files needs no schema): the first check waits for them. Compiling them took
     * ~0.5 s of a validation's start on 2 cores, during which the files were not read (issue 15).
     */
    public static SchemaValidator compiledInBackground() {
        ModelBinder.warmUpInBackground(); // the other part of a validation's start that reads no file
        java.util.concurrent.CompletableFuture<Map<FileKind, Schema>> compiled = new java.util.concurrent.CompletableFuture<>();
        Thread compiler = new Thread(() -> {
            try {
                compiled.complete(compile());
            } catch (RuntimeException | java.lang.Error e) {
                compiled.completeExceptionally(e);
            }
        }, "servicedocs-schemas");
        compiler.setDaemon(true); // a command that ends before its first check does not wait for it
        compiler.start();
        return new SchemaValidator(compiled);
    }

    /** The compiled schemas, once compiled; a failure to compile is rethrown as it was thrown. */
    private Map<FileKind, Schema> compiled() {
        return io.servicedocs.concurrent.Futures.joined(schemas);
    }

    private static Map<FileKind, Schema> compile() {
        Map<FileKind, Schema> schemas = new EnumMap<>(FileKind.class);
        SchemaRegistryConfig config = SchemaRegistryConfig.builder()
                .formatAssertionsEnabled(true)
                .pathType(PathType.JSON_POINTER)
                .build();
        // draft 2020-12, the only dialect of schemas/, with its conditions decided by ConditionKeyword
        Dialect dialect = Dialect.builder(Dialects.getDraft202012()).keyword(new ConditionKeyword()).build();
        SchemaRegistry registry = SchemaRegistry.withDialect(dialect, builder -> builder.schemaRegistryConfig(config));
        for (FileKind kind : FileKind.values()) {
            Schema schema = registry.getSchema(SchemaLocation.of("classpath:schemas/" + kind.fileSchema()));
            schema.initializeValidators();
            schemas.put(kind, schema);
        }
        return schemas;
    }

    /** The schema files as plain trees, read once. */
    private Map<String, JsonNode> schemaFiles() {
        Map<String, JsonNode> files = schemaFiles;
        if (files == null) {
            synchronized (this) {
                files = schemaFiles;
                if (files == null) {
                    files = new HashMap<>();
                    ObjectMapper json = new ObjectMapper();
                    for (String name : SCHEMA_FILES) {
                        try (InputStream in = SchemaValidator.class.getResourceAsStream("/schemas/" + name)) {
                            files.put("classpath:schemas/" + name, json.readTree(in));
                        } catch (IOException e) {
                            throw new UncheckedIOException("schema " + name + " missing from the jar", e);
                        }
                    }
                    schemaFiles = Map.copyOf(files);
                    files = schemaFiles;
                }
            }
        }
        return files;
    }

    /** The schema problems of a document, empty when it conforms. */
    public List<Diagnostic> validate(FileKind kind, YamlDocument doc) {
        return check(kind, doc).stream().filter(Problem::reported).map(Problem::diagnostic).toList();
    }

    /**
     * One schema problem: its diagnostic, the JSON pointer of the node at fault, the one whose
     * removal would settle it (an unknown property itself, not the mapping holding it; the
     * mapping that lacks a required property), and whether it is reported: a required property
     * missing beside an unknown one that is its misspelling ('teem' for 'team') is the same
     * mistake, already named by the unknown property's "did you mean".
     */
    public record Problem(Diagnostic diagnostic, String node, boolean reported) {
    }

    /** The schema problems of a document with the nodes at fault, empty when it conforms. */
    public List<Problem> check(FileKind kind, YamlDocument doc) {
        List<Error> errors = compiled().get(kind).validate(doc.root());
        if (errors.isEmpty()) {
            return List.of();
        }
        // One diagnostic per place and keyword: 'oneOf' and 'if/then' can repeat themselves.
        Map<String, Problem> unique = new LinkedHashMap<>();
        // the unknown properties of each mapping, by the mapping's pointer
        Map<String, List<String>> unknown = new HashMap<>();
        for (Error error : errors) {
            if ("additionalProperties".equals(error.getKeyword()) && error.getProperty() != null) {
                unknown.computeIfAbsent(error.getInstanceLocation().toString(), p -> new ArrayList<>()).add(error.getProperty());
            }
        }
        for (Error error : errors) {
            Diagnostic d = toDiagnostic(doc, error);
            String pointer = error.getInstanceLocation().toString();
            // the key itself is at fault for an unknown property or a key of the wrong form
            boolean key = ("additionalProperties".equals(error.getKeyword()) || "propertyNames".equals(error.getKeyword()))
                    && error.getProperty() != null;
            String node = key ? YamlDocument.child(pointer, error.getProperty()) : pointer;
            boolean reported = !("required".equals(error.getKeyword()) && error.getProperty() != null
                    && unknown.getOrDefault(pointer, List.of()).stream()
                    .anyMatch(u -> Suggestions.closest(u, List.of(error.getProperty())).isPresent()));
            unique.putIfAbsent(d.line() + ":" + d.column() + ":" + d.rule() + ":" + d.message(), new Problem(d, node, reported));
        }
        return new ArrayList<>(unique.values());
    }

    private Diagnostic toDiagnostic(YamlDocument doc, Error error) {
        String pointer = error.getInstanceLocation().toString();
        String keyword = error.getKeyword() == null ? "schema" : error.getKeyword();
        String message = stripLocation(error.getMessage(), pointer);
        String property = error.getProperty();
        java.util.Optional<Diagnostic> text = translatableText(doc, error, pointer, keyword, property);
        if (text.isPresent()) {
            return text.get();
        }
        return switch (keyword) {
            case "additionalProperties" -> Diagnostic.error(doc.path(),
                    doc.locateKey(YamlDocument.child(pointer, property)), "schema-unknown-property",
                    "unknown property '" + property + "'" + where(pointer) + unknownPropertyHint(error, property));
            // a property the schema forbids depending on another value (e.g. 'targets' in a fixed split)
            case "false" -> Diagnostic.error(doc.path(), doc.locateKey(pointer), "schema-not-allowed",
                    "property '" + lastSegment(pointer) + "' does not apply here" + where(parentOf(pointer))
                            + "; it depends on another value here (e.g. the provider of a cost element, the method of a split): see the schema's description");
            case "required" -> Diagnostic.error(doc.path(), doc.locate(pointer), "schema-required",
                    "missing required property '" + property + "'" + where(pointer));
            case "enum" -> Diagnostic.error(doc.path(), doc.locate(pointer), "schema-enum",
                    found(error) + " is not allowed here; " + enumHint(error));
            case "pattern", "format", "const" -> Diagnostic.error(doc.path(), doc.locate(pointer), "schema-" + keyword,
                    found(error) + " is not valid here; expected " + expectation(error).orElse(message));
            // e.g. a condition with both or neither of its forms: the schema's description says what one holds
            case "minProperties", "maxProperties" -> Diagnostic.error(doc.path(), doc.locate(pointer), "schema-" + keyword,
                    found(error) + ": " + message + expectation(error).map(e -> "; expected " + e).orElse(""));
            case "type", "oneOf", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "minLength", "maxLength" ->
                    Diagnostic.error(doc.path(), doc.locate(pointer), "schema-" + keyword, found(error) + ": " + message);
            default -> Diagnostic.error(doc.path(), doc.locate(pointer), "schema-" + keyword, message);
        };
    }

    /** Where the translatable text is defined: its problems are explained in its own words. */
    private static final String TRANSLATABLE = "classpath:schemas/common.schema.json#/$defs/translatable";

    /**
     * A translatable text of the wrong form (a number, a list, an empty mapping, a key that is not
     * a language code, a translation that is not a text), said as such rather than in the terms
     * of the schema's keywords; empty for any other problem.
     */
    private static java.util.Optional<Diagnostic> translatableText(YamlDocument doc, Error error, String pointer,
                                                                   String keyword, String property) {
        String location = error.getSchemaLocation().toString();
        if (!location.startsWith(TRANSLATABLE + "/")) {
            return java.util.Optional.empty();
        }
        String example = "; expected a text, or a mapping from language code to text such as {en: Availability, ja: 可用性}";
        String rule = "schema-" + keyword;
        return java.util.Optional.ofNullable(switch (location.substring(TRANSLATABLE.length())) {
            case "/type" -> Diagnostic.error(doc.path(), doc.locate(pointer), rule,
                    found(error) + " is not a text" + where(pointer) + example);
            case "/minProperties" -> Diagnostic.error(doc.path(), doc.locate(pointer), rule,
                    "an empty mapping is not a text" + where(pointer) + example);
            case "/propertyNames", "/propertyNames/pattern" -> property == null ? null
                    : Diagnostic.error(doc.path(), doc.locateKey(YamlDocument.child(pointer, property)), rule,
                    "'" + property + "' is not a language code" + where(pointer) + "; expected a lower-case ISO 639-1 "
                            + "code, optionally with a region, e.g. en, ja, pt-BR");
            case "/additionalProperties/type" -> Diagnostic.error(doc.path(), doc.locate(pointer), rule,
                    found(error) + " is not a text" + where(pointer) + "; each language of a translatable text maps to a text");
            case "/additionalProperties/minLength" -> Diagnostic.error(doc.path(), doc.locate(pointer), rule,
                    "the text is empty" + where(pointer) + "; write the text, or leave the language out to show the default language's");
            case "/minLength" -> Diagnostic.error(doc.path(), doc.locate(pointer), rule,
                    "the text is empty" + where(pointer) + "; write it");
            default -> null;
        });
    }

    private static String lastSegment(String pointer) {
        return pointer.substring(pointer.lastIndexOf('/') + 1).replace("~1", "/").replace("~0", "~");
    }

    private static String parentOf(String pointer) {
        int cut = pointer.lastIndexOf('/');
        return cut <= 0 ? "" : pointer.substring(0, cut);
    }

    private static String found(Error error) {
        JsonNode value = error.getInstanceNode();
        if (value == null) {
            return "value";
        }
        if (value.isObject()) {
            return "a mapping";
        }
        if (value.isArray()) {
            return "a list";
        }
        if (value.isString()) {
            return "'" + value.asString() + "'";
        }
        return value.toString();
    }

    /** The values the enum allows, with a suggestion when the value found is a likely typo of one. */
    private static String enumHint(Error error) {
        JsonNode values = error.getSchemaNode();
        if (values == null || !values.isArray()) {
            return error.getMessage();
        }
        List<String> names = new ArrayList<>();
        values.forEach(v -> names.add(v.isString() ? v.asString() : v.toString()));
        JsonNode value = error.getInstanceNode();
        String found = value == null || value.isContainer() ? "" : value.isString() ? value.asString() : value.toString();
        return Suggestions.expectedOneOf(found, names);
    }

    /**
     * What the schema says the value should be: the description of the (sub)schema holding the
     * failed keyword, e.g. "A calendar date, YYYY-MM-DD." for a date.
     */
    private java.util.Optional<String> expectation(Error error) {
        SchemaLocation location = error.getSchemaLocation();
        JsonNode file = schemaFiles().get(location.getAbsoluteIri().toString());
        String fragment = location.getFragment().toString();
        int cut = fragment.lastIndexOf('/');
        if (file == null || cut < 0) {
            return java.util.Optional.empty();
        }
        JsonNode description = file.at(fragment.substring(0, cut)).path("description");
        if (!description.isString()) {
            return java.util.Optional.empty();
        }
        String text = description.asString();
        if (text.length() > 1 && !Character.isUpperCase(text.charAt(1))) {
            text = Character.toLowerCase(text.charAt(0)) + text.substring(1); // keep "AWS ..." as it is
        }
        return java.util.Optional.of(text.endsWith(".") ? text.substring(0, text.length() - 1) : text);
    }

    private static String where(String pointer) {
        java.util.regex.Matcher document = DOCUMENT.matcher(pointer);
        if (document.matches()) {
            // only a file of several YAML documents (slos.yaml) has a sequence at its root
            String inside = document.group(2) == null ? "" : document.group(2).substring(1).replace('/', '.') + " of ";
            return " in " + inside + "document " + (Integer.parseInt(document.group(1)) + 1);
        }
        return pointer.isEmpty() ? "" : " in " + pointer.substring(1).replace('/', '.');
    }

    private static final java.util.regex.Pattern DOCUMENT = java.util.regex.Pattern.compile("^/([0-9]{1,6})(/.*)?$");

    /**
     * The properties the schema allows where an unknown one was found, with a suggestion for a
     * likely misspelling. The error points at the 'additionalProperties' keyword; the allowed
     * names are the 'properties' beside it in the same schema file.
     */
    private String unknownPropertyHint(Error error, String property) {
        SchemaLocation location = error.getSchemaLocation();
        JsonNode file = schemaFiles().get(location.getAbsoluteIri().toString());
        String fragment = location.getFragment().toString();
        int cut = fragment.lastIndexOf("/additionalProperties");
        if (file == null || cut < 0) {
            return "";
        }
        JsonNode properties = file.at(fragment.substring(0, cut) + "/properties");
        List<String> allowed = new ArrayList<>(properties.propertyNames());
        if (allowed.isEmpty()) {
            return "";
        }
        return "; " + Suggestions.expectedOneOf(property, allowed);
    }

    /** networknt prefixes messages with the instance location; ours carry the location separately. */
    private static String stripLocation(String message, String pointer) {
        String prefix = pointer + ": ";
        if (message.startsWith(prefix)) {
            return message.substring(prefix.length());
        }
        if (pointer.isEmpty() && message.startsWith(": ")) {
            return message.substring(2);
        }
        return message;
    }
}
