package io.servicedocs.net;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;

/**
 * The end of a run's time budget, on the monotonic clock. Fetchers cap every call's own timeout
 * by {@link #cap(Duration)}, never start a wait that would end after it, and run their work
 * through {@link #callWithin} so that even a step no timeout reaches (a credentials provider
 * stuck on a slow server, say) cannot keep the run past the deadline.
 */
public final class Deadline {

    private final Duration budget;
    private final long startNanos;
    private final LongSupplier nanoTime;

    private Deadline(Duration budget, LongSupplier nanoTime) {
        this.budget = Objects.requireNonNull(budget, "budget");
        if (budget.isNegative() || budget.isZero()) {
            throw new IllegalArgumentException("a deadline must be in the future, got " + budget);
        }
        this.nanoTime = nanoTime;
        this.startNanos = nanoTime.getAsLong();
    }

    /** A deadline {@code budget} from now. */
    public static Deadline start(Duration budget) {
        return new Deadline(budget, System::nanoTime);
    }

    /** For tests: a deadline on the given clock of nanoseconds. */
    static Deadline start(Duration budget, LongSupplier nanoTime) {
        return new Deadline(budget, nanoTime);
    }

    public Duration budget() {
        return budget;
    }

    public Duration elapsed() {
        return Duration.ofNanos(nanoTime.getAsLong() - startNanos);
    }

    /** The time left, zero once expired. */
    public Duration remaining() {
        Duration left = budget.minus(elapsed());
        return left.isNegative() ? Duration.ZERO : left;
    }

    public boolean expired() {
        return remaining().isZero();
    }

    /** {@code timeout}, or the time left when that is shorter (at least 1 ms: clients refuse zero). */
    public Duration cap(Duration timeout) {
        Duration left = remaining();
        Duration capped = timeout.compareTo(left) <= 0 ? timeout : left;
        return capped.compareTo(Duration.ofMillis(1)) < 0 ? Duration.ofMillis(1) : capped;
    }

    /** Whether {@link #cap(Duration)} of {@code timeout} is the deadline rather than the timeout itself. */
    public boolean caps(Duration timeout) {
        return remaining().compareTo(timeout) < 0;
    }

    /** Work that may fail with one checked exception. */
    @FunctionalInterface
    public interface Work<T, E extends Exception> {
        T call() throws E;
    }

    /**
     * Runs {@code work} on a thread of its own and returns its result, or throws
     * {@link TimeoutException} when it has not finished {@code grace} after the deadline (the grace
     * lets the work's own timeouts, capped by {@link #cap}, end it cleanly first). The abandoned
     * work is interrupted and left to end on its own (a daemon thread, it keeps no JVM alive);
     * its result, if any, is never used. What the work throws is thrown again as it is: its
     * {@code failure} type, an unchecked exception or an error.
     */
    public <T, E extends Exception> T callWithin(String threadName, Duration grace, Class<E> failure, Work<T, E> work)
            throws E, TimeoutException, InterruptedException {
        FutureTask<T> task = new FutureTask<>(work::call);
        Thread thread = new Thread(task, threadName);
        thread.setDaemon(true);
        thread.start();
        try {
            return task.get(remaining().plus(grace).toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | InterruptedException e) {
            task.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (failure.isInstance(cause)) {
                throw failure.cast(cause);
            } else if (cause instanceof RuntimeException runtime) {
                throw runtime;
            } else if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("the work threw what it does not declare", cause);
        }
    }
}
