package io.servicedocs.slo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.servicedocs.model.CostMonth.Status;
import io.servicedocs.model.SloMonth;
import io.servicedocs.net.NetworkLimits;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Datadog's real Java client against a loopback fake of GET /api/v1/slo/{id}/history. */
class DatadogSloFetcherTest {

    static final Instant NOW = Instant.parse("2026-11-15T00:00:00Z");
    static final Map<String, String> KEYS = Map.of("DD_API_KEY", "test-api-key", "DD_APP_KEY", "test-app-key");

    record Answer(int status, Map<String, String> headers, String body) {
    }

    HttpServer server;
    final Deque<Answer> answers = new ArrayDeque<>();
    final List<String> requests = new ArrayList<>();
    final List<Instant> times = new ArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            synchronized (requests) {
                requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " api-key="
                        + exchange.getRequestHeaders().getFirst("DD-API-KEY") + " app-key="
                        + exchange.getRequestHeaders().getFirst("DD-APPLICATION-KEY"));
                times.add(Instant.now());
            }
            Answer answer = answers.isEmpty() ? new Answer(500, Map.of(), "{\"errors\":[\"no answer left\"]}") : answers.poll();
            answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private DatadogSloFetcher fetcher(DatadogSloFetcher.RateLimitWaits waits) throws SloFetchException {
        return new DatadogSloFetcher(KEYS, Optional.of(endpoint()), NetworkLimits.DEFAULT,
                NetworkLimits.DEFAULT.startDeadline(), waits);
    }

    private SloMonth fetchOctober(DatadogSloFetcher.RateLimitWaits waits) throws SloFetchException {
        return fetcher(waits).fetch(SloDeclarations.datadog("camera-analytics", "inference-availability", "abc123",
                "0.999"), MonthWindow.of(YearMonth.parse("2026-10"), NOW), NOW);
    }

    static final String METRIC_HISTORY = """
            {"data": {"from_ts": 1790812800, "to_ts": 1793491200, "type": "metric", "type_id": 1,
              "overall": {"name": "inference availability", "sli_value": 99.87, "span_precision": 2.0},
              "series": {"numerator": {"sum": 2996100.0, "count": 744, "values": []},
                         "denominator": {"sum": 3000000.0, "count": 744, "values": []},
                         "times": [], "interval": 3600, "query": "sum:requests.ok{*}.as_count()",
                         "res_type": "time_series", "resp_version": 2}},
             "errors": null}""";

    @Test
    void aMonthIsTheHistoryBetweenItsTwoEndsWithGoodAndTotalEvents() throws Exception {
        answers.add(new Answer(200, Map.of(), METRIC_HISTORY));
        SloMonth october = fetchOctober(DatadogSloFetcher.RateLimitWaits.DEFAULT);
        // 2026-10-01T00:00:00Z = 1790812800, 2026-11-01T00:00:00Z = 1793491200
        assertEquals(List.of("GET /api/v1/slo/abc123/history?from_ts=1790812800&to_ts=1793491200 "
                + "api-key=test-api-key app-key=test-app-key"), requests);
        assertEquals(new BigDecimal("2996100"), october.good().orElseThrow());
        assertEquals(new BigDecimal("3000000"), october.total().orElseThrow());
        assertEquals(new BigDecimal("0.9987"), october.attainment().orElseThrow());
        assertEquals(Optional.of(false), october.met());
        assertEquals(Status.FINAL, october.status());
        assertEquals("datadog", october.source());
    }

    @Test
    void aMonitorSloIsItsSliValueAsAShare() throws Exception {
        answers.add(new Answer(200, Map.of(), """
                {"data": {"type": "monitor", "overall": {"sli_value": 99.95, "span_precision": 2.0}}}"""));
        SloMonth october = fetchOctober(DatadogSloFetcher.RateLimitWaits.DEFAULT);
        assertEquals(new BigDecimal("0.9995"), october.attainment().orElseThrow());
        assertEquals(Optional.empty(), october.total());
        assertEquals(Optional.of(true), october.met());
    }

    @Test
    void aHistoryWithoutAValueIsNoData() throws Exception {
        answers.add(new Answer(200, Map.of(), """
                {"data": {"type": "monitor", "overall": {"sli_value": null}}, "errors": [{"error": "no data in window"}]}"""));
        SloMonth october = fetchOctober(DatadogSloFetcher.RateLimitWaits.DEFAULT);
        assertEquals(Optional.empty(), october.attainment());
        assertEquals("no data: Datadog's history of SLO abc123 has no SLI value for the month (Datadog: no data in window)",
                october.note().orElseThrow());
    }

    @Test
    void a429IsWaitedOutForItsRetryAfterThenRetried() throws Exception {
        answers.add(new Answer(429, Map.of("Retry-After", "1"), "{\"errors\":[\"Rate limit exceeded\"]}"));
        answers.add(new Answer(200, Map.of(), METRIC_HISTORY));
        SloMonth october = fetchOctober(DatadogSloFetcher.RateLimitWaits.DEFAULT);
        assertEquals(new BigDecimal("0.9987"), october.attainment().orElseThrow());
        assertEquals(2, requests.size());
        Duration waited = Duration.between(times.get(0), times.get(1));
        assertTrue(waited.compareTo(Duration.ofMillis(950)) >= 0, "waited only " + waited);
    }

    @Test
    void a429AskingForTooLongAWaitFailsAtOnce() {
        answers.add(new Answer(429, Map.of("Retry-After", "3600"), "{\"errors\":[\"Rate limit exceeded\"]}"));
        SloFetchException e = assertThrows(SloFetchException.class,
                () -> fetchOctober(DatadogSloFetcher.RateLimitWaits.DEFAULT));
        assertEquals("Datadog answered HTTP 429 (too many requests) to the history of Datadog SLO abc123 from "
                + "2026-10-01T00:00:00Z to 2026-11-01T00:00:00Z (SLO 'inference-availability' of camera-analytics) and "
                + "asks to wait 3600 s, longer than servicedocs waits (60 s, and within the deadline of 10 min "
                + "(--deadline PT10M)); run again later", e.getMessage());
        assertEquals(1, requests.size());
    }

    @Test
    void repeated429sGiveUpAfterTheRetries() {
        for (int i = 0; i < 3; i++) {
            answers.add(new Answer(429, Map.of("Retry-After", "0"), "{}"));
        }
        SloFetchException e = assertThrows(SloFetchException.class,
                () -> fetchOctober(new DatadogSloFetcher.RateLimitWaits(2, Duration.ofSeconds(5))));
        assertEquals(3, requests.size());
        assertTrue(e.getMessage().startsWith("Datadog answered HTTP 429 (too many requests) to the history of Datadog "
                + "SLO abc123") && e.getMessage().endsWith(" 3 times; run again later"), e.getMessage());
    }

    @Test
    void a403NamesTheKeysTheSiteAndTheScope() {
        answers.add(new Answer(403, Map.of(), "{\"errors\":[\"Forbidden\"]}"));
        SloFetchException e = assertThrows(SloFetchException.class,
                () -> fetchOctober(DatadogSloFetcher.RateLimitWaits.DEFAULT));
        assertEquals("Datadog refused the history of Datadog SLO abc123 from 2026-10-01T00:00:00Z to "
                + "2026-11-01T00:00:00Z (SLO 'inference-availability' of camera-analytics) with HTTP 403 (forbidden): "
                + "check that DD_API_KEY and DD_APP_KEY are keys of the organisation on site datadoghq.com (DD_SITE) "
                + "and that the application key has the slos_read scope; Datadog said: {\"errors\":[\"Forbidden\"]}",
                e.getMessage());
    }

    @Test
    void aMalformedBodyIsAClearError() {
        answers.add(new Answer(200, Map.of(), "{\"data\": {\"overall\": [not json"));
        SloFetchException e = assertThrows(SloFetchException.class,
                () -> fetchOctober(DatadogSloFetcher.RateLimitWaits.DEFAULT));
        assertTrue(e.getMessage().startsWith("Datadog's answer to the history of Datadog SLO abc123 from "
                + "2026-10-01T00:00:00Z to 2026-11-01T00:00:00Z (SLO 'inference-availability' of camera-analytics) "
                + "could not be read: "), e.getMessage());
    }

    @Test
    void aSiteWrittenInTheRepositoryMustBeOneOfDatadogsOwn() throws SloFetchException {
        Map<String, String> keys = Map.of("DD_API_KEY", "k", "DD_APP_KEY", "a");
        SloFetchException e = assertThrows(SloFetchException.class, () -> new DatadogSloFetcher(keys,
                Optional.of("attacker.example"), Optional.empty(), NetworkLimits.DEFAULT,
                NetworkLimits.DEFAULT.startDeadline(), DatadogSloFetcher.RateLimitWaits.DEFAULT));
        assertEquals("the DataSource's site 'attacker.example' is not a Datadog site; expected one of datadoghq.com, "
                + "us3.datadoghq.com, us5.datadoghq.com, ap1.datadoghq.com, ap2.datadoghq.com, datadoghq.eu, "
                + "ddog-gov.com (or set DD_SITE in the environment)", e.getMessage());
        new DatadogSloFetcher(keys, Optional.of("datadoghq.eu"), Optional.empty(), NetworkLimits.DEFAULT,
                NetworkLimits.DEFAULT.startDeadline(), DatadogSloFetcher.RateLimitWaits.DEFAULT);
    }

    @Test
    void missingKeysAreNamed() {
        SloFetchException e = assertThrows(SloFetchException.class, () -> new DatadogSloFetcher(
                Map.of("DD_API_KEY", "k"), Optional.of(endpoint()), NetworkLimits.DEFAULT,
                NetworkLimits.DEFAULT.startDeadline(), DatadogSloFetcher.RateLimitWaits.DEFAULT));
        assertEquals("Datadog needs an API key and an application key: set DD_API_KEY and DD_APP_KEY in the "
                + "environment (DD_APP_KEY is not set); the application key needs the slos_read scope", e.getMessage());
        assertEquals(List.of(), requests);
    }
}
