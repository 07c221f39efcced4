package io.servicedocs.pipeline;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;

/**
 * For the benchmarks (bench/*.sh, {@code -Dservicedocs.timing=true}): the wall time of each stage
 * call, as "servicedocs timing: stage NAME N ms" on stderr. Pipelines call their stages through
 * it, so that the stages themselves know nothing of timing.
 */
public final class StageTimer {

    /** The system property that turns timing on. */
    public static final String PROPERTY = "servicedocs.timing";

    private final boolean on;
    private final PrintWriter err;

    public StageTimer(boolean on, PrintWriter err) {
        this.on = on;
        this.err = err;
    }

    /** On when {@value #PROPERTY} is true. */
    public static StageTimer fromSystemProperties(PrintWriter err) {
        return new StageTimer(Boolean.getBoolean(PROPERTY), err);
    }

    /** A stage call that may fail. */
    @FunctionalInterface
    public interface Stage<T, E extends Exception> {
        T run() throws E;
    }

    public <T, E extends Exception> T time(String name, Stage<T, E> stage) throws E {
        long start = System.nanoTime();
        T result = stage.run();
        if (on) {
            err.printf("servicedocs timing: stage %s %d ms%n", name, (System.nanoTime() - start) / 1_000_000);
        }
        return result;
    }

    /** A count worth knowing beside the times (the build cache's pages reused), as "servicedocs timing: WHAT N". */
    public void count(String what, long n) {
        if (on) {
            err.printf("servicedocs timing: %s %d%n", what, n);
        }
    }

    /** The time the JVM spent from its start to now, for bench/validate.sh and bench/history.sh. */
    public void sinceJvmStart() {
        if (on) {
            long sinceStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
            err.println("servicedocs timing: after JVM start: " + sinceStart + " ms");
        }
    }
}
