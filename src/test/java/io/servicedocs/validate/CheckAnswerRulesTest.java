package io.servicedocs.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.servicedocs.TestRepositories;
import io.servicedocs.load.SchemaValidator;
import io.servicedocs.model.SecurityAnswers;
import io.servicedocs.source.WorkingTreeSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Security checklist answers carry plans ("met by DATE") and waivers like quality items, and
 * validation judges them with the items' rules and rule names. In the minimal repository alpha
 * is in ga (tier-1), beta-svc in beta (tier-2); 'mfa' is required from beta, 'pentest' from ga
 * for tier-1 only; the day is 2026-11-24.
 */
class CheckAnswerRulesTest {

    private static final String ALPHA = "products/alpha/security.yaml";
    private static final String BETA = "products/beta-svc/security.yaml";

    private static SchemaValidator schemas;

    @TempDir
    Path dir;

    @BeforeAll
    static void schemas() {
        schemas = new SchemaValidator();
    }

    private static void write(Path repo, String file, String text) throws IOException {
        Files.writeString(repo.resolve(file), text);
    }

    private static ValidationResult validate(Path repo) throws IOException {
        return new Validation(schemas, TestRepositories.AS_OF).run(new WorkingTreeSource(repo));
    }

    private static List<String> found(Path repo) throws IOException {
        return validate(repo).diagnostics().stream()
                .map(d -> d.file() + ":" + d.line() + ":" + d.column() + " " + d.severity().name().toLowerCase()
                        + " " + d.rule() + " " + d.message())
                .toList();
    }

    static final String ALPHA_WAIVED = """
            checks:
              mfa:
                answer: "yes"
              pentest:
                answer: "no"
                note: The 2026 test moved to January.
            waivers:
              - check: pentest
                phase: ga
                reason: Risk accepted until the January test.
                approved_by: Review board
                approved_on: 2026-11-02
                expires: 2027-02-28
            """;

    static final String BETA_PLANNED = """
            checks:
              mfa:
                answer: "no"
                evidence:
                  - title: Okta rollout ticket
                    url: https://tickets.example.com/SEC-12
                note: Okta rollout in progress.
                plan:
                  due: 2027-01-15
                  note: All admins enrolled.
              pentest:
                answer: not-applicable
                reason: Internal tool behind the VPN.
            """;

    @Test
    void aNoAnswerWithAPlanAndAWaivedCheckAreValidAndBound() throws IOException {
        Path repo = TestRepositories.minimalCopy(dir);
        write(repo, ALPHA, ALPHA_WAIVED);
        write(repo, BETA, BETA_PLANNED);
        ValidationResult result = validate(repo);
        assertEquals(List.of(), result.diagnostics());
        var products = result.repository().orElseThrow().products();
        SecurityAnswers alpha = products.get(0).security();
        SecurityAnswers beta = products.get(1).security();
        assertEquals(new SecurityAnswers.CheckWaiver("pentest", "ga", "Risk accepted until the January test.",
                "Review board", Optional.of(LocalDate.of(2026, 11, 2)), LocalDate.of(2027, 2, 28)), alpha.waivers().get(0));
        assertEquals("pentest", alpha.waivers().get(0).subject());
        assertEquals(Optional.of(alpha.waivers().get(0)), alpha.waiverFor("pentest", "ga", TestRepositories.AS_OF));
        assertEquals(Optional.empty(), alpha.waiverFor("pentest", "ga", LocalDate.of(2027, 3, 1)));
        var plan = beta.checks().get("mfa").plan().orElseThrow();
        assertEquals(List.of(LocalDate.of(2027, 1, 15), Optional.of("All admins enrolled."), java.util.OptionalInt.empty()),
                List.of(plan.due(), plan.note(), plan.targetLevel()));
        assertEquals(Optional.of("Okta rollout in progress."), beta.checks().get("mfa").note());
        assertEquals(1, beta.checks().get("mfa").evidence().size());
    }

    @Test
    void waiversOfUnknownChecksAndPhasesAreNamedWithSuggestions() throws IOException {
        Path repo = TestRepositories.minimalCopy(dir);
        write(repo, ALPHA, ALPHA_WAIVED.replace("- check: pentest\n    phase: ga", "- check: pentst\n    phase: gaa"));
        assertEquals(List.of(
                ALPHA + ":8:12 error unknown-check waiver for unknown security check 'pentst'"
                        + " (standards/security-checklist.yaml); did you mean 'pentest'? expected one of: mfa, pentest",
                ALPHA + ":9:12 error unknown-phase unknown phase 'gaa'; did you mean 'ga'? expected one of: poc, beta, ga, sunset"),
                found(repo));
    }

