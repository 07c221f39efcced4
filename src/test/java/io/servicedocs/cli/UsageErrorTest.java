package io.servicedocs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Usage errors, whichever command finds them, end the same way: one line on stderr, exit status 2. */
class UsageErrorTest {

    @TempDir
    Path dir;

    @Test
    void aUsageErrorIsOneLineOnStderrAndExitStatus2() {
        CliRun history = CliRun.of("history", "--repo", dir.toString(), "--fiscal-year-start", "13");
        assertEquals(2, history.status());
        assertEquals("servicedocs: --fiscal-year-start must be a month from 1 to 12, not 13" + System.lineSeparator(),
                history.err());
        assertEquals("", history.out());

        CliRun review = CliRun.of("review", "--repo", dir.toString(), "--base", "main", "--format", "xml");
        assertEquals(2, review.status());
        assertEquals("servicedocs: 'xml' is not a format; expected markdown, github or json" + System.lineSeparator(),
                review.err());
    }

    @Test
    void aCommandThatNeedsASubcommandAlsoPrintsItsUsage() {
        CliRun costs = CliRun.of("costs");
        assertEquals(2, costs.status());
        assertTrue(costs.err().startsWith("servicedocs: costs needs a subcommand: fetch or import"
                + System.lineSeparator() + "Usage: servicedocs costs"), costs.err());
    }

    @Test
    void aGitProblemFoundByAPipelineIsAlsoExitStatus2() {
        CliRun review = CliRun.of("review", "--repo", dir.toString(), "--base", "main");
        assertEquals(2, review.status());
        assertTrue(review.err().startsWith("servicedocs: "), review.err());
        assertTrue(review.err().contains(" is not in a git repository; review compares git commits"), review.err());
    }
}
