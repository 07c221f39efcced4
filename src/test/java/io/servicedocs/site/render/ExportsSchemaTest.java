package io.servicedocs.site.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import io.servicedocs.cli.CliAccess;
import io.servicedocs.site.SiteFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The exports are a public interface: api/products.json conforms to
 * schemas/products-export.schema.json, and the CSV headers are the columns schemas/README.md
 * documents, for the example and for a generated repository (every code path of the views).
 */
class ExportsSchemaTest {

    private static final Path SCHEMA = Path.of("schemas/products-export.schema.json");
    private static final Path DOC = Path.of("schemas/README.md");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    static Path dir;
    static Path exampleSite;
    static Path generatedSite;
    static Schema schema;
    /** schemas/product-export.schema.json, which refers to the index's schema: loaded as the tool's jar carries it. */
    static Schema productSchema;

    @BeforeAll
    static void buildSites() throws IOException {
        // the example as the site classes that only read it have it built (one build per test JVM)
        Path example = SiteFixture.builtExample().repo();
        exampleSite = SiteFixture.builtExample().site();

        Path generated = dir.resolve("generated");
        CliAccess.Run run = CliAccess.run("generate", "--repo", example.toString(), "--products", "30", "--out", generated.toString(),
                "--as-of", "2026-11-24");
        assertEquals(0, run.status(), run.err());
        generatedSite = dir.resolve("generated-site");
        run = SiteFixture.build(generated, generatedSite);
        assertEquals(0, run.status(), run.err());

        // format assertions on, as for the repository's files: "format": "date" is checked
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
        schema = registry.getSchema(JSON.readTree(Files.readString(SCHEMA)));
        schema.initializeValidators();
        productSchema = registry.getSchema(com.networknt.schema.SchemaLocation.of("classpath:schemas/product-export.schema.json"));
        productSchema.initializeValidators();
    }

    @Test
    void theExampleExportConformsToTheSchema() throws IOException {
        JsonNode export = products(exampleSite);
        assertEquals(List.of(), messages(export));
        assertEquals(Exports.PRODUCTS_SCHEMA_VERSION, export.get("schema_version").asString());
        assertEquals(9, export.get("products").size());
        for (JsonNode entry : export.get("products")) {
            JsonNode file = JSON.readTree(Files.readString(exampleSite.resolve(entry.get("file").asString())));
            assertEquals(List.of(), productMessages(file), entry.get("file").asString());
            assertEquals(Exports.PRODUCTS_SCHEMA_VERSION, file.get("schema_version").asString());
            assertEquals(entry.get("id"), file.get("product").get("id"));
            assertEquals(entry.get("percent_satisfied"), file.get("product").get("current").get("percent"));
            assertEquals(entry.get("ready_for_next"), file.get("product").get("ready_for_next"));
        }
        // not vacuous: the example fills the optional parts the schema describes
        List<JsonNode> products = SiteFixture.exportedProducts(exampleSite).valueStream().toList();
        assertEquals(9, products.size());
        assertTrue(products.stream().anyMatch(p -> !p.get("next").isNull()), "a product with a next phase");
        assertTrue(products.stream().anyMatch(p -> p.get("waivers").size() > 0), "a product with a waiver");
        assertTrue(products.stream().anyMatch(p -> !p.get("cost").isNull() && !p.get("cost").get("trend").isNull()),
                "a product with a cost summary and a trend");
    }

    /**
     * Growth vs savings (issue 14, schema 1.4) of the example's Smart Agri, September to October
     * 2026, by hand: C0 1,353,639 for D0 240 fields, C1 1,376,679 for D1 270, change 23,040;
     * volume (270 - 240) x 1,353,639 / 240 = 169,204.875 -> 169,205; efficiency 23,040 - 169,205
     * = -146,165; unit cost 5,640.16 -> 5,098.81. MRR 386,000 - 1,376,679 = -990,679: a loss, so
     * the tone is bad although its unit cost fell (its trend reads "growth": cost up, unit cost down).
     */
    @Test
    void growthVsSavingsCarriesTheDecompositionAndAToneThatFollowsProfit() throws IOException {
        JsonNode agri = SiteFixture.exportedProducts(exampleSite).valueStream()
                .filter(p -> p.get("id").asString().equals("smart-agri")).findFirst().orElseThrow().get("cost");
        JsonNode growth = agri.get("growth_vs_savings");
        assertEquals("{\"currency\":\"JPY\",\"demand_unit\":\"field\",\"demand_metric\":\"Fields monitored\"}",
                growth.get("unit_cost_unit").toString());
        assertEquals("growth", agri.get("trend").get("reading").asString());
        assertEquals("bad", growth.get("trend_tone").asString());
        JsonNode month = growth.get("month_over_month");
        assertEquals("{\"from\":\"2026-09\",\"to\":\"2026-10\",\"operating_cost_from\":\"1353639\","
                + "\"operating_cost_to\":\"1376679\",\"change\":\"23040\",\"volume_effect\":\"169205\","
                + "\"efficiency_effect\":\"-146165\",\"not_explained_by_demand\":\"0\",\"demand_from\":\"240\","
                + "\"demand_to\":\"270\",\"unit_cost_from\":\"5640.16\",\"unit_cost_to\":\"5098.81\","
                + "\"explained\":\"decomposed\",\"profit_to\":\"-990679\",\"tone\":\"bad\"}", month.toString());
        // a year before, Smart Agri had costs but no demand figures yet: the whole change is not explained by demand
        JsonNode year = growth.get("year_over_year");
        assertEquals("no_demand", year.get("explained").asString());
        assertTrue(year.get("volume_effect").isNull());
        assertEquals(year.get("change").asString(), year.get("not_explained_by_demand").asString());
    }

