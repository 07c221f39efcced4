package io.servicedocs.slo;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A real Prometheus with request counters at known instants (for tests outside this package):
 * <pre>
 * requests_total{code="200"}: 08-01 0, 09-01 999500, 10-01 2997500, 11-01 3797100, 11-15 4197100, 11-20 4296100+980
 * requests_total{code="500"}: 08-01 0, 09-01    500, 10-01    2500, 11-01    2900, 11-15    2900, 11-20    2920
 * </pre>
 */
public final class SloTestPrometheus implements AutoCloseable {

    private final RealPrometheus server;

    private SloTestPrometheus(RealPrometheus server) {
        this.server = server;
    }

    public static SloTestPrometheus start(Path folder) throws Exception {
        List<String> lines = new ArrayList<>();
        lines.add("# TYPE requests counter");
        String[] days = {"2026-08-01", "2026-09-01", "2026-10-01", "2026-11-01", "2026-11-15", "2026-11-20"};
        long[] ok = {0, 999500, 2997500, 3797100, 4197100, 4297080};
        long[] failed = {0, 500, 2500, 2900, 2900, 2920};
        for (int i = 0; i < days.length; i++) {
            lines.add("requests_total{code=\"200\"} " + ok[i] + " " + Instant.parse(days[i] + "T00:00:00Z").getEpochSecond());
        }
        for (int i = 0; i < days.length; i++) {
            lines.add("requests_total{code=\"500\"} " + failed[i] + " " + Instant.parse(days[i] + "T00:00:00Z").getEpochSecond());
        }
        return new SloTestPrometheus(RealPrometheus.start(folder, RealPrometheus.openMetrics(lines)));
    }

    public URI url() {
        return server.url();
    }

    @Override
    public void close() {
        server.close();
    }
}
