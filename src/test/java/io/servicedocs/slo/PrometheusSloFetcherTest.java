package io.servicedocs.slo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.servicedocs.model.CostMonth.Status;
import io.servicedocs.model.SloMonth;
import io.servicedocs.net.NetworkLimits;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Prometheus over known counter samples at the months' first instants, so that every
 * month's figures are known by hand:
 * <pre>
 * requests_total{code="200"}: 08-01 0, 09-01 999500, 10-01 2997500, 11-01 3797100, 11-15 4197100
 * requests_total{code="500"}: 08-01 0, 09-01    500, 10-01    2500, 11-01    2900, 11-15    2900
 *   August    good 999500 of 1000000 = 0.9995
 *   September good 1998000 of 2000000 = 0.999
 *   October   good 799600 of 800000 = 0.9995
 *   November to the 15th: 400000 of 400000 = 1 (provisional)
 * calls_total / errors_total{job="ingest"}: from 09-15 only: 09-15 0/0, 10-01 10000/3, 11-01 40000/23
 *   August    nothing at either end: no data
 *   September nothing at the start: partial data
 *   October   bad 20 of 30000: good 29980 / 30000 = 0.99933333333... = 0.9993333333 (10 places)
 * </pre>
 */
class PrometheusSloFetcherTest {

    @TempDir
    static Path folder;
    static RealPrometheus prometheus;

    static final Instant NOW = Instant.parse("2026-11-15T00:00:00Z");

    @BeforeAll
    static void start() throws Exception {
        List<String> lines = new ArrayList<>();
        lines.add("# TYPE requests counter");
        String[] days = {"2026-08-01", "2026-09-01", "2026-10-01", "2026-11-01", "2026-11-15"};
        long[] ok = {0, 999500, 2997500, 3797100, 4197100};
        long[] failed = {0, 500, 2500, 2900, 2900};
        for (int i = 0; i < days.length; i++) {
            lines.add("requests_total{code=\"200\"} " + ok[i] + " " + seconds(days[i]));
        }
        for (int i = 0; i < days.length; i++) {
            lines.add("requests_total{code=\"500\"} " + failed[i] + " " + seconds(days[i]));
        }
        lines.add("# TYPE calls counter");
        String[] later = {"2026-09-15", "2026-10-01", "2026-11-01"};
        long[] calls = {0, 10000, 40000};
        long[] errors = {0, 3, 23};
        for (int i = 0; i < later.length; i++) {
            lines.add("calls_total{job=\"ingest\"} " + calls[i] + " " + seconds(later[i]));
        }
        lines.add("# TYPE errors counter");
        for (int i = 0; i < later.length; i++) {
            lines.add("errors_total{job=\"ingest\"} " + errors[i] + " " + seconds(later[i]));
        }
        prometheus = RealPrometheus.start(folder, RealPrometheus.openMetrics(lines));
    }

    @AfterAll
    static void stop() {
        if (prometheus != null) {
            prometheus.close();
        }
    }

    private static long seconds(String day) {
        return Instant.parse(day + "T00:00:00Z").getEpochSecond();
    }

    private static PrometheusSloFetcher fetcher() {
        return new PrometheusSloFetcher(NetworkLimits.DEFAULT, NetworkLimits.DEFAULT.startDeadline());
    }

    private static ProductSlo availability() {
        return SloDeclarations.prometheus("data-api", "api-availability", prometheus.url().toString(),
                Optional.of("sum(requests_total{code!~\"5..\"})"), Optional.empty(), Optional.of("sum(requests_total)"),
                "0.999");
    }

    private static ProductSlo ingestion() {
        return SloDeclarations.prometheus("iot-platform", "telemetry-ingestion", prometheus.url().toString(),
                Optional.empty(), Optional.of("sum(errors_total{job=\"ingest\"})"),
                Optional.of("sum(calls_total{job=\"ingest\"})"), "0.9995");
    }

    private static SloMonth fetch(ProductSlo slo, String month) throws SloFetchException {
        return fetcher().fetch(slo, MonthWindow.of(YearMonth.parse(month), NOW), NOW);
    }

