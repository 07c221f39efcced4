package io.servicedocs.security;

import static io.servicedocs.security.AttackRepository.assertNoSecretIn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.servicedocs.cli.CliAccess;
import io.servicedocs.serve.PreviewServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The preview server, spoken to byte by byte on a raw socket: only Host headers of localhost
 * with its port are answered (DNS rebinding), malformed paths get 400, nothing outside the site
 * is served, and normal pages still are.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PreviewServerSecurityTest {

    private Path dir;

    private AttackRepository attack;
    private PreviewServer server;
    private int port;

    @BeforeAll
    void buildAndServe(@TempDir Path tempDir) throws Exception {
        dir = tempDir;
        attack = AttackRepository.create(dir);
        Path site = attack.outside("preview").resolve("site");
        CliAccess.Run build = attack.build(site);
        assertEquals(0, build.status(), build.err());
        // a secret next to the site, as a reachable target of ../
        Files.writeString(site.getParent().resolve("secret.txt"), "token=" + AttackRepository.OUTSIDE_CANARY + "\n");
        server = new PreviewServer(site, 0);
        port = server.port();
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
        if (attack != null) {
            attack.close();
        }
    }

    @Test
    void pagesAreServedToLocalhostWithItsPort() throws IOException {
        for (String host : List.of("localhost:" + port, "127.0.0.1:" + port, "[::1]:" + port, "LocalHost:" + port)) {
            Response page = get("/index.html", host);
            assertEquals(200, page.status(), host + ": " + page.head());
            assertTrue(page.body().contains("<html"), page.body());
        }
        assertEquals(200, get("/", "localhost:" + port).status(), "a folder serves its index.html");
        assertEquals(200, get("/products/data-api.html?tab=costs", "localhost:" + port).status());
        assertEquals(200, get("/api/matrix.csv", "localhost:" + port).status());
        assertEquals(404, get("/no-such-page.html", "localhost:" + port).status());
        Response head = request("HEAD /index.html HTTP/1.1\r\nHost: localhost:" + port + "\r\nConnection: close\r\n\r\n");
        assertEquals(200, head.status());
        assertEquals("", head.body());
    }

    @Test
    void anyOtherHostIsForbidden() throws IOException {
        for (String host : List.of("evil.example:" + port, "localhost", "localhost:1", "127.0.0.1", "evil.localhost:" + port,
                "localhost.:" + port, "127.0.0.1.nip.io:" + port, "localhost:" + port + "@evil.example", "0.0.0.0:" + port,
                "[::ffff:127.0.0.1]:" + port, "")) {
            Response response = get("/index.html", host);
            assertEquals(403, response.status(), "Host: " + host + " -> " + response.head());
            assertEquals("Forbidden: this preview answers only to localhost:" + port + ", 127.0.0.1:" + port + " or [::1]:"
                    + port + "\n", response.body());
        }
        Response noHost = request("GET /index.html HTTP/1.0\r\n\r\n");
        assertEquals(403, noHost.status(), noHost.head());
        Response twoHosts = request("GET /index.html HTTP/1.1\r\nHost: localhost:" + port + "\r\nHost: evil.example\r\n"
                + "Connection: close\r\n\r\n");
        assertEquals(403, twoHosts.status(), twoHosts.head());
    }

    @Test
    void malformedPathsGetBadRequest() throws IOException {
        List<String> paths = new ArrayList<>(List.of("/%", "/%zz", "/%2", "/index.html%", "/../../etc/passwd",
                "/../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E%2Fsecret.txt", "/css/../../secret.txt", "/./index.html",
                "/..%5csecret.txt", "/%5c..%5csecret.txt", "//etc/passwd", "/%2f%2fetc/passwd", "/%00", "/index.html%00.txt",
                "/%0d%0aSet-Cookie:%20x=1", "/%c0%ae%c0%ae/secret.txt", "/%ff", "/%e2%82", "/a" + "b".repeat(10_000),
                "http://evil.example/index.html"));
        List<String> wrong = new ArrayList<>();
        for (String path : paths) {
            Response response = get(path, "localhost:" + port);
            if (response.status() != 400) {
                wrong.add(path.substring(0, Math.min(path.length(), 60)) + " -> " + response.head());
            }
            assertFalse(response.body().contains(AttackRepository.OUTSIDE_CANARY), path);
            assertFalse(response.body().contains("root:"), path);
        }
        assertEquals(List.of(), wrong, "every malformed path gets 400");
        Response post = request("POST /index.html HTTP/1.1\r\nHost: localhost:" + port + "\r\nContent-Length: 0\r\n"
                + "Connection: close\r\n\r\n");
        assertEquals(405, post.status(), post.head());
        assertNoSecretIn(dir.resolve("outside/preview/site"));
    }

    private Response get(String path, String host) throws IOException {
        return request("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n");
    }

    /** Writes {@code raw} on a new connection and reads the whole answer; an empty answer fails. */
    private Response request(String raw) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(raw.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String line = raw.lines().findFirst().orElse("");
            assertTrue(answer.startsWith("HTTP/1.1 "), "a status line for " + line.substring(0, Math.min(80, line.length()))
                    + ": '" + answer + "'");
            int end = answer.indexOf("\r\n\r\n");
            String head = end < 0 ? answer : answer.substring(0, end);
            String body = end < 0 ? "" : answer.substring(end + 4);
            return new Response(Integer.parseInt(answer.substring(9, 12)), head, body);
        }
    }

    private record Response(int status, String head, String body) {
    }
}
