package io.servicedocs.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The benchmarks (bench/*.sh) read these lines: their format is an interface. */
class StageTimerTest {

    @Test
    void onItPrintsOneLinePerStageAndPassesTheResultThrough() {
        StringWriter err = new StringWriter();
        StageTimer timer = new StageTimer(true, new PrintWriter(err, true));
        assertEquals(42, timer.time("assess", () -> 42));
        assertTrue(err.toString().matches("servicedocs timing: stage assess [0-9]+ ms\\R"), err.toString());
    }

    @Test
    void offItPrintsNothing() {
        StringWriter err = new StringWriter();
        StageTimer timer = new StageTimer(false, new PrintWriter(err, true));
        assertEquals("x", timer.time("validate", () -> "x"));
        timer.sinceJvmStart();
        assertEquals("", err.toString());
    }
}