    @Test
    void aWaiversIdOfTheWrongFormGetsTheSuggestionsToo() throws IOException {
        Path repo = TestRepositories.minimalCopy(dir);
        write(repo, ALPHA, ALPHA_WAIVED.replace("- check: pentest\n    phase: ga", "- check: Pentest\n    phase: GA"));
        List<String> found = found(repo);
        assertEquals(2, found.size(), found.toString());
        assertTrue(found.get(0).startsWith(ALPHA + ":8:12 error schema-pattern "), found.get(0));
        assertTrue(found.get(0).endsWith("; did you mean 'pentest'? expected one of: mfa, pentest"), found.get(0));
        assertTrue(found.get(1).startsWith(ALPHA + ":9:12 error schema-pattern "), found.get(1));
        assertTrue(found.get(1).endsWith("; did you mean 'ga'? expected one of: poc, beta, ga, sunset"), found.get(1));
    }

    @Test
    void aWaiverMustReferToARealRequirementAndIsNotNeededForAYes() throws IOException {
        Path repo = TestRepositories.minimalCopy(dir);
        // mfa is answered yes (unneeded); pentest is not required of tier-2 (beta-svc) even in ga
        write(repo, ALPHA, ALPHA_WAIVED.replace("- check: pentest", "- check: mfa"));
        write(repo, BETA, BETA_PLANNED + """
                waivers:
                  - check: pentest
                    phase: ga
                    reason: Not yet.
                    approved_by: Review board
                    expires: 2027-02-28
                """);
        assertEquals(List.of(
                ALPHA + ":8:5 warning waiver-unneeded 'mfa' is answered 'yes', which satisfies phase 'ga'; the waiver"
                        + " can be removed",
                BETA + ":15:5 error waiver-without-requirement 'pentest' is not required in phase 'ga' for tier-2; a"
                        + " waiver must refer to a real requirement"),
                found(repo));
    }

    @Test
    void anExpiredDuplicateOrMisdatedWaiverIsAnErrorLikeAnItemsWaiver() throws IOException {
        Path repo = TestRepositories.minimalCopy(dir);
        String second = """
                  - check: pentest
                    phase: ga
                    reason: Again.
                    approved_by: Review board
                    approved_on: 2026-11-20
                    expires: 2026-11-01
                """;
        write(repo, ALPHA, ALPHA_WAIVED + second);
        assertEquals(List.of(
                ALPHA + ":14:5 error duplicate-waiver a waiver for 'pentest' in phase 'ga' already exists at line 8",
                ALPHA + ":19:14 error date-order waiver expires (2026-11-01) before it was approved (2026-11-20)",
                ALPHA + ":19:14 error waiver-expired waiver expired on 2026-11-01; renew it with the review board's"
                        + " approval or remove it"),
                found(repo));
    }

    @Test
    void aPlanOnAYesIsAnErrorAndAnOverduePlanAWarning() throws IOException {
        Path repo = TestRepositories.minimalCopy(dir);
        write(repo, ALPHA, """
                checks:
                  mfa:
                    answer: "yes"
                    plan:
                      due: 2027-01-15
                  pentest:
                    answer: "yes"
                """);
        write(repo, BETA, BETA_PLANNED.replace("due: 2027-01-15", "due: 2026-11-01"));
        assertEquals(List.of(
                ALPHA + ":4:5 error plan-target-not-higher 'mfa' is already met; remove the plan",
                BETA + ":9:12 warning plan-overdue plan to meet 'mfa' was due on 2026-11-01"),
                found(repo));
    }

    @Test
    void aPlanOnANotApplicableAnswerIsASchemaError() throws IOException {
        Path repo = TestRepositories.minimalCopy(dir);
        write(repo, BETA, BETA_PLANNED.replace("reason: Internal tool behind the VPN.\n",
                "reason: Internal tool behind the VPN.\n    plan:\n      due: 2027-01-15\n"));
        assertEquals(List.of(BETA + ":14:5 error schema-not-allowed property 'plan' does not apply here in checks.pentest;"
                + " it depends on another value here (e.g. the provider of a cost element, the method of a split): see the"
                + " schema's description"),
                found(repo));
    }

    @Test
    void aRequiredCheckAnsweredNoWithoutPlanOrWaiverIsAGapWithoutPlanAsTheStandardSays() throws IOException {
        Path repo = TestRepositories.minimalCopy(dir);
        Path standard = repo.resolve("standards/standard.yaml");
        Files.writeString(standard, Files.readString(standard).replace("gap_without_plan: off", "gap_without_plan: error"));
        // alpha: waived; beta-svc: no plan, no waiver
        write(repo, ALPHA, ALPHA_WAIVED);
        write(repo, BETA, BETA_PLANNED.replace("    plan:\n      due: 2027-01-15\n      note: All admins enrolled.\n", ""));
        assertEquals(List.of(BETA + ":2:3 error gap-without-plan 'mfa' is answered no but phase 'beta' requires it for"
                + " tier-2; add a plan (due) or a waiver"),
                found(repo).stream().filter(d -> d.contains("security.yaml")).toList());
    }
}
