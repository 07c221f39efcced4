package io.servicedocs.digest;

import io.servicedocs.net.NetworkLimits;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.json.JsonMapper;

/**
 * Posts a text to a chat's incoming webhook (Slack, Mattermost, Teams workflows, Google Chat
 * accept {@code {"text": ...}}) with {@link HttpClient}. The webhook's address is a secret (whoever
 * has it can post to the channel): it is never part of a message of this class, whatever fails,
 * and the server's answer body (which may echo the request) is not read. Redirects are not
 * followed, so the text goes to that address only; plain http is accepted for loopback only.
 *
 * <p>One retry, after a 429 or a 5xx answer, waiting what Retry-After asks (1 s when it says
 * nothing) up to {@link Limits#longestWait}; a server asking for longer is not waited for. Each
 * request is bounded by the connect and request timeouts, so a post takes at most two request
 * timeouts and one wait.
 */
public final class ChatWebhook {

    /** Why a post failed, in words that never contain the webhook's address. */
    public static final class PostException extends Exception {
        public PostException(String message) {
            super(message);
        }
    }

    /**
     * @param longestWait the longest Retry-After honoured before the one retry
     */
    public record Limits(Duration connectTimeout, Duration requestTimeout, Duration longestWait) {

        /** A chat answers in well under a second; 10 s to connect, 30 s per request, up to a minute's wait. */
        public static final Limits DEFAULT = new Limits(Duration.ofSeconds(10), Duration.ofSeconds(30),
                Duration.ofSeconds(60));
    }

    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "[::1]", "::1");
    private static final Duration DEFAULT_WAIT = Duration.ofSeconds(1);

    private final URI address;
    private final Limits limits;

    private ChatWebhook(URI address, Limits limits) {
        this.address = address;
        this.limits = limits;
    }

    /**
     * The webhook at {@code address}; {@code source} names where the address came from (an
     * environment variable), for messages, which never show the address itself.
     */
    public static ChatWebhook at(String address, String source, Limits limits) throws PostException {
        URI uri;
        try {
            uri = new URI(address.strip());
        } catch (java.net.URISyntaxException e) {
            throw new PostException(source + " does not hold a URL");
        }
        String scheme = Optional.ofNullable(uri.getScheme()).orElse("").toLowerCase(Locale.ROOT);
        String host = Optional.ofNullable(uri.getHost()).orElse("").toLowerCase(Locale.ROOT);
        if (host.isEmpty() || !(scheme.equals("https") || scheme.equals("http") && LOOPBACK.contains(host))) {
            throw new PostException(source + " must hold an https:// URL (http:// only for a loopback address)");
        }
        return new ChatWebhook(uri, limits);
    }

    /** Posts {@code text}; returns the HTTP status of the answer that accepted it. */
    public int post(String text) throws PostException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(limits.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        byte[] body = JsonMapper.builder().build().writeValueAsBytes(Map.of("text", text));
        HttpRequest request = HttpRequest.newBuilder(address).timeout(limits.requestTimeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        HttpResponse<Void> first = send(client, request);
        if (success(first.statusCode())) {
            return first.statusCode();
        }
        if (!retryable(first.statusCode())) {
            throw new PostException("the webhook answered " + first.statusCode());
        }
        Duration wait = retryAfter(first).orElse(DEFAULT_WAIT);
        if (wait.compareTo(limits.longestWait()) > 0) {
            throw new PostException("the webhook answered " + first.statusCode() + " and asked to wait "
                    + NetworkLimits.human(wait) + ", longer than " + NetworkLimits.human(limits.longestWait())
                    + "; not retried");
        }
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PostException("interrupted while waiting to post to the webhook again");
        }
        HttpResponse<Void> second = send(client, request);
        if (success(second.statusCode())) {
            return second.statusCode();
        }
        throw new PostException("the webhook answered " + first.statusCode() + ", then " + second.statusCode()
                + " on the retry");
    }

    private HttpResponse<Void> send(HttpClient client, HttpRequest request) throws PostException {
        try {
            return client.send(request, HttpResponse.BodyHandlers.discarding());
        } catch (HttpConnectTimeoutException e) {
            throw new PostException("could not connect to the webhook within " + NetworkLimits.human(
                    limits.connectTimeout()) + " (connect timeout)");
        } catch (HttpTimeoutException e) {
            throw new PostException("the webhook did not answer within " + NetworkLimits.human(
                    limits.requestTimeout()) + " (request timeout)");
        } catch (IOException e) {
            // the exception's own message may name the host or the address: its kind only
            throw new PostException("could not post to the webhook (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PostException("interrupted while posting to the webhook");
        }
    }

    private static boolean success(int status) {
        return status >= 200 && status < 300;
    }

    private static boolean retryable(int status) {
        return status == 429 || status >= 500 && status < 600;
    }

    /** Retry-After as seconds or as an HTTP date; empty when absent or unreadable. */
    static Optional<Duration> retryAfter(HttpResponse<?> response) {
        Optional<String> value = response.headers().firstValue("Retry-After").map(String::strip);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (value.get().matches("[0-9]{1,9}")) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(value.get())));
        }
        try {
            Duration until = Duration.between(ZonedDateTime.now(),
                    ZonedDateTime.parse(value.get(), DateTimeFormatter.RFC_1123_DATE_TIME));
            return Optional.of(until.isNegative() ? Duration.ZERO : until);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return "ChatWebhook[address hidden]";
    }
}
