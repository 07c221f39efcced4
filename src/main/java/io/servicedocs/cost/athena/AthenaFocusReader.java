package io.servicedocs.cost.athena;

import io.servicedocs.cost.aws.Backoff;
import io.servicedocs.cost.focus.FocusError;
import io.servicedocs.cost.focus.FocusImportException;
import io.servicedocs.cost.focus.FocusInput;
import io.servicedocs.cost.focus.FocusInput.AthenaTable;
import io.servicedocs.cost.focus.FocusRead;
import io.servicedocs.cost.focus.FocusReader;
import io.servicedocs.cost.focus.FocusVersion;
import io.servicedocs.net.AwsSdkLimits;
import io.servicedocs.net.Deadline;
import io.servicedocs.net.NetworkLimits;
import java.time.Duration;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.athena.model.GetQueryExecutionRequest;
import software.amazon.awssdk.services.athena.model.GetQueryResultsRequest;
import software.amazon.awssdk.services.athena.model.GetQueryResultsResponse;
import software.amazon.awssdk.services.athena.model.QueryExecution;
import software.amazon.awssdk.services.athena.model.QueryExecutionContext;
import software.amazon.awssdk.services.athena.model.QueryExecutionState;
import software.amazon.awssdk.services.athena.model.ResultConfiguration;
import software.amazon.awssdk.services.athena.model.StartQueryExecutionRequest;
import software.amazon.awssdk.services.athena.model.StopQueryExecutionRequest;

/**
 * The distributed engine: Amazon Athena runs {@link AthenaFocusQuery} over a FOCUS table in S3
 * and this reads the groups it returns. StartQueryExecution (with one client request token, so
 * that a retried start never starts a second query), then GetQueryExecution polled with a
 * growing wait (QUEUED, RUNNING, then SUCCEEDED, FAILED with Athena's reason, or CANCELLED),
 * then GetQueryResults page by page (NextToken; the first row of the first page is the header).
 * Throttling answers (ThrottlingException, TooManyRequestsException, HTTP 429) of any of these
 * calls are retried after the {@code throttling} backoff.
 *
 * <p>The whole read runs under {@link NetworkLimits#deadline()}: the query's total timeout. A
 * query still running then is stopped (StopQueryExecution, best effort: it keeps scanning, and
 * costing, otherwise). Every problem is a {@link FocusImportException} naming the query: the
 * engine returns every group or none. The notes of the {@link FocusRead} give the query id, the
 * bytes scanned and what they cost ({@link ScanCost}).
 */
public final class AthenaFocusReader implements FocusReader {

