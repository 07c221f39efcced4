package io.servicedocs.validate;

import static io.servicedocs.validate.RuleCase.of;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.servicedocs.TestRepositories;
import io.servicedocs.load.SchemaValidator;
import io.servicedocs.model.Diagnostic;
import io.servicedocs.source.WorkingTreeSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every rule, each with a broken copy of the minimal repository: message, rule and exact place. */
class ValidationRulesTest {

    private static SchemaValidator schemas;

    @TempDir
    Path dir;

    @BeforeAll
    static void schemas() {
        schemas = new SchemaValidator();
    }

    static ValidationResult validate(Path repo) throws IOException {
        return new Validation(schemas == null ? new SchemaValidator() : schemas, TestRepositories.AS_OF)
                .run(new WorkingTreeSource(repo));
    }

    @Test
    void theMinimalRepositoryIsValid() throws IOException {
        ValidationResult result = validate(TestRepositories.MINIMAL);
        assertEquals(List.of(), result.diagnostics());
        assertEquals(List.of("alpha", "beta-svc"),
                result.repository().orElseThrow().products().stream().map(p -> p.id()).toList());
    }

    private static final String ALPHA = "products/alpha/";
    /** The minimal repository's valid assessment of alpha: 17 lines, so an appended history starts on line 18. */
    private static final String ALPHA_ASSESSMENT = "assessed_on: 2026-10-01\nassessed_by: Bob\nitems:\n  slo:\n    level: 2\n"
            + "  backup-restore:\n    level: 1\n    plan:\n      target_level: 2\n      due: 2027-03-31\nwaivers:\n"
            + "  - item: backup-restore\n    phase: ga\n    reason: Restore test scheduled after the storage migration.\n"
            + "    approved_by: Review board\n    approved_on: 2026-10-05\n    expires: 2027-04-30\n";
    private static final String SERVICE_DOC_HEAD = "id: alpha\nname: Alpha\nsummary: The alpha product.\ntier: tier-1\n"
            + "owners:\n  team: team-a\n  product_manager:\n    name: Ann\n  tech_lead:\n    name: Bob\n"
            + "users:\n  audience: external\n  description: Customers.\nlinks:\n  repository: https://git.example.com/alpha\n";
    // SERVICE_DOC_HEAD is 15 lines; what a case appends starts on line 16.

