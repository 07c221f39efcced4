package io.servicedocs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.servicedocs.TestRepositories;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** serve: a real server on loopback, real file changes, real rebuilds. */
class ServeCommandTest {

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void servesTheSiteAndRebuildsWhenAFileChanges() throws Exception {
        Path repo = TestRepositories.exampleCopy(dir);
        TestRepositories.copySiteSources(repo);
        StringWriter out = new StringWriter();
        // what the browser was told at the moment the terminal first reported the failed build
        AtomicReference<URI> served = new AtomicReference<>();
        AtomicReference<String> buildWhenReported = new AtomicReference<>();
        // thrown here, a failure would end the server's thread and leave only a null behind: kept for the assertion
        AtomicReference<Exception> askingFailed = new AtomicReference<>();
        StringWriter err = new StringWriter() {
            @Override
            public void flush() {
                if (served.get() != null && buildWhenReported.get() == null && askingFailed.get() == null
                        && toString().contains("unknown phase 'gamma'")) {
                    try {
                        buildWhenReported.set(getAgainOnce(served.get().resolve("__servicedocs/build")).body());
                    } catch (IOException | InterruptedException | RuntimeException e) {
                        askingFailed.set(e);
                    }
                }
            }
        };
        Thread server = new Thread(() -> Main.run(new String[] {"serve", "--repo", repo.toString(), "--port", "0",
                "--as-of", "2026-11-24"}, new PrintWriter(out, true), new PrintWriter(err, true)));
        server.start();
        try {
            // the first build in a JVM also starts JRuby: on a loaded machine that alone can take a minute
            await(() -> out.toString().contains("Serving http://localhost:"), "the server to start: " + out + err, 180);
            Matcher m = Pattern.compile("Serving (http://localhost:\\d+/)").matcher(out.toString());
            assertTrue(m.find());
            URI base = URI.create(m.group(1));
            served.set(base);
            assertEquals(200, get(base.resolve("index.html")).statusCode());
            assertEquals(400, get(base.resolve("../../etc/passwd")).statusCode());
            assertEquals(404, get(base.resolve("no-such-page.html")).statusCode());

            Path serviceDoc = repo.resolve("products/data-api/service-doc.yaml");
            Files.writeString(serviceDoc, Files.readString(serviceDoc).replaceFirst("(?m)^name: .*$", "name: Renamed Data API"));
            await(() -> out.toString().contains("Rebuilt in"), "a rebuild: " + out + err);
            assertTrue(get(base.resolve("products/data-api.html")).body().contains("Renamed Data API"));

            // cost data is watched too (a `costs fetch` while serving shows at once)
            Path june = repo.resolve("cost-data/aws/2025-06.yaml");
            Files.writeString(june, Files.readString(june).replace("hoshimi-sandbox", "hoshimi-playground"));
            await(() -> out.toString().split("Rebuilt in", -1).length > 2, "a rebuild after a cost change: " + out + err);
            assertTrue(get(base.resolve("costs.html")).body().contains("hoshimi-playground"));

            String phase = Files.readString(repo.resolve("products/data-api/phase.yaml"));
            Files.writeString(repo.resolve("products/data-api/phase.yaml"), "phase: gamma\nsince: 2026-01-10\n");
            await(() -> err.toString().contains("unknown phase 'gamma'"), "a failed rebuild: " + out + err);
            assertTrue(err.toString().contains("the previous site is kept"), err.toString());
            // the browser shows the errors instead of the last good site, and reloads when the next build succeeds
            // the hook asks on the server's thread, after the text is written: the terminal's text
            // can be seen here before its answer is in (a loaded full test run once read null)
            await(() -> buildWhenReported.get() != null || askingFailed.get() != null, "the hook to ask the server: " + err);
            String failedBuild = get(base.resolve("__servicedocs/build")).body();
            assertEquals(failedBuild, buildWhenReported.get(), () -> "the browser knows of the failure before the terminal says so"
                    + (askingFailed.get() == null ? "" : "; asking it failed: " + askingFailed.get()));
            HttpResponse<String> errorPage = get(base.resolve("products/data-api.html"));
            assertEquals(500, errorPage.statusCode());
            assertTrue(errorPage.body().contains("/products/data-api/phase.yaml:1:8</code> <strong>error</strong> "
                    + "unknown phase &#39;gamma&#39;"), errorPage.body());
            assertTrue(errorPage.body().contains("<script src=\"/__servicedocs/live.js\" data-build=\"" + failedBuild + "\">"),
                    "the error page reloads by itself too");
            assertEquals(200, get(base.resolve("css/site.css")).statusCode(), "assets are still served");

            Files.writeString(repo.resolve("products/data-api/phase.yaml"), phase);
            await(() -> out.toString().split("Rebuilt in", -1).length > 3, "a rebuild after the fix: " + out + err);
            String fixedBuild = get(base.resolve("__servicedocs/build")).body();
            assertEquals(Long.parseLong(failedBuild) + 1, Long.parseLong(fixedBuild), "a new build number: open pages reload");
            HttpResponse<String> page = get(base.resolve("products/data-api.html"));
            assertEquals(200, page.statusCode(), "the page comes back");
            assertTrue(page.body().contains("Renamed Data API"));
            assertTrue(page.body().contains("<script src=\"/__servicedocs/live.js\" data-build=\"" + fixedBuild + "\"></script>\n</body>"),
                    "the reload script, added by the server");
            assertTrue(get(base.resolve("__servicedocs/live.js")).body().contains("location.reload()"));
        } finally {
            server.interrupt();
            server.join(10_000);
        }
        try (var files = Files.walk(repo)) {
            for (Path html : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".html"))::iterator) {
                assertFalse(Files.readString(html).contains("__servicedocs"), "the built site has no reload script: " + html);
            }
        }
    }

    /**
     * A GET sent a second time when the first could not be sent or answered: the client may reuse
     * a kept-alive connection that the server has just closed (as a browser does, it asks again).
     */
    private HttpResponse<String> getAgainOnce(URI uri) throws IOException, InterruptedException {
        try {
            return get(uri);
        } catch (java.net.http.HttpTimeoutException e) {
            throw e;
        } catch (IOException e) {
            return get(uri);
        }
    }

    private HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        await(condition, what, 60);
    }

    private static void await(BooleanSupplier condition, String what, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(50);
        }
    }
}
