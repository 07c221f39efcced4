package io.servicedocs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.servicedocs.TestRepositories;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line under a locale that is not UTF-8 (LANG unset, as in many CI containers):
 * what it prints is UTF-8 all the same, and an argument the JVM could not decode is refused
 * rather than used garbled.
 */
class LocaleTest {

    @TempDir
    Path dir;

    @Test
    void outputIsUtf8WithoutAnyLocale() throws Exception {
        Path repo = TestRepositories.minimalCopy(dir);
        Files.writeString(repo.resolve("products/beta-svc/phase.yaml"), "phase: ベータ\nsince: 2026-05-01\n");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "io.servicedocs.cli.Main",
                "validate", "--repo", repo.toString(), "--as-of", "2026-11-24")
                .redirectErrorStream(true);
        String path = builder.environment().get("PATH");
        builder.environment().clear();
        builder.environment().put("PATH", path);
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));

        String text = new String(output, StandardCharsets.UTF_8);
        assertEquals(1, process.exitValue(), text);
        assertTrue(text.contains("phase.yaml:1:8: error: 'ベータ' is not valid here"), text);
    }

    @Test
    void anArgumentTheLocaleCouldNotDecodeIsRefused() {
        CliRun run = CliRun.of("costs", "import", "--tag-key", "\uFFFD\uFFFD\uFFFD", "costs.csv");

        assertEquals(2, run.status());
        assertEquals(List.of("servicedocs: argument 4 ('\uFFFD\uFFFD\uFFFD') has characters this system's locale "
                + "cannot read; run with a UTF-8 locale, e.g. LC_ALL=C.UTF-8"), run.err().lines().toList());
    }
}