    static Stream<RuleCase> cases() {
        return Stream.of(
                // --- YAML and files
                of("duplicate key", ALPHA + "phase.yaml", "phase: ga\nsince: 2026-01-10\nphase: beta\n",
                        3, 1, "yaml-duplicate-key", "duplicate key 'phase'; it is already defined at line 1, column 1"),
                of("tab indentation", ALPHA + "phase.yaml", "phase: ga\ntarget:\n\tphase: ga\n",
                        3, 1, "yaml-tab", "YAML indentation must use spaces"),
                of("syntax error", ALPHA + "phase.yaml", "phase: [ga\nsince: 2026-01-10\n",
                        2, 6, "yaml-syntax", "invalid YAML: while parsing a flow sequence"),
                of("alias", ALPHA + "phase.yaml", "phase: &p ga\nsince: *p\n",
                        2, 8, "yaml-alias", "YAML alias '*p' is not supported"),
                of("empty file", ALPHA + "phase.yaml", "", 1, 1, "yaml-empty", "file is empty"),
                of("comments only", ALPHA + "phase.yaml", "# nothing yet\n", 1, 1, "yaml-empty", "file is empty"),
                of("two documents", ALPHA + "phase.yaml", "phase: ga\nsince: 2026-01-10\n---\nphase: beta\n",
                        4, 1, "yaml-multiple-documents", "expected one document per file"),
                of("binary garbage", ALPHA + "phase.yaml", "phase: ga\nsi\u0000\u0001\u0002",
                        2, 3, "file-binary", "binary"),
                // --- schema
                of("missing property", ALPHA + "phase.yaml", "phase: ga\n",
                        1, 1, "schema-required", "missing required property 'since'"),
                of("missing nested property", ALPHA + "phase.yaml", "phase: beta\nsince: 2026-01-10\ntarget:\n  phase: ga\n",
                        3, 1, "schema-required", "missing required property 'date' in target"),
                of("misspelt property", ALPHA + "phase.yaml", "phase: ga\nsince: 2026-01-10\nsinse: 2026-01-11\n",
                        3, 1, "schema-unknown-property", "unknown property 'sinse'; did you mean 'since'?"),
                of("wrong type", ALPHA + "phase.yaml", "phase: ga\nsince: [2026-01-10]\n",
                        2, 1, "schema-type", "a list: array found, string expected"),
                of("invalid date", ALPHA + "phase.yaml", "phase: ga\nsince: 2026-02-30\n",
                        2, 8, "schema-format", "'2026-02-30' is not valid here; expected a calendar date, YYYY-MM-DD"),
                of("invalid enum", ALPHA + "security.yaml", "checks:\n  mfa:\n    answer: maybe\n  pentest:\n    answer: \"yes\"\n",
                        3, 13, "schema-enum", "'maybe' is not allowed here; expected one of: yes, no, not-applicable"),
                of("enum value in another case", ALPHA + "security.yaml", "checks:\n  mfa:\n    answer: \"Yes\"\n  pentest:\n    answer: \"yes\"\n",
                        3, 13, "schema-enum", "'Yes' is not allowed here; did you mean 'yes'? expected one of: yes, no, not-applicable"),
                of("provider in capitals", ALPHA + "service-doc.yaml", SERVICE_DOC_HEAD
                                + "cost_elements:\n  - provider: AWS\n    id: \"123456789012\"\n",
                        17, 15, "schema-enum", "'AWS' is not allowed here; did you mean 'aws'? expected one of: aws, azure, gcp, oci, saas"),
                of("audience misspelt", ALPHA + "service-doc.yaml", SERVICE_DOC_HEAD.replace("audience: external", "audience: externl"),
                        12, 13, "schema-enum", "'externl' is not allowed here; did you mean 'external'? expected one of: internal, external, both"),
                of("yes/no as YAML 1.2 strings", ALPHA + "security.yaml", "checks:\n  mfa:\n    answer: yes\n  pentest:\n    answer: no\n",
                        1, 1, "none", "").count(0),
                of("not-applicable without reason", ALPHA + "security.yaml",
                        "checks:\n  mfa:\n    answer: \"yes\"\n  pentest:\n    answer: not-applicable\n",
                        4, 3, "schema-required", "missing required property 'reason' in checks.pentest"),
                of("aws account id form", ALPHA + "service-doc.yaml", SERVICE_DOC_HEAD
                                + "cost_elements:\n  - provider: aws\n    id: \"1234\"\n",
                        18, 9, "schema-pattern", "'1234' is not valid here; expected AWS account id: 12 digits"),
                of("latency SLO without threshold", ALPHA + "service-doc.yaml", SERVICE_DOC_HEAD
                                + "slos:\n  - id: api-latency\n    title: API latency\n    type: latency\n"
                                + "    target_percent: 99\n    sli: Load balancer latency.\n",
                        17, 5, "schema-required", "in slos.0").count(2),
                of("unknown currency", ALPHA + "finance.yaml",
                        "months:\n  \"2026-09\":\n    mrr: {amount: 10, currency: XYZ}\n",
                        3, 5, "invalid-value", "unknown currency code 'XYZ'; expected an ISO 4217 code"),
                of("money as a float string", ALPHA + "finance.yaml",
                        "months:\n  \"2026-09\":\n    mrr: {amount: \"10\", currency: JPY}\n",
                        3, 19, "schema-type", "'10': string found, number expected"),
                // --- service doc rules
                of("id differs from folder", ALPHA + "service-doc.yaml", SERVICE_DOC_HEAD.replace("id: alpha", "id: alfa"),
                        1, 5, "product-id-mismatch", "id 'alfa' differs from the folder name 'alpha'"),
                of("unknown tier", ALPHA + "service-doc.yaml", SERVICE_DOC_HEAD.replace("tier: tier-1", "tier: tier-9"),
                        4, 7, "unknown-tier", "unknown tier 'tier-9'; did you mean 'tier-1'? expected one of: tier-1, tier-2"),
                of("tier in another case", ALPHA + "service-doc.yaml", SERVICE_DOC_HEAD.replace("tier: tier-1", "tier: Tier-1"),
                        4, 7, "schema-pattern", "'Tier-1' is not valid here; expected lowercase letters, digits and hyphens; "
                                + "starts with a letter, 2 to 63 characters; did you mean 'tier-1'? expected one of: tier-1, tier-2"),
                of("missing tier", ALPHA + "service-doc.yaml", SERVICE_DOC_HEAD.replace("tier: tier-1\n", ""),
                        1, 1, "missing-tier", "the standard defines tiers"),
                of("unknown dependency", ALPHA + "service-doc.yaml", SERVICE_DOC_HEAD
                                + "dependencies:\n  products:\n    - id: gamma\n      purpose: Nothing.\n",
                        18, 11, "unknown-product", "unknown product 'gamma' (the id of a folder under products/); expected one of: alpha, beta-svc"),
                of("self dependency", ALPHA + "service-doc.yaml", SERVICE_DOC_HEAD
                                + "dependencies:\n  products:\n    - id: alpha\n      purpose: Loops.\n",
                        18, 11, "self-dependency", "product 'alpha' depends on itself"),
                of("passthrough HTML in a description", ALPHA + "service-doc.yaml", SERVICE_DOC_HEAD
                                + "description: |\n  Fine text.\n\n  ++++\n  <script>alert(1)</script>\n  ++++\n",
                        16, 14, "asciidoc-passthrough", "AsciiDoc passthrough '++++' would copy raw HTML into the site"),
                of("inline passthrough in a description", ALPHA + "service-doc.yaml", SERVICE_DOC_HEAD
                                + "description: \"Click pass:[<img src=x onerror=alert(1)>]\"\n",
                        16, 14, "asciidoc-passthrough", "AsciiDoc passthrough 'pass:['"),
                of("description over 16 KiB of UTF-8", ALPHA + "service-doc.yaml", SERVICE_DOC_HEAD
                                + "description: \"" + "\u20ac".repeat(5462) + "\"\n", // 5462 characters, 16386 bytes
                        16, 14, "asciidoc-too-long", "AsciiDoc field is 16386 bytes long; expected at most 16384 bytes"),
                of("duplicate SLO id", ALPHA + "service-doc.yaml", SERVICE_DOC_HEAD
                                + "slos:\n  - id: up\n    title: Up\n    type: availability\n    target_percent: 99.9\n    sli: Probes.\n"
                                + "  - id: up\n    title: Up again\n    type: availability\n    target_percent: 99\n    sli: Probes.\n",
                        // the legacy section also warns that it moved to slos.yaml (slos-moved)
                        22, 9, "duplicate-id", "SLO id 'up' is used twice").count(2),
                of("measurement window reversed", ALPHA + "service-doc.yaml", SERVICE_DOC_HEAD
                                + "slos:\n  - id: up\n    title: Up\n    type: availability\n    target_percent: 99.9\n    sli: Probes.\n"
                                + "    measured:\n      value: 99.95\n      from: 2026-10-31\n      to: 2026-10-01\n",
                        25, 11, "date-order", "measurement window ends (2026-10-01) before it starts (2026-10-31)").count(2),
                of("cost element claimed twice", ALPHA + "service-doc.yaml", SERVICE_DOC_HEAD
                                + "cost_elements:\n  - provider: aws\n    id: \"222222222222\"\n",
                        18, 9, "cost-element-claimed-twice",
                        "aws cost element '222222222222' is already claimed by product 'alpha' (products/alpha/service-doc.yaml:18)")
                        .at("products/beta-svc/service-doc.yaml"),
                // --- phase rules
                of("unknown phase", ALPHA + "phase.yaml", "phase: gaa\nsince: 2026-01-10\n",
                        1, 8, "unknown-phase", "unknown phase 'gaa'; did you mean 'ga'? expected one of: poc, beta, ga, sunset"),
                of("phase in another case", ALPHA + "phase.yaml", "phase: Beta\nsince: 2026-01-10\n",
                        1, 8, "schema-pattern", "'Beta' is not valid here; expected lowercase letters, digits and hyphens; "
                                + "starts with a letter, 2 to 63 characters; did you mean 'beta'? expected one of: poc, beta, ga, sunset"),
                of("waiver phase in another case", ALPHA + "assessment.yaml", assessmentWithWaiver("backup-restore", "GA", "2027-04-30"),
                        10, 12, "schema-pattern", "; did you mean 'ga'? expected one of: poc, beta, ga, sunset"),
                of("phase far from every phase", ALPHA + "phase.yaml", "phase: production\nsince: 2026-01-10\n",
                        1, 8, "unknown-phase", "unknown phase 'production'; expected one of: poc, beta, ga, sunset"),
                of("since in the future", ALPHA + "phase.yaml", "phase: ga\nsince: 2027-01-10\n",
                        2, 8, "date-in-future", "since 2027-01-10 is after today (2026-11-24)"),
                of("target not later", ALPHA + "phase.yaml", "phase: ga\nsince: 2026-01-10\ntarget:\n  phase: beta\n  date: 2027-01-01\n",
                        4, 10, "target-not-later", "target phase 'beta' is not after the current phase 'ga'"),
                of("target before since", "products/beta-svc/phase.yaml",
                        "phase: beta\nsince: 2026-05-01\ntarget:\n  phase: ga\n  date: 2026-04-01\n",
                        5, 9, "date-order", "target date 2026-04-01 is not after since (2026-05-01)"),
                of("target date passed", "products/beta-svc/phase.yaml",
                        "phase: beta\nsince: 2026-05-01\ntarget:\n  phase: ga\n  date: 2026-11-01\n",
                        5, 9, "target-date-passed", "target date 2026-11-01 has passed"),
                // --- phase.yaml history: one chain, oldest first, before since, of known phases
                of("unknown phase in the history", ALPHA + "phase.yaml",
                        "phase: ga\nsince: 2026-01-10\nhistory:\n  - date: 2025-01-10\n    from: poc\n    to: betaa\n",
                        6, 9, "unknown-phase", "unknown phase 'betaa'; did you mean 'beta'? expected one of: poc, beta, ga, sunset"),
                of("history that does not chain", ALPHA + "phase.yaml",
                        "phase: ga\nsince: 2026-01-10\nhistory:\n  - date: 2025-01-10\n    from: poc\n    to: beta\n"
                                + "  - date: 2025-06-01\n    from: poc\n    to: ga\n",
                        8, 11, "history-chain", "transition of 2025-06-01 starts from 'poc', but the one before (2025-01-10) "
                                + "went to 'beta'; expected from: beta"),
                of("history out of order", ALPHA + "phase.yaml",
                        "phase: ga\nsince: 2026-01-10\nhistory:\n  - date: 2025-06-01\n    from: poc\n    to: beta\n"
                                + "  - date: 2025-01-10\n    from: beta\n    to: ga\n",
                        7, 11, "date-order", "transition date 2025-01-10 is not after the one before (2025-06-01); "
                                + "list the transitions oldest first"),
                of("history after since", ALPHA + "phase.yaml",
                        "phase: ga\nsince: 2026-01-10\nhistory:\n  - date: 2026-02-01\n    from: beta\n    to: ga\n",
                        4, 11, "date-order", "transition date 2026-02-01 is after since (2026-01-10)"),
                // --- assessment.yaml history: past results of known items, in range, oldest first, before assessed_on
                of("unknown item in a past result", ALPHA + "assessment.yaml",
                        ALPHA_ASSESSMENT + "history:\n  - date: 2025-09-30\n    items:\n      sloo: 1\n",
                        21, 7, "unknown-item", "unknown quality item 'sloo' (standards/quality-items.yaml); did you mean 'slo'?"),
                of("past level above the item's levels", ALPHA + "assessment.yaml",
                        ALPHA_ASSESSMENT + "history:\n  - date: 2025-09-30\n    items:\n      slo: 3\n",
                        21, 12, "level-out-of-range", "level 3 is above the highest level 2 of 'slo'"),
                of("past result of a level item as met", ALPHA + "assessment.yaml",
                        ALPHA_ASSESSMENT + "history:\n  - date: 2025-09-30\n    items:\n      slo: true\n",
                        21, 12, "item-kind", "'slo' is a level item: give its level 0..2"),
                of("past result after the assessment", ALPHA + "assessment.yaml",
                        ALPHA_ASSESSMENT + "history:\n  - date: 2026-10-05\n    items:\n      slo: 1\n",
                        19, 11, "date-order", "result date 2026-10-05 is after assessed_on (2026-10-01)"),
                of("past results out of order", ALPHA + "assessment.yaml",
                        ALPHA_ASSESSMENT + "history:\n  - date: 2025-09-30\n    items:\n      slo: 1\n"
                                + "  - date: 2025-03-31\n    items:\n      slo: 0\n",
                        22, 11, "date-order", "result date 2025-03-31 is not after the one before (2025-09-30)"),
                // --- assessment rules
                of("level above the item's levels", ALPHA + "assessment.yaml",
                        "assessed_on: 2026-10-01\nassessed_by: Bob\nitems:\n  slo:\n    level: 3\n  backup-restore:\n    level: 2\n",
                        5, 12, "level-out-of-range", "level 3 is above the highest level 2 of 'slo'"),
                of("unknown item", ALPHA + "assessment.yaml",
                        "assessed_on: 2026-10-01\nassessed_by: Bob\nitems:\n  slo:\n    level: 2\n  backup-restore:\n    level: 2\n  backups:\n    level: 1\n",
                        8, 3, "unknown-item", "unknown quality item 'backups' (standards/quality-items.yaml); expected one of: slo, backup-restore"),
                of("missing item", ALPHA + "assessment.yaml",
                        "assessed_on: 2026-10-01\nassessed_by: Bob\nitems:\n  slo:\n    level: 2\n",
                        3, 1, "missing-item", "no entry for quality item 'backup-restore' (Backup and restore)"),
                of("stale assessment", ALPHA + "assessment.yaml",
                        "assessed_on: 2026-05-01\nassessed_by: Bob\nitems:\n  slo:\n    level: 2\n  backup-restore:\n    level: 2\n",
                        1, 14, "assessment-stale", "older than the review interval P6M"),
                of("assessed in the future", ALPHA + "assessment.yaml",
                        "assessed_on: 2026-12-01\nassessed_by: Bob\nitems:\n  slo:\n    level: 2\n  backup-restore:\n    level: 2\n",
                        1, 14, "date-in-future", "assessed_on 2026-12-01 is after today"),
                of("plan not above level", ALPHA + "assessment.yaml",
                        "assessed_on: 2026-10-01\nassessed_by: Bob\nitems:\n  slo:\n    level: 2\n  backup-restore:\n    level: 2\n"
                                + "    plan:\n      target_level: 1\n      due: 2027-01-01\n",
                        9, 21, "plan-target-not-higher", "target level 1 is not above the current level 2"),
                of("plan above the levels", ALPHA + "assessment.yaml",
                        "assessed_on: 2026-10-01\nassessed_by: Bob\nitems:\n  slo:\n    level: 2\n  backup-restore:\n    level: 1\n"
                                + "    plan:\n      target_level: 4\n      due: 2027-01-01\n",
                        9, 21, "level-out-of-range", "target level 4 is above the highest level 2"),
                of("plan overdue warning", "products/beta-svc/assessment.yaml",
                        "assessed_on: 2026-09-15\nassessed_by: Dee\nitems:\n  slo:\n    level: 1\n  backup-restore:\n    level: 0\n"
                                + "    plan:\n      target_level: 1\n      due: 2026-11-01\n",
                        10, 12, "plan-overdue", "improvement plan to reach level 1 was due on 2026-11-01"),
                // --- waivers
                of("waiver without requirement", ALPHA + "assessment.yaml", assessmentWithWaiver("slo", "poc", "2027-04-30"),
                        9, 5, "waiver-without-requirement", "'slo' requires nothing in phase 'poc' for tier-1"),
                of("waiver of unknown item", ALPHA + "assessment.yaml", assessmentWithWaiver("backups", "ga", "2027-04-30"),
                        9, 11, "unknown-item", "waiver for unknown quality item 'backups' (standards/quality-items.yaml); expected one of: slo, backup-restore"),
                of("waiver of an item misspelt", ALPHA + "assessment.yaml", assessmentWithWaiver("backup-restor", "ga", "2027-04-30"),
                        9, 11, "unknown-item", "waiver for unknown quality item 'backup-restor' (standards/quality-items.yaml); "
                                + "did you mean 'backup-restore'? expected one of: slo, backup-restore"),
                of("waiver of unknown phase", ALPHA + "assessment.yaml", assessmentWithWaiver("backup-restore", "prod", "2027-04-30"),
                        10, 12, "unknown-phase", "unknown phase 'prod'"),
                of("expired waiver", ALPHA + "assessment.yaml", assessmentWithWaiver("backup-restore", "ga", "2026-11-23"),
                        14, 14, "waiver-expired", "waiver expired on 2026-11-23"),
                of("waiver valid on its last day", ALPHA + "assessment.yaml", assessmentWithWaiver("backup-restore", "ga", "2026-11-24"),
                        1, 1, "none", "").count(0),
                of("waiver not needed", ALPHA + "assessment.yaml", assessmentWithWaiver("slo", "ga", "2027-04-30"),
                        9, 5, "waiver-unneeded", "level 2 of 'slo' already meets the required level 2 in 'ga'"),
                of("duplicate waiver", ALPHA + "assessment.yaml", assessmentWithWaiver("backup-restore", "ga", "2027-04-30")
                                + "  - item: backup-restore\n    phase: ga\n    reason: Again.\n    approved_by: Board\n    expires: 2027-05-30\n",
                        15, 5, "duplicate-waiver", "a waiver for 'backup-restore' in phase 'ga' already exists at line 9"),
                // --- security and finance
                of("unknown check", ALPHA + "security.yaml",
                        "checks:\n  mfa:\n    answer: \"yes\"\n  pentest:\n    answer: \"yes\"\n  sso:\n    answer: \"no\"\n",
                        6, 3, "unknown-check", "unknown security check 'sso' (standards/security-checklist.yaml); expected one of: mfa, pentest"),
                of("missing check", ALPHA + "security.yaml", "checks:\n  mfa:\n    answer: \"yes\"\n",
                        1, 1, "missing-check", "no answer for security check 'pentest' (Penetration test)"),
                of("month in the future", ALPHA + "finance.yaml",
                        "months:\n  \"2026-12\":\n    mrr: {amount: 10, currency: JPY}\n",
                        2, 3, "month-in-future", "month 2026-12 is in the future"),
                of("demand without metric", ALPHA + "finance.yaml",
                        "months:\n  \"2026-09\":\n    demand: 1200\n",
                        3, 13, "demand-without-metric", "has no demand_metric"),
                of("review interval out of range", "standards/standard.yaml",
                        "name: Test Standard\nversion: \"1\"\nreview_interval: P999999999Y\n",
                        3, 18, "schema-pattern", "'P999999999Y' is not valid here"),
                of("site language", "site.yaml", "title: Our site\nlanguage: fr\n",
                        2, 11, "schema-enum", "'fr' is not allowed here; expected one of: en, ja"),
                of("site language in capitals", "site.yaml", "title: Our site\nlanguage: JA\n",
                        2, 11, "schema-enum", "'JA' is not allowed here; did you mean 'ja'? expected one of: en, ja"),
                // --- the standard
                of("duplicate item id", "standards/security-checklist.yaml",
                        "categories:\n  - id: identity\n    title: Identity\nchecks:\n"
                                + "  - id: mfa\n    category: identity\n    title: MFA\n    description: MFA.\n    required_from: beta\n"
                                + "  - id: mfa\n    category: identity\n    title: MFA 2\n    description: MFA.\n    required_from: ga\n"
                                + "  - id: pentest\n    category: identity\n    title: Pen\n    description: Pen.\n    required_from: ga\n",
                        10, 9, "duplicate-id", "security check id 'mfa' is already used at line 5"),
                of("requirement for unknown phase", "standards/quality-items.yaml", qualityItems("    required:\n      prod: 1\n"),
                        20, 7, "unknown-phase", "unknown phase 'prod'"),
                of("requirement for unknown tier", "standards/quality-items.yaml", qualityItems("    required:\n      ga:\n        tier-3: 1\n"),
                        21, 9, "unknown-tier", "unknown tier 'tier-3'"),
                of("requirement above the levels", "standards/quality-items.yaml", qualityItems("    required:\n      ga: 3\n"),
                        20, 11, "level-out-of-range", "required level 3 is above the highest level 2 of 'slo'"),
                of("levels out of order", "standards/quality-items.yaml",
                        qualityItems("    required:\n      ga: 1\n").replace("level: 2", "level: 5"),
                        16, 16, "level-sequence", "level 5 is at position 2").count(2),
                of("item description over 16 KiB", "standards/quality-items.yaml",
                        qualityItems("    required:\n      ga: 1\n").replace("description: SLO.", "description: " + "a".repeat(16385)),
                        8, 18, "asciidoc-too-long", "AsciiDoc field is 16385 bytes long"),
                of("phase description over 16 KiB", "standards/phases.yaml",
                        "phases:\n  - id: poc\n    name: PoC\n    description: " + "a *b* ".repeat(2800) + "\n"
                                + "    customer_promise: None.\n  - id: beta\n    name: Beta\n    description: Beta.\n"
                                + "    customer_promise: Some.\n  - id: ga\n    name: GA\n    description: GA.\n"
                                + "    customer_promise: SLA.\n  - id: sunset\n    name: Sunset\n    retirement: true\n"
                                + "    description: Gone.\n    customer_promise: Help.\n",
                        4, 18, "asciidoc-too-long", "AsciiDoc field is 16799 bytes long"),
                of("requirement neither number nor map", "standards/quality-items.yaml", qualityItems("    required:\n      ga: high\n"),
                        20, 11, "schema-oneOf", "'high': must be valid to one and only one schema").count(-1)
        );
    }

