package io.servicedocs.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.servicedocs.TestRepositories;
import io.servicedocs.cli.CliAccess;
import io.servicedocs.load.SchemaValidator;
import io.servicedocs.model.Diagnostic;
import io.servicedocs.source.WorkingTreeSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Validation loads, checks and binds the products (and the cost months) on every core (a parallel
 * stream): run on one thread and on several, it gives the same diagnostics in the same order and
 * the same repository, on the example and on a generated repository with errors (issue 15).
 */
class ParallelValidationTest {

    private static final SchemaValidator SCHEMAS = new SchemaValidator();

    @Test
    void theExampleIsTheSameOnOneThreadAndOnSeveral() throws Exception {
        assertSameOnOneThreadAndSeveral(TestRepositories.EXAMPLE);
    }

    @Test
    void aGeneratedRepositoryWithErrorsIsTheSameOnOneThreadAndOnSeveral(@TempDir Path dir) throws Exception {
        Path repo = dir.resolve("generated");
        CliAccess.Run run = CliAccess.run("generate", "--repo", TestRepositories.exampleCopy(dir.resolve("example")).toString(),
                "--products", "40", "--out", repo.toString(), "--as-of", "2026-11-24");
        assertEquals(0, run.status(), run.err());
        List<Path> products;
        try (var folders = Files.list(repo.resolve("products"))) {
            products = folders.filter(Files::isDirectory).sorted().toList();
        }
        // a file that is not YAML, one that fails its schema, one missing, an unknown file, a broken product
        Files.writeString(products.get(3).resolve("phase.yaml"), "phase: [unclosed\n", StandardCharsets.UTF_8);
        Path serviceDoc = products.get(7).resolve("service-doc.yaml");
        Files.writeString(serviceDoc, Files.readString(serviceDoc) + "\nnot_a_property: 1\n", StandardCharsets.UTF_8);
        Files.delete(products.get(11).resolve("security.yaml"));
        Files.writeString(products.get(19).resolve("notes.yaml"), "a: 1\n", StandardCharsets.UTF_8);
        Files.writeString(products.get(23).resolve("assessment.yaml"), "items: 3\n", StandardCharsets.UTF_8);
        Files.createDirectories(repo.resolve("products/zz-empty"));

        List<Diagnostic> diagnostics = assertSameOnOneThreadAndSeveral(repo);
        assertTrue(diagnostics.stream().filter(Diagnostic::isError).count() >= 6, diagnostics.toString());
    }

    private static List<Diagnostic> assertSameOnOneThreadAndSeveral(Path repo) throws Exception {
        AtomicInteger workers = new AtomicInteger();
        ValidationResult sequential = validateOn(1, repo, workers);
        assertEquals(1, workers.get(), "one thread");
        for (int threads : new int[] {2, 4}) {
            workers.set(0);
            ValidationResult parallel = validateOn(threads, repo, workers);
            assertTrue(workers.get() > 1, "the work was spread over " + workers.get() + " of " + threads + " threads");
            assertEquals(sequential.diagnostics(), parallel.diagnostics(), threads + " threads");
            assertEquals(sequential.repository(), parallel.repository(), threads + " threads");
        }
        return sequential.diagnostics();
    }

    /**
     * Validation in a pool of {@code threads} workers: its parallel streams run in that pool,
     * which starts a worker only when there is work for it ({@code workers} counts them).
     */
    private static ValidationResult validateOn(int threads, Path repo, AtomicInteger workers)
            throws IOException, InterruptedException {
        ForkJoinPool pool = new ForkJoinPool(threads, p -> {
            workers.incrementAndGet();
            return ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(p);
        }, null, false);
        try {
            return pool.submit(() -> new Validation(SCHEMAS, TestRepositories.AS_OF).run(new WorkingTreeSource(repo))).get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdown();
        }
    }
}
