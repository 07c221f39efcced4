package io.servicedocs.cost.aws;

import io.servicedocs.cost.aws.CostExplorerFetchException.Problem;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
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
 * {@link FetchRequest#maxRequests()} requests, since each one is charged.
 */
public final class CostExplorerFetcher {

    private final CostExplorerClient client;

    /** @param client e.g. {@link CostExplorerClients#standard}; the caller closes it */
    public CostExplorerFetcher(CostExplorerClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    public FetchResult fetch(FetchRequest request) throws CostExplorerFetchException {
        Objects.requireNonNull(request, "request");
        GetCostAndUsageRequest first = firstPageRequest(request);
        MonthlyCostCollector collector = new MonthlyCostCollector(request.metric(), request.tagKey());
        Counters counters = new Counters();
        Optional<String> token = Optional.empty();
        do {
            // every page repeats the first request exactly: any change makes Cost Explorer refuse the token
            GetCostAndUsageRequest pageRequest = token.map(t -> first.toBuilder().nextPageToken(t).build())
                    .orElse(first);
            GetCostAndUsageResponse page = send(pageRequest, request, counters);
            counters.pages++;
            try {
                collector.add(page);
            } catch (IllegalStateException e) {
                throw new CostExplorerFetchException(Problem.UNEXPECTED_RESPONSE,
                        "Cost Explorer's answer cannot be read: " + e.getMessage() + ".",
                        counters.report(), Optional.ofNullable(page.responseMetadata().requestId()), e);
            }
            token = Optional.ofNullable(page.nextPageToken()).filter(t -> !t.isEmpty());
        } while (token.isPresent());
        return new FetchResult(collector.costs(), collector.estimatedMonths(), counters.report());
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

    private GetCostAndUsageResponse send(GetCostAndUsageRequest pageRequest, FetchRequest request, Counters counters)
            throws CostExplorerFetchException {
        Backoff backoff = request.backoff();
        Duration waited = Duration.ZERO;
        for (int retry = 0; ; retry++) {
            if (counters.requests >= request.maxRequests()) {
                throw capReached(request, counters, retry > 0);
            }
            counters.requests++;
            try {
                return client.getCostAndUsage(pageRequest);
            } catch (LimitExceededException e) {
                if (retry >= backoff.maxRetries()) {
                    throw new CostExplorerFetchException(Problem.RATE_LIMITED,
                            "Cost Explorer kept refusing with 'rate exceeded' (LimitExceededException): "
                                    + (retry + 1) + " attempts of the same request over " + seconds(waited)
                                    + " of waiting. Other tools may be calling Cost Explorer with the same "
                                    + "account; wait a few minutes and run again, or allow a longer backoff.",
                            counters.report(), Optional.ofNullable(e.requestId()), e);
                }
                Duration delay = backoff.delayBefore(retry + 1);
                sleep(delay, counters);
                waited = waited.plus(delay);
                counters.retries++;
            } catch (SdkException e) {
                throw CostExplorerFailures.translate(e, counters.report());
            }
        }
    }

    private static CostExplorerFetchException capReached(FetchRequest request, Counters counters, boolean retrying) {
        int needed = counters.requests + 1;
        String why = retrying
                ? "Cost Explorer rate-limited the last request and it must be repeated"
                : "Cost Explorer has more pages (NextPageToken) after " + counters.pages + " page(s)";
        return new CostExplorerFetchException(Problem.REQUEST_CAP_REACHED,
                "Stopped at the cap of " + request.maxRequests() + " Cost Explorer request(s) per run (USD "
                        + new FetchReport(request.maxRequests(), 0, 0).maxChargeUsd() + "): " + why
                        + ", so at least " + needed + " requests are needed. Raise the cap, or fetch fewer "
                        + "months or without the tag grouping.",
                counters.report(), Optional.empty(), null);
    }

    private static void sleep(Duration delay, Counters counters) throws CostExplorerFetchException {
        try {
            Thread.sleep(delay.toMillis(), delay.toNanosPart() % 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CostExplorerFetchException(Problem.RATE_LIMITED,
                    "Interrupted while waiting to retry a rate-limited Cost Explorer request.",
                    counters.report(), Optional.empty(), e);
        }
    }

    private static String seconds(Duration d) {
        return java.math.BigDecimal.valueOf(d.toMillis(), 3).stripTrailingZeros().toPlainString() + " s";
    }

    private static final class Counters {
        int requests;
        int pages;
        int retries;

        FetchReport report() {
            return new FetchReport(requests, pages, retries);
        }
    }
}
