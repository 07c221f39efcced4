package io.servicedocs.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Serves a built site on the loopback interface, for a local preview. Never listens beyond localhost.
 *
 * <p>A web page the developer visits can still reach a loopback server through DNS rebinding
 * (its own host name made to resolve to 127.0.0.1): requests are answered only when their Host
 * header names localhost, 127.0.0.1 or [::1] with this server's port (403 otherwise). A path that
 * is malformed (bad percent-escapes or UTF-8, control characters, a backslash, {@code .} or
 * {@code ..} segments, empty segments, longer than {@value #MAX_PATH} characters) gets 400; only
 * regular files inside the site are served.
 */
public final class PreviewServer implements AutoCloseable {

    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8", "css",
            "text/css; charset=utf-8", "js", "text/javascript; charset=utf-8", "json", "application/json",
            "csv", "text/csv; charset=utf-8", "svg", "image/svg+xml", "png", "image/png", "txt", "text/plain; charset=utf-8");

    /** The longest request path served, in characters of the raw (percent-encoded) path. */
    static final int MAX_PATH = 2048;

    private static final List<String> LOCAL_HOSTS = List.of("localhost", "127.0.0.1", "[::1]");

    /** Where the live-reload endpoints live; no site page is ever served from here. */
    static final String LIVE_PREFIX = "/__servicedocs/";

    /** Polls the build number and reloads the page when it changes (only ever served, never written into a site). */
    static final String LIVE_SCRIPT = """
            (() => {
              const me = document.currentScript;
              const shown = me && me.dataset.build;
              const poll = () => fetch('/__servicedocs/build', {cache: 'no-store'})
                .then(r => r.ok ? r.text() : shown)
                .then(now => { if (now.trim() !== shown) location.reload(); else setTimeout(poll, 700); },
                      () => setTimeout(poll, 2000));
              setTimeout(poll, 700);
            })();
            """;

    private final HttpServer server;
    private final Path site;
    private final Optional<LiveBuild> live;

    /** @param port 0 picks a free port */
    public PreviewServer(Path site, int port) throws IOException {
        this(site, port, Optional.empty());
    }

    /**
     * A preview that follows {@code live}: its pages reload after each build and show the build's
     * errors while the last one failed.
     */
    public PreviewServer(Path site, int port, LiveBuild live) throws IOException {
        this(site, port, Optional.of(live));
    }

    private PreviewServer(Path site, int port, Optional<LiveBuild> live) throws IOException {
        this.live = live;
        this.site = site.toAbsolutePath().normalize();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/", this::serve);
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public URI uri() {
        return URI.create("http://localhost:" + port() + "/");
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            try {
                answer(exchange);
            } catch (InvalidPathException e) {
                text(exchange, 400, "Bad request: the path is not valid here\n");
            } catch (RuntimeException | IOException e) {
                text(exchange, 500, "The preview server could not read this file\n");
            }
        }
    }

    private void answer(HttpExchange exchange) throws IOException {
        List<String> hosts = exchange.getRequestHeaders().get("Host");
        if (hosts == null || hosts.size() != 1 || !isLocalHost(hosts.get(0), port())) {
            text(exchange, 403, "Forbidden: this preview answers only to localhost:" + port() + ", 127.0.0.1:"
                    + port() + " or [::1]:" + port() + "\n");
            return;
        }
        String method = exchange.getRequestMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            exchange.getResponseHeaders().set("Allow", "GET, HEAD");
            text(exchange, 405, "Method not allowed\n");
            return;
        }
        URI uri = exchange.getRequestURI();
        if (live.isPresent() && uri.getRawPath() != null && uri.getRawPath().startsWith(LIVE_PREFIX)) {
            answerLive(exchange, uri.getRawPath().substring(LIVE_PREFIX.length()), live.get().state());
            return;
        }
        Optional<String> path = uri.getRawAuthority() != null || uri.getScheme() != null ? Optional.empty()
                : sitePath(uri.getRawPath());
        if (path.isEmpty()) {
            text(exchange, 400, "Bad request: malformed path\n");
            return;
        }
        Path file = site.resolve(path.get()).normalize();
        if (Files.isDirectory(file)) {
            file = file.resolve("index.html");
        }
        if (!file.startsWith(site) || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
                || !file.toRealPath().startsWith(site.toRealPath())) {
            text(exchange, 404, "Not found: /" + path.get() + "\n");
            return;
        }
        String name = file.getFileName().toString();
        String extension = name.substring(name.lastIndexOf('.') + 1);
        exchange.getResponseHeaders().set("Content-Type", TYPES.getOrDefault(extension, "application/octet-stream"));
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        if (live.isPresent() && extension.equals("html")) {
            LiveBuild.State state = live.get().state();
            if (state.errorPage().isPresent()) {
                send(exchange, 500, withLiveScript(state.errorPage().get(), state).getBytes(StandardCharsets.UTF_8));
                return;
            }
            send(exchange, 200, withLiveScript(Files.readString(file), state).getBytes(StandardCharsets.UTF_8));
            return;
        }
        byte[] body = Files.readAllBytes(file);
        send(exchange, 200, body);
    }

    private static void answerLive(HttpExchange exchange, String name, LiveBuild.State state) throws IOException {
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        switch (name) {
            case "build" -> text(exchange, 200, Long.toString(state.number()));
            case "live.js" -> {
                exchange.getResponseHeaders().set("Content-Type", TYPES.get("js"));
                send(exchange, 200, LIVE_SCRIPT.getBytes(StandardCharsets.UTF_8));
            }
            default -> text(exchange, 404, "Not found\n");
        }
    }

    /** The page with the live-reload script before its last {@code </body>} (or at its end). */
    static String withLiveScript(String html, LiveBuild.State state) {
        String tag = "<script src=\"" + LIVE_PREFIX + "live.js\" data-build=\"" + state.number() + "\"></script>\n";
        int body = html.toLowerCase(Locale.ROOT).lastIndexOf("</body>");
        return body < 0 ? html + tag : html.substring(0, body) + tag + html.substring(body);
    }

    /**
     * Whether a Host header names this server on the loopback interface: localhost, 127.0.0.1 or
     * [::1] with {@code port} (the port may be left out only when it is 80, as HTTP allows).
     */
    static boolean isLocalHost(String host, int port) {
        String h = host.trim().toLowerCase(Locale.ROOT);
        for (String name : LOCAL_HOSTS) {
            if (h.equals(name + ":" + port) || port == 80 && h.equals(name)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The path relative to the site that a raw request path names, decoded; empty when it is
     * malformed: not starting with '/', too long, a bad percent-escape or UTF-8 sequence, a
     * control character (including NUL) or backslash, or a '.', '..' or empty segment.
     */
    static Optional<String> sitePath(String rawPath) {
        if (rawPath == null || rawPath.isEmpty() || rawPath.charAt(0) != '/' || rawPath.length() > MAX_PATH) {
            return Optional.empty();
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(rawPath.length());
        for (int i = 0; i < rawPath.length(); i++) {
            char c = rawPath.charAt(i);
            if (c == '%') {
                int high = i + 2 < rawPath.length() ? Character.digit(rawPath.charAt(i + 1), 16) : -1;
                int low = high < 0 ? -1 : Character.digit(rawPath.charAt(i + 2), 16);
                if (low < 0) {
                    return Optional.empty();
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else if (c <= 0x20 || c >= 0x7f) {
                return Optional.empty(); // a raw request path is printable ASCII
            } else {
                bytes.write(c);
            }
        }
        String decoded;
        try {
            decoded = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
        if (decoded.chars().anyMatch(c -> c < 0x20 || c == 0x7f || c == '\\')) {
            return Optional.empty();
        }
        String relative = decoded.substring(1);
        String[] segments = relative.split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            if (segment.equals(".") || segment.equals("..") || segment.isEmpty() && i < segments.length - 1) {
                return Optional.empty();
            }
        }
        return Optional.of(relative);
    }

    private static void text(HttpExchange exchange, int status, String message) throws IOException {
        if (exchange.getResponseCode() != -1) {
            return; // the headers went out already: nothing better to say
        }
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        send(exchange, status, message.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        if (exchange.getRequestMethod().equals("HEAD")) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
