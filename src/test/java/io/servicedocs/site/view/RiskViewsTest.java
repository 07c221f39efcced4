package io.servicedocs.site.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.servicedocs.TestRepositories;
import io.servicedocs.assess.Assessor;
import io.servicedocs.assess.Portfolio;
import io.servicedocs.load.SchemaValidator;
import io.servicedocs.source.WorkingTreeSource;
import io.servicedocs.validate.Validation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The risks of the example as of 2026-11-24, counted by hand from its files: legacy-gateway's
 * assessment of 2025-12-10 is older than the review interval P6M (stale); device-management's
 * load-testing plan (due 2026-10-31) and smart-agri's on-call plan (due 2026-09-30) are overdue;
 * no waiver expires within P30D (camera-analytics' and legacy-gateway's run to 2027-09-30); four
 * products declare a measurement that misses an objective.
 */
class RiskViewsTest {

    @TempDir
    Path dir;

    private static Portfolio portfolio(Path repo) throws IOException {
        var repository = new Validation(new SchemaValidator(), TestRepositories.AS_OF)
                .run(new WorkingTreeSource(repo)).repository().orElseThrow();
        return Assessor.assess(repository, TestRepositories.AS_OF);
    }

    private static Map<String, List<String>> tiles(Risks risks) {
        Map<String, List<String>> tiles = new java.util.LinkedHashMap<>();
        risks.tiles().forEach(t -> {
            assertEquals(t.products().size(), t.count());
            tiles.put(t.risk(), t.products().stream().map(MatrixPage.Named::id).toList());
        });
        return tiles;
    }

    @Test
    void theExampleHasOneStaleAssessmentTwoOverduePlansNoExpiringWaiverAndOneMissedObjective() throws IOException {
        Risks risks = RiskViews.of(portfolio(TestRepositories.EXAMPLE));
        assertEquals(Map.of(
                        "stale", List.of("legacy-gateway"),
                        "overdue", List.of("device-management", "smart-agri"),
                        "expiring", List.of(),
                        // measured (slo-data/): only camera-analytics missed an SLO in the latest final month,
                        // 2026-10 (inference-availability 99.3099 % of 99.5 %)
                        "slo", List.of("camera-analytics")),
                tiles(risks));
        assertEquals(List.of("stale", "overdue", "expiring", "slo"), risks.tiles().stream().map(Risks.Tile::risk).toList());
        assertEquals("P30D", risks.expiringWithin());
        assertEquals(Optional.of(30), risks.expiringWithinDays());

        Risks.ProductRisks device = risks.byProduct().get("device-management");
        // its command-latency SLO was met in 2026-10, the latest final month (slo-data/prometheus/)
        assertEquals(List.of(new Risks.Mark("overdue", 1, List.of("Load testing"))), device.marks());
        assertEquals("overdue", device.codes());
        assertTrue(device.any());

        Risks.ProductRisks legacy = risks.byProduct().get("legacy-gateway");
        assertEquals(List.of(new Risks.Mark("stale", 1, List.of())), legacy.marks());

        Risks.ProductRisks platform = risks.byProduct().get("iot-platform");
        assertEquals(List.of(), platform.marks());
        assertEquals("", platform.codes());
        assertFalse(platform.any());
        assertEquals(9, risks.byProduct().size(), "every product has an entry, with or without risk");
    }

    @Test
    void overdueCheckPlansAndExpiringWaiversOfItemsAndChecksCount() throws IOException {
        Path repo = TestRepositories.exampleCopy(dir);
        // legacy-gateway: the vulnerability-sla plan now past (2026-11-01), the penetration-test
        // waiver expiring on 2026-12-10 (16 days); camera-analytics' load-testing waiver on 2026-12-01.
        replace(repo.resolve("products/legacy-gateway/security.yaml"), "due: 2027-01-29", "due: 2026-11-01");
        replace(repo.resolve("products/legacy-gateway/security.yaml"), "expires: 2027-09-30", "expires: 2026-12-10");
        replace(repo.resolve("products/camera-analytics/assessment.yaml"), "expires: 2027-09-30", "expires: 2026-12-01");

        Risks risks = RiskViews.of(portfolio(repo));
        Map<String, List<String>> tiles = tiles(risks);
        assertEquals(List.of("device-management", "legacy-gateway", "smart-agri"), tiles.get("overdue"));
        assertEquals(List.of("camera-analytics", "legacy-gateway"), tiles.get("expiring"));

        Risks.ProductRisks legacy = risks.byProduct().get("legacy-gateway");
        assertEquals(List.of(new Risks.Mark("stale", 1, List.of()),
                new Risks.Mark("overdue", 1, List.of("Vulnerability SLA met")),
                new Risks.Mark("expiring", 1, List.of("Penetration test"))), legacy.marks());
        assertEquals("stale overdue expiring", legacy.codes());
        assertEquals(List.of(new Risks.Mark("expiring", 1, List.of("Load testing")),
                new Risks.Mark("slo", 1, List.of("Stream analysis availability"))),
                risks.byProduct().get("camera-analytics").marks());
    }

    private static void replace(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        assertTrue(text.contains(from), file + " has " + from);
        Files.writeString(file, text.replace(from, to));
    }
}
