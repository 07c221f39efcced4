package io.servicedocs.slo;

import io.servicedocs.load.SloDataFiles;
import io.servicedocs.model.SloDeclaration.Sli;
import io.servicedocs.model.SloMonth;
import io.servicedocs.net.Deadline;
import io.servicedocs.net.NetworkLimits;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Measures SLOs whose data source is Prometheus, through its HTTP API ({@code GET /api/v1/query}).
 *
 * <p>A month's counts are the SLI's counter expressions taken at the month's two ends and
 * subtracted: each expression is asked for as an instant query at the month's first instant and
 * at the first instant of the next month (for the running month: now). An instant query
 * evaluated at {@code time=T} is the same as the expression with {@code @ T} on each of its
 * selectors, without rewriting the user's PromQL (the {@code @} modifier may only follow a
 * selector, not a whole {@code sum(...)}). {@code increase(x[30d])} would be simpler, but it
 * extrapolates at the window's edges (99.95 % came back as 99.94998 %); two samples subtracted are
 * exact. Counters created during the month start from zero, so the end's value is theirs alone.
 *
 * <p>Good and total come from the SLI: {@code good} and {@code total}; or {@code bad} and
 * {@code total} (good = total - bad); or {@code good} and {@code bad} (total = good + bad).
 *
 * <p>What the data cannot say is recorded, not guessed: a month without samples at its end is
 * "no data"; without samples at its start, "retention" when Prometheus keeps less than the time
 * since the month's start (its {@code storageRetention}), else "partial data" (the series starts
 * during the month); counters that went down are a reset. Those months are written without an
 * attainment, with the note. A server that cannot be reached, answers an HTTP error or a body
 * that is not Prometheus' JSON fails the whole fetch ({@link SloFetchException}).
 */
public final class PrometheusSloFetcher {

    private static final Pattern DURATION_PART = Pattern.compile("([0-9]+)(ms|y|w|d|h|m|s)");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient client;
    private final NetworkLimits limits;
    private final Deadline deadline;

