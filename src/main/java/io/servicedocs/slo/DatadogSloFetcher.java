package io.servicedocs.slo;

import com.datadog.api.client.ApiClient;
import com.datadog.api.client.ApiException;
import com.datadog.api.client.v1.api.ServiceLevelObjectivesApi;
import com.datadog.api.client.v1.model.SLOHistoryMetrics;
import com.datadog.api.client.v1.model.SLOHistoryResponse;
import com.datadog.api.client.v1.model.SLOHistoryResponseData;
import com.datadog.api.client.v1.model.SLOHistorySLIData;
import io.servicedocs.load.SloDataFiles;
import io.servicedocs.model.SloMonth;
import io.servicedocs.net.Deadline;
import io.servicedocs.net.NetworkLimits;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Measures SLOs kept in Datadog, through Datadog's official Java client
 * ({@code ServiceLevelObjectivesApi.getSLOHistory}, {@code GET /api/v1/slo/{id}/history} with
 * the month's two ends as {@code from_ts} and {@code to_ts}). The SLO history answers one object
 * for the whole window (the endpoint does not page). A metric SLO's history carries the month's
 * good and total events ({@code series.numerator.sum} and {@code denominator.sum}): the
 * attainment is their ratio, as for Prometheus; otherwise (monitor SLOs) it is the overall SLI
 * value / 100.
 *
 * <p>The keys come from the environment ({@code DD_API_KEY}, {@code DD_APP_KEY}, and
 * {@code DD_SITE}, default datadoghq.com), never from the repository. The client's own retry is
 * off: a 429 is retried here after its {@code Retry-After} (or {@code X-RateLimit-Reset}) seconds,
 * at most {@code maxRetries} times and never for longer than {@code longestWait} or past the
 * deadline; a 403 names the keys and the site; a body that is not the SLO history is a clear error.
 */
public final class DatadogSloFetcher {

    /** How 429 answers are waited out. */
    public record RateLimitWaits(int maxRetries, Duration longestWait) {
        public static final RateLimitWaits DEFAULT = new RateLimitWaits(3, Duration.ofSeconds(60));

        public RateLimitWaits {
            Objects.requireNonNull(longestWait, "longestWait");
        }
    }

    public static final String DEFAULT_SITE = "datadoghq.com";

    private final ServiceLevelObjectivesApi api;
    private final String site;

    /** Datadog's sites (docs.datadoghq.com/getting_started/site): the only sites a repository may name. */
    static final java.util.List<String> DATADOG_SITES = java.util.List.of("datadoghq.com", "us3.datadoghq.com",
            "us5.datadoghq.com", "ap1.datadoghq.com", "ap2.datadoghq.com", "datadoghq.eu", "ddog-gov.com");
    private final NetworkLimits limits;
    private final Deadline deadline;
    private final RateLimitWaits waits;

    /**
     * @param environment where DD_API_KEY, DD_APP_KEY and DD_SITE are read
     * @param endpoint instead of https://api.&lt;DD_SITE&gt; (tests: a loopback fake)
     * @throws SloFetchException when a key is missing
     */
    public DatadogSloFetcher(Map<String, String> environment, Optional<URI> endpoint, NetworkLimits limits,
                             Deadline deadline, RateLimitWaits waits) throws SloFetchException {
        this(environment, Optional.empty(), endpoint, limits, deadline, waits);
    }

    /**
     * @param declaredSite the DataSource's connectionDetails.site (e.g. datadoghq.eu); DD_SITE, when
     *                     set, wins: the environment is where a run is pointed elsewhere
     */
    public DatadogSloFetcher(Map<String, String> environment, Optional<String> declaredSite, Optional<URI> endpoint,
                             NetworkLimits limits, Deadline deadline, RateLimitWaits waits) throws SloFetchException {
        String apiKey = environment.getOrDefault("DD_API_KEY", "");
        String appKey = environment.getOrDefault("DD_APP_KEY", "");
        if (apiKey.isBlank() || appKey.isBlank()) {
            throw new SloFetchException("Datadog needs an API key and an application key: set DD_API_KEY and "
                    + "DD_APP_KEY in the environment (" + (apiKey.isBlank() ? "DD_API_KEY" : "DD_APP_KEY")
                    + " is not set); the application key needs the slos_read scope");
        }
        this.site = !environment.getOrDefault("DD_SITE", "").isBlank() ? environment.get("DD_SITE")
                : declaredSite.filter(s -> !s.isBlank()).orElse(DEFAULT_SITE);
        // the keys go to https://api.<site>: a site written in the repository (it arrives in pull
        // requests) may only name one of Datadog's own sites, never a host of its author's choosing
        if (declaredSite.filter(s -> !s.isBlank()).isPresent() && environment.getOrDefault("DD_SITE", "").isBlank()
                && !DATADOG_SITES.contains(site)) {
            throw new SloFetchException("the DataSource's site '" + site + "' is not a Datadog site; expected one of "
                    + String.join(", ", DATADOG_SITES) + " (or set DD_SITE in the environment)");
        }
        this.limits = limits;
        this.deadline = deadline;
        this.waits = waits;
        ApiClient client = new ApiClient();
        client.enableRetry(false); // 429s are waited out here, bounded and within the deadline
        client.configureApiKeys(Map.of("apiKeyAuth", apiKey, "appKeyAuth", appKey));
        if (endpoint.isPresent()) {
            URI e = endpoint.get();
            client.setServerIndex(1);
            client.setServerVariables(Map.of("protocol", e.getScheme(), "name", e.getAuthority()));
        } else {
            client.setServerVariables(Map.of("site", site));
        }
        client.setConnectTimeout((int) limits.connectTimeout().toMillis());
        client.setReadTimeout((int) limits.readTimeout().toMillis());
        // Flagged unstable in some versions of the client: enable it where it is.
        if (client.isUnstableOperation("v1.getSLOHistory")) {
            client.setUnstableOperationEnabled("v1.getSLOHistory", true);
        }
        this.api = new ServiceLevelObjectivesApi(client);
    }

    /** One SLO's month, from its history in Datadog. */
    public SloMonth fetch(ProductSlo slo, MonthWindow window, Instant now) throws SloFetchException {
        String id = slo.declaration().indicator().datadogSloId().orElseThrow(() -> new SloFetchException("SLO '"
                + slo.declaration().name() + "' of " + slo.product() + " has data source '" + slo.source()
                + "' (Datadog) but no Datadog SLO id"));
        String what = "the history of Datadog SLO " + id + " from " + window.start() + " to " + window.end() + " (SLO '"
                + slo.declaration().name() + "' of " + slo.product() + ")";
        SLOHistoryResponse response = history(id, window, what);
        SLOHistoryResponseData data = response.getData();
        SLOHistorySLIData overall = data == null ? null : data.getOverall();
        Optional<BigDecimal> good = Optional.empty();
        Optional<BigDecimal> total = Optional.empty();
        Optional<BigDecimal> attainment = Optional.empty();
        SLOHistoryMetrics series = data == null ? null : data.getSeries();
        if (series != null && series.getNumerator() != null && series.getDenominator() != null
                && series.getNumerator().getSum() != null && series.getDenominator().getSum() != null) {
            good = Optional.of(SloDataFiles.plain(BigDecimal.valueOf(series.getNumerator().getSum())));
            total = Optional.of(SloDataFiles.plain(BigDecimal.valueOf(series.getDenominator().getSum())));
            if (total.get().signum() > 0) {
                attainment = Optional.of(SloDataFiles.ratio(good.get(), total.get()));
            }
        } else if (overall != null && overall.getSliValue() != null) {
            attainment = Optional.of(SloDataFiles.plain(BigDecimal.valueOf(overall.getSliValue())
                    .movePointLeft(2)));
        }
        Optional<String> note = Optional.empty();
        if (attainment.isEmpty()) {
            String errors = response.getErrors() == null || response.getErrors().isEmpty() ? ""
                    : " (Datadog: " + String.join("; ", response.getErrors().stream().map(e -> e.getError()).toList()) + ")";
            note = Optional.of("no data: Datadog's history of SLO " + id + " has no SLI value for the month" + errors);
        }
        if (attainment.isPresent() && (attainment.get().signum() < 0 || attainment.get().compareTo(BigDecimal.ONE) > 0)) {
            throw new SloFetchException("Datadog answered an SLI of " + attainment.get().toPlainString() + " for " + what
                    + "; expected a share between 0 and 1 (0 % to 100 %)");
        }
        return new SloMonth(slo.product(), slo.declaration().name(), slo.source(), window.month(), window.status(),
                good, total, attainment, slo.declaration().target(), now, note);
    }

    private SLOHistoryResponse history(String id, MonthWindow window, String what) throws SloFetchException {
        for (int attempt = 0; ; attempt++) {
            if (deadline.expired()) {
                throw new SloFetchException("the run took longer than " + NetworkLimits.Limit.DEADLINE.describe(limits)
                        + " before " + what + "; nothing was written");
            }
            try {
                return api.getSLOHistory(id, window.start().getEpochSecond(), window.end().getEpochSecond());
            } catch (ApiException e) {
                if (e.getCode() == 429) {
                    Duration wait = retryAfter(e.getResponseHeaders()).orElse(Duration.ofSeconds(1L << attempt));
                    if (attempt >= waits.maxRetries()) {
                        throw new SloFetchException("Datadog answered HTTP 429 (too many requests) to " + what + " "
                                + (attempt + 1) + " times; run again later");
                    }
                    if (wait.compareTo(waits.longestWait()) > 0 || wait.compareTo(deadline.remaining()) > 0) {
                        throw new SloFetchException("Datadog answered HTTP 429 (too many requests) to " + what
                                + " and asks to wait " + wait.toSeconds() + " s, longer than servicedocs waits ("
                                + waits.longestWait().toSeconds() + " s, and within " + NetworkLimits.Limit.DEADLINE
                                .describe(limits) + "); run again later");
                    }
                    sleep(wait);
                    continue;
                }
                throw failure(e, what);
            } catch (RuntimeException e) {
                // Jersey's ProcessingException: a body that does not read as the SLO history, a broken connection
                throw new SloFetchException("Datadog's answer to " + what + " could not be read: " + cause(e), e);
            }
        }
    }

    private SloFetchException failure(ApiException e, String what) {
        String body = e.getResponseBody() == null ? "" : e.getResponseBody().replaceAll("\\s+", " ").strip();
        if (body.length() > 200) {
            body = body.substring(0, 200) + "...";
        }
        return switch (e.getCode()) {
            case 403 -> new SloFetchException("Datadog refused " + what + " with HTTP 403 (forbidden): check that "
                    + "DD_API_KEY and DD_APP_KEY are keys of the organisation on site " + site + " (DD_SITE) and that "
                    + "the application key has the slos_read scope" + (body.isEmpty() ? "" : "; Datadog said: " + body), e);
            case 404 -> new SloFetchException("Datadog has no SLO for " + what + " (HTTP 404): check the SLO id in "
                    + "slos.yaml" + (body.isEmpty() ? "" : "; Datadog said: " + body), e);
            case 0 -> new SloFetchException("cannot reach Datadog for " + what + ": " + cause(e), e);
            default -> new SloFetchException("Datadog answered HTTP " + e.getCode() + " to " + what
                    + (body.isEmpty() ? "" : ": " + body), e);
        };
    }

    private static String cause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        message = message.replaceAll("\\s+", " ").strip();
        return message.length() > 300 ? message.substring(0, 300) + "..." : message;
    }

    /** Retry-After in seconds (Datadog also sends X-RateLimit-Reset, the seconds until the limit resets). */
    static Optional<Duration> retryAfter(Map<String, List<String>> headers) {
        if (headers == null) {
            return Optional.empty();
        }
        for (String name : List.of("retry-after", "x-ratelimit-reset")) {
            for (Map.Entry<String, List<String>> h : headers.entrySet()) {
                if (h.getKey() != null && h.getKey().equalsIgnoreCase(name) && !h.getValue().isEmpty()) {
                    try {
                        long seconds = Long.parseLong(h.getValue().get(0).trim());
                        if (seconds >= 0) {
                            return Optional.of(Duration.ofSeconds(seconds));
                        }
                    } catch (NumberFormatException e) {
                        // an HTTP date or garbage: fall back to the exponential wait
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static void sleep(Duration wait) throws SloFetchException {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SloFetchException("interrupted while waiting out Datadog's rate limit", e);
        }
    }
}