    /**
     * SLOs measured (issue 16, 2.1): camera-analytics' inference-availability, by hand from
     * slo-data/datadog/2026-08..11.yaml (target 0.995): October 0.9930999851 leaves
     * 1 - 0.0069000149 / 0.005 = -0.38000298 of its budget, -38.1 % rounded towards minus infinity.
     */
    @Test
    void eachSloCarriesItsMonthsWithBudgetAndResult() throws IOException {
        JsonNode camera = io.servicedocs.site.SiteFixture.exportedProducts(exampleSite).valueStream()
                .filter(p -> p.get("id").asString().equals("camera-analytics")).findFirst().orElseThrow();
        JsonNode slo = camera.get("slos").valueStream().filter(s -> s.get("id").asString().equals("inference-availability"))
                .findFirst().orElseThrow();
        assertEquals("2026-10", slo.get("latest_final_month").asString());
        assertEquals("-38.1", slo.get("error_budget_left_percent").asString());
        assertEquals(false, slo.get("met").asBoolean());
        assertEquals("[{\"month\":\"2026-08\",\"provisional\":false,\"attainment_percent\":\"99.720\","
                + "\"error_budget_left_percent\":\"44.0\",\"result\":\"met\",\"note\":null},"
                + "{\"month\":\"2026-09\",\"provisional\":false,\"attainment_percent\":\"99.679\","
                + "\"error_budget_left_percent\":\"35.9\",\"result\":\"met\",\"note\":null},"
                + "{\"month\":\"2026-10\",\"provisional\":false,\"attainment_percent\":\"99.309\","
                + "\"error_budget_left_percent\":\"-38.1\",\"result\":\"missed\",\"note\":null},"
                + "{\"month\":\"2026-11\",\"provisional\":true,\"attainment_percent\":\"98.900\","
                + "\"error_budget_left_percent\":\"-120.0\",\"result\":\"missed\",\"note\":null}]",
                slo.get("months").toString());
        // smart-agri's August is past Prometheus' retention: no attainment, the fetch's note kept
        JsonNode august = io.servicedocs.site.SiteFixture.exportedProducts(exampleSite).valueStream()
                .filter(p -> p.get("id").asString().equals("smart-agri")).findFirst().orElseThrow()
                .get("slos").get(0).get("months").get(0);
        assertEquals("2026-08", august.get("month").asString());
        assertEquals("not_measured", august.get("result").asString());
        assertTrue(august.get("attainment_percent").isNull());
        assertTrue(august.get("note").asString().startsWith("retention: Prometheus keeps 15 days"), august.toString());
        JsonNode console = io.servicedocs.site.SiteFixture.exportedProducts(exampleSite).valueStream()
                .filter(p -> p.get("id").asString().equals("ops-console")).findFirst().orElseThrow();
        assertEquals(0, console.get("slos").size(), "ops-console declares no SLO");
    }

    @Test
    void aGeneratedExportConformsToTheSchema() throws IOException {
        JsonNode export = products(generatedSite);
        assertEquals(List.of(), messages(export));
        assertEquals(30, export.get("products").size());
        for (JsonNode entry : export.get("products")) {
            JsonNode file = JSON.readTree(Files.readString(generatedSite.resolve(entry.get("file").asString())));
            assertEquals(List.of(), productMessages(file), entry.get("file").asString());
        }
        // compact: a few hundred bytes a product, so that 5,000 products stay well under 2 MB
        long bytes = Files.size(generatedSite.resolve("api/products.json"));
        assertTrue(bytes < 30 * 400, bytes + " bytes for 30 products");
    }

