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
        assertEquals(repository.standard().phases().size(),
                repository.products().stream().map(p -> p.phase().phase()).distinct().count(), "every phase is shown");
    }

    @Test
    void everyExampleFileNamesItsSchemaOnItsFirstLine() throws IOException {
        try (Stream<Path> files = Stream.concat(Files.walk(Path.of("standards")), Files.walk(Path.of("products")))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                String first = Files.readAllLines(file).get(0);
                String schema = file.getFileName().toString().replace(".yaml", ".schema.json");
                String up = file.startsWith("products") ? "../../" : "../";
                assertEquals("# yaml-language-server: $schema=" + up + "schemas/" + schema, first, file.toString());
                assertTrue(Files.exists(file.getParent().resolve(up + "schemas/" + schema)), file.toString());
            }
        }
    }
}
