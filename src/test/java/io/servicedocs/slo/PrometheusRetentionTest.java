package io.servicedocs.slo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpServer;
import io.servicedocs.model.SloMonth;
import io.servicedocs.net.NetworkLimits;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Retention shorter than the month: a real Prometheus drops whole blocks, which cannot be staged
 * at a month's start without losing its end too, so Prometheus' answers are played by a loopback
 * fake of /api/v1/query and /api/v1/status/runtimeinfo: samples at the month's end, none at its
 * start, a retention of 15 days. Also a body that is not Prometheus' JSON.
 */
class PrometheusRetentionTest {

    @Test
    void aMonthWhoseStartIsPastTheRetentionSaysSo() throws Exception {
        List<String> asked = new ArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String uri = exchange.getRequestURI().toString();
            asked.add(uri.replaceAll("query=[^&]*&", ""));
            String body;
            if (uri.startsWith("/api/v1/status/runtimeinfo")) {
                body = "{\"status\":\"success\",\"data\":{\"storageRetention\":\"15d\"}}";
            } else if (uri.endsWith("time=" + Instant.parse("2026-11-01T00:00:00Z").getEpochSecond())) {
                body = "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{\"metric\":{},"
                        + "\"value\":[1793491200,\"1000\"]}]}}";
            } else {
                body = "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[]}}";
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        try {
            ProductSlo slo = SloDeclarations.prometheus("smart-agri", "app-availability",
                    "http://127.0.0.1:" + server.getAddress().getPort(), Optional.of("sum(ok_total)"), Optional.empty(),
                    Optional.of("sum(all_total)"), "0.99");
            Instant now = Instant.parse("2026-11-05T00:00:00Z");
            SloMonth october = new PrometheusSloFetcher(NetworkLimits.DEFAULT, NetworkLimits.DEFAULT.startDeadline())
                    .fetch(slo, MonthWindow.of(YearMonth.parse("2026-10"), now), now);
            assertEquals(Optional.empty(), october.attainment());
            assertEquals("retention: Prometheus keeps 15 days of samples (storage retention), less than the 35 days "
                    + "since the month's start 2026-10-01T00:00:00Z; the samples at the start are gone. Measure months "
                    + "within the retention, or raise --storage.tsdb.retention.time", october.note().orElseThrow());
            assertEquals(List.of("/api/v1/query?time=1793491200", "/api/v1/query?time=1793491200",
                    "/api/v1/query?time=1790812800", "/api/v1/query?time=1790812800", "/api/v1/status/runtimeinfo"),
                    asked);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aBodyThatIsNotJsonNamesTheQueryAndTheStatus() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] bytes = "<html>502 Bad Gateway</html>".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(502, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort();
            ProductSlo slo = SloDeclarations.prometheus("smart-agri", "app-availability", url,
                    Optional.of("sum(ok_total)"), Optional.empty(), Optional.of("sum(all_total)"), "0.99");
            Instant now = Instant.parse("2026-11-05T00:00:00Z");
            SloFetchException e = org.junit.jupiter.api.Assertions.assertThrows(SloFetchException.class,
                    () -> new PrometheusSloFetcher(NetworkLimits.DEFAULT, NetworkLimits.DEFAULT.startDeadline())
                            .fetch(slo, MonthWindow.of(YearMonth.parse("2026-10"), now), now));
            assertEquals("Prometheus answered HTTP 502 to query 'sum(ok_total)' at 2026-11-01T00:00:00Z (SLO "
                    + "'app-availability' of smart-agri, " + url + ") with a body that is not JSON: "
                    + "'<html>502 Bad Gateway</html>'", e.getMessage());
        } finally {
            server.stop(0);
        }
    }
}