    @Test
    void theSchemaConstrainsTheIndex() throws IOException {
        JsonNode export = products(exampleSite);
        record Breakage(String what, String keyword, Consumer<ObjectNode> change) {
        }
        List<Breakage> breakages = List.of(
                new Breakage("a full record in the index", "additionalProperties",
                        e -> ((ObjectNode) e.get("products").get(0)).put("current", "x")),
                new Breakage("an entry without its file", "required", e -> ((ObjectNode) e.get("products").get(0)).remove("file")),
                new Breakage("a file outside api/products/", "pattern",
                        e -> ((ObjectNode) e.get("products").get(0)).put("file", "../secret.json")),
                new Breakage("the old major version", "pattern", e -> e.put("schema_version", "1.3")));
        for (Breakage breakage : breakages) {
            ObjectNode broken = (ObjectNode) export.deepCopy();
            breakage.change().accept(broken);
            List<Error> errors = schema.validate(broken);
            assertTrue(errors.stream().anyMatch(error -> breakage.keyword().equals(error.getKeyword())),
                    breakage.what() + ": " + errors);
        }
    }

    @Test
    void theSchemaConstrainsAProductFile() throws IOException {
        ObjectNode export = JSON.createObjectNode();
        export.put("schema_version", Exports.PRODUCTS_SCHEMA_VERSION);
        export.put("generated_on", "2026-11-24");
        export.set("products", SiteFixture.exportedProducts(exampleSite));
        record Breakage(String what, String keyword, Consumer<ObjectNode> change) {
        }
        List<Breakage> breakages = List.of(
                new Breakage("an unknown item status", "enum", e -> item(e).put("status", "fine")),
                new Breakage("a missing property", "required", e -> product(e).remove("cost")),
                new Breakage("an unknown property", "additionalProperties", e -> product(e).put("colour", "blue")),
                new Breakage("the previous major version", "pattern", e -> e.put("schema_version", "2.2")),
                new Breakage("a date as a number", "type", e -> phase(e).put("since", 20260701)),
                new Breakage("an impossible date", "format", e -> phase(e).put("since", "2026-02-30")),
                new Breakage("a phase fit as a string", "type", e -> product(e).put("next", "beta")),
                new Breakage("an amount as a number", "type", e -> cost(e).put("profit", -1729149)),
                // growth vs savings (issue 14)
                new Breakage("a loss worded as good", "enum", e -> monthOverMonth(e).put("tone", "great")),
                new Breakage("an effect as a number", "type", e -> monthOverMonth(e).put("volume_effect", 169205)),
                new Breakage("growth vs savings missing", "required", e -> cost(e).remove("growth_vs_savings")));
        for (Breakage breakage : breakages) {
            ObjectNode broken = (ObjectNode) export.deepCopy();
            breakage.change().accept(broken);
            // the changed product (or the version) as a file of its own
            List<Error> errors = new ArrayList<>();
            for (JsonNode product : broken.get("products")) {
                ObjectNode file = JSON.createObjectNode();
                file.set("schema_version", broken.get("schema_version"));
                file.put("generated_on", "2026-11-24");
                file.set("product", product);
                errors.addAll(productSchema.validate(file));
            }
            assertTrue(errors.stream().anyMatch(error -> breakage.keyword().equals(error.getKeyword())),
                    breakage.what() + ": " + errors);
        }
    }

    @Test
    void everyPropertyIsDescribed() throws IOException {
        JsonNode tree = JSON.readTree(Files.readString(SCHEMA));
        assertEquals("https://json-schema.org/draft/2020-12/schema", tree.get("$schema").asString());
        assertTrue(tree.get("$id").asString().endsWith("/products-export.schema.json"));
        assertTrue(tree.has("title") && tree.has("description"));
        List<String> undescribed = new ArrayList<>();
        int[] properties = {0};
        walk(tree, "", (path, node) -> {
            if (path.matches(".*/properties/[^/]+")) {
                properties[0]++;
                if (!node.path("description").isString() || node.path("description").asString().isBlank()) {
                    undescribed.add(path);
                }
            }
        });
        assertTrue(properties[0] > 100, "the walk reaches nested properties: " + properties[0]);
        assertEquals(List.of(), undescribed);
        assertFalse(java.util.Arrays.stream(io.servicedocs.load.FileKind.values())
                .anyMatch(kind -> kind.schema().equals(SCHEMA.getFileName().toString())),
                "the export's schema is not the schema of a repository file");
    }