    private static String assessmentWithWaiver(String item, String phase, String expires) {
        return "assessed_on: 2026-10-01\nassessed_by: Bob\nitems:\n  slo:\n    level: 2\n  backup-restore:\n    level: 1\n"
                + "waivers:\n  - item: " + item + "\n    phase: " + phase + "\n    reason: Restore test after the migration.\n"
                + "    approved_by: Review board\n    approved_on: 2026-10-05\n    expires: " + expires + "\n";
    }

    /** quality-items.yaml whose first item, slo (levels 0-2), has the requirements given, from line 19 on. */
    private static String qualityItems(String required) {
        return "categories:\n  - id: availability\n    title: Availability\n"
                + "items:\n  - id: slo\n    category: availability\n    title: Availability SLO\n    description: SLO.\n"
                + "    levels:\n      - level: 0\n        title: None\n        criteria: No SLO.\n"
                + "      - level: 1\n        title: Defined\n        criteria: Written.\n"
                + "      - level: 2\n        title: Measured\n        criteria: Measured.\n"
                + required
                + "  - id: backup-restore\n    category: availability\n    title: Backup and restore\n    description: Restore.\n"
                + "    levels:\n      - level: 0\n        title: None\n        criteria: None.\n"
                + "      - level: 1\n        title: Backups\n        criteria: Daily.\n"
                + "      - level: 2\n        title: Tested\n        criteria: Tested.\n"
                + "    required:\n      ga:\n        tier-1: 2\n        tier-2: 1\n";
    }

