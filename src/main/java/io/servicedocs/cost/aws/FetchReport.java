package io.servicedocs.cost.aws;

import java.math.BigDecimal;

/**
 * What a fetch cost: {@code requests}, the HTTP requests sent to Cost Explorer (every attempt:
 * the SDK's own retries of 5xx, throttling and network errors, and throttled ones, included),
 * {@code pages} received, and {@code limitExceededRetries}, the requests repeated after
 * {@code LimitExceededException}.
 */
public record FetchReport(int requests, int pages, int limitExceededRetries) {

    private static final BigDecimal PRICE_PER_REQUEST = new BigDecimal("0.01");

    /** The most Cost Explorer can charge for this fetch, in USD. */
    public BigDecimal maxChargeUsd() {
        return PRICE_PER_REQUEST.multiply(BigDecimal.valueOf(requests));
    }
}
