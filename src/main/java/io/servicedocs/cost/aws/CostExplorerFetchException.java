package io.servicedocs.cost.aws;

import java.util.Objects;
import java.util.Optional;

/**
 * A fetch that could not complete. The message says what happened and what to check, for a
 * person; {@link #problem()} says the same for code; {@link #report()} what was spent up to then.
 */
public final class CostExplorerFetchException extends Exception {

    /** Why a fetch stopped. */
    public enum Problem {
        /** No credentials were found (environment, profile, SSO, instance role, ...). */
        NO_CREDENTIALS,
        /** The access key or security token is unknown, or the secret key does not match. */
        BAD_CREDENTIALS,
        /** The session credentials have expired. */
        EXPIRED_CREDENTIALS,
        /** The identity may not call ce:GetCostAndUsage. */
        ACCESS_DENIED,
        /** Still rate limited after every retry the backoff allows. */
        RATE_LIMITED,
        /** More requests would be needed than the request cap allows. */
        REQUEST_CAP_REACHED,
        /** Cost Explorer has no data for this account or period (e.g. just enabled, or too old). */
        NO_DATA,
        /** Cost Explorer refused the request as invalid (metric, tag key, dates). */
        INVALID_REQUEST,
        /** Cost Explorer's data changed between pages, or refused a page token. */
        PAGING_INTERRUPTED,
        /** Cost Explorer could not be reached. */
        UNREACHABLE,
        /** A connect, read, request or call timeout ran out (the message names it and its option). */
        TIMED_OUT,
        /** The run's deadline passed before the fetch was complete. */
        DEADLINE_EXCEEDED,
        /** Cost Explorer answered something this tool does not understand. */
        UNEXPECTED_RESPONSE
    }

    private final Problem problem;
    private final FetchReport report;
    private final transient Optional<String> requestId;

    CostExplorerFetchException(Problem problem, String message, FetchReport report, Optional<String> requestId,
            Throwable cause) {
        super(message, cause);
        this.problem = Objects.requireNonNull(problem, "problem");
        this.report = Objects.requireNonNull(report, "report");
        this.requestId = Objects.requireNonNull(requestId, "requestId");
    }

    public Problem problem() {
        return problem;
    }

    /** The requests, pages and retries made before the fetch stopped. */
    public FetchReport report() {
        return report;
    }

    /** AWS's id of the failed request, for a support case. */
    public Optional<String> requestId() {
        return requestId;
    }
}