    public PrometheusSloFetcher(NetworkLimits limits, Deadline deadline) {
        this.limits = limits;
        this.deadline = deadline;
        this.client = HttpClient.newBuilder().connectTimeout(limits.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** One SLO's month, measured. */
    public SloMonth fetch(ProductSlo slo, MonthWindow window, Instant now) throws SloFetchException {
        Sli sli = slo.declaration().indicator();
        URI base = baseUrl(slo);
        Counts atEnd = counts(base, slo, sli, window.end());
        Counts atStart = counts(base, slo, sli, window.start());
        Optional<String> problem = Optional.empty();
        if (atEnd.total().isEmpty() || atEnd.good().isEmpty()) {
            problem = Optional.of("no data: Prometheus has no sample of " + missing(sli, atEnd) + " at "
                    + window.end() + " (the month's end)");
        } else if (atStart.total().isEmpty() || atStart.good().isEmpty()) {
            Optional<Duration> retention = retention(base, slo);
            Duration needed = Duration.between(window.start(), now);
            if (retention.isPresent() && retention.get().compareTo(needed) < 0) {
                problem = Optional.of("retention: Prometheus keeps " + human(retention.get())
                        + " of samples (storage retention), less than the " + human(needed) + " since the month's start "
                        + window.start() + "; the samples at the start are gone. Measure months within the retention, "
                        + "or raise --storage.tsdb.retention.time");
            } else {
                problem = Optional.of("partial data: Prometheus has no sample of " + missing(sli, atStart) + " at "
                        + window.start() + " (the month's start); the series begins later in the month, so the month "
                        + "is not measured whole");
            }
        }
        if (problem.isPresent()) {
            return new SloMonth(slo.product(), slo.declaration().name(), slo.source(), window.month(), window.status(),
                    Optional.empty(), Optional.empty(), Optional.empty(), slo.declaration().target(), now, problem);
        }
        BigDecimal good = atEnd.good().get().subtract(atStart.good().get());
        BigDecimal total = atEnd.total().get().subtract(atStart.total().get());
        if (good.signum() < 0 || total.signum() < 0 || good.compareTo(total) > 0) {
            return new SloMonth(slo.product(), slo.declaration().name(), slo.source(), window.month(), window.status(),
                    Optional.empty(), Optional.empty(), Optional.empty(), slo.declaration().target(), now,
                    Optional.of("counter reset: the counters went down during the month (good " + good.toPlainString()
                            + ", total " + total.toPlainString() + " between its two ends); the month cannot be "
                            + "measured by subtraction"));
        }
        if (total.signum() == 0) {
            return new SloMonth(slo.product(), slo.declaration().name(), slo.source(), window.month(), window.status(),
                    Optional.of(good), Optional.of(total), Optional.empty(), slo.declaration().target(), now,
                    Optional.of("no events: the total did not grow during the month"));
        }
        return new SloMonth(slo.product(), slo.declaration().name(), slo.source(), window.month(), window.status(),
                Optional.of(SloDataFiles.plain(good)), Optional.of(SloDataFiles.plain(total)),
                Optional.of(SloDataFiles.ratio(good, total)), slo.declaration().target(), now, Optional.empty());
    }

    private record Counts(Optional<BigDecimal> good, Optional<BigDecimal> total) {
    }

    private Counts counts(URI base, ProductSlo slo, Sli sli, Instant at) throws SloFetchException {
        Optional<BigDecimal> good = query(base, slo, sli.good(), at);
        Optional<BigDecimal> bad = query(base, slo, sli.bad(), at);
        Optional<BigDecimal> total = query(base, slo, sli.total(), at);
        if (sli.good().isEmpty() && bad.isPresent() && total.isPresent()) {
            good = Optional.of(total.get().subtract(bad.get()));
        }
        if (sli.total().isEmpty() && good.isPresent() && bad.isPresent()) {
            total = Optional.of(good.get().add(bad.get()));
        }
        return new Counts(good, total);
    }

    private static String missing(Sli sli, Counts counts) {
        List<String> queries = new ArrayList<>();
        for (Optional<String> q : List.of(sli.good(), sli.bad(), sli.total())) {
            q.ifPresent(queries::add);
        }
        return String.join(" / ", queries.stream().map(q -> "'" + q + "'").toList());
    }

    private URI baseUrl(ProductSlo slo) throws SloFetchException {
        String url = slo.declaration().indicator().dataSource().connection().get("url");
        if (url == null || !(url.startsWith("http://") || url.startsWith("https://"))) {
            throw new SloFetchException("data source '" + slo.source() + "' of SLO '" + slo.declaration().name()
                    + "' (product " + slo.product() + ") has no connection url of Prometheus (e.g. "
                    + "http://prometheus:9090); set spec.connectionDetails.url in its DataSource");
        }
        return URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
    }

    /** The expression's single value at {@code at}; empty when the query is not declared or has no series. */
    private Optional<BigDecimal> query(URI base, ProductSlo slo, Optional<String> expression, Instant at)
            throws SloFetchException {
        if (expression.isEmpty()) {
            return Optional.empty();
        }
        String q = expression.get();
        URI uri = URI.create(base + "/api/v1/query?query=" + URLEncoder.encode(q, StandardCharsets.UTF_8)
                + "&time=" + at.getEpochSecond());
        String what = "query '" + q + "' at " + at + " (SLO '" + slo.declaration().name() + "' of " + slo.product()
                + ", " + base + ")";
        JsonNode data = get(uri, what).path("data");
        String type = data.path("resultType").asString("");
        JsonNode result = data.path("result");
        if (type.equals("scalar")) {
            return Optional.of(number(result.path(1), what));
        }
        if (!type.equals("vector") || !result.isArray()) {
            throw new SloFetchException("Prometheus answered a result of type '" + type + "' to " + what
                    + "; expected an instant vector of counters (an expression such as sum(requests_total))");
        }
        if (result.isEmpty()) {
            return Optional.empty();
        }
        if (result.size() > 1) {
            throw new SloFetchException("Prometheus answered " + result.size() + " series to " + what
                    + "; expected one: aggregate the counters, e.g. sum(" + q + ")");
        }
        return Optional.of(number(result.get(0).path("value").path(1), what));
    }

    private static BigDecimal number(JsonNode value, String what) throws SloFetchException {
        String text = value.asString("");
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new SloFetchException("Prometheus answered the value '" + text + "' to " + what
                    + "; expected a finite number of events");
        }
    }

    /** Prometheus' storage retention by time, when it says (e.g. "15d", "1y", "30d or 10GiB"). */
    private Optional<Duration> retention(URI base, ProductSlo slo) throws SloFetchException {
        JsonNode info = get(URI.create(base + "/api/v1/status/runtimeinfo"), "the runtime information of " + base)
                .path("data");
        String text = info.path("storageRetention").asString("");
        Duration total = Duration.ZERO;
        boolean any = false;
        for (String part : text.split(" or ")) {
            Matcher m = DURATION_PART.matcher(part.trim());
            Duration d = Duration.ZERO;
            boolean whole = !part.isBlank();
            int end = 0;
            while (m.find()) {
                if (m.start() != end) {
                    whole = false;
                }
                end = m.end();
                long n = Long.parseLong(m.group(1));
                d = d.plus(switch (m.group(2)) {
                    case "y" -> Duration.ofDays(365 * n);
                    case "w" -> Duration.ofDays(7 * n);
                    case "d" -> Duration.ofDays(n);
                    case "h" -> Duration.ofHours(n);
                    case "m" -> Duration.ofMinutes(n);
                    case "s" -> Duration.ofSeconds(n);
                    default -> Duration.ofMillis(n);
                });
            }
            if (whole && end == part.trim().length()) {
                total = d;
                any = true;
            }
        }
        return any ? Optional.of(total) : Optional.empty();
    }

    private JsonNode get(URI uri, String what) throws SloFetchException {
        if (deadline.expired()) {
            throw new SloFetchException("the run took longer than " + NetworkLimits.Limit.DEADLINE.describe(limits)
                    + " before " + what + "; nothing was written");
        }
        HttpRequest request = HttpRequest.newBuilder(uri).GET().header("Accept", "application/json")
                .timeout(deadline.cap(limits.requestTimeout())).build();
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new SloFetchException("Prometheus did not answer " + what + " within "
                    + (deadline.caps(limits.requestTimeout()) ? NetworkLimits.Limit.DEADLINE.describe(limits)
                    : NetworkLimits.Limit.REQUEST.describe(limits)), e);
        } catch (IOException e) {
            throw new SloFetchException("cannot reach Prometheus for " + what + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SloFetchException("interrupted while asking Prometheus for " + what, e);
        }
        JsonNode body;
        try {
            body = JSON.readTree(response.body());
        } catch (JacksonException e) {
            throw new SloFetchException("Prometheus answered HTTP " + response.statusCode() + " to " + what
                    + " with a body that is not JSON: " + abbreviate(response.body()));
        }
        if (response.statusCode() != 200 || !"success".equals(body.path("status").asString(""))) {
            String error = body.path("error").asString("");
            throw new SloFetchException("Prometheus answered HTTP " + response.statusCode() + " to " + what
                    + (error.isEmpty() ? ": " + abbreviate(response.body()) : ": " + body.path("errorType").asString("")
                    + ": " + error));
        }
        return body;
    }

    private static String abbreviate(String body) {
        String oneLine = body.replaceAll("\\s+", " ").strip();
        return oneLine.isEmpty() ? "(empty)" : oneLine.length() > 200 ? oneLine.substring(0, 200) + "..." : "'" + oneLine + "'";
    }

    /** "31 days", "15 days", "36 hours". */
    static String human(Duration d) {
        long hours = d.toHours();
        return hours % 24 == 0 ? hours / 24 + " days" : hours + " hours";
    }
}
