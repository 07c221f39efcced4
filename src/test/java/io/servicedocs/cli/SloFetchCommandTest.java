package io.servicedocs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** slo fetch's usage problems: exit 2, a message naming the option, and nothing written. */
class SloFetchCommandTest {

    @TempDir
    Path dir;

    @Test
    void monthsOutOfOrderOrToComeAndFoldersThatAreNoRepositoryAreUsageErrors() throws Exception {
        Files.createDirectories(dir.resolve("repo/products"));
        String repo = dir.resolve("repo").toString();

        CliRun future = CliRun.of("slo", "fetch", "--repo", repo, "--as-of", "2026-11-24", "--from", "2026-11",
                "--to", "2026-12");
        assertEquals(2, future.status());
        assertEquals("servicedocs: --to 2026-12 is after the current month 2026-11; a month to come has nothing to "
                + "measure", future.err().lines().findFirst().orElseThrow());

        CliRun reversed = CliRun.of("slo", "fetch", "--repo", repo, "--as-of", "2026-11-24", "--from", "2026-10",
                "--to", "2026-09");
        assertEquals(2, reversed.status());
        assertEquals("servicedocs: --from 2026-10 is after --to 2026-09; expected --from to be the first month and --to "
                + "the last", reversed.err().lines().findFirst().orElseThrow());

        CliRun notAMonth = CliRun.of("slo", "fetch", "--repo", repo, "--from", "2026-13");
        assertEquals(2, notAMonth.status());

        CliRun notARepository = CliRun.of("slo", "fetch", "--repo", dir.toString(), "--from", "2026-10");
        assertEquals(2, notARepository.status());
        assertEquals(true, notARepository.err().contains("has no standards/ or products/ folder"), notARepository.err());

        assertEquals(2, CliRun.of("slo").status());
        assertFalse(Files.exists(dir.resolve("repo/slo-data")));
    }
}
