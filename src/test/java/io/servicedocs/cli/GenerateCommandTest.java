package io.servicedocs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.servicedocs.TestRepositories;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateCommandTest {

    @TempDir
    Path dir;

    @Test
    void generatesARepositoryThatValidates() throws IOException {
        Path source = TestRepositories.minimalCopy(dir);
        Files.createDirectories(source.resolve("schemas"));
        Path out = dir.resolve("generated");
        CliRun run = CliRun.of("generate", "--repo", source.toString(), "--products", "25", "--out", out.toString(),
                "--as-of", "2026-11-24");
        assertEquals(0, run.status(), run.err());
        CliRun validation = CliRun.of("validate", "--repo", out.toString(), "--as-of", "2026-11-24");
        // the generated costs include one account nobody claims, so the unallocated path is measured too
        assertTrue(validation.out().endsWith("valid: 0 error(s), 1 warning(s); 25 product(s) fully loaded\n"),
                validation.out());
        assertTrue(validation.out().contains("aws cost element '800000000003' is claimed by no product"), validation.out());
        try (var files = Files.list(out.resolve("cost-data/aws"))) {
            assertEquals(13, files.count(), "12 months of figures and the current one");
        }

        var repository = new io.servicedocs.validate.Validation(new io.servicedocs.load.SchemaValidator(),
                TestRepositories.AS_OF).run(new io.servicedocs.source.WorkingTreeSource(out)).repository().orElseThrow();
        var report = io.servicedocs.cost.allocation.CostAllocation.compute(repository).orElseThrow();
        assertEquals(25, report.products().size());
        assertEquals(3, report.pools().size());
        assertTrue(report.totals().stream().allMatch(t -> t.balanced()));
    }

    @Test
    void generatedProductsGiveEvidenceAndLeaveNoPlaceholders() throws IOException {
        Path source = TestRepositories.minimalCopy(dir);
        Files.createDirectories(source.resolve("schemas"));
        Path standard = source.resolve("standards/standard.yaml");
        String text = Files.readString(standard);
        Files.writeString(standard, text.substring(0, text.indexOf("findings:"))
                + "findings:\n  level_without_evidence: error\n  gap_without_plan: off\n  placeholders: error\n");
        Path out = dir.resolve("generated");
        assertEquals(0, CliRun.of("generate", "--repo", source.toString(), "--products", "25", "--out", out.toString(),
                "--as-of", "2026-11-24").status());
        CliRun validation = CliRun.of("validate", "--repo", out.toString(), "--as-of", "2026-11-24");
        assertTrue(validation.out().endsWith("valid: 0 error(s), 1 warning(s); 25 product(s) fully loaded\n"),
                validation.out());
    }

    @Test
    void refusesAFolderThatIsNotEmpty() throws IOException {
        Files.writeString(dir.resolve("keep.txt"), "x");
        CliRun run = CliRun.of("generate", "--repo", TestRepositories.MINIMAL.toString(), "--products", "1", "--out",
                dir.toString());
        assertEquals(2, run.status());
    }
}