    @Test
    void everyMonthIsTheCountersAtItsTwoEndsSubtractedToTheDigit() throws Exception {
        SloMonth august = fetch(availability(), "2026-08");
        assertEquals(new BigDecimal("999500"), august.good().orElseThrow());
        assertEquals(new BigDecimal("1000000"), august.total().orElseThrow());
        assertEquals(new BigDecimal("0.9995"), august.attainment().orElseThrow());
        assertEquals(Status.FINAL, august.status());
        assertEquals(Optional.of(true), august.met());
        assertEquals(Optional.empty(), august.note());

        SloMonth september = fetch(availability(), "2026-09");
        assertEquals(new BigDecimal("1998000"), september.good().orElseThrow());
        assertEquals(new BigDecimal("2000000"), september.total().orElseThrow());
        assertEquals(new BigDecimal("0.999"), september.attainment().orElseThrow());
        assertEquals(Optional.of(true), september.met()); // exactly on target counts as met

        SloMonth october = fetch(availability(), "2026-10");
        assertEquals("799600/800000=0.9995", october.good().orElseThrow().toPlainString() + "/"
                + october.total().orElseThrow().toPlainString() + "=" + october.attainment().orElseThrow().toPlainString());

        SloMonth november = fetch(availability(), "2026-11");
        assertEquals(Status.PROVISIONAL, november.status());
        assertEquals("400000/400000=1", november.good().orElseThrow().toPlainString() + "/"
                + november.total().orElseThrow().toPlainString() + "=" + november.attainment().orElseThrow().toPlainString());
    }

    @Test
    void goodIsTotalLessBadAndTheRatioIsRoundedToTenPlaces() throws Exception {
        SloMonth october = fetch(ingestion(), "2026-10");
        assertEquals(new BigDecimal("29980"), october.good().orElseThrow());
        assertEquals(new BigDecimal("30000"), october.total().orElseThrow());
        assertEquals(new BigDecimal("0.9993333333"), october.attainment().orElseThrow());
        assertEquals(Optional.of(false), october.met()); // below 0.9995
    }

    @Test
    void aMonthWithoutSamplesIsNoDataAndOneWhoseSeriesStartsLateIsPartial() throws Exception {
        SloMonth august = fetch(ingestion(), "2026-08");
        assertEquals(Optional.empty(), august.attainment());
        assertEquals(Optional.empty(), august.met());
        assertEquals("no data: Prometheus has no sample of 'sum(errors_total{job=\"ingest\"})' / "
                + "'sum(calls_total{job=\"ingest\"})' at 2026-09-01T00:00:00Z (the month's end)", august.note().orElseThrow());

        SloMonth september = fetch(ingestion(), "2026-09");
        assertEquals(Optional.empty(), september.attainment());
        assertEquals("partial data: Prometheus has no sample of 'sum(errors_total{job=\"ingest\"})' / "
                + "'sum(calls_total{job=\"ingest\"})' at 2026-09-01T00:00:00Z (the month's start); the series begins "
                + "later in the month, so the month is not measured whole", september.note().orElseThrow());
    }

    @Test
    void aQueryPrometheusRefusesFailsWithTheQueryAndTheStatus() {
        ProductSlo broken = SloDeclarations.prometheus("data-api", "api-availability", prometheus.url().toString(),
                Optional.of("sum(requests_total"), Optional.empty(), Optional.of("sum(requests_total)"), "0.999");
        SloFetchException e = assertThrows(SloFetchException.class, () -> fetch(broken, "2026-10"));
        assertEquals("Prometheus answered HTTP 400 to query 'sum(requests_total' at 2026-11-01T00:00:00Z (SLO "
                + "'api-availability' of data-api, " + prometheus.url() + "): bad_data: invalid parameter \"query\": "
                + "1:19: parse error: unclosed left parenthesis", e.getMessage());
    }

    @Test
    void manySeriesAreRefusedWithAHintToAggregate() {
        ProductSlo unaggregated = SloDeclarations.prometheus("data-api", "api-availability", prometheus.url().toString(),
                Optional.of("requests_total"), Optional.empty(), Optional.of("sum(requests_total)"), "0.999");
        SloFetchException e = assertThrows(SloFetchException.class, () -> fetch(unaggregated, "2026-10"));
        assertEquals("Prometheus answered 2 series to query 'requests_total' at 2026-11-01T00:00:00Z (SLO "
                + "'api-availability' of data-api, " + prometheus.url() + "); expected one: aggregate the counters, "
                + "e.g. sum(requests_total)", e.getMessage());
    }

    @Test
    void aServerThatIsNotListeningIsAClearError() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        ProductSlo nowhere = SloDeclarations.prometheus("data-api", "api-availability", "http://127.0.0.1:" + port,
                Optional.of("sum(a)"), Optional.empty(), Optional.of("sum(b)"), "0.999");
        SloFetchException e = assertThrows(SloFetchException.class, () -> fetch(nowhere, "2026-10"));
        assertTrue(e.getMessage().startsWith("cannot reach Prometheus for query 'sum(a)' at 2026-11-01T00:00:00Z"),
                e.getMessage());
    }
}
