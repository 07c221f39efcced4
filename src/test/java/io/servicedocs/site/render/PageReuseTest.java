package io.servicedocs.site.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.servicedocs.cache.CacheFolder;
import io.servicedocs.cache.ToolIdentity;
import io.servicedocs.site.view.ProductView.LinkView;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fingerprints of pages: a shared value is hashed once, whichever thread asks first, and counts as its content. */
class PageReuseTest {

    @TempDir
    Path dir;

    private PageReuse reuse() throws Exception {
        byte[] secret = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
        ToolIdentity tool = ToolIdentity.of("1.0", "code".getBytes(StandardCharsets.UTF_8),
                "schemas".getBytes(StandardCharsets.UTF_8));
        CacheFolder cache = CacheFolder.open(Files.createDirectories(dir.resolve("repo")), tool, secret).orElseThrow();
        return new PageReuse(cache, dir.resolve("site"));
    }

    private static Map<String, Object> model(Object shared, Object own) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("product", shared);
        model.put("own", own);
        return model;
    }

    @Test
    void threadsAskingForTheSameSharedValueGetItsOneDigest() throws Exception {
        List<Object> shared = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            shared.add(new LinkView("link " + i, "https://example.com/" + i));
        }
        PageReuse pages = reuse();
        byte[] alone = reuse().fingerprint("shared", "product.ftl", "products/a.html", "products", model(shared, "x"),
                Set.of("product")).orElseThrow();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Optional<byte[]>>> results = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                results.add(pool.submit(() -> pages.fingerprint("shared", "product.ftl", "products/a.html", "products",
                        model(shared, "x"), Set.of("product"))));
            }
            for (Future<Optional<byte[]>> result : results) {
                assertArrayEquals(alone, result.get().orElseThrow());
            }
        } finally {
            pool.shutdownNow();
        }
        // the shared value counts as its content: another list of the same links, another page's own value
        List<Object> same = new ArrayList<>(shared);
        assertArrayEquals(alone, pages.fingerprint("shared", "product.ftl", "products/a.html", "products",
                model(same, "x"), Set.of("product")).orElseThrow());
        List<Object> changed = new ArrayList<>(shared); // shared values do not change during a build: a new one
        changed.set(5, new LinkView("link 5", "https://example.com/other"));
        assertEquals(false, java.util.Arrays.equals(alone, pages.fingerprint("shared", "product.ftl", "products/a.html",
                "products", model(changed, "x"), Set.of("product")).orElseThrow()));
        assertEquals(false, java.util.Arrays.equals(alone, pages.fingerprint("shared", "product.ftl", "products/a.html",
                "products", model(shared, "y"), Set.of("product")).orElseThrow()));
        // a value without content has no digest, asked for again too
        Object unknown = new Object();
        assertEquals(Optional.empty(), pages.fingerprint("shared", "product.ftl", "products/a.html", "products",
                model(unknown, "x"), Set.of("product")));
        assertEquals(Optional.empty(), pages.fingerprint("shared", "product.ftl", "products/a.html", "products",
                model(unknown, "x"), Set.of("product")));
    }
}
