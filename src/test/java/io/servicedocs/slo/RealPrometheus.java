package io.servicedocs.slo;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's real Prometheus server for a test: its data folder is filled from OpenMetrics text by
 * {@code promtool tsdb create-blocks-from openmetrics}, then the server is started on a free
 * loopback port with a retention long enough that the backfilled blocks are kept, and stopped
 * (and waited for) by {@link #close()}. Without the binaries the test fails: .ci/run installs
 * the 'prometheus' package, so a missing binary is a broken environment, never a skip.
 */
final class RealPrometheus implements AutoCloseable {

    static final Path PROMETHEUS = Path.of("/usr/bin/prometheus");
    static final Path PROMTOOL = Path.of("/usr/bin/promtool");

    private final Process process;
    private final URI url;
    private final Path log;

    private RealPrometheus(Process process, URI url, Path log) {
        this.process = process;
        this.url = url;
        this.log = log;
    }

    static RealPrometheus start(Path folder, String openMetrics) throws IOException, InterruptedException {
        if (!Files.isExecutable(PROMETHEUS) || !Files.isExecutable(PROMTOOL)) {
            fail(PROMETHEUS + " and " + PROMTOOL + " are needed by this test: install Debian's 'prometheus' "
                    + "package (.ci/run installs it)");
        }
        Path samples = folder.resolve("samples.om");
        Files.writeString(samples, openMetrics, StandardCharsets.UTF_8);
        Path data = folder.resolve("data");
        Files.createDirectories(data);
        Process fill = new ProcessBuilder(PROMTOOL.toString(), "tsdb", "create-blocks-from", "openmetrics",
                samples.toString(), data.toString()).redirectErrorStream(true)
                .redirectOutput(folder.resolve("promtool.log").toFile()).start();
        if (!fill.waitFor(60, TimeUnit.SECONDS) || fill.exitValue() != 0) {
            fill.destroyForcibly();
            fail("promtool could not write the blocks: " + Files.readString(folder.resolve("promtool.log")));
        }
        Path config = folder.resolve("prometheus.yml");
        Files.writeString(config, "global:\n  scrape_interval: 1h\nscrape_configs: []\n");
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Path log = folder.resolve("prometheus.log");
        Process process = new ProcessBuilder(PROMETHEUS.toString(), "--config.file=" + config,
                "--storage.tsdb.path=" + data, "--storage.tsdb.retention.time=100y",
                "--web.listen-address=127.0.0.1:" + port, "--log.level=warn").redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        RealPrometheus server = new RealPrometheus(process, URI.create("http://127.0.0.1:" + port), log);
        try {
            server.awaitReady();
        } catch (IOException | InterruptedException | AssertionError e) {
            server.close();
            throw e;
        }
        return server;
    }

    URI url() {
        return url;
    }

    private void awaitReady() throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < until) {
            if (!process.isAlive()) {
                fail("prometheus stopped at start: " + Files.readString(log));
            }
            try {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(url.resolve("/-/ready"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        fail("prometheus was not ready within 30 s: " + Files.readString(log));
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** OpenMetrics text of counter families: each line 'name{labels} value epochSeconds'. */
    static String openMetrics(List<String> families) {
        return String.join("\n", families) + "\n# EOF\n";
    }
}
