package io.servicedocs.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.servicedocs.model.Position;
import io.servicedocs.model.SloDeclaration;
import io.servicedocs.model.SloDeclaration.DataSource;
import io.servicedocs.model.SloDeclaration.Sli;
import io.servicedocs.net.NetworkLimits;
import io.servicedocs.slo.DatadogSloFetcher;
import io.servicedocs.slo.ProductSlo;
import io.servicedocs.slo.SloDataStore.Action;
import io.servicedocs.slo.SloTestPrometheus;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * slo fetch from a real Prometheus into slo-data/: created, unchanged on a second run, the running
 * month replaced with a revision, a final month refused when its figures change unless accepted.
 * The samples are {@link SloTestPrometheus}'s (August 0.9995, September 0.999, October 0.9995,
 * November to the 15th 1, to the 20th 0.9998).
 */
class SloFetchPipelineTest {

    @TempDir
    static Path serverFolder;
    static SloTestPrometheus prometheus;

    @TempDir
    Path repo;

    @BeforeAll
    static void start() throws Exception {
        prometheus = SloTestPrometheus.start(serverFolder);
    }

    @AfterAll
    static void stop() {
        if (prometheus != null) {
            prometheus.close();
        }
    }

    private ProductSlo slo() {
        DataSource source = new DataSource("prometheus", DataSource.Type.PROMETHEUS,
                Map.of("url", prometheus.url().toString()));
        Sli sli = new Sli("availability", Optional.of("availability"), Map.of(), source,
                Optional.of("sum(requests_total{code!~\"5..\"})"), Optional.empty(), Optional.of("sum(requests_total)"),
                Optional.empty());
        return new ProductSlo("data-api", new SloDeclaration("api-availability", Optional.empty(), Optional.empty(),
                "data-api", sli, new BigDecimal("0.999"), SloDeclaration.BudgetingMethod.OCCURRENCES,
                "products/data-api/slos.yaml", new Position(1, 1)));
    }

    private SloFetchPipeline.Result run(String from, String to, String now, boolean accept) throws Exception {
        Files.createDirectories(repo.resolve("products"));
        return new SloFetchPipeline().run(new SloFetchPipeline.Request(repo, List.of(slo()), YearMonth.parse(from),
                YearMonth.parse(to), Optional.empty(), Map.of(), NetworkLimits.DEFAULT,
                DatadogSloFetcher.RateLimitWaits.DEFAULT, accept, Clock.fixed(Instant.parse(now), ZoneOffset.UTC)));
    }

