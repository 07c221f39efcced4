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

    /** The product views of the minimal repository, made anew (as each build makes them). */
    private static List<io.servicedocs.site.view.ProductView> productViews() throws Exception {
        var repository = new io.servicedocs.validate.Validation(new io.servicedocs.load.SchemaValidator(),
                io.servicedocs.TestRepositories.AS_OF).run(new io.servicedocs.source.WorkingTreeSource(
                io.servicedocs.TestRepositories.MINIMAL)).repository().orElseThrow();
        var portfolio = io.servicedocs.assess.Assessor.assess(repository, io.servicedocs.TestRepositories.AS_OF);
        return new io.servicedocs.site.view.Views(portfolio, (file, pointer, asciidoc) -> "<p>" + asciidoc + "</p>")
                .products();
    }

    /**
     * A page that lists product views (a page of the security matrix or of readiness) has each view
     * counted as its content, hashed once per build whichever page meets it first: the same views
     * made by another build give the same fingerprint, another view another one, and a second page
     * with the same views hashes only its own bytes.
     */
    @Test
    void productViewsListedOnAPageCountAsTheirContentAndAreHashedOnce() throws Exception {
        List<io.servicedocs.site.view.ProductView> views = productViews();
        assertEquals(true, views.size() >= 2, views.toString());
        PageReuse pages = reuse();
        Map<String, Object> first = Map.of("rows", views);
        byte[] page = pages.fingerprint("shared", "security.ftl", "security.html", "security", first, Set.of()).orElseThrow();

        // another build: new view objects of the same content, a new PageReuse
        assertArrayEquals(page, reuse().fingerprint("shared", "security.ftl", "security.html", "security",
                Map.of("rows", productViews()), Set.of()).orElseThrow());
        // another view in the list: another fingerprint
        List<io.servicedocs.site.view.ProductView> other = new ArrayList<>(views);
        other.set(0, views.get(1));
        assertEquals(false, java.util.Arrays.equals(page, pages.fingerprint("shared", "security.ftl", "security.html",
                "security", Map.of("rows", other), Set.of()).orElseThrow()));

        // the views were hashed for the first page: a second page with them hashes a few bytes each
        long before = ModelDigest.HASHED.sum();
        pages.fingerprint("shared", "readiness.ftl", "readiness.html", "readiness", Map.of("rows", views), Set.of())
                .orElseThrow();
        long second = ModelDigest.HASHED.sum() - before;
        ModelDigest whole = new ModelDigest();
        whole.value(views);
        long walked = ModelDigest.HASHED.sum();
        whole.finish();
        walked = ModelDigest.HASHED.sum() - walked;
        assertEquals(true, second * 10 < walked, "a second page hashed " + second + " bytes; the views walked are " + walked);
    }
}
