package io.servicedocs.net;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Counts the HTTP requests an AWS SDK client sends: every attempt, the SDK's own retries (of
 * 5xx, throttling, timeouts, network errors) included, since a paid API charges each one. The
 * SDK calls {@link #beforeTransmission} right before each attempt goes on the wire; the listener
 * hears the number of the attempt about to be sent and may throw to stop it (e.g. a request cap),
 * in which case it is not counted.
 */
public final class HttpAttemptCounter implements ExecutionInterceptor {

    private final AtomicInteger sent = new AtomicInteger();
    private final IntConsumer beforeAttempt;

    public HttpAttemptCounter() {
        this(attempt -> { });
    }

    public HttpAttemptCounter(IntConsumer beforeAttempt) {
        this.beforeAttempt = beforeAttempt;
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        beforeAttempt.accept(sent.get() + 1);
        sent.incrementAndGet();
    }

    /** The requests sent so far. */
    public int count() {
        return sent.get();
    }
}
