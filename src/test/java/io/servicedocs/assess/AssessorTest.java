package io.servicedocs.assess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.servicedocs.TestRepositories;
import io.servicedocs.load.SchemaValidator;
import io.servicedocs.model.Repository;
import io.servicedocs.source.WorkingTreeSource;
import io.servicedocs.validate.Validation;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Readiness of the minimal repository's two products, worked out by hand from its files. */
class AssessorTest {

    private static Repository repository;

    @BeforeAll
    static void load() throws IOException {
        repository = new Validation(new SchemaValidator(), TestRepositories.AS_OF)
                .run(new WorkingTreeSource(TestRepositories.MINIMAL)).repository().orElseThrow();
    }

    private static ProductReadiness product(String id, LocalDate asOf) {
        return Assessor.assess(repository, asOf).product(id).orElseThrow();
    }

    private static List<String> statuses(PhaseFit fit) {
        return fit.items().stream().map(i -> i.item().id() + " " + i.level() + "/" + i.required() + " " + i.status()).toList();
    }

    @Test
    void aGaProductMeetsItsPhaseThanksToAWaiver() {
        ProductReadiness alpha = product("alpha", TestRepositories.AS_OF);
        assertEquals("ga", alpha.phase().id());
        assertEquals(List.of("slo 2/2 MEETS", "backup-restore 1/2 WAIVED"), statuses(alpha.current()));
        assertEquals("Restore test scheduled after the storage migration.",
                alpha.current().items().get(1).waiver().orElseThrow().reason());
        assertEquals(List.of(CheckStatus.PASSED, CheckStatus.PASSED),
                alpha.current().checks().stream().map(CheckResult::status).toList());
        assertEquals(4, alpha.current().requirements());
        assertEquals(4, alpha.current().satisfied());
        assertEquals(1, alpha.current().waived());
        assertTrue(alpha.current().meets());
        assertTrue(alpha.next().isEmpty(), "sunset is a retirement, not the next goal");
        assertFalse(alpha.stale());
    }

    @Test
    void aBetaProductMeetsBetaAndShowsItsGapsForGa() {
        ProductReadiness beta = product("beta-svc", TestRepositories.AS_OF);
        assertEquals(List.of("slo 1/1 MEETS", "backup-restore 0/0 MEETS"), statuses(beta.current()));
        assertEquals(List.of("mfa PASSED required", "pentest NOT_APPLICABLE optional"), beta.current().checks().stream()
                .map(c -> c.check().id() + " " + c.status() + " " + (c.required() ? "required" : "optional")).toList());
        assertEquals(2, beta.current().requirements());
        assertTrue(beta.current().meets());

        PhaseFit ga = beta.next().orElseThrow();
        assertEquals("ga", ga.phase().id());
        assertEquals(List.of("slo 1/2 MISSES", "backup-restore 0/1 MISSES"), statuses(ga));
        assertEquals(List.of("slo", "backup-restore"), ga.gaps().stream().map(i -> i.item().id()).toList());
        assertFalse(ga.checks().get(1).required(), "the pen test is for tier-1 only");
        assertEquals(3, ga.requirements());
        assertEquals(1, ga.satisfied());
        assertEquals(33, ga.percentSatisfied());
        assertFalse(beta.readyForNext());
    }

    @Test
    void flagsExpiringWaiversOverduePlansAndStaleAssessments() {
        ProductReadiness alpha = product("alpha", LocalDate.of(2027, 4, 15));
        assertEquals(List.of("backup-restore"), alpha.expiringWaivers().stream().map(w -> w.item()).toList());
        assertEquals(List.of("backup-restore"), alpha.overduePlans().stream().map(i -> i.item().id()).toList());
        assertTrue(alpha.current().meets());
        assertTrue(product("beta-svc", LocalDate.of(2027, 4, 15)).stale());
    }

    @Test
    void anExpiredWaiverNoLongerCoversTheGap() {
        ProductReadiness alpha = product("alpha", LocalDate.of(2027, 5, 1));
        assertEquals(List.of("backup-restore"), alpha.expiredWaivers().stream().map(w -> w.item()).toList());
        assertEquals(List.of("slo 2/2 MEETS", "backup-restore 1/2 MISSES"), statuses(alpha.current()));
        assertFalse(alpha.current().meets());
        assertEquals(75, alpha.current().percentSatisfied());
    }

    @Test
    void theExampleTellsItsStory() throws IOException {
        Repository example = new Validation(new SchemaValidator(), TestRepositories.AS_OF)
                .run(new WorkingTreeSource(TestRepositories.EXAMPLE)).repository().orElseThrow();
        Portfolio portfolio = Assessor.assess(example, TestRepositories.AS_OF);
        ProductReadiness camera = portfolio.product("camera-analytics").orElseThrow();
        assertTrue(camera.current().meets() && camera.current().waived() > 0, "camera-analytics meets beta thanks to a waiver");
        ProductReadiness dataApi = portfolio.product("data-api").orElseThrow();
        assertTrue(dataApi.current().meets() && dataApi.readyForNext(), "data-api is ready for beta");
        assertFalse(portfolio.product("smart-agri").orElseThrow().current().meets(), "smart-agri has gaps");
        assertTrue(portfolio.product("legacy-gateway").orElseThrow().stale());
        assertTrue(portfolio.products().stream().filter(p -> p.current().meets()).count() >= 3);
    }
}
