package io.servicedocs.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.servicedocs.TestRepositories;
import io.servicedocs.load.SchemaValidator;
import io.servicedocs.model.Diagnostic;
import io.servicedocs.model.Repository;
import io.servicedocs.source.WorkingTreeSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example repository at the root teaches the formats: it must stay valid and complete. */
class ExampleRepositoryTest {

    @Test
    void isValidWithOnlyTheIntendedWarnings() throws IOException {
        ValidationResult result = new Validation(new SchemaValidator(), TestRepositories.AS_OF)
                .run(new WorkingTreeSource(TestRepositories.EXAMPLE));
        List<Diagnostic> errors = result.diagnostics().stream().filter(Diagnostic::isError).toList();
        assertEquals(List.of(), errors);
        assertTrue(result.diagnostics().stream().anyMatch(d -> d.rule().equals("assessment-stale")
                && d.file().equals("products/legacy-gateway/assessment.yaml")), "the sunset product's assessment is stale");
        Repository repository = result.repository().orElseThrow();
        assertTrue(repository.products().size() >= 8, "at least 8 products");
        assertTrue(repository.standard().items().size() >= 12, "at least 12 quality items");
        assertTrue(repository.standard().checks().size() >= 15, "at least 15 security checks");
        assertTrue(repository.products().stream().anyMatch(p -> !p.assessment().waivers().isEmpty()), "a waiver");
        assertTrue(repository.products().stream().anyMatch(p -> !p.security().waivers().isEmpty()), "a check waiver");
        assertTrue(repository.products().stream().flatMap(p -> p.security().checks().values().stream())
                .anyMatch(a -> a.plan().isPresent()), "a check answered no with a plan");
        assertEquals(repository.standard().phases().size(),
                repository.products().stream().map(p -> p.phase().phase()).distinct().count(), "every phase is shown");
    }

    /**
     * Removing products (as a company removing the example's does) leaves references to them:
     * each is one error naming the removed product where it is named, never a cascade.
     */
    @Test
    void removedProductsGiveOneErrorPerReference(@TempDir Path dir) throws IOException {
        Path repo = TestRepositories.exampleCopy(dir);
        for (String removed : List.of("iot-platform", "data-api")) {
            try (Stream<Path> files = Files.walk(repo.resolve("products/" + removed))) {
                for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
        List<Diagnostic> errors = new Validation(new SchemaValidator(), TestRepositories.AS_OF)
                .run(new WorkingTreeSource(repo)).diagnostics().stream().filter(Diagnostic::isError).toList();
        assertTrue(errors.stream().allMatch(d -> d.rule().equals("unknown-product")), errors.toString());
        assertTrue(errors.stream().allMatch(d -> d.message().contains("'iot-platform'")
                ^ d.message().contains("'data-api'")), "each names the one product it misses: " + errors);
        // one per place that names a removed product: dependencies, pool targets, usage rows
        List<String> places = errors.stream().map(d -> d.file() + ":" + d.line()).toList();
        assertEquals(places.stream().distinct().toList(), places, "one error per place");
        List<Diagnostic> usage = errors.stream().filter(d -> d.file().equals("standards/usage.yaml")).toList();
        assertEquals(1, usage.size(), "eighteen months of usage of one product are one mistake: " + usage);
        assertTrue(usage.get(0).message().startsWith("usage metric '") && usage.get(0).message()
                .contains("has values for 'iot-platform', which is not a product, in 18 months 2025-06..2026-11; "),
                usage.get(0).message());
    }

    @Test
    void everyExampleFileNamesItsSchemaOnItsFirstLine() throws IOException {
        try (Stream<Path> files = Stream.concat(Files.walk(Path.of("standards")), Files.walk(Path.of("products")))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                String first = Files.readAllLines(file).get(0);
                // a campaign file is named for its id; its schema is campaign.schema.json
                boolean campaign = file.startsWith("standards/campaigns");
                // slos.yaml (several OpenSLO documents) names the schema of one document, which editors apply to each
                String schema = campaign ? "campaign.schema.json" : file.getFileName().toString().equals("slos.yaml")
                        ? "openslo.schema.json" : file.getFileName().toString().replace(".yaml", ".schema.json");
                String up = file.startsWith("products") || campaign ? "../../" : "../";
                assertEquals("# yaml-language-server: $schema=" + up + "schemas/" + schema, first, file.toString());
                assertTrue(Files.exists(file.getParent().resolve(up + "schemas/" + schema)), file.toString());
            }
        }
    }
}