    @Test
    void aFolderWithoutProductFilesIsOneProblemAndAMissingFileAnother() throws IOException {
        Path repo = TestRepositories.minimalCopy(dir);
        Files.createDirectories(repo.resolve("products/empty"));
        Files.delete(repo.resolve("products/beta-svc/finance.yaml"));
        Files.writeString(repo.resolve("products/beta-svc/finanse.yaml"), "months: {}\n");
        List<String> found = validate(repo).diagnostics().stream()
                .map(d -> d.file() + ":" + d.line() + ":" + d.column() + " " + d.rule()).toList();
        assertEquals(List.of("products/beta-svc/finance.yaml:1:1 missing-file",
                "products/beta-svc/finanse.yaml:1:1 unknown-file",
                "products/empty:1:1 missing-file"), found);
    }

    @Test
    void aStandardFileMissingSkipsTheRulesThatNeedItButNotTheSchemas() throws IOException {
        Path repo = TestRepositories.minimalCopy(dir);
        Files.delete(repo.resolve("standards/phases.yaml"));
        Files.writeString(repo.resolve("products/alpha/phase.yaml"), "phase: ga\nsince: yesterday\n");
        List<String> found = validate(repo).diagnostics().stream()
                .map(d -> d.file() + ":" + d.line() + ":" + d.column() + " " + d.rule()).toList();
        assertEquals(List.of("products/alpha/phase.yaml:2:8 schema-format",
                "standards/phases.yaml:1:1 missing-file"), found);
    }

