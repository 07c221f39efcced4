package io.servicedocs.cost.aws;

import io.servicedocs.cost.aws.CostExplorerFetchException.Problem;
import io.servicedocs.net.AwsSdkLimits;
import io.servicedocs.net.Deadline;
import io.servicedocs.net.HttpAttemptCounter;
import io.servicedocs.net.NetworkLimits;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.services.costexplorer.CostExplorerClient;
import software.amazon.awssdk.services.costexplorer.model.DateInterval;
import software.amazon.awssdk.services.costexplorer.model.GetCostAndUsageRequest;
import software.amazon.awssdk.services.costexplorer.model.GetCostAndUsageResponse;
import software.amazon.awssdk.services.costexplorer.model.Granularity;
import software.amazon.awssdk.services.costexplorer.model.GroupDefinition;
import software.amazon.awssdk.services.costexplorer.model.GroupDefinitionType;
import software.amazon.awssdk.services.costexplorer.model.LimitExceededException;

/**
 * Fetches monthly costs per linked account from Cost Explorer's GetCostAndUsage: follows
 * NextPageToken (the SDK has no paginator for it), retries {@code LimitExceededException} with
 * the request's {@link Backoff} (the SDK does not: it is an HTTP 400), and never sends more than
 * {@link FetchRequest#maxRequests()} HTTP requests, since each one is charged: the SDK's own
 * retries are counted too ({@link HttpAttemptCounter}).
 *
 * <p>Every call runs under the {@link NetworkLimits}: its timeouts are capped by the time left
 * before the run's deadline, no backoff wait ends after it, and the whole fetch runs on a thread
 * of its own that is abandoned at the deadline, so that even a credentials provider stuck on a
 * slow server cannot hold the run. A fetch returns complete or throws: nothing partial escapes.
 */
public final class CostExplorerFetcher {

    /** After the deadline, the time the SDK's own (capped) timeout gets to end a call cleanly. */
    static final Duration GRACE = Duration.ofMillis(500);

    private final CostExplorerClient client;
    private final NetworkLimits limits;

    /** With {@link NetworkLimits#DEFAULT}. */
    public CostExplorerFetcher(CostExplorerClient client) {
        this(client, NetworkLimits.DEFAULT);
    }

