package io.servicedocs.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.servicedocs.TestRepositories;
import io.servicedocs.assess.Assessor;
import io.servicedocs.assess.ItemResult;
import io.servicedocs.load.SchemaValidator;
import io.servicedocs.model.Diagnostic;
import io.servicedocs.source.WorkingTreeSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The findings whose severity the standard's {@code findings:} section sets: levels without
 * evidence, gaps without a plan, placeholders left by new-product. The minimal repository
 * switches the first two off for the other rules' sake; each test here writes its own section.
 */
class FindingPolicyRulesTest {

    private static final Set<String> RULES = Set.of("level-without-evidence", "gap-without-plan", "placeholder",
            "unknown-phase");
    private static final String STANDARD_HEAD = "name: Test Standard\nversion: \"1\"\nreview_interval: P6M\n"
            + "tiers:\n  - id: tier-1\n    name: Critical\n    description: Outage stops customers.\n"
            + "  - id: tier-2\n    name: Standard\n    description: Everything else.\n";
    // STANDARD_HEAD is 10 lines: a findings section starts on line 11.
    private static final String BETA_ASSESSMENT = "products/beta-svc/assessment.yaml";
    private static final String BETA_DOC = "products/beta-svc/service-doc.yaml";

    private static SchemaValidator schemas;

    @TempDir
    Path dir;

    @BeforeAll
    static void schemas() {
        schemas = new SchemaValidator();
    }

    /** The minimal repository with the standard's findings section replaced by {@code findings} (YAML lines). */
    private Path repo(String findings) throws IOException {
        Path repo = TestRepositories.minimalCopy(dir);
        Files.writeString(repo.resolve("standards/standard.yaml"),
                STANDARD_HEAD + (findings.isEmpty() ? "" : "findings:\n" + findings));
        return repo;
    }

    private static List<String> found(Path repo) throws IOException {
        return new Validation(schemas, TestRepositories.AS_OF).run(new WorkingTreeSource(repo)).diagnostics().stream()
                .filter(d -> RULES.contains(d.rule()))
                .map(d -> d.file() + ":" + d.line() + ":" + d.column() + " " + d.severity().name().toLowerCase()
                        + " " + d.rule() + " " + d.message())
                .toList();
    }

    private static void write(Path repo, String file, String content) throws IOException {
        Files.writeString(repo.resolve(file), content);
    }

    private static String serviceDocWith(Path repo, String from, String to) throws IOException {
        String doc = Files.readString(repo.resolve(BETA_DOC));
        if (!doc.contains(from)) {
            throw new IllegalStateException("fixture changed: no '" + from + "' in " + BETA_DOC);
        }
        return doc.replace(from, to);
    }

    // --- level-without-evidence

    @Test
    void aLevelWithoutEvidenceIsAWarningByDefault() throws IOException {
        Path repo = repo("");
        assertEquals(List.of(
                "products/alpha/assessment.yaml:5:12 warning level-without-evidence level 2 of 'slo' has no evidence; "
                        + "add an evidence link (title, url) that proves the level, or lower the level",
                "products/alpha/assessment.yaml:7:12 warning level-without-evidence level 1 of 'backup-restore' has no "
                        + "evidence; add an evidence link (title, url) that proves the level, or lower the level",
                "products/beta-svc/assessment.yaml:5:12 warning level-without-evidence level 1 of 'slo' has no evidence; "
                        + "add an evidence link (title, url) that proves the level, or lower the level"),
                found(repo));
    }