    /** Polling: 0.5 s, 1 s, 2 s, then every 4 s; the deadline, not a count, ends it. */
    public static final Backoff DEFAULT_POLL = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(4), 0);
    /** Results per GetQueryResults page: Athena's maximum. */
    static final int PAGE_SIZE = 1000;
    static final int MAX_ERRORS = 100;
    /** After the deadline, the time the SDK's own (capped) timeout gets to end a call cleanly. */
    private static final Duration GRACE = Duration.ofMillis(500);
    /**
     * The longest the StopQueryExecution of a query given up on may take (else the request
     * timeout, if shorter). The run is past its deadline already: a stop that does not answer
     * must not hold it until the read timeout (30 s of silence by default) or the request timeout
     * (a minute) ends the call.
     */
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(3);

    private final AthenaClient client;
    private final NetworkLimits limits;
    private final Backoff poll;
    private final Backoff throttling;
    private final String partitionColumn;

    /** With the default polling and throttling backoffs and AWS Data Exports' partition column. */
    public AthenaFocusReader(AthenaClient client, NetworkLimits limits) {
        this(client, limits, DEFAULT_POLL, Backoff.DEFAULT, AthenaFocusQuery.DEFAULT_PARTITION_COLUMN);
    }

    /**
     * @param client          e.g. {@link AthenaClients#standard}; the caller closes it
     * @param limits          the timeouts of each call; its deadline is the query's total timeout
     * @param poll            the waits between GetQueryExecution calls (its retry count is unused)
     * @param throttling      the waits and the number of retries of a throttled call
     * @param partitionColumn the table's billing-period partition column, holding YYYY-MM
     */
    public AthenaFocusReader(AthenaClient client, NetworkLimits limits, Backoff poll, Backoff throttling,
            String partitionColumn) {
        this.client = Objects.requireNonNull(client, "client");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.poll = Objects.requireNonNull(poll, "poll");
        this.throttling = Objects.requireNonNull(throttling, "throttling");
        this.partitionColumn = Objects.requireNonNull(partitionColumn, "partitionColumn");
    }

    /** "athena:database.table": how the input is named in messages and as the cost data's origin. */
    public static String inputName(AthenaTable table) {
        return "athena:" + table.database() + "." + table.table();
    }

    @Override
    public FocusRead read(FocusInput input) throws FocusImportException {
        AthenaTable table = input.athena().orElseThrow(() ->
                new IllegalArgumentException("the Athena engine reads an Athena table, not files: " + input.paths()));
        if (!input.paths().isEmpty()) {
            throw new IllegalArgumentException("the Athena engine reads an Athena table, not files: " + input.paths());
        }
        AthenaFocusQuery query = AthenaFocusQuery.of(table, input.tagKey(), input.billingPeriods(), partitionColumn);
        Run run = new Run(table, query, input, limits.startDeadline());
        // The query is stopped here, on the caller's thread, never on the run's: the watchdog
        // interrupts a run still going after the deadline and its grace, and a stop it interrupted
        // mid-request would be lost, and could leave its connection half-written for the next one
        // (a full test run once recorded no StopQueryExecution at all).
        try {
            return run.deadline.callWithin("servicedocs-athena", GRACE, FocusImportException.class, run::read);
        } catch (TimeoutException e) {
            FocusImportException timeout = run.timeout();
            run.stopQuery();
            throw timeout;
        } catch (FocusImportException e) {
            if (run.timedOut) {
                run.stopQuery();
            }
            throw e;
        } catch (InterruptedException e) {
            FocusImportException interrupted = run.failure("interrupted while " + run.activity);
            run.stopQuery(); // before the interrupt is set again: the SDK would abort the stop at once
            Thread.currentThread().interrupt();
            throw interrupted;
        }
    }

    /** One read: its deadline, its query, and what it is doing (read by the watchdog's thread). */
    private final class Run {

        private final AthenaTable table;
        private final AthenaFocusQuery query;
        private final FocusInput input;
        private final Deadline deadline;
        private final String requestToken = UUID.randomUUID().toString();
        private volatile String queryId;
        private volatile String activity = "starting the query";
        private volatile boolean finished;
        /** Set once the run gave up at its deadline: the caller then stops the query. */
        private volatile boolean timedOut;
        private final java.util.concurrent.atomic.AtomicBoolean stopped = new java.util.concurrent.atomic.AtomicBoolean();

        Run(AthenaTable table, AthenaFocusQuery query, FocusInput input, Deadline deadline) {
            this.table = table;
            this.query = query;
            this.input = input;
            this.deadline = deadline;
        }

        String where() {
            return queryId == null ? inputName(table) : "Athena query " + queryId;
        }

        FocusImportException failure(String message) {
            return new FocusImportException(List.of(new FocusError(where(), 1, Optional.empty(), message)), false);
        }

        /**
         * The deadline is reached: this says so, with the time and the activity at the deadline,
         * and that the query is asked to stop ({@link #stopQuery()}, by the caller of the run).
         */
        FocusImportException timeout() {
            String message = timedOut();
            timedOut = true;
            return failure(message);
        }

        String timedOut() {
            return "no result within " + NetworkLimits.Limit.DEADLINE.describe(limits) + ", after "
                    + NetworkLimits.human(deadline.elapsed().truncatedTo(ChronoUnit.MILLIS)) + " " + activity
                    + (queryId == null ? "" : "; the query was asked to stop") + ". Raise the deadline (e.g. "
                    + NetworkLimits.Limit.DEADLINE.option() + " PT30M), or read fewer billing periods";
        }

        FocusRead read() throws FocusImportException {
            activity = "starting the query in workgroup " + table.workgroup();
            StartQueryExecutionRequest start = StartQueryExecutionRequest.builder()
                    .queryString(query.sql())
                    .clientRequestToken(requestToken)
                    .workGroup(table.workgroup())
                    .queryExecutionContext(QueryExecutionContext.builder().database(table.database()).build())
                    .resultConfiguration(ResultConfiguration.builder().outputLocation(table.outputLocation()).build())
                    .build();
            queryId = call("StartQueryExecution", () -> client.startQueryExecution(start.toBuilder()
                    .overrideConfiguration(AwsSdkLimits.perCall(limits, deadline)).build())).queryExecutionId();
            QueryExecution execution = awaitCompletion();
            AthenaResults results = new AthenaResults(where(), query.columns(), MAX_ERRORS);
            Optional<String> token = Optional.empty();
            int pages = 0;
            do {
                pages++;
                activity = "reading page " + pages + " of the results";
                GetQueryResultsRequest.Builder page = GetQueryResultsRequest.builder().queryExecutionId(queryId)
                        .maxResults(PAGE_SIZE);
                token.ifPresent(page::nextToken);
                GetQueryResultsRequest request = page.overrideConfiguration(AwsSdkLimits.perCall(limits, deadline))
                        .build();
                GetQueryResultsResponse response = call("GetQueryResults", () -> client.getQueryResults(request));
                if (response.resultSet() == null) {
                    throw failure("GetQueryResults answered page " + pages + " without a result set");
                }
                if (!results.add(response.resultSet().rows())) {
                    break;
                }
                token = Optional.ofNullable(response.nextToken()).filter(t -> !t.isEmpty());
            } while (token.isPresent());
            if (!results.errors().isEmpty()) {
                throw new FocusImportException(results.errors(), results.truncated());
            }
            finished = true;
            long scanned = execution.statistics() == null || execution.statistics().dataScannedInBytes() == null
                    ? 0 : execution.statistics().dataScannedInBytes();
            ScanCost cost = ScanCost.of(scanned);
            List<String> notes = new ArrayList<>();
            notes.add(where() + " (workgroup " + table.workgroup() + ", " + partitions() + ") scanned "
                    + String.format(java.util.Locale.ROOT, "%,d", scanned) + " bytes: USD "
                    + cost.usd().toPlainString() + " at USD 5 per TB (" + cost.billedMegabytes()
                    + " MB billed, 10 MB minimum per query); " + results.groups().size() + " group(s) of "
                    + results.focusRows() + " row(s) in " + pages + " page(s)");
            return new FocusRead(inputName(table), FocusVersion.UNKNOWN,
                    "the Athena engine reads the columns it needs by name and does not look at the table's "
                            + "other columns", results.groups(), results.focusRows(), input.tagKey(), notes);
        }

        private String partitions() {
            return input.billingPeriods().isEmpty()
                    ? "every partition: no billing period given"
                    : partitionColumn + " " + input.billingPeriods().stream().distinct().sorted()
                            .map(YearMonth::toString).collect(Collectors.joining(", "));
        }

        /** Polls until the query ends; returns it when it SUCCEEDED. */
        private QueryExecution awaitCompletion() throws FocusImportException {
            for (int polls = 1; ; polls++) {
                GetQueryExecutionRequest request = GetQueryExecutionRequest.builder().queryExecutionId(queryId)
                        .overrideConfiguration(AwsSdkLimits.perCall(limits, deadline)).build();
                activity = "waiting for the query to finish (poll " + polls + ")";
                QueryExecution execution = call("GetQueryExecution",
                        () -> client.getQueryExecution(request)).queryExecution();
                if (execution == null || execution.status() == null || execution.status().state() == null) {
                    throw failure("GetQueryExecution answered without the query's state");
                }
                QueryExecutionState state = execution.status().state();
                switch (state) {
                    case SUCCEEDED:
                        return execution;
                    case FAILED:
                        finished = true;
                        throw failure("the query FAILED: " + Optional.ofNullable(execution.status().stateChangeReason())
                                .orElse("Athena gave no reason"));
                    case CANCELLED:
                        finished = true;
                        throw failure("the query was CANCELLED"
                                + Optional.ofNullable(execution.status().stateChangeReason()).map(r -> ": " + r)
                                        .orElse(" (by someone or something else: this run never cancels a query "
                                                + "before its deadline)"));
                    case QUEUED:
                    case RUNNING:
                        activity = "waiting for the query to finish (" + state + " at poll " + polls + ")";
                        sleep(poll.delayBefore(polls));
                        break;
                    default:
                        throw failure("GetQueryExecution answered the unknown state '"
                                + execution.status().stateAsString() + "'");
                }
            }
        }

        /** One call, repeated after the throttling backoff while Athena answers that it is throttling. */
        private <T> T call(String operation, Supplier<T> send) throws FocusImportException {
            for (int retry = 0; ; retry++) {
                if (deadline.expired()) {
                    throw timeout();
                }
                try {
                    return send.get();
                } catch (AwsServiceException e) {
                    if (!e.isThrottlingException()) {
                        throw failure(operation + " failed: " + firstLine(e.getMessage()));
                    }
                    if (retry >= throttling.maxRetries()) {
                        throw failure(operation + " was throttled " + (retry + 1) + " times in a row ("
                                + e.awsErrorDetails().errorCode() + "): other queries or tools are using the "
                                + "account's Athena quota; run again later");
                    }
                    activity = "waiting to repeat " + operation + ", which Athena throttled ("
                            + e.awsErrorDetails().errorCode() + ")";
                    sleep(throttling.delayBefore(retry + 1));
                } catch (RuntimeException e) {
                    // SdkClientException mostly (no credentials, an unreachable endpoint, a timeout)
                    if (deadline.expired()) {
                        throw timeout();
                    }
                    throw failure(operation + " failed: " + firstLine(String.valueOf(e.getMessage())));
                }
            }
        }

        private void sleep(Duration delay) throws FocusImportException {
            Duration left = deadline.remaining();
            boolean last = delay.compareTo(left) >= 0;
            try {
                // the last wait lasts to the deadline, rounded up to the millisecond: rounded down
                // it ended up to 1 ms early, and the run gave up "after 1.999 s" of a 2 s deadline
                Thread.sleep(last ? (left.toNanos() + 999_999) / 1_000_000 : delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw failure("interrupted while " + activity);
            }
            if (last) {
                throw timeout();
            }
        }

        /**
         * Asks Athena to stop a query that this run gives up on, so that it stops scanning; once,
         * however many ways the run ended.
         */
        void stopQuery() {
            String id = queryId;
            if (id == null || finished || !stopped.compareAndSet(false, true)) {
                return;
            }
            try {
                client.stopQueryExecution(StopQueryExecutionRequest.builder().queryExecutionId(id)
                        .overrideConfiguration(o -> o.apiCallTimeout(stopTimeout(limits))).build());
            } catch (RuntimeException e) {
                // best effort: the message already says the run gave up; Athena's own timeout ends the query
            }
        }
    }

    /** The time a StopQueryExecution gets: {@link #STOP_TIMEOUT}, or the request timeout when shorter. */
    static Duration stopTimeout(NetworkLimits limits) {
        return limits.requestTimeout().compareTo(STOP_TIMEOUT) < 0 ? limits.requestTimeout() : STOP_TIMEOUT;
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "no message";
        }
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
