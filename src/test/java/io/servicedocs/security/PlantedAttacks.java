package io.servicedocs.security;

import static io.servicedocs.security.AttackRepository.assertNoSecretIn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.servicedocs.cli.CliAccess;
import io.servicedocs.review.MarkdownText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/** Attacks planted in YAML files, and the check that validate, build and review each refuse every one at its place. */
final class PlantedAttacks {

    /** Every command must end: a hang is a failure too, never a speed target. */
    static final Duration HANG_GUARD = Duration.ofSeconds(120);

    private PlantedAttacks() {
    }

    /** One attack: where it is planted ("line:col") and what every command must say of it. */
    record Planted(String file, String place, String rule, String messageStart) {
    }

    /** What the three commands printed. */
    record Runs(CliAccess.Run validate, CliAccess.Run build, CliAccess.Run review) {
        List<CliAccess.Run> all() {
            return List.of(validate, build, review);
        }
    }

    static CliAccess.Run guarded(Supplier<CliAccess.Run> command) {
        return assertTimeoutPreemptively(HANG_GUARD, command::get, "hang guard");
    }

    /**
     * Runs validate, build and review on the planted attacks: each command refuses each of them at
     * its place with its rule, no site is written, the messages are short, and no secret reaches
     * any output.
     */
    static Runs assertRefusedEverywhere(AttackRepository repo, List<Planted> attacks) throws IOException {
        Path out = repo.outside("site");
        Runs runs = new Runs(guarded(repo::validate), guarded(() -> repo.build(out)), guarded(repo::review));
        assertEquals(1, runs.validate().status(), runs.validate().out() + runs.validate().err());
        assertEquals(1, runs.build().status(), runs.build().out() + runs.build().err());
        assertFalse(Files.exists(out.resolve("index.html")), "no site is written");
        for (Planted attack : attacks) {
            String located = attack.file() + ":" + attack.place() + ": error: " + attack.messageStart();
            // validate prints the file as given with --repo (here absolute): file:line:col: error: message [rule]
            assertTrue(runs.validate().out().lines()
                            .anyMatch(l -> l.contains("/" + located) && l.endsWith("[" + attack.rule() + "]")),
                    located + " [" + attack.rule() + "]\n" + runs.validate().out());
            String built = runs.build().out() + runs.build().err();
            assertTrue(built.contains(located), located + "\n" + built);
            assertTrue(runs.review().out().contains("`" + attack.file() + ":" + attack.place() + "` "
                    + MarkdownText.text(attack.messageStart())), attack + "\n" + runs.review().out());
        }
        for (CliAccess.Run run : runs.all()) {
            assertFalse((run.out() + run.err()).contains("internal error"), run.out() + run.err());
            assertTrue(run.out().length() + run.err().length() < 100_000, "short messages, not the numbers");
            assertNoSecretIn(run);
        }
        assertNoSecretIn(out);
        return runs;
    }
}