    /**
     * @param client e.g. {@link CostExplorerClients#standard}; the caller closes it
     * @param limits the timeouts of each call and the deadline of each {@link #fetch}
     */
    public CostExplorerFetcher(CostExplorerClient client, NetworkLimits limits) {
        this.client = Objects.requireNonNull(client, "client");
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /** Fetches every page, within the deadline of {@link NetworkLimits#deadline()} from now. */
    public FetchResult fetch(FetchRequest request) throws CostExplorerFetchException {
        Objects.requireNonNull(request, "request");
        Run run = new Run(request, limits.startDeadline());
        try {
            return run.deadline.callWithin("servicedocs-cost-explorer", GRACE, CostExplorerFetchException.class, run::fetch);
        } catch (TimeoutException e) {
            throw run.deadlineExceeded(null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CostExplorerFetchException(Problem.DEADLINE_EXCEEDED,
                    "Interrupted while " + run.activity + ".", run.report(), Optional.empty(), e);
        }
    }

    static GetCostAndUsageRequest firstPageRequest(FetchRequest request) {
        List<GroupDefinition> groupBy = new ArrayList<>();
        groupBy.add(GroupDefinition.builder().type(GroupDefinitionType.DIMENSION).key("LINKED_ACCOUNT").build());
        request.tagKey().ifPresent(key ->
                groupBy.add(GroupDefinition.builder().type(GroupDefinitionType.TAG).key(key).build()));
        return GetCostAndUsageRequest.builder()
                .timePeriod(DateInterval.builder()
                        .start(request.firstMonth().atDay(1).toString())
                        .end(request.lastMonth().plusMonths(1).atDay(1).toString()) // exclusive
                        .build())
                .granularity(Granularity.MONTHLY)
                .metrics(request.metric())
                .groupBy(groupBy)
                .build();
    }

    /** Thrown by the attempt counter inside the SDK to stop an attempt over the cap. */
    private static final class RequestCapReached extends RuntimeException {
        RequestCapReached() {
            super("request cap reached", null, false, false);
        }
    }

    /** One fetch: its deadline, counters, and what it is doing (read by the watchdog's thread). */
    private final class Run {

        private final FetchRequest request;
        private final Deadline deadline;
        private final HttpAttemptCounter attempts;
        private volatile int pages;
        private volatile int retries;
        private volatile String activity = "starting";

        Run(FetchRequest request, Deadline deadline) {
            this.request = request;
            this.deadline = deadline;
            this.attempts = new HttpAttemptCounter(attempt -> {
                if (attempt > request.maxRequests()) {
                    throw new RequestCapReached();
                }
                activity = "waiting for Cost Explorer to answer HTTP request " + attempt + " (for page " + (pages + 1)
                        + ")";
            });
        }

        FetchReport report() {
            return new FetchReport(attempts.count(), pages, retries);
        }

        FetchResult fetch() throws CostExplorerFetchException {
            GetCostAndUsageRequest first = firstPageRequest(request);
            MonthlyCostCollector collector = new MonthlyCostCollector(request.metric(), request.tagKey());
            Optional<String> token = Optional.empty();
            do {
                // every page repeats the first request exactly: any change makes Cost Explorer refuse the token
                GetCostAndUsageRequest pageRequest = token.map(t -> first.toBuilder().nextPageToken(t).build())
                        .orElse(first);
                GetCostAndUsageResponse page = send(pageRequest);
                pages++;
                try {
                    collector.add(page);
                } catch (IllegalStateException e) {
                    throw new CostExplorerFetchException(Problem.UNEXPECTED_RESPONSE,
                            "Cost Explorer's answer cannot be read: " + e.getMessage() + ".",
                            report(), Optional.ofNullable(page.responseMetadata().requestId()), e);
                }
                token = Optional.ofNullable(page.nextPageToken()).filter(t -> !t.isEmpty());
            } while (token.isPresent());
            return new FetchResult(collector.costs(), collector.estimatedMonths(), report());
        }

        private GetCostAndUsageResponse send(GetCostAndUsageRequest pageRequest) throws CostExplorerFetchException {
            Backoff backoff = request.backoff();
            Duration waited = Duration.ZERO;
            for (int retry = 0; ; retry++) {
                if (deadline.expired()) {
                    throw deadlineExceeded(null);
                }
                if (attempts.count() >= request.maxRequests()) {
                    throw capReached(retry > 0
                            ? "Cost Explorer rate-limited the last request and it must be repeated"
                            : "Cost Explorer has more pages (NextPageToken) after " + pages + " page(s)", null);
                }
                activity = "preparing HTTP request " + (attempts.count() + 1) + " (for page " + (pages + 1)
                        + "): resolving the AWS credentials (an STS role, SSO or instance metadata) and signing";
                boolean cappedByDeadline = deadline.caps(limits.callTimeout());
                try {
                    return client.getCostAndUsage(pageRequest.toBuilder()
                            .overrideConfiguration(AwsSdkLimits.perCall(limits, deadline, attempts))
                            .build());
                } catch (LimitExceededException e) {
                    if (retry >= backoff.maxRetries()) {
                        throw new CostExplorerFetchException(Problem.RATE_LIMITED,
                                "Cost Explorer kept refusing with 'rate exceeded' (LimitExceededException): "
                                        + (retry + 1) + " attempts of the same request over " + seconds(waited)
                                        + " of waiting. Other tools may be calling Cost Explorer with the same "
                                        + "account; wait a few minutes and run again, or allow a longer backoff.",
                                report(), Optional.ofNullable(e.requestId()), e);
                    }
                    Duration delay = backoff.delayBefore(retry + 1);
                    activity = "waiting " + NetworkLimits.human(delay) + " to repeat HTTP request " + attempts.count()
                            + ", which Cost Explorer rate-limited";
                    if (delay.compareTo(deadline.remaining()) >= 0) {
                        throw deadlineExceeded(e);
                    }
                    sleep(delay);
                    waited = waited.plus(delay);
                    retries++;
                } catch (RequestCapReached e) {
                    throw sdkRetryOverCap(e);
                } catch (RuntimeException e) {
                    // SdkException mostly; but an aborted connection of the JDK's client can surface as
                    // UncheckedIOException, and a credentials provider may throw anything
                    if (causedBy(e, RequestCapReached.class)) {
                        throw sdkRetryOverCap(e);
                    }
                    if (deadline.expired() || e instanceof ApiCallTimeoutException && cappedByDeadline) {
                        throw deadlineExceeded(e);
                    }
                    throw CostExplorerFailures.translate(e, report(), limits);
                }
            }
        }

        CostExplorerFetchException deadlineExceeded(Throwable cause) {
            return new CostExplorerFetchException(Problem.DEADLINE_EXCEEDED,
                    "Stopped at " + NetworkLimits.Limit.DEADLINE.describe(limits) + ", after "
                            + NetworkLimits.human(deadline.elapsed().truncatedTo(ChronoUnit.MILLIS)) + ", while "
                            + activity + "; " + pages + " page(s) had arrived, and a fetch is only kept whole. "
                            + "Raise the deadline with " + NetworkLimits.Limit.DEADLINE.option()
                            + " (e.g. PT20M), or fetch fewer months.",
                    report(), Optional.empty(), cause);
        }

        private CostExplorerFetchException capReached(String why, Throwable cause) {
            int needed = attempts.count() + 1;
            return new CostExplorerFetchException(Problem.REQUEST_CAP_REACHED,
                    "Stopped at the cap of " + request.maxRequests() + " Cost Explorer request(s) per run (USD "
                            + new FetchReport(request.maxRequests(), 0, 0).maxChargeUsd() + "): " + why
                            + ", so at least " + needed + " requests are needed. Raise the cap, or fetch fewer "
                            + "months or without the tag grouping.",
                    report(), Optional.empty(), cause);
        }

        private CostExplorerFetchException sdkRetryOverCap(Throwable cause) {
            return capReached("the AWS SDK retries a failed request (an HTTP 5xx answer, throttling, a timeout or "
                    + "a network error) and the retry would be one more", cause);
        }

        private void sleep(Duration delay) throws CostExplorerFetchException {
            try {
                Thread.sleep(delay.toMillis(), delay.toNanosPart() % 1_000_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CostExplorerFetchException(Problem.RATE_LIMITED,
                        "Interrupted while waiting to retry a rate-limited Cost Explorer request.",
                        report(), Optional.empty(), e);
            }
        }
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String seconds(Duration d) {
        return java.math.BigDecimal.valueOf(d.toMillis(), 3).stripTrailingZeros().toPlainString() + " s";
    }
}