    @Test
    void evidenceOrLevelZeroNeedsNothing() throws IOException {
        Path repo = repo("");
        write(repo, BETA_ASSESSMENT, "assessed_on: 2026-09-15\nassessed_by: Dee\nitems:\n  slo:\n    level: 1\n"
                + "    evidence:\n      - title: SLO page\n        url: https://wiki.example.com/slo\n"
                + "  backup-restore:\n    level: 0\n");
        assertEquals(List.of(), found(repo).stream().filter(f -> f.startsWith(BETA_ASSESSMENT)).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"error", "warning", "off"})
    void theStandardSetsTheSeverityOfALevelWithoutEvidence(String severity) throws IOException {
        Path repo = repo("  level_without_evidence: " + severity + "\n");
        List<String> beta = found(repo).stream().filter(f -> f.startsWith(BETA_ASSESSMENT)).toList();
        assertEquals(severity.equals("off") ? List.of() : List.of("products/beta-svc/assessment.yaml:5:12 " + severity
                + " level-without-evidence level 1 of 'slo' has no evidence; "
                + "add an evidence link (title, url) that proves the level, or lower the level"), beta);
    }

    // --- gap-without-plan

    private static final String BETA_SLO_ZERO = "assessed_on: 2026-09-15\nassessed_by: Dee\nitems:\n  slo:\n    level: 0\n"
            + "  backup-restore:\n    level: 0\n";
    private static final String BETA_GAP = "products/beta-svc/assessment.yaml:4:3 %s gap-without-plan 'slo' is at level 0 "
            + "but phase 'beta' requires 1 for tier-2; add a plan (target_level, due) or a waiver";

    @Test
    void evidenceWithASchemaProblemIsThatProblemOnlyNotAMissingEvidence() throws IOException {
        Path repo = repo("");
        // the link has no url: the schema says so; the evidence is there, only broken
        write(repo, BETA_ASSESSMENT, "assessed_on: 2026-09-15\nassessed_by: Dee\nitems:\n  slo:\n    level: 1\n"
                + "    evidence:\n      - title: SLO page\n  backup-restore:\n    level: 0\n");
        List<Diagnostic> all = new Validation(schemas, TestRepositories.AS_OF).run(new WorkingTreeSource(repo))
                .diagnostics().stream().filter(d -> d.file().equals(BETA_ASSESSMENT)).toList();
        assertEquals(1, all.size(), all.toString());
        assertTrue(all.get(0).rule().startsWith("schema-"), all.toString());
    }

    @Test
    void aPlanWithASchemaProblemIsThatProblemOnlyNotAGapWithoutPlan() throws IOException {
        Path repo = repo("  level_without_evidence: off\n");
        write(repo, BETA_ASSESSMENT, BETA_SLO_ZERO.replace("    level: 0\n  backup",
                "    level: 0\n    plan:\n      target_level: 1\n      due: someday\n  backup"));
        List<Diagnostic> all = new Validation(schemas, TestRepositories.AS_OF).run(new WorkingTreeSource(repo))
                .diagnostics().stream().filter(d -> d.file().equals(BETA_ASSESSMENT)).toList();
        assertEquals(1, all.size(), all.toString());
        assertTrue(all.get(0).rule().startsWith("schema-"), all.toString());
    }

    @Test
    void aMissedRequirementWithoutPlanIsAWarningByDefault() throws IOException {
        Path repo = repo("  level_without_evidence: off\n");
        write(repo, BETA_ASSESSMENT, BETA_SLO_ZERO);
        assertEquals(List.of(BETA_GAP.formatted("warning")), found(repo));
    }

    @ParameterizedTest
    @ValueSource(strings = {"error", "warning", "off"})
    void theStandardSetsTheSeverityOfAGapWithoutPlan(String severity) throws IOException {
        Path repo = repo("  level_without_evidence: off\n  gap_without_plan: " + severity + "\n");
        write(repo, BETA_ASSESSMENT, BETA_SLO_ZERO);
        assertEquals(severity.equals("off") ? List.of() : List.of(BETA_GAP.formatted(severity)), found(repo));
    }

