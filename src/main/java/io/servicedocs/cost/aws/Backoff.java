package io.servicedocs.cost.aws;

import java.time.Duration;
import java.util.Objects;

/**
 * How long to wait after Cost Explorer answers {@code LimitExceededException}: the first retry
 * waits {@code initialDelay}, each further one twice as long, never more than {@code maxDelay};
 * after {@code maxRetries} retries of one request the fetch gives up.
 */
public record Backoff(Duration initialDelay, Duration maxDelay, int maxRetries) {

    /** 1 s, 2 s, 4 s, 8 s, 16 s: about half a minute in all before giving up. */
    public static final Backoff DEFAULT = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(16), 5);

    public Backoff {
        Objects.requireNonNull(initialDelay, "initialDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (initialDelay.isNegative() || maxDelay.isNegative()) {
            throw new IllegalArgumentException("backoff delays must not be negative, got "
                    + initialDelay + " and " + maxDelay);
        }
        if (maxDelay.compareTo(initialDelay) < 0) {
            throw new IllegalArgumentException("maxDelay " + maxDelay + " is shorter than initialDelay " + initialDelay);
        }
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must be 0 or more, got " + maxRetries);
        }
    }

    /** The wait before retry number {@code retry} (1 for the first retry). */
    public Duration delayBefore(int retry) {
        if (retry < 1) {
            throw new IllegalArgumentException("retries are numbered from 1, got " + retry);
        }
        Duration delay = initialDelay;
        for (int i = 1; i < retry && delay.compareTo(maxDelay) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }
}