    @Test
    void monthsAreWrittenThenKeptThenTheRunningOneReplacedAndAFinalChangeRefused() throws Exception {
        SloFetchPipeline.Saved first = assertInstanceOf(SloFetchPipeline.Saved.class,
                run("2026-09", "2026-11", "2026-11-15T00:00:00Z", false));
        assertEquals(List.of(Action.CREATED, Action.CREATED, Action.CREATED),
                first.outcome().files().stream().map(f -> f.action()).toList());
        assertTrue(first.outcome().written());
        assertEquals("""
                # yaml-language-server: $schema=../../schemas/slo-month.schema.json
                # Written by 'servicedocs slo fetch'; do not edit by hand: fetch again instead.
                source: "prometheus"
                month: "2026-10"
                status: "final"
                retrieved: "2026-11-15T00:00:00Z"
                slos:
                  - product: "data-api"
                    slo: "api-availability"
                    target: 0.999
                    good: 799600
                    total: 800000
                    attainment: 0.9995
                """, Files.readString(repo.resolve("slo-data/prometheus/2026-10.yaml")));
        assertTrue(Files.readString(repo.resolve("slo-data/prometheus/2026-11.yaml")).contains("""
                status: "provisional"
                retrieved: "2026-11-15T00:00:00Z"
                slos:
                  - product: "data-api"
                    slo: "api-availability"
                    target: 0.999
                    good: 400000
                    total: 400000
                    attainment: 1
                """));

        SloFetchPipeline.Saved again = assertInstanceOf(SloFetchPipeline.Saved.class,
                run("2026-09", "2026-10", "2026-11-16T00:00:00Z", false));
        assertEquals(List.of(Action.UNCHANGED, Action.UNCHANGED),
                again.outcome().files().stream().map(f -> f.action()).toList());

        // Five days later, November has grown by 100000 requests of which 20 failed: 499980 / 500000.
        SloFetchPipeline.Saved later = assertInstanceOf(SloFetchPipeline.Saved.class,
                run("2026-11", "2026-11", "2026-11-20T00:00:00Z", false));
        assertEquals(Action.REPLACED, later.outcome().files().get(0).action());
        assertTrue(Files.readString(repo.resolve("slo-data/prometheus/2026-11.yaml")).endsWith("""
                    good: 499980
                    total: 500000
                    attainment: 0.99996
                revisions:
                  - replaced: "2026-11-20T00:00:00Z"
                    status: "provisional"
                    retrieved: "2026-11-15T00:00:00Z"
                    reason: "provisional month re-fetched"
                    slos:
                      - product: "data-api"
                        slo: "api-availability"
                        attainment: 1
                """), Files.readString(repo.resolve("slo-data/prometheus/2026-11.yaml")));

        // A final month whose figures differ from Prometheus' (as if the data had been corrected): refused.
        Path october = repo.resolve("slo-data/prometheus/2026-10.yaml");
        String written = Files.readString(october);
        Files.writeString(october, written.replace("good: 799600", "good: 799200").replace("0.9995", "0.999"));
        String edited = Files.readString(october);
        SloFetchPipeline.Saved refused = assertInstanceOf(SloFetchPipeline.Saved.class,
                run("2026-10", "2026-11", "2026-11-21T00:00:00Z", false));
        assertEquals(List.of(Action.REFUSED, Action.REPLACED),
                refused.outcome().files().stream().map(f -> f.action()).toList());
        assertFalse(refused.outcome().written());
        assertEquals("the final month's figures would change", refused.outcome().files().get(0).refusal().orElseThrow());
        assertEquals(edited, Files.readString(october), "nothing is written when a month is refused");

        SloFetchPipeline.Saved accepted = assertInstanceOf(SloFetchPipeline.Saved.class,
                run("2026-10", "2026-10", "2026-11-21T00:00:00Z", true));
        assertEquals(Action.REPLACED, accepted.outcome().files().get(0).action());
        assertTrue(Files.readString(october).endsWith("""
                    attainment: 0.9995
                revisions:
                  - replaced: "2026-11-21T00:00:00Z"
                    status: "final"
                    retrieved: "2026-11-15T00:00:00Z"
                    reason: "final month changed and accepted (--accept-final-changes)"
                    slos:
                      - product: "data-api"
                        slo: "api-availability"
                        attainment: 0.999
                """), Files.readString(october));
    }

    @Test
    void anUnreadableFileStopsTheRunBeforeAnyFetch() throws Exception {
        Path bad = repo.resolve("slo-data/prometheus/2026-10.yaml");
        Files.createDirectories(bad.getParent());
        Files.writeString(bad, "source: prometheus\nmonth: \"2026-10\"\nstatus: done\n");
        SloFetchPipeline.Unreadable unreadable = assertInstanceOf(SloFetchPipeline.Unreadable.class,
                run("2026-10", "2026-10", "2026-11-15T00:00:00Z", false));
        assertEquals("1 slo-data file(s) cannot be read; nothing was written. Fix or delete them (they are written by "
                + "servicedocs and not meant to be edited), then run again", unreadable.problem().getMessage());
        assertEquals("slo-data/prometheus/2026-10.yaml", unreadable.problem().diagnostics().get(0).file());
        assertTrue(unreadable.problem().diagnostics().stream().anyMatch(d -> d.line() == 3), unreadable.problem()
                .diagnostics().toString());
    }
}
