package io.servicedocs;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The AWS JSON 1.1 protocol on loopback, for the fakes of AWS services (Cost Explorer, Athena):
 * an HTTP server that hands each request (its X-Amz-Target, headers and JSON body) to the fake
 * and sends back the fake's answer as AWS services do, and the real SDK client of a service
 * pointed at it.
 */
public final class AwsJsonLoopback implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One request as received: the body is {} when empty. */
    public record Request(String method, String target, Optional<String> authorization, Optional<String> contentType,
            JsonNode body) {
    }

    /** An answer: its HTTP status and JSON body. */
    public record Response(int status, String body) {
    }

    private final HttpServer server;
    /**
     * A thread per exchange, as a real service answers requests side by side. With the server's
     * own single thread, a request a client abandoned half-written (a run the Athena reader's
     * watchdog interrupted mid-call) held that thread reading its body, and the next request, the
     * StopQueryExecution the reader sends then, waited behind it until its own timeout: a full
     * test run once recorded no stop at all.
     */
    private final java.util.concurrent.ExecutorService exchanges = java.util.concurrent.Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "aws-json-loopback");
        thread.setDaemon(true);
        return thread;
    });
    private final Function<Request, Response> fake;
    private int received;

    /** Starts serving on a free loopback port; {@code fake} answers each request in turn. */
    public AwsJsonLoopback(Function<Request, Response> fake) {
        this.fake = fake;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(exchanges);
        server.start();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The real SDK client of a service pointed here, without SDK retries so that request counts are exact. */
    public <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C client(B builder) {
        return builder.region(Region.US_EAST_1)
                .endpointOverride(endpoint())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret")))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    @Override
    public void close() {
        server.stop(0);
        exchanges.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] raw = exchange.getRequestBody().readAllBytes();
            JsonNode body = raw.length == 0 ? JSON.createObjectNode() : JSON.readTree(raw);
            Request request = new Request(exchange.getRequestMethod(),
                    String.valueOf(exchange.getRequestHeaders().getFirst("X-Amz-Target")),
                    Optional.ofNullable(exchange.getRequestHeaders().getFirst("Authorization")),
                    Optional.ofNullable(exchange.getRequestHeaders().getFirst("Content-Type")), body);
            Response response;
            int number;
            synchronized (this) {
                response = fake.apply(request);
                number = ++received;
            }
            byte[] out = response.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
            exchange.getResponseHeaders().set("x-amzn-RequestId", "fake-request-" + number);
            exchange.sendResponseHeaders(response.status(), out.length);
            try (OutputStream os = exchange.getResponseBody()) {
                os.write(out);
            }
        }
    }
}
