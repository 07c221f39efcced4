package io.servicedocs.digest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The chat webhook against a server on loopback: what it receives, one retry after 429 or 5xx
 * honouring Retry-After up to the cap, failures said without the address, the request timeout.
 */
@Timeout(60)
class ChatWebhookTest {

    private static final String PATH = "/services/T0SECRET/B0SECRET/XXSECRET";
    private static final ChatWebhook.Limits QUICK = new ChatWebhook.Limits(Duration.ofSeconds(2),
            Duration.ofMillis(800), Duration.ofSeconds(3));

    /** One request as the server saw it, and when. */
    private record Request(String method, String contentType, String body, long nanos) {
    }

    /** What the server answers to the n-th request. */
    @FunctionalInterface
    private interface Answer {
        void send(HttpExchange exchange, int n) throws IOException;
    }

    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private ExecutorService threads;

    private String start(Answer answer) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "webhook-test");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(threads);
        server.createContext(PATH, exchange -> {
            requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestHeaders().getFirst("Content-Type"),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8), System.nanoTime()));
            answer.send(exchange, requests.size());
            exchange.close();
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort() + PATH;
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
            threads.shutdownNow();
        }
    }

    private static void status(HttpExchange exchange, int status) throws IOException {
        exchange.sendResponseHeaders(status, -1);
    }

    private static ChatWebhook hook(String address) throws ChatWebhook.PostException {
        return ChatWebhook.at(address, "the environment variable HOOK", QUICK);
    }

    @Test
    void theBodyIsTheTextAsJson() throws Exception {
        String address = start((e, n) -> status(e, 200));
        String text = "## digest\n\n- \"Alpha\" → `ga`, ホシミ \\ done\n";
        assertEquals(200, hook(address).post(text));
        assertEquals(1, requests.size());
        assertEquals("POST", requests.get(0).method());
        assertEquals("application/json; charset=utf-8", requests.get(0).contentType());
        assertEquals("{\"text\":\"## digest\\n\\n- \\\"Alpha\\\" → `ga`, ホシミ \\\\ done\\n\"}", requests.get(0).body());
    }

    @Test
    void a429IsRetriedOnceAfterRetryAfter() throws Exception {
        String address = start((e, n) -> {
            if (n == 1) {
                e.getResponseHeaders().add("Retry-After", "1");
                status(e, 429);
            } else {
                status(e, 200);
            }
        });
        assertEquals(200, hook(address).post("hello"));
        assertEquals(2, requests.size());
        assertEquals(requests.get(0).body(), requests.get(1).body());
        long waited = requests.get(1).nanos() - requests.get(0).nanos();
        assertTrue(waited >= Duration.ofMillis(950).toNanos(), "waited " + Duration.ofNanos(waited));
    }

    @Test
    void a5xxTwiceFails() throws Exception {
        String address = start((e, n) -> status(e, n == 1 ? 502 : 503));
        ChatWebhook.PostException e = assertThrows(ChatWebhook.PostException.class, () -> hook(address).post("x"));
        assertEquals("the webhook answered 502, then 503 on the retry", e.getMessage());
        assertEquals(2, requests.size());
    }

    @Test
    void aRetryAfterLongerThanTheCapIsNotWaitedFor() throws Exception {
        String address = start((e, n) -> {
            e.getResponseHeaders().add("Retry-After", "120");
            status(e, 429);
        });
        ChatWebhook.PostException e = assertThrows(ChatWebhook.PostException.class, () -> hook(address).post("x"));
        assertEquals("the webhook answered 429 and asked to wait 2 min, longer than 3 s; not retried", e.getMessage());
        assertEquals(1, requests.size());
    }

    @Test
    void a403FailsAtOnceWithoutTheAddress() throws Exception {
        String address = start((e, n) -> status(e, 403));
        ChatWebhook.PostException e = assertThrows(ChatWebhook.PostException.class, () -> hook(address).post("x"));
        assertEquals("the webhook answered 403", e.getMessage());
        assertEquals(1, requests.size());
        assertFalse(e.getMessage().contains("SECRET"));
    }

    /** A redirect is not followed: the text goes to the configured address only. */
    @Test
    void aRedirectIsAFailure() throws Exception {
        String address = start((e, n) -> {
            e.getResponseHeaders().add("Location", "http://127.0.0.1:9/elsewhere");
            status(e, 307);
        });
        ChatWebhook.PostException e = assertThrows(ChatWebhook.PostException.class, () -> hook(address).post("x"));
        assertEquals("the webhook answered 307", e.getMessage());
        assertEquals(1, requests.size());
    }

    @Test
    void aSilentServerEndsAtTheRequestTimeout() throws Exception {
        String address = start((e, n) -> {
            try {
                Thread.sleep(10_000);
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            }
        });
        long start = System.nanoTime();
        ChatWebhook.PostException e = assertThrows(ChatWebhook.PostException.class, () -> hook(address).post("x"));
        assertEquals("the webhook did not answer within 0.8 s (request timeout)", e.getMessage());
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(5).toNanos());
    }

    @Test
    void nothingButHttpsOrLoopbackHttp() {
        for (String address : List.of("http://chat.example.com" + PATH, "ftp://chat.example.com" + PATH,
                "chat.example.com" + PATH, "https://" + PATH)) {
            ChatWebhook.PostException e = assertThrows(ChatWebhook.PostException.class, () -> hook(address), address);
            assertEquals("the environment variable HOOK must hold an https:// URL (http:// only for a loopback "
                    + "address)", e.getMessage());
        }
        ChatWebhook.PostException e = assertThrows(ChatWebhook.PostException.class,
                () -> hook("https://chat.example.com/a b" + PATH));
        assertEquals("the environment variable HOOK does not hold a URL", e.getMessage());
    }
}