    @Test
    void aProductFolderLinkedOutsideIsReportedAndNotRead() throws IOException {
        Path repo = TestRepositories.minimalCopy(dir);
        Path outside = TestRepositories.minimalCopy(dir.resolve("elsewhere")).resolve("products/alpha");
        Files.createSymbolicLink(repo.resolve("products/gamma"), outside);
        ValidationResult result = validate(repo);
        assertEquals(List.of("products/gamma:1:1 path-outside-repository"), result.diagnostics().stream()
                .map(d -> d.file() + ":" + d.line() + ":" + d.column() + " " + d.rule()).toList());
        assertEquals(2, result.repository().orElseThrow().products().size());
    }

    @Test
    void referencesInTheStandardAreChecked() throws IOException {
        Path repo = TestRepositories.minimalCopy(dir);
        Files.writeString(repo.resolve("standards/security-checklist.yaml"), "categories:\n  - id: identity\n    title: Identity\n"
                + "checks:\n  - id: mfa\n    category: identity\n    title: MFA\n    description: MFA.\n    required_from: beta\n"
                + "  - id: pentest\n    category: idnetity\n    title: Pen\n    description: Pen.\n    required_from: prod\n"
                + "    tiers: [tier-1, tier-3]\n");
        String itemsFile = Files.readString(repo.resolve("standards/quality-items.yaml"));
        Files.writeString(repo.resolve("standards/quality-items.yaml"), itemsFile.replace("category: backup", "category: backups"));
        List<String> found = validate(repo).diagnostics().stream()
                .map(d -> d.file() + ":" + d.line() + ":" + d.column() + " " + d.rule() + " " + d.message()).toList();
        assertEquals(List.of(
                "standards/quality-items.yaml:25:15 unknown-category unknown category 'backups'; did you mean 'backup'? expected one of: availability, backup",
                "standards/security-checklist.yaml:11:15 unknown-category unknown category 'idnetity'; did you mean 'identity'? expected one of: identity",
                "standards/security-checklist.yaml:14:20 unknown-phase unknown phase 'prod'; expected one of: poc, beta, ga, sunset",
                "standards/security-checklist.yaml:15:21 unknown-tier unknown tier 'tier-3'; did you mean 'tier-1'? expected one of: tier-1, tier-2"),
                found);
    }

