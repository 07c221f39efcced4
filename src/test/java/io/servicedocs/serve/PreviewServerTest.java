package io.servicedocs.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The preview server's checks of the Host header and of request paths. */
class PreviewServerTest {

    @Test
    void onlyLoopbackNamesWithThePortAreLocal() {
        assertTrue(PreviewServer.isLocalHost("localhost:8000", 8000));
        assertTrue(PreviewServer.isLocalHost("127.0.0.1:8000", 8000));
        assertTrue(PreviewServer.isLocalHost("[::1]:8000", 8000));
        assertTrue(PreviewServer.isLocalHost("localhost", 80), "port 80 may be left out");
        for (String host : List.of("localhost", "localhost:80", "localhost:8001", "attacker.example:8000",
                "localhost.attacker.example:8000", "127.0.0.2:8000", "::1:8000", "")) {
            assertFalse(PreviewServer.isLocalHost(host, 8000), host);
        }
    }

    @Test
    void pathsAreDecodedStrictly() {
        assertEquals(Optional.of(""), PreviewServer.sitePath("/"));
        assertEquals(Optional.of("products/"), PreviewServer.sitePath("/products/"));
        assertEquals(Optional.of("products/data api.html"), PreviewServer.sitePath("/products/data%20api.html"));
        assertEquals(Optional.of("é.html"), PreviewServer.sitePath("/%C3%A9.html"));
        for (String bad : List.of("", "index.html", "/%", "/%z1", "/%1", "/..", "/a/../b", "/%2e%2e/b", "/./a", "//a",
                "/a//b", "/%00", "/a%0a", "/a%7f", "/a%5cb", "/%c0%ae", "/%ff", "/a b", "/é", "/" + "x".repeat(2048))) {
            assertEquals(Optional.empty(), PreviewServer.sitePath(bad), bad);
        }
    }
}
