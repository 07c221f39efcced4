package io.servicedocs.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.path.PathType;
import io.servicedocs.TestRepositories;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * {@link ConditionKeyword} decides the plain conditions of schemas/ exactly as the validator's own
 * {@code if} does: the same documents give the same errors (keyword, place, schema place,
 * message) from the validator with and without it, for the example's files and for variants of
 * them that take each condition's other branch.
 */
class ConditionKeywordTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final YAMLMapper YAML = YAMLMapper.builder().build();
    /** The properties the conditions of schemas/ read, and the values they compare them with. */
    private static final List<String> CONDITION_PROPERTIES = List.of("provider", "billing_account", "answer", "type",
            "method", "kind", "not_applicable", "met", "check");
    private static final List<JsonNode> CONDITION_VALUES = Stream.of("aws", "azure", "gcp", "saas", "not-applicable",
            "yes", "latency", "availability", "fixed", "usage", "SLO", "SLI", "DataSource", "binary", "levels")
            .map(v -> (JsonNode) JSON.getNodeFactory().stringNode(v)).toList();
    /** Properties a then or else branch requires or forbids, added to take the other branch. */
    private static final Map<String, JsonNode> ADDED = Map.of("not_applicable", text("does not apply"),
            "met", JSON.getNodeFactory().booleanNode(true), "vendor", text("Example SaaS"), "reason", text("why"),
            "plan", JSON.createObjectNode().put("target_level", 2), "percentile", JSON.getNodeFactory().numberNode(99),
            "target_ms", JSON.getNodeFactory().numberNode(300), "billing_account", JSON.getNodeFactory().booleanNode(true),
            "level", JSON.getNodeFactory().numberNode(1), "check", text("sso"));
    /** Variants are made of at most this many mappings of a document (the first ones that a condition reads). */
    private static final int MAPPINGS_PER_DOCUMENT = 4;

    private static JsonNode text(String value) {
        return JSON.getNodeFactory().stringNode(value);
    }

    private static SchemaRegistryConfig config() {
        return SchemaRegistryConfig.builder().formatAssertionsEnabled(true).pathType(PathType.JSON_POINTER).build();
    }

    /** The validator with its own if. */
    private static SchemaRegistry standard() {
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemaRegistryConfig(config()));
    }

    /** The validator with {@link ConditionKeyword}, as SchemaValidator has it. */
    private static SchemaRegistry decided() {
        return SchemaRegistry.withDialect(Dialect.builder(Dialects.getDraft202012()).keyword(new ConditionKeyword()).build(),
                builder -> builder.schemaRegistryConfig(config()));
    }

    @Test
    void theSameDocumentsGiveTheSameErrorsAsTheValidatorsOwnIf() throws IOException {
        SchemaRegistry standard = standard();
        SchemaRegistry decided = decided();
        Map<Path, FileKind> files = exampleFiles();
        int documents = 0;
        int valid = 0;
        int inThen = 0;
        int inElse = 0;
        List<String> differences = new ArrayList<>();
        for (Map.Entry<Path, FileKind> file : files.entrySet()) {
            // a file of several documents (slos.yaml) has each checked against the kind's schema
            FileKind kind = file.getValue();
            String location = "classpath:schemas/" + (kind.multiDocument() ? kind.schema() : kind.fileSchema());
            Schema plain = standard.getSchema(SchemaLocation.of(location));
            Schema fast = decided.getSchema(SchemaLocation.of(location));
            for (JsonNode document : YAML.readValues(YAML.createParser(file.getKey().toFile()), JsonNode.class).readAll()) {
                for (JsonNode variant : variants(document)) {
                    List<String> expected = described(plain.validate(variant));
                    List<String> actual = described(fast.validate(variant));
                    documents++;
                    valid += expected.isEmpty() ? 1 : 0;
                    inThen += expected.stream().anyMatch(e -> e.contains("/then/")) ? 1 : 0;
                    inElse += expected.stream().anyMatch(e -> e.contains("/else/")) ? 1 : 0;
                    if (!expected.equals(actual) && differences.size() < 5) {
                        differences.add(file.getKey() + " " + variant + "\n  expected " + expected + "\n  but got  " + actual);
                    }
                }
            }
        }
        assertEquals(List.of(), differences);
        assertTrue(files.values().containsAll(List.of(FileKind.ASSESSMENT, FileKind.SECURITY, FileKind.SERVICE_DOC,
                FileKind.COSTS, FileKind.QUALITY_ITEMS, FileKind.CAMPAIGN, FileKind.SLOS)), "every schema with a condition: " + files.values());
        // the variants take both branches of the conditions: some are valid, some have errors of a
        // then branch, some of an else branch
        assertTrue(documents > 1000 && valid > 100 && inThen > 50 && inElse > 20,
                documents + " documents: " + valid + " valid, " + inThen + " with errors of a then branch, " + inElse
                        + " of an else branch");
    }

    private static List<String> described(List<Error> errors) {
        return errors.stream().map(e -> e.getKeyword() + " " + e.getInstanceLocation() + " " + e.getEvaluationPath()
                + " " + e.getSchemaLocation() + " " + e.getMessage()).toList();
    }

    /** The example repository's data files that have a schema, with their kind. */
    private static Map<Path, FileKind> exampleFiles() throws IOException {
        Map<Path, FileKind> files = new LinkedHashMap<>();
        Path root = TestRepositories.EXAMPLE;
        for (FileKind kind : FileKind.values()) {
            if (!kind.fileName().contains("<") && !kind.isProductFile()) {
                Path file = root.resolve(kind.standardPath());
                if (Files.isRegularFile(file)) {
                    files.put(file, kind);
                }
            }
        }
        try (Stream<Path> products = Files.list(root.resolve(FileKind.PRODUCTS_FOLDER)).sorted().limit(3)) {
            for (Path product : products.toList()) {
                for (FileKind kind : FileKind.values()) {
                    if (kind.isProductFile() && Files.isRegularFile(product.resolve(kind.fileName()))) {
                        files.put(product.resolve(kind.fileName()), kind);
                    }
                }
            }
        }
        try (Stream<Path> campaigns = Files.list(root.resolve(io.servicedocs.model.Campaign.FOLDER))) {
            campaigns.filter(f -> f.toString().endsWith(".yaml")).forEach(f -> files.put(f, FileKind.CAMPAIGN));
        }
        return files;
    }

    /**
     * The document, and for each of its first mappings that hold a property a condition reads: the
     * document with one of the mapping's properties removed, with a condition's property set to
     * each value the conditions compare, and with a property a branch requires or forbids added.
     */
    private static List<JsonNode> variants(JsonNode document) {
        List<JsonNode> variants = new ArrayList<>(List.of(document));
        List<String> pointers = new ArrayList<>();
        mappings(document, "", pointers);
        for (String pointer : pointers.stream().limit(MAPPINGS_PER_DOCUMENT).toList()) {
            List<String> names = new ArrayList<>();
            document.at(pointer).propertyNames().forEach(names::add);
            for (String name : names) {
                variants.add(changed(document, pointer, m -> m.remove(name)));
                if (CONDITION_PROPERTIES.contains(name)) {
                    for (JsonNode value : CONDITION_VALUES) {
                        variants.add(changed(document, pointer, m -> m.set(name, value)));
                    }
                }
            }
            ADDED.forEach((name, value) -> variants.add(changed(document, pointer, m -> m.set(name, value))));
        }
        return variants;
    }

    private static void mappings(JsonNode node, String pointer, List<String> found) {
        if (node.isObject()) {
            if (CONDITION_PROPERTIES.stream().anyMatch(node::has)) {
                found.add(pointer);
            }
            node.properties().forEach(p -> mappings(p.getValue(), pointer + "/" + p.getKey().replace("~", "~0").replace("/", "~1"), found));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                mappings(node.get(i), pointer + "/" + i, found);
            }
        }
    }

    private static JsonNode changed(JsonNode document, String pointer, java.util.function.Consumer<ObjectNode> change) {
        JsonNode copy = document.deepCopy();
        change.accept((ObjectNode) copy.at(pointer));
        return copy;
    }

    /**
     * Under unevaluatedProperties the properties a passing condition evaluated count as evaluated
     * (its annotations), so such a condition is validated as the library does it, even when plain.
     */
    @Test
    void aConditionUnderUnevaluatedPropertiesIsValidatedForItsAnnotations() throws IOException {
        JsonNode schema = json("""
                {"$schema": "https://json-schema.org/draft/2020-12/schema",
                 "type": "object", "properties": {"kind": {"type": "string"}},
                 "if": {"properties": {"kind": {"const": "a"}, "extra": {"const": "x"}}},
                 "then": {"required": ["kind"]},
                 "unevaluatedProperties": false}""");
        for (String instance : List.of("{\"kind\": \"a\", \"extra\": \"x\"}", "{\"kind\": \"b\", \"extra\": \"x\"}",
                "{\"extra\": \"y\"}")) {
            List<String> expected = described(standard().getSchema(schema).validate(json(instance)));
            assertEquals(expected, described(decided().getSchema(schema).validate(json(instance))), instance);
        }
        // the first is valid only through the condition's annotations: 'extra' was evaluated by it
        assertEquals(List.of(), described(decided().getSchema(schema).validate(json("{\"kind\": \"a\", \"extra\": \"x\"}"))));
        assertFalse(described(decided().getSchema(schema).validate(json("{\"kind\": \"b\", \"extra\": \"x\"}"))).isEmpty());
    }

    @Test
    void plainConditionsAreDecidedAsTheSpecificationDefinesThem() throws IOException {
        Predicate<JsonNode> provider = decided("{\"properties\": {\"provider\": {\"const\": \"aws\"}, \"billing_account\": {\"const\": false}}}");
        assertTrue(provider.test(json("{\"provider\": \"aws\", \"id\": \"1\"}")));
        assertTrue(provider.test(json("{\"id\": \"1\"}")), "a missing property satisfies its properties schema");
        assertTrue(provider.test(json("\"a text\"")), "properties holds for what is not a mapping");
        assertFalse(provider.test(json("{\"provider\": \"gcp\"}")));
        assertFalse(provider.test(json("{\"provider\": \"aws\", \"billing_account\": true}")));
        assertFalse(provider.test(json("{\"provider\": null}")), "null is not the text");
        assertFalse(decided("{\"properties\": {\"flag\": {\"const\": false}}}").test(json("{\"flag\": \"false\"}")),
                "the text 'false' is not the boolean");

        Predicate<JsonNode> required = decided("{\"required\": [\"not_applicable\", \"reason\"]}");
        assertTrue(required.test(json("{\"not_applicable\": null, \"reason\": \"r\"}")), "a null value is present");
        assertFalse(required.test(json("{\"reason\": \"r\"}")));
        assertTrue(required.test(json("[1, 2]")), "required holds for what is not a mapping");

        Predicate<JsonNode> notMet = decided("{\"not\": {\"required\": [\"met\"]}}");
        assertTrue(notMet.test(json("{\"level\": 2}")));
        assertFalse(notMet.test(json("{\"met\": false}")));

        Predicate<JsonNode> both = decided("{\"required\": [\"kind\"], \"properties\": {\"kind\": {\"const\": \"SLO\"}}}");
        assertTrue(both.test(json("{\"kind\": \"SLO\"}")));
        assertFalse(both.test(json("{}")));
        assertFalse(both.test(json("{\"kind\": \"SLI\"}")));
    }

    @Test
    void otherConditionsAreLeftToTheValidator() throws IOException {
        for (String condition : List.of("{}", "{\"minProperties\": 1}", "{\"properties\": {\"n\": {\"const\": 1}}}",
                "{\"properties\": {\"t\": {\"const\": \"a\", \"type\": \"string\"}}}", "{\"required\": [1]}",
                "{\"properties\": {\"t\": {\"enum\": [\"a\"]}}}", "{\"not\": {\"minimum\": 3}}",
                "{\"required\": [\"a\"], \"description\": \"an annotation\"}", "true")) {
            assertEquals(Optional.empty(), ConditionKeyword.plain(json(condition)).map(p -> "decided"), condition);
        }
    }

    /**
     * Every condition of schemas/ is decided plainly: one of another form is still applied
     * correctly (by the validator), but costs a built error each time it is false.
     */
    @Test
    void everyConditionOfTheSchemasIsOfAPlainForm() throws IOException {
        List<String> conditions = new ArrayList<>();
        try (Stream<Path> schemas = Files.list(Path.of("schemas"))) {
            for (Path schema : schemas.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                collectConditions(JSON.readTree(schema.toFile()), schema.getFileName() + "#", conditions);
            }
        }
        assertTrue(conditions.size() >= 10, conditions.toString());
        List<String> notPlain = conditions.stream().filter(c -> c.contains(" not plain: ")).toList();
        assertEquals(List.of(), notPlain);
    }

    private static void collectConditions(JsonNode node, String where, List<String> found) {
        if (node.isObject()) {
            if (node.has("if")) {
                found.add(where + (ConditionKeyword.plain(node.get("if")).isPresent() ? " plain" : " not plain: " + node.get("if")));
            }
            node.properties().forEach(p -> collectConditions(p.getValue(), where + "/" + p.getKey(), found));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectConditions(node.get(i), where + "/" + i, found);
            }
        }
    }

    private static Predicate<JsonNode> decided(String condition) throws IOException {
        return ConditionKeyword.plain(json(condition)).orElseThrow(() -> new AssertionError("not plain: " + condition));
    }

    private static JsonNode json(String text) throws IOException {
        return JSON.readTree(text);
    }
}
