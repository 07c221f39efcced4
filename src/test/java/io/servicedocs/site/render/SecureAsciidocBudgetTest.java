package io.servicedocs.site.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.servicedocs.model.Diagnostic;
import io.servicedocs.source.WorkingTreeSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The time budget of AsciiDoc conversions: a document over it is stopped, the caller gets a
 * located error, the worker really stops and Asciidoctor stays usable. The budget is made small
 * here through its system property; the hang guards are generous and are not speed targets.
 */
class SecureAsciidocBudgetTest {

    /** Minutes of work for Asciidoctor (the title of each unbalanced xref is rescanned): about 14 KiB. */
    static final String PATHOLOGICAL = "xref:a[".repeat(2048);

    private static final Duration HANG_GUARD = Duration.ofSeconds(60);

    private String previous;

    @BeforeAll
    static void warmUp() {
        SecureAsciidoc.warmUp().join();
    }

    @BeforeEach
    void saveBudget() {
        previous = System.getProperty(SecureAsciidoc.BUDGET_PROPERTY);
    }

    @AfterEach
    void restoreBudget() {
        if (previous == null) {
            System.clearProperty(SecureAsciidoc.BUDGET_PROPERTY);
        } else {
            System.setProperty(SecureAsciidoc.BUDGET_PROPERTY, previous);
        }
    }

