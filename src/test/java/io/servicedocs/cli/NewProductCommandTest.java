package io.servicedocs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.servicedocs.TestRepositories;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NewProductCommandTest {

    @TempDir
    Path dir;

    @Test
    void scaffoldsAValidProductWithEveryFileAndAllLevelsZero() throws IOException {
        Path repo = TestRepositories.minimalCopy(dir);
        CliRun run = CliRun.of("new-product", "gamma", "--repo", repo.toString(), "--name", "Gamma: the \"third\" one",
                "--team", "team-g", "--as-of", "2026-11-24");
        assertEquals(0, run.status(), run.err());
        Path folder = repo.resolve("products/gamma");
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(List.of("assessment.yaml", "finance.yaml", "phase.yaml", "security.yaml", "service-doc.yaml"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        String assessment = Files.readString(folder.resolve("assessment.yaml"));
        assertTrue(assessment.startsWith("# yaml-language-server: $schema=../../schemas/assessment.schema.json\n"));
        assertTrue(assessment.contains("  slo:  # Availability SLO\n    level: 0\n"), assessment);
        assertTrue(assessment.contains("  backup-restore:  # Backup and restore\n    level: 0\n"), assessment);
        assertTrue(Files.readString(folder.resolve("phase.yaml")).contains("phase: poc\nsince: 2026-11-24\n"));
        assertTrue(Files.readString(folder.resolve("service-doc.yaml")).contains("tier: tier-2\n"),
                "defaults to the least critical tier");

        CliRun validation = CliRun.of("validate", "--repo", repo.toString(), "--as-of", "2026-11-24");
        // the values new-product cannot know are placeholders: warnings in poc, until the team fills them in
        String file = repo.resolve("products/gamma/service-doc.yaml").toString();
        assertEquals(file + ":5:10: warning: summary is still the placeholder \"TODO: one sentence: what gamma does "
                + "for whom.\" left by new-product; replace it with the real value [placeholder]\n"
                + file + ":10:11: warning: owners.product_manager.name is still the placeholder \"TODO: product manager\" "
                + "left by new-product; replace it with the real value [placeholder]\n"
                + file + ":12:11: warning: owners.tech_lead.name is still the placeholder \"TODO: tech lead\" "
                + "left by new-product; replace it with the real value [placeholder]\n"
                + file + ":15:16: warning: users.description is still the placeholder \"TODO: who uses the product and "
                + "what they rely on\" left by new-product; replace it with the real value [placeholder]\n"
                + "valid: 0 error(s), 4 warning(s); 3 product(s) fully loaded\n", validation.out());
    }

    @Test
    void withTeamsFileTheTeamMustBeOneOfItsTeams() throws IOException {
        Path repo = TestRepositories.minimalCopy(dir);
        Files.writeString(repo.resolve("standards/teams.yaml"), "teams:\n"
                + "  - id: team-a\n    name: Team Alpha\n    lead:\n      name: Ann\n    chat: \"#alpha\"\n"
                + "  - id: team-b\n    name: Team Beta\n    lead:\n      name: Cid\n    chat: \"#beta\"\n");
        CliRun unknown = CliRun.of("new-product", "gamma", "--team", "team-c", "--repo", repo.toString());
        assertEquals(2, unknown.status());
        assertEquals("servicedocs: --team: unknown team 'team-c', not in standards/teams.yaml; did you mean 'team-a'? "
                + "expected one of: team-a, team-b", unknown.err().lines().findFirst().orElseThrow());
        assertFalse(Files.exists(repo.resolve("products/gamma")));
        CliRun known = CliRun.of("new-product", "gamma", "--team", "team-b", "--repo", repo.toString(), "--as-of", "2026-11-24");
        assertEquals(0, known.status(), known.err());
        assertTrue(Files.readString(repo.resolve("products/gamma/service-doc.yaml")).contains("  team: team-b\n"));
    }

    @Test
    void refusesAnExistingProductAndLeavesItUntouched() throws IOException {
        Path repo = TestRepositories.minimalCopy(dir);
        String before = Files.readString(repo.resolve("products/alpha/phase.yaml"));
        CliRun run = CliRun.of("new-product", "alpha", "--repo", repo.toString());
        assertEquals(2, run.status());
        assertTrue(run.err().contains("product folder exists already"), run.err());
        assertEquals(before, Files.readString(repo.resolve("products/alpha/phase.yaml")));
        try (Stream<Path> entries = Files.list(repo.resolve("products"))) {
            assertFalse(entries.anyMatch(p -> p.getFileName().toString().startsWith(".new-")
                    || io.servicedocs.write.TemporaryFiles.isTemporaryName(p.getFileName().toString())),
                    "no temporary folder left");
        }
    }

    @Test
    void removesTheTemporaryFolderAKilledRunLeft() throws Exception {
        Path repo = TestRepositories.minimalCopy(dir);
        Process ended = new ProcessBuilder("true").start();
        ended.waitFor();
        Path leftover = Files.createDirectories(repo.resolve("products/.delta.tmp-" + ended.pid() + "-x1"));
        Files.writeString(leftover.resolve("phase.yaml"), "phase: poc\n");

        CliRun run = CliRun.of("new-product", "gamma", "--repo", repo.toString(), "--as-of", "2026-11-24");

        assertEquals(0, run.status(), run.err());
        assertFalse(Files.exists(leftover));
    }

    @Test
    void refusesInvalidIdsAndTiers() throws IOException {
        Path repo = TestRepositories.minimalCopy(dir);
        CliRun badId = CliRun.of("new-product", "Gamma_1", "--repo", repo.toString());
        assertEquals(2, badId.status());
        assertTrue(badId.err().contains("ID 'Gamma_1' is not a valid id"), badId.err());
        // both wrong: the id is named, every time (it used to depend on a Map.of's order)
        CliRun both = CliRun.of("new-product", "Gamma_1", "--team", "Team_1", "--repo", repo.toString());
        assertEquals("servicedocs: ID 'Gamma_1' is not a valid id; expected lowercase letters, digits and hyphens, "
                + "starting with a letter", both.err().strip());
        CliRun badTier = CliRun.of("new-product", "gamma", "--tier", "tier-7", "--repo", repo.toString());
        assertEquals(2, badTier.status());
        assertTrue(badTier.err().contains("unknown tier 'tier-7'; did you mean 'tier-1'? expected one of: tier-1, tier-2"), badTier.err());
        assertFalse(Files.exists(repo.resolve("products/gamma")));
        assertEquals(2, CliRun.of("new-product", "gamma", "--name", " ", "--repo", repo.toString()).status());
        CliRun badUrl = CliRun.of("new-product", "gamma", "--repository-url", "git.example.com/x", "--repo", repo.toString());
        assertEquals(2, badUrl.status());
        assertTrue(badUrl.err().contains("is not an http or https URL"), badUrl.err());
        assertFalse(Files.exists(repo.resolve("products/gamma")));
    }

    @Test
    void needsAValidStandard() throws IOException {
        Path repo = TestRepositories.minimalCopy(dir);
        Files.writeString(repo.resolve("standards/phases.yaml"), "phases: []\n");
        CliRun run = CliRun.of("new-product", "gamma", "--repo", repo.toString());
        assertEquals(1, run.status());
        assertTrue(run.err().contains("standards/phases.yaml:1:1: error: must have at least 1 items"), run.err());
        assertTrue(run.err().startsWith("servicedocs: the standard in standards/ must be valid first:"), run.err());
        assertFalse(Files.exists(repo.resolve("products/gamma")));
    }
}
