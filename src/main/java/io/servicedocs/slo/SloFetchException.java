package io.servicedocs.slo;

/**
 * A measurement that could not be fetched at all (the server cannot be reached, answers an HTTP
 * error or a body that is not what its API documents, refuses the keys, or the run's deadline
 * passed). The message names the data source, the SLO, the query or request and the status.
 * Nothing is written when a fetch fails.
 */
public final class SloFetchException extends Exception {

    public SloFetchException(String message) {
        super(message);
    }

    public SloFetchException(String message, Throwable cause) {
        super(message, cause);
    }
}
