package io.servicedocs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
        assertEquals("valid: 0 error(s), 0 warning(s); 25 product(s) fully loaded\n", validation.out());
    }

    @Test
    void refusesAFolderThatIsNotEmpty() throws IOException {
        Files.writeString(dir.resolve("keep.txt"), "x");
        CliRun run = CliRun.of("generate", "--repo", TestRepositories.MINIMAL.toString(), "--products", "1", "--out",
                dir.toString());
        assertEquals(2, run.status());
    }
}