    @Test
    void theBudgetIsTenSecondsUnlessThePropertySaysOtherwise() {
        System.clearProperty(SecureAsciidoc.BUDGET_PROPERTY);
        assertEquals(Duration.ofSeconds(10), SecureAsciidoc.budget());
        System.setProperty(SecureAsciidoc.BUDGET_PROPERTY, "PT0.5S");
        assertEquals(Duration.ofMillis(500), SecureAsciidoc.budget());
        for (String bad : List.of("ten", "PT0S", "-PT1S")) {
            System.setProperty(SecureAsciidoc.BUDGET_PROPERTY, bad);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, SecureAsciidoc::budget);
            assertTrue(e.getMessage().contains("-Dservicedocs.asciidocBudget=" + bad), e.getMessage());
        }
    }

    /** Each document is well within its own budget; together they use up the build's. */
    @Test
    void theBudgetOfAWholeBuildAddsUpAcrossItsDocuments() {
        assertEquals(Duration.ofMinutes(10), SecureAsciidoc.buildBudget());
        System.setProperty(SecureAsciidoc.BUDGET_PROPERTY, "PT30S");
        System.setProperty(SecureAsciidoc.BUILD_BUDGET_PROPERTY, "PT1S");
        String document = "A paragraph with *bold*, _italic_, `code` and xref:a[a link].\n\n".repeat(40)
                + "* one\n* two\n\n|===\n|a |b\n|c |d\n|===\n";
        try {
            SecureAsciidoc.startBuild();
            int converted = 0;
            AsciidocTimeoutException e = null;
            while (e == null && converted < 20_000) {
                try {
                    SecureAsciidoc.toHtml(document);
                    converted++;
                } catch (AsciidocTimeoutException over) {
                    e = over;
                }
            }
            assertTrue(e != null, "the build's budget was never used up in " + converted + " conversions");
            assertTrue(e.wholeBuild(), e.getMessage());
            assertTrue(e.getMessage().contains("the time budget of a whole build"), e.getMessage());
            assertTrue(converted >= 2, "it adds up across documents: " + converted + " converted first");
            // a new build starts afresh
            SecureAsciidoc.startBuild();
            assertTrue(SecureAsciidoc.toHtml("next *one*").contains("<strong>one</strong>"));
        } finally {
            System.clearProperty(SecureAsciidoc.BUILD_BUDGET_PROPERTY);
            SecureAsciidoc.startBuild(); // the other tests convert outside a build: not under this one's budget
        }
    }

    @Test
    void anOrdinaryDocumentIsConvertedWithinTheBudget() {
        System.setProperty(SecureAsciidoc.BUDGET_PROPERTY, "PT5S");
        String html = assertTimeoutPreemptively(HANG_GUARD, () -> SecureAsciidoc.toHtml("Some *bold* text and xref:a[a link]."));
        assertTrue(html.contains("<strong>bold</strong>"), html);
    }

    @Test
    void aDocumentOverTheBudgetIsStoppedAndAsciidoctorStaysUsable() throws InterruptedException {
        System.setProperty(SecureAsciidoc.BUDGET_PROPERTY, "PT1S");
        long start = System.nanoTime();
        AsciidocTimeoutException e = assertTimeoutPreemptively(HANG_GUARD,
                () -> assertThrows(AsciidocTimeoutException.class, () -> SecureAsciidoc.toHtml(PATHOLOGICAL)));
        assertTrue(System.nanoTime() - start >= Duration.ofSeconds(1).toNanos(), "the budget was not given in full");
        assertEquals(Duration.ofSeconds(1), e.budget());
        assertTrue(e.getMessage().contains("took longer than 1 s to convert"), e.getMessage());

        // the worker stops (JRuby's regex engine is interrupted) instead of burning a core for minutes
        assertTimeoutPreemptively(HANG_GUARD, SecureAsciidocBudgetTest::awaitNoWorkerConverting);
        // and the shared Asciidoctor still converts
        System.setProperty(SecureAsciidoc.BUDGET_PROPERTY, "PT20S");
        String html = assertTimeoutPreemptively(HANG_GUARD, () -> SecureAsciidoc.toHtml("next *one*"));
        assertTrue(html.contains("<strong>one</strong>"), html);
    }

    @Test
    void aWorkerThatCannotBeStoppedHoldsNeitherTheCallerNorTheJvm() {
        AtomicReference<Thread> worker = new AtomicReference<>();
        AtomicBoolean released = new AtomicBoolean();
        SecureAsciidoc.Budget budget = new SecureAsciidoc.Budget(Duration.ofMillis(300), Duration.ofMinutes(1));
        try {
            assertTimeoutPreemptively(HANG_GUARD, () -> assertThrows(AsciidocTimeoutException.class,
                    () -> SecureAsciidoc.withinBudget(budget, asciidoctor -> {
                        worker.set(Thread.currentThread());
                        while (!released.get()) { // burns CPU and ignores interrupts, like a loop in Java code
                            Thread.onSpinWait();
                        }
                        return "never";
                    })));
            assertTrue(worker.get().isAlive(), "the stuck worker was expected to still run");
            assertTrue(worker.get().isDaemon(), "a stuck worker must not keep the JVM alive");
        } finally {
            released.set(true);
        }
    }

    @Test
    void aConversionThatWaitsInsteadOfComputingIsBoundedByTheWallTime() {
        CountDownLatch never = new CountDownLatch(1);
        SecureAsciidoc.Budget budget = new SecureAsciidoc.Budget(Duration.ofMinutes(10), Duration.ofMillis(300));
        try {
            assertTimeoutPreemptively(HANG_GUARD, () -> assertThrows(AsciidocTimeoutException.class,
                    () -> SecureAsciidoc.withinBudget(budget, asciidoctor -> {
                        try {
                            never.await(); // uses no CPU; the stop interrupts it
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        return "stopped";
                    })));
        } finally {
            never.countDown();
        }
    }

    @Test
    void theBudgetCountsTheCpuTimeOfTheConversionNotTheTimeItWaits() {
        // a conversion that sleeps (as one waiting for a core or for the garbage collector would)
        // longer than a budget of CPU time is not stopped
        SecureAsciidoc.Budget budget = new SecureAsciidoc.Budget(Duration.ofMillis(200), Duration.ofMinutes(1));
        String result = assertTimeoutPreemptively(HANG_GUARD, () -> SecureAsciidoc.withinBudget(budget, asciidoctor -> {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return "done";
        }));
        assertEquals("done", result);
    }

    @Test
    void whatTheConversionThrowsReachesTheCallerAsItWas() {
        IllegalStateException boom = new IllegalStateException("boom");
        assertSame(boom, assertThrows(IllegalStateException.class,
                () -> SecureAsciidoc.withinBudget(SecureAsciidoc.Budget.start(), a -> {
                    throw boom;
                })));
    }

    @Test
    void theErrorNamesTheFileTheFieldAndItsLine(@TempDir Path repo) throws IOException {
        Files.createDirectories(repo.resolve("products/alpha"));
        Files.writeString(repo.resolve("products/alpha/service-doc.yaml"),
                "id: alpha\nname: Alpha\ndescription: >-\n  Too slow.\n");
        AsciidocTimeoutException placed = assertThrows(AsciidocTimeoutException.class,
                () -> AsciidocTimeoutException.converting("products/alpha/service-doc.yaml", "/description", () -> {
                    throw new AsciidocTimeoutException(Duration.ofSeconds(10));
                }));
        assertEquals("products/alpha/service-doc.yaml", placed.file().orElseThrow());
        Diagnostic d = placed.diagnostic(new WorkingTreeSource(repo));
        assertEquals("products/alpha/service-doc.yaml:3:14 asciidoc-too-slow", d.file() + ":" + d.line() + ":"
                + d.column() + " " + d.rule());
        assertTrue(d.message().startsWith("the AsciiDoc of field 'description' (/description) took longer than 10 s"),
                d.message());
    }

    /** Waits until no AsciiDoc worker is running a conversion (idle workers wait for work). */
    private static void awaitNoWorkerConverting() throws InterruptedException {
        while (true) {
            List<Thread> busy = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().startsWith("servicedocs-asciidoc-") && t.getState() == Thread.State.RUNNABLE)
                    .toList();
            if (busy.isEmpty()) {
                return;
            }
            Thread.sleep(100);
        }
    }
}
