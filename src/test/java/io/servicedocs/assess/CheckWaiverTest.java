package io.servicedocs.assess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.servicedocs.TestRepositories;
import io.servicedocs.load.SchemaValidator;
import io.servicedocs.model.Repository;
import io.servicedocs.source.WorkingTreeSource;
import io.servicedocs.validate.Validation;
import io.servicedocs.validate.ValidationResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A required security check answered 'no' that a valid waiver covers is waived, as an item's gap
 * is: it does not keep the product from its phase, and it is counted as waived. A plan ("met by
 * DATE") does not cover it, but is overdue after its date. Minimal repository: alpha is in ga
 * (tier-1), where 'pentest' is required; beta-svc is in beta (tier-2) and aims for ga.
 */
class CheckWaiverTest {

    private static final String ALPHA_WAIVED = """
            checks:
              mfa:
                answer: "yes"
              pentest:
                answer: "no"
            waivers:
              - check: pentest
                phase: ga
                reason: Risk accepted until the January test.
                approved_by: Review board
                approved_on: 2026-11-02
                expires: 2027-02-28
            """;

    private static final String BETA_PLANNED = """
            checks:
              mfa:
                answer: "no"
                plan:
                  due: 2027-01-15
              pentest:
                answer: not-applicable
                reason: Internal tool behind the VPN.
            """;

    @TempDir
    Path dir;

    private Repository repository() throws IOException {
        Path repo = TestRepositories.minimalCopy(dir);
        Files.writeString(repo.resolve("products/alpha/security.yaml"), ALPHA_WAIVED);
        Files.writeString(repo.resolve("products/beta-svc/security.yaml"), BETA_PLANNED);
        ValidationResult result = new Validation(new SchemaValidator(), TestRepositories.AS_OF)
                .run(new WorkingTreeSource(repo));
        assertEquals(List.of(), result.diagnostics());
        return result.repository().orElseThrow();
    }

    private static CheckResult check(PhaseFit fit, String id) {
        return fit.checks().stream().filter(c -> c.check().id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void aWaivedCheckDoesNotBlockItsPhaseAndCountsAsWaived() throws IOException {
        ProductReadiness alpha = Assessor.assess(repository(), TestRepositories.AS_OF).product("alpha").orElseThrow();
        CheckResult pentest = check(alpha.current(), "pentest");
        assertEquals(CheckStatus.WAIVED, pentest.status());
        assertEquals("Risk accepted until the January test.", pentest.waiver().orElseThrow().reason());
        assertEquals(List.of(), alpha.current().failedChecks());
        assertTrue(alpha.current().meets());
        assertTrue(alpha.current().checksMet());
        // the item waiver of backup-restore and the check waiver of pentest
        assertEquals(2, alpha.current().waived());
        assertEquals(List.of(4, 4, 2, 2), List.of(alpha.current().requirements(), alpha.current().satisfied(),
                alpha.current().requiredChecks(), alpha.current().satisfiedChecks()));
        assertEquals(List.of(WaiverResult.State.VALID), alpha.checkWaivers().stream().map(WaiverResult::state).toList());
    }

    @Test
    void anExpiredCheckWaiverNoLongerCoversAndAnExpiringOneIsFlagged() throws IOException {
        Repository repository = repository();
        ProductReadiness expiring = Assessor.assess(repository, LocalDate.of(2027, 2, 10)).product("alpha").orElseThrow();
        assertEquals(CheckStatus.WAIVED, check(expiring.current(), "pentest").status());
        assertEquals(List.of(WaiverResult.State.EXPIRING), expiring.checkWaivers().stream().map(WaiverResult::state).toList());

        ProductReadiness expired = Assessor.assess(repository, LocalDate.of(2027, 3, 1)).product("alpha").orElseThrow();
        CheckResult pentest = check(expired.current(), "pentest");
        assertEquals(CheckStatus.FAILED, pentest.status());
        assertTrue(pentest.waiver().isEmpty());
        assertFalse(expired.current().meets());
        assertEquals(List.of("pentest"), expired.current().failedChecks().stream().map(c -> c.check().id()).toList());
        assertEquals(List.of(WaiverResult.State.EXPIRED), expired.checkWaivers().stream().map(WaiverResult::state).toList());
    }

    @Test
    void aPlanDoesNotCoverAFailedCheckAndIsOverdueAfterItsDate() throws IOException {
        Repository repository = repository();
        CheckResult onTime = check(Assessor.assess(repository, TestRepositories.AS_OF).product("beta-svc").orElseThrow()
                .current(), "mfa");
        assertEquals(List.of(CheckStatus.FAILED, false), List.of(onTime.status(), onTime.planOverdue()));
        CheckResult late = check(Assessor.assess(repository, LocalDate.of(2027, 1, 16)).product("beta-svc").orElseThrow()
                .current(), "mfa");
        assertEquals(List.of(CheckStatus.FAILED, true), List.of(late.status(), late.planOverdue()));
    }
}