    @Test
    void aLongListOfValidValuesIsShortened() throws IOException {
        Path repo = TestRepositories.minimalCopy(dir);
        for (int i = 1; i <= 13; i++) {
            Files.createDirectories(repo.resolve(String.format("products/extra-%02d", i)));
        }
        Path serviceDoc = repo.resolve("products/alpha/service-doc.yaml");
        Files.writeString(serviceDoc, Files.readString(serviceDoc).replace("- id: beta-svc", "- id: Extra-13"));
        List<String> found = validate(repo).diagnostics().stream().filter(d -> d.file().equals("products/alpha/service-doc.yaml"))
                .map(d -> d.line() + ":" + d.column() + " " + d.rule() + " " + d.message()).toList();
        assertEquals(List.of("18:11 schema-pattern 'Extra-13' is not valid here; expected lowercase letters, digits and hyphens; "
                + "starts with a letter, 2 to 63 characters; did you mean 'extra-13'? "
                + "expected one of: alpha, beta-svc, extra-01, extra-02, extra-03, extra-04, extra-05, extra-06, "
                + "extra-07, extra-08, … 5 more"), found);
    }

    @Test
    void aFolderNameThatIsNoIdIsReported() throws IOException {
        Path repo = TestRepositories.minimalCopy(dir);
        Files.move(repo.resolve("products/beta-svc"), repo.resolve("products/Beta_Svc"));
        List<String> found = validate(repo).diagnostics().stream()
                .map(d -> d.file() + ":" + d.line() + ":" + d.column() + " " + d.rule()).toList();
        assertEquals(List.of("products/Beta_Svc:1:1 product-id-format",
                "products/Beta_Svc/service-doc.yaml:1:5 product-id-mismatch",
                "products/alpha/service-doc.yaml:18:11 unknown-product"), found);
    }

