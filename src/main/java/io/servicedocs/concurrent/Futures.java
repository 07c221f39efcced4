package io.servicedocs.concurrent;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** What the stages share about work done on other threads. */
public final class Futures {

    private Futures() {
    }

    /**
     * The value of a future, its failure rethrown as it was thrown (a runtime exception or an
     * error, not wrapped in a CompletionException); a checked failure stays wrapped.
     */
    public static <T> T joined(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error cause) {
                throw cause;
            }
            throw e;
        }
    }
}
