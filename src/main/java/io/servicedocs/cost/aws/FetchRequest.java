package io.servicedocs.cost.aws;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What to fetch: the months {@code firstMonth} to {@code lastMonth} (both included), the cost
 * metric, optionally a cost-allocation tag key to group by besides the account, at most
 * {@code maxRequests} requests (Cost Explorer charges USD 0.01 for each), and the backoff when
 * rate limited.
 */
public record FetchRequest(
        YearMonth firstMonth,
        YearMonth lastMonth,
        String metric,
        Optional<String> tagKey,
        int maxRequests,
        Backoff backoff) {

    /** Amortised cost spreads Reserved Instance and Savings Plan fees over their term. */
    public static final String DEFAULT_METRIC = "AmortizedCost";
    /** USD 1.00 per run at most. */
    public static final int DEFAULT_MAX_REQUESTS = 100;

    public FetchRequest {
        Objects.requireNonNull(firstMonth, "firstMonth");
        Objects.requireNonNull(lastMonth, "lastMonth");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(tagKey, "tagKey");
        Objects.requireNonNull(backoff, "backoff");
        if (lastMonth.isBefore(firstMonth)) {
            throw new IllegalArgumentException("the last month " + lastMonth + " is before the first month " + firstMonth);
        }
        if (metric.isBlank()) {
            throw new IllegalArgumentException("the metric must not be blank; Cost Explorer knows e.g. "
                    + "AmortizedCost, NetAmortizedCost, UnblendedCost");
        }
        if (tagKey.isPresent() && tagKey.get().isBlank()) {
            throw new IllegalArgumentException("the tag key must not be blank");
        }
        if (maxRequests < 1) {
            throw new IllegalArgumentException("maxRequests must be at least 1, got " + maxRequests);
        }
    }

    /** Every month to fetch, the first to the last, in order. */
    public List<YearMonth> months() {
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = firstMonth; !m.isAfter(lastMonth); m = m.plusMonths(1)) {
            months.add(m);
        }
        return months;
    }

    /** The given months, amortised cost, no tag, the default request cap and backoff. */
    public static FetchRequest of(YearMonth firstMonth, YearMonth lastMonth) {
        return new FetchRequest(firstMonth, lastMonth, DEFAULT_METRIC, Optional.empty(),
                DEFAULT_MAX_REQUESTS, Backoff.DEFAULT);
    }

    public FetchRequest withMetric(String metric) {
        return new FetchRequest(firstMonth, lastMonth, metric, tagKey, maxRequests, backoff);
    }

    public FetchRequest withTagKey(String tagKey) {
        return new FetchRequest(firstMonth, lastMonth, metric, Optional.of(tagKey), maxRequests, backoff);
    }

    public FetchRequest withMaxRequests(int maxRequests) {
        return new FetchRequest(firstMonth, lastMonth, metric, tagKey, maxRequests, backoff);
    }

    public FetchRequest withBackoff(Backoff backoff) {
        return new FetchRequest(firstMonth, lastMonth, metric, tagKey, maxRequests, backoff);
    }
}