    @Test
    void aPlanOrAValidWaiverAnswersTheGap() throws IOException {
        Path repo = repo("  level_without_evidence: off\n");
        write(repo, BETA_ASSESSMENT, BETA_SLO_ZERO.replace("    level: 0\n  backup",
                "    level: 0\n    plan:\n      target_level: 1\n      due: 2027-03-31\n  backup"));
        assertEquals(List.of(), found(repo));
        write(repo, BETA_ASSESSMENT, BETA_SLO_ZERO + "waivers:\n  - item: slo\n    phase: beta\n    reason: SLO after launch.\n"
                + "    approved_by: Review board\n    expires: 2027-01-31\n");
        assertEquals(List.of(), found(repo));
    }

    @Test
    void anExpiredWaiverLeavesTheGapOpen() throws IOException {
        Path repo = repo("  level_without_evidence: off\n");
        write(repo, BETA_ASSESSMENT, BETA_SLO_ZERO + "waivers:\n  - item: slo\n    phase: beta\n    reason: SLO after launch.\n"
                + "    approved_by: Review board\n    expires: 2026-11-23\n");
        assertEquals(List.of(BETA_GAP.formatted("warning")), found(repo));
    }

    @Test
    void theProductsTierDecidesTheRequiredLevel() throws IOException {
        // alpha (ga): backup-restore at level 1; ga requires 2 of tier-1 and 1 of tier-2
        Path repo = repo("  level_without_evidence: off\n");
        write(repo, "products/alpha/assessment.yaml", "assessed_on: 2026-10-01\nassessed_by: Bob\nitems:\n"
                + "  slo:\n    level: 2\n  backup-restore:\n    level: 1\n");
        assertEquals(List.of("products/alpha/assessment.yaml:6:3 warning gap-without-plan 'backup-restore' is at level 1 "
                + "but phase 'ga' requires 2 for tier-1; add a plan (target_level, due) or a waiver"), found(repo));
        Path doc = repo.resolve("products/alpha/service-doc.yaml");
        Files.writeString(doc, Files.readString(doc).replace("tier: tier-1", "tier: tier-2"));
        assertEquals(List.of(), found(repo));
    }

    /** validate runs before assess, so it judges gaps itself: the same gaps as the assess stage. */
    @Test
    void theGapsAreTheAssessStagesGapsThatHaveNoPlan() throws IOException {
        Path repo = repo("  level_without_evidence: off\n");
        write(repo, BETA_ASSESSMENT, BETA_SLO_ZERO);
        write(repo, "products/alpha/assessment.yaml", "assessed_on: 2026-10-01\nassessed_by: Bob\nitems:\n"
                + "  slo:\n    level: 1\n    plan:\n      target_level: 2\n      due: 2027-03-31\n  backup-restore:\n"
                + "    level: 0\n");
        ValidationResult result = new Validation(schemas, TestRepositories.AS_OF).run(new WorkingTreeSource(repo));
        List<String> fromValidate = result.diagnostics().stream().filter(d -> d.rule().equals("gap-without-plan"))
                .map(d -> d.file().split("/")[1] + " " + d.message().split("'")[1]).toList();
        List<String> fromAssess = Assessor.assess(result.repository().orElseThrow(), TestRepositories.AS_OF).products()
                .stream().flatMap(p -> p.current().gaps().stream()
                        .filter(g -> p.product().assessment().items().get(g.item().id()).plan().isEmpty())
                        .map(ItemResult::item).map(i -> p.product().id() + " " + i.id()))
                .toList();
        assertEquals(List.of("alpha backup-restore", "beta-svc slo"), fromValidate);
        assertEquals(fromAssess, fromValidate);
    }

    // --- placeholder

    private static final String TECH_LEAD = "products/beta-svc/service-doc.yaml:10:11 %s placeholder "
            + "owners.tech_lead.name is still the placeholder \"TODO: tech lead\" left by new-product; replace it with the real value";

    @Test
    void aPlaceholderIsAWarningByDefault() throws IOException {
        Path repo = repo("  level_without_evidence: off\n");
        write(repo, BETA_DOC, serviceDocWith(repo, "name: Dee", "name: \"TODO: tech lead\""));
        assertEquals(List.of(TECH_LEAD.formatted("warning")), found(repo));
    }