    @Test
    void theCsvHeadersAreTheDocumentedColumns() throws IOException {
        List<String> matrixDoc = documentedColumns("api/matrix.csv");
        List<String> costsDoc = documentedColumns("api/costs.csv");
        assertTrue(matrixDoc.contains("meets_phase") && costsDoc.contains("unit_cost"), matrixDoc + " " + costsDoc);
        for (Path site : List.of(exampleSite, generatedSite)) {
            List<String> items = SiteFixture.exportedProducts(site).get(0).get("current").get("items").valueStream()
                    .map(i -> i.get("id").asString()).toList();
            List<List<String>> matrix = csv(site.resolve("api/matrix.csv"));
            assertEquals(expand(matrixDoc, "<item>", items), matrix.get(0), site.toString());

            List<List<String>> costs = csv(site.resolve("api/costs.csv"));
            List<String> header = costs.get(0);
            // the provider columns: as many as there are providers with a direct cost, sorted, none empty
            List<String> providers = header.stream().filter(c -> c.startsWith("direct_"))
                    .map(c -> c.substring("direct_".length())).toList();
            assertFalse(providers.isEmpty(), site.toString());
            assertEquals(providers.stream().sorted().toList(), providers);
            for (String provider : providers) {
                int column = header.indexOf("direct_" + provider);
                assertTrue(costs.stream().skip(1).anyMatch(row -> !row.get(column).isEmpty()), provider);
            }
            assertEquals(expand(costsDoc, "<provider>", providers), header, site.toString());
        }
    }

    private static JsonNode products(Path site) throws IOException {
        return JSON.readTree(Files.readString(site.resolve("api/products.json")));
    }

    private static List<String> productMessages(JsonNode file) {
        return productSchema.validate(file).stream().map(e -> e.getInstanceLocation() + ": " + e.getMessage()).toList();
    }

    private static List<String> messages(JsonNode export) {
        return schema.validate(export).stream().map(e -> e.getInstanceLocation() + ": " + e.getMessage()).toList();
    }

    private static ObjectNode product(ObjectNode export) {
        return (ObjectNode) export.get("products").get(0);
    }

    private static ObjectNode phase(ObjectNode export) {
        return (ObjectNode) product(export).get("phase");
    }

    /** The cost summary of the first product that has one. */
    private static ObjectNode cost(ObjectNode export) {
        return (ObjectNode) export.get("products").valueStream().map(p -> p.get("cost")).filter(c -> !c.isNull())
                .findFirst().orElseThrow();
    }

    /** growth_vs_savings.month_over_month of the first product that has one (issue 14). */
    private static ObjectNode monthOverMonth(ObjectNode export) {
        return (ObjectNode) export.get("products").valueStream().map(p -> p.get("cost")).filter(c -> !c.isNull())
                .map(c -> c.get("growth_vs_savings").get("month_over_month")).filter(c -> !c.isNull())
                .findFirst().orElseThrow();
    }

    private static ObjectNode item(ObjectNode export) {
        return (ObjectNode) ((ArrayNode) product(export).get("current").get("items")).get(0);
    }

    private static void walk(JsonNode node, String path, java.util.function.BiConsumer<String, JsonNode> visit) {
        visit.accept(path, node);
        if (node.isObject()) {
            for (String name : node.propertyNames()) {
                walk(node.get(name), path + "/" + name, visit);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), path + "/" + i, visit);
            }
        }
    }

    /** The first cells of the column table under the heading of {@code file} in schemas/README.md. */
    private static List<String> documentedColumns(String file) throws IOException {
        List<String> lines = Files.readAllLines(DOC);
        int heading = lines.indexOf("#### " + file);
        assertTrue(heading >= 0, "schemas/README.md has a heading '#### " + file + "'");
        Pattern row = Pattern.compile("^\\| `([^`]+)` \\|");
        List<String> columns = new ArrayList<>();
        for (String line : lines.subList(heading + 1, lines.size())) {
            if (line.startsWith("#")) {
                break;
            }
            Matcher m = row.matcher(line);
            if (m.find()) {
                columns.add(m.group(1));
            }
        }
        return columns;
    }

    /** The documented columns with each run of columns naming {@code placeholder} repeated per value. */
    private static List<String> expand(List<String> documented, String placeholder, List<String> values) {
        List<String> columns = new ArrayList<>();
        for (int i = 0; i < documented.size(); ) {
            int end = i;
            while (end < documented.size() && documented.get(end).contains(placeholder)) {
                end++;
            }
            if (end == i) {
                columns.add(documented.get(i++));
                continue;
            }
            List<String> run = documented.subList(i, end);
            values.forEach(v -> run.forEach(c -> columns.add(c.replace(placeholder, v))));
            i = end;
        }
        return columns;
    }

    /** RFC 4180 as Exports writes it: CRLF line ends, quoted cells may hold commas, quotes and line breaks. */
    private static List<List<String>> csv(Path file) throws IOException {
        String text = Files.readString(file);
        assertTrue(text.endsWith("\r\n"), file + " ends with CRLF");
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                cell.append(c);
            }
        }
        for (List<String> r : rows) {
            assertEquals(rows.get(0).size(), r.size(), file + ": every row has as many cells as the header");
        }
        return rows;
    }
}
