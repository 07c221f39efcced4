package io.servicedocs.net;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A server on loopback that accepts connections and then answers too slowly, for the tests of
 * time limits: it never answers ({@link Mode#SILENT}), sends the status line and then one byte of
 * headers at a time, never ending them ({@link Mode#ENDLESS_HEADERS}), or sends the status line
 * and headers of a 200 answer and then one byte of body at a time, a space that JSON and XML
 * parsers skip while waiting for more ({@link Mode#TRICKLED_BODY}).
 * Counts the connections, i.e. the HTTP requests a client sent.
 */
public final class SlowHttpServer implements AutoCloseable {

    public enum Mode { SILENT, ENDLESS_HEADERS, TRICKLED_BODY }

    private final Mode mode;
    private final Duration interval;
    private final ServerSocket server;
    private final AtomicInteger connections = new AtomicInteger();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    /** One byte every {@code interval}. */
    public SlowHttpServer(Mode mode, Duration interval) {
        this.mode = mode;
        this.interval = interval;
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread acceptor = new Thread(this::accept, "slow-http-server-" + mode);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** One byte a second. */
    public SlowHttpServer(Mode mode) {
        this(mode, Duration.ofSeconds(1));
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    /** The connections accepted so far. */
    public int connections() {
        return connections.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                connections.incrementAndGet();
                sockets.add(socket);
                Thread answer = new Thread(() -> answer(socket), "slow-http-answer");
                answer.setDaemon(true);
                answer.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void answer(Socket socket) {
        try (socket) {
            readRequestHead(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            switch (mode) {
                case SILENT -> {
                    while (!socket.isClosed()) {
                        Thread.sleep(interval.toMillis());
                    }
                }
                case ENDLESS_HEADERS -> {
                    send(out, "HTTP/1.1 200 OK\r\nX-Slow: ");
                    while (true) {
                        send(out, "a");
                        Thread.sleep(interval.toMillis());
                    }
                }
                case TRICKLED_BODY -> {
                    send(out, "HTTP/1.1 200 OK\r\nContent-Type: application/x-amz-json-1.1\r\n"
                            + "Content-Length: 1000000\r\n\r\n");
                    while (true) {
                        send(out, " ");
                        Thread.sleep(interval.toMillis());
                    }
                }
                default -> throw new IllegalStateException(mode.toString());
            }
        } catch (IOException | InterruptedException clientGone) {
            // the client gave up, or the test closed the server
        }
    }

    /** Reads up to the end of the request's headers, so that the client is waiting for the answer. */
    private static void readRequestHead(InputStream in) throws IOException {
        int matched = 0;
        byte[] end = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        for (int b = in.read(); b >= 0; b = in.read()) {
            matched = b == end[matched] ? matched + 1 : (b == end[0] ? 1 : 0);
            if (matched == end.length) {
                return;
            }
        }
    }

    private static void send(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        for (Socket socket : sockets) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}