    @ParameterizedTest
    @ValueSource(strings = {"error", "warning", "off"})
    void theStandardSetsTheSeverityOfAPlaceholder(String severity) throws IOException {
        Path repo = repo("  level_without_evidence: off\n  placeholders: " + severity + "\n");
        write(repo, BETA_DOC, serviceDocWith(repo, "name: Dee", "name: \"TODO: tech lead\""));
        assertEquals(severity.equals("off") ? List.of() : List.of(TECH_LEAD.formatted(severity)), found(repo));
    }

    @Test
    void aPlaceholderIsAnErrorFromTheNamedPhaseOn() throws IOException {
        // beta-svc is in beta, alpha in ga
        Path repo = repo("  level_without_evidence: off\n  placeholders: off\n  placeholders_error_from: beta\n");
        write(repo, BETA_DOC, serviceDocWith(repo, "name: Dee", "name: \"TODO: tech lead\""));
        assertEquals(List.of(TECH_LEAD.formatted("error")), found(repo), "from beta on, whatever placeholders says");
        write(repo, "standards/standard.yaml", STANDARD_HEAD
                + "findings:\n  level_without_evidence: off\n  placeholders_error_from: ga\n");
        Path alpha = repo.resolve("products/alpha/service-doc.yaml");
        Files.writeString(alpha, Files.readString(alpha).replace("description: Customers.", "description: TODO"));
        assertEquals(List.of("products/alpha/service-doc.yaml:13:16 error placeholder users.description is still the "
                        + "placeholder \"TODO\" left by new-product; replace it with the real value",
                TECH_LEAD.formatted("warning")), found(repo));
    }

    @Test
    void placeholdersAreFoundInEveryProductFileAndListOnlyWhatStartsWithTodo() throws IOException {
        Path repo = repo("  level_without_evidence: off\n");
        write(repo, BETA_ASSESSMENT, "assessed_on: 2026-09-15\nassessed_by: Dee\nitems:\n  slo:\n    level: 1\n"
                + "    note: \"TODO: say how the SLO is measured\"\n  backup-restore:\n    level: 0\n"
                + "    note: Nothing TODO here; todo and Todo are words too.\n");
        write(repo, "products/beta-svc/security.yaml", "checks:\n  mfa:\n    answer: \"yes\"\n  pentest:\n"
                + "    answer: not-applicable\n    reason: \"TODO: why the check does not apply\"\n");
        write(repo, BETA_DOC, Files.readString(repo.resolve(BETA_DOC)) + "slos:\n  - id: up\n    title: TODOist sync is up\n"
                + "    type: availability\n    target_percent: 99.9\n    sli: TODO\n");
        assertEquals(List.of(
                "products/beta-svc/assessment.yaml:6:11 warning placeholder items.slo.note is still the placeholder "
                        + "\"TODO: say how the SLO is measured\" left by new-product; replace it with the real value",
                "products/beta-svc/security.yaml:6:13 warning placeholder checks.pentest.reason is still the placeholder "
                        + "\"TODO: why the check does not apply\" left by new-product; replace it with the real value",
                "products/beta-svc/service-doc.yaml:24:10 warning placeholder slos[0].sli is still the placeholder "
                        + "\"TODO\" left by new-product; replace it with the real value"),
                found(repo));
    }

    // --- the standard's own findings section

    @Test
    void anUnknownPhaseForPlaceholderErrorsIsReportedWithAGuess() throws IOException {
        Path repo = repo("  placeholders_error_from: betta\n");
        assertEquals(List.of("standards/standard.yaml:12:28 error unknown-phase unknown phase 'betta'; "
                + "did you mean 'beta'? expected one of: poc, beta, ga, sunset"),
                found(repo).stream().filter(f -> f.startsWith("standards/")).toList());
    }
}