    @Test
    void anOversizedFileIsRefused() throws IOException {
        Path repo = TestRepositories.minimalCopy(dir);
        Files.writeString(repo.resolve("products/alpha/phase.yaml"), "phase: ga\nsince: 2026-01-10\n# "
                + "x".repeat(2 * 1024 * 1024) + "\n");
        Diagnostic d = validate(repo).diagnostics().get(0);
        assertEquals("products/alpha/phase.yaml:1:1 file-too-large", d.file() + ":" + d.line() + ":" + d.column() + " " + d.rule());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reportsTheProblemAtItsPlace(RuleCase c) throws IOException {
        Path repo = TestRepositories.minimalCopy(dir);
        Files.write(repo.resolve(c.file()), c.content().getBytes(StandardCharsets.UTF_8));
        List<Diagnostic> diagnostics = validate(repo).diagnostics();
        String all = diagnostics.stream().map(Object::toString).collect(Collectors.joining("\n"));
        if (c.expectedDiagnostics() == 0) {
            assertEquals(List.of(), diagnostics, all);
            return;
        }
        List<Diagnostic> matching = diagnostics.stream().filter(d -> d.rule().equals(c.rule())).toList();
        assertFalse(matching.isEmpty(), "expected rule " + c.rule() + " among:\n" + all);
        Diagnostic d = matching.get(0);
        assertEquals(c.expectedFile(), d.file(), all);
        assertEquals(c.line() + ":" + c.column(), d.line() + ":" + d.column(), "place of " + d);
        assertTrue(d.message().contains(c.messagePart()), "message of " + d);
        if (c.expectedDiagnostics() > 0) {
            assertEquals(c.expectedDiagnostics(), diagnostics.size(), all);
        }
    }
}
