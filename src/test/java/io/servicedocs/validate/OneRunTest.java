package io.servicedocs.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.servicedocs.CostFixture;
import io.servicedocs.TestRepositories;
import io.servicedocs.load.SchemaValidator;
import io.servicedocs.model.Product;
import io.servicedocs.source.WorkingTreeSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every mistake of a product in one run: a file that fails its schema still runs its rules on
 * what could be read, each problem is reported once at its place in the file as written, and
 * nothing that is only a consequence of another problem (the pruning of a wrong value, a Service
 * Doc that cannot claim its accounts) is reported.
 */
class OneRunTest {

    private static SchemaValidator schemas;

    @TempDir
    Path dir;

    @BeforeAll
    static void schemas() {
        schemas = new SchemaValidator();
    }

    private static ValidationResult validate(Path repo) throws IOException {
        return new Validation(schemas, TestRepositories.AS_OF).run(new WorkingTreeSource(repo));
    }

    private static List<String> found(ValidationResult result) {
        return result.diagnostics().stream()
                .map(d -> d.file() + ":" + d.line() + ":" + d.column() + " " + d.rule() + " " + d.message()).toList();
    }

    private static List<String> products(ValidationResult result) {
        return result.repository().orElseThrow().products().stream().map(Product::id).toList();
    }

    private static void write(Path repo, String path, String content) throws IOException {
        Files.writeString(repo.resolve(path), content);
    }

    private static final String ALPHA = "products/alpha/";

    @Test
    void sixMistakesInOneProductAreReportedInOneRunEachOnce() throws IOException {
        Path repo = TestRepositories.minimalCopy(dir);
        String serviceDoc = Files.readString(repo.resolve(ALPHA + "service-doc.yaml"));
        // schema: a misspelt property name
        write(repo, ALPHA + "service-doc.yaml", serviceDoc.replace("summary: The alpha product.\n",
                "summary: The alpha product.\ndescripton: Longer text.\n"));
        // schema: an id in another case
        write(repo, ALPHA + "phase.yaml", "phase: Beta\nsince: 2026-01-10\n");
        write(repo, ALPHA + "assessment.yaml", """
                assessed_on: 2026-10-01
                assessed_by: Bob
                items:
                  slo:
                    level: two
                  backup-restore:
                    level: 1
                    plan:
                      target_level: 1
                      due: 2027-03-31
                  backups:
                    level: 1
                waivers:
                  - item: backup-restore
                    phase: ga
                    reason: Restore test scheduled after the storage migration.
                    approved_by: Review board
                    approved_on: 2026-10-05
                    expires: 2026-11-01
                """);
        ValidationResult result = validate(repo);
        assertEquals(List.of(
                "products/alpha/assessment.yaml:5:12 schema-type 'two': string found, integer expected",
                "products/alpha/assessment.yaml:9:21 plan-target-not-higher target level 1 is not above the current level 1; "
                        + "remove the plan or raise its target",
                "products/alpha/assessment.yaml:11:3 unknown-item unknown quality item 'backups' (standards/quality-items.yaml); "
                        + "expected one of: slo, backup-restore",
                "products/alpha/assessment.yaml:19:14 waiver-expired waiver expired on 2026-11-01; "
                        + "renew it with the review board's approval or remove it",
                "products/alpha/phase.yaml:1:8 schema-pattern 'Beta' is not valid here; expected lowercase letters, digits and hyphens; starts with a letter, 2 to 63 characters; "
                        + "did you mean 'beta'? expected one of: poc, beta, ga, sunset",
                "products/alpha/service-doc.yaml:4:1 schema-unknown-property unknown property 'descripton'; "
                        + "did you mean 'description'? expected one of: id, name, summary, description, tier, owners, users, "
                        + "links, slos, dependencies, … 4 more"),
                found(result), "not 'missing-item slo': its entry was set aside for its own schema problem");
        assertEquals(List.of("beta-svc"), products(result), "a product with errors is never in the model");
    }

    @Test
    void whatIsPrunedForItsOwnProblemIsNotAlsoReportedMissing() throws IOException {
        Path repo = TestRepositories.minimalCopy(dir);
        String serviceDoc = Files.readString(repo.resolve(ALPHA + "service-doc.yaml"));
        write(repo, ALPHA + "service-doc.yaml", serviceDoc.replace("tier: tier-1", "tier: Tier-1")
                .replace("- id: beta-svc", "- id: gamma") + "demand_metric:\n  name: Devices\n");
        write(repo, ALPHA + "phase.yaml", "phase: beta\nsince: 2027-01-10\ntarget:\n  phase: GA\n  date: 2027-06-01\n");
        write(repo, ALPHA + "assessment.yaml", """
                assessed_on: 2026-10-01
                assessed_by: Bob
                items:
                  Slo:
                    level: 2
                  backup-restore:
                    level: 3
                """);
        write(repo, ALPHA + "security.yaml", "checks:\n  mfa:\n    answer: \"yes\"\n  pentest:\n    answer: maybe\n"
                + "  sso:\n    answer: \"no\"\n");
        write(repo, ALPHA + "finance.yaml", "months:\n  \"2026-09\":\n    demand: 1200\n");
        ValidationResult result = validate(repo);
        // not reported: missing-tier, missing-item 'slo', missing-check 'pentest', demand-without-metric,
        // and no target rule for a target set aside
        assertEquals(List.of(
                "products/alpha/assessment.yaml:3:1 schema-propertyNames property 'Slo' name is not valid: "
                        + "does not match the regex pattern ^[a-z][a-z0-9-]{0,61}[a-z0-9]$",
                "products/alpha/assessment.yaml:7:12 level-out-of-range level 3 is above the highest level 2 of 'backup-restore'",
                "products/alpha/phase.yaml:2:8 date-in-future since 2027-01-10 is after today (2026-11-24); "
                        + "expected the day the product entered the phase",
                "products/alpha/phase.yaml:4:10 schema-pattern 'GA' is not valid here; expected lowercase letters, digits and hyphens; starts with a letter, 2 to 63 characters; "
                        + "did you mean 'ga'? expected one of: poc, beta, ga, sunset",
                "products/alpha/security.yaml:5:13 schema-enum 'maybe' is not allowed here; expected one of: yes, no, not-applicable",
                "products/alpha/security.yaml:6:3 unknown-check unknown security check 'sso' (standards/security-checklist.yaml); "
                        + "expected one of: mfa, pentest",
                "products/alpha/service-doc.yaml:4:7 schema-pattern 'Tier-1' is not valid here; expected lowercase letters, digits and hyphens; starts with a letter, 2 to 63 characters; "
                        + "did you mean 'tier-1'? expected one of: tier-1, tier-2",
                "products/alpha/service-doc.yaml:18:11 unknown-product unknown product 'gamma' (the id of a folder under products/); "
                        + "expected one of: alpha, beta-svc",
                "products/alpha/service-doc.yaml:23:1 schema-required missing required property 'unit' in demand_metric"),
                found(result));
        assertEquals(List.of("beta-svc"), products(result));
    }

    /** alpha's Service Doc in the cost fixture claims aws 111111111111, which has cost and a prepaid amount. */
    private static ValidationResult costsWithAlphaServiceDoc(Path repo, java.util.function.UnaryOperator<String> change)
            throws IOException {
        String serviceDoc = Files.readString(repo.resolve(ALPHA + "service-doc.yaml"));
        write(repo, ALPHA + "service-doc.yaml", change.apply(serviceDoc));
        return validate(repo);
    }

    @Test
    void aServiceDocWithATypoStillClaimsItsCostElements() throws IOException {
        Path repo = CostFixture.repository(dir);
        ValidationResult result = costsWithAlphaServiceDoc(repo, doc -> doc.replace("  team: team-a\n", "  teem: team-a\n"));
        // no cost-unallocated for 111111111111 (1810 USD) nor prepaid-without-owner for its prepaid amount, and the
        // typo is one problem: no "missing required property 'team'" beside its "did you mean 'team'?"
        assertEquals(List.of(
                "cost-data/aws/2026-09.yaml:19:34 cost-unallocated aws cost element '999999999999' (sandbox) is claimed by no product "
                        + "and no shared pool: 5.00 USD in 1 month(s) 2026-09 is shown as unallocated; add it to a Service Doc's "
                        + "cost_elements or to a shared pool in standards/costs.yaml",
                "products/alpha/service-doc.yaml:6:3 schema-unknown-property unknown property 'teem' in owners; "
                        + "did you mean 'team'? expected one of: team, product_manager, tech_lead, contacts, chat"),
                found(result));
        assertEquals(List.of("beta-svc"), products(result));
    }

    @Test
    void aServiceDocMissingARequiredPropertyStillClaimsItsCostElements() throws IOException {
        Path repo = CostFixture.repository(dir);
        ValidationResult result = costsWithAlphaServiceDoc(repo, doc -> doc.replace("name: Alpha\n", ""));
        // nothing of the file can be bound, but its cost_elements conform by themselves
        assertEquals(List.of(
                "cost-data/aws/2026-09.yaml:19:34 cost-unallocated aws cost element '999999999999' (sandbox) is claimed by no product "
                        + "and no shared pool: 5.00 USD in 1 month(s) 2026-09 is shown as unallocated; add it to a Service Doc's "
                        + "cost_elements or to a shared pool in standards/costs.yaml",
                "products/alpha/service-doc.yaml:1:1 schema-required missing required property 'name'"),
                found(result));
    }

    @Test
    void aCostElementThatIsItselfWrongIsNotReportedUnclaimed() throws IOException {
        Path repo = CostFixture.repository(dir);
        ValidationResult result = costsWithAlphaServiceDoc(repo, doc -> doc.replace("provider: aws", "provider: AWS"));
        // the element cannot be claimed, but its id says whose cost 111111111111 probably is
        assertEquals(List.of(
                "cost-data/aws/2026-09.yaml:19:34 cost-unallocated aws cost element '999999999999' (sandbox) is claimed by no product "
                        + "and no shared pool: 5.00 USD in 1 month(s) 2026-09 is shown as unallocated; add it to a Service Doc's "
                        + "cost_elements or to a shared pool in standards/costs.yaml",
                "products/alpha/service-doc.yaml:21:15 schema-enum 'AWS' is not allowed here; did you mean 'aws'? "
                        + "expected one of: aws, azure, gcp, oci, saas"),
                found(result));
    }

    @Test
    void aMisspeltCostElementsListIsNotReportedUnclaimed() throws IOException {
        Path repo = CostFixture.repository(dir);
        ValidationResult result = costsWithAlphaServiceDoc(repo, doc -> doc.replace("cost_elements:", "cost_element:"));
        assertEquals(List.of(
                "cost-data/aws/2026-09.yaml:19:34 cost-unallocated aws cost element '999999999999' (sandbox) is claimed by no product "
                        + "and no shared pool: 5.00 USD in 1 month(s) 2026-09 is shown as unallocated; add it to a Service Doc's "
                        + "cost_elements or to a shared pool in standards/costs.yaml",
                "products/alpha/service-doc.yaml:20:1 schema-unknown-property unknown property 'cost_element'; "
                        + "did you mean 'cost_elements'? expected one of: id, name, summary, description, tier, owners, users, "
                        + "links, slos, dependencies, … 4 more"),
                found(result));
    }

    @Test
    void aServiceDocThatDoesNotParseLeavesNoCostReportedUnclaimed() throws IOException {
        Path repo = CostFixture.repository(dir);
        ValidationResult result = costsWithAlphaServiceDoc(repo, doc -> doc.replace("name: Alpha\n", "name: [Alpha\n"));
        // what alpha claims cannot be known, so no cost is reported unclaimed (not even the sandbox account) until it parses
        assertEquals(List.of(
                "products/alpha/service-doc.yaml:3:8 yaml-syntax invalid YAML: while parsing a flow sequence that began at line 2,"
                        + " column 7: expected ',' or ']', but got :"),
                found(result));
    }


    @Test
    void aServiceDocWithATypoStillTakesPartInTheOneOwnerRule() throws IOException {
        Path repo = CostFixture.repository(dir);
        ValidationResult result = costsWithAlphaServiceDoc(repo, doc -> doc.replace("  team: team-a\n", "  teem: team-a\n")
                + "  - provider: aws\n    id: \"222222222222\"\n");
        assertEquals(List.of(
                "cost-data/aws/2026-09.yaml:19:34 cost-unallocated aws cost element '999999999999' (sandbox) is claimed by no product "
                        + "and no shared pool: 5.00 USD in 1 month(s) 2026-09 is shown as unallocated; add it to a Service Doc's "
                        + "cost_elements or to a shared pool in standards/costs.yaml",
                "products/alpha/service-doc.yaml:6:3 schema-unknown-property unknown property 'teem' in owners; "
                        + "did you mean 'team'? expected one of: team, product_manager, tech_lead, contacts, chat",
                "products/beta-svc/service-doc.yaml:18:9 cost-element-claimed-twice aws cost element '222222222222' is already "
                        + "claimed by product 'alpha' (products/alpha/service-doc.yaml:24); expected each cost element in one product only"),
                found(result));
    }

    @Test
    void aMisspeltItemOrCheckIsOneProblemNotAlsoAMissingOne() throws IOException {
        Path repo = TestRepositories.minimalCopy(dir);
        write(repo, ALPHA + "assessment.yaml", "assessed_on: 2026-10-01\nassessed_by: Bob\nitems:\n  slo:\n    level: 2\n"
                + "  backup-restor:\n    level: 2\n");
        write(repo, ALPHA + "security.yaml", "checks:\n  mfa:\n    answer: \"yes\"\n  pentst:\n    answer: \"yes\"\n");
        assertEquals(List.of(
                "products/alpha/assessment.yaml:6:3 unknown-item unknown quality item 'backup-restor' (standards/quality-items.yaml); "
                        + "did you mean 'backup-restore'? expected one of: slo, backup-restore",
                "products/alpha/security.yaml:4:3 unknown-check unknown security check 'pentst' (standards/security-checklist.yaml); "
                        + "did you mean 'pentest'? expected one of: mfa, pentest"),
                found(validate(repo)), "no missing-item 'backup-restore', no missing-check 'pentest'");
    }

    @Test
    void aStandardThatCannotBeReadLeavesTheProductRulesThatDoNotNeedIt() throws IOException {
        Path repo = TestRepositories.minimalCopy(dir);
        String items = Files.readString(repo.resolve("standards/quality-items.yaml"));
        write(repo, "standards/quality-items.yaml", items.replace("    title: Availability SLO\n",
                "    title: Availability SLO\n    titel: SLO\n"));
        String serviceDoc = Files.readString(repo.resolve(ALPHA + "service-doc.yaml"));
        write(repo, ALPHA + "service-doc.yaml", serviceDoc.replace("- id: beta-svc", "- id: gamma"));
        write(repo, ALPHA + "assessment.yaml", "assessed_on: 2026-10-01\nassessed_by: Bob\nitems:\n  backups:\n    level: 1\n");
        ValidationResult result = validate(repo);
        // the product's rules that need no standard still run; those that need it (items, phases, tiers) do not,
        // so nothing is reported against a standard that could not be read
        assertEquals(List.of(
                "products/alpha/service-doc.yaml:18:11 unknown-product unknown product 'gamma' (the id of a folder under "
                        + "products/); expected one of: alpha, beta-svc",
                "standards/quality-items.yaml:10:5 schema-unknown-property unknown property 'titel' in items.0; did you mean 'title'? "
                        + "expected one of: id, category, title, description, kind, criteria, required_from, tiers,"
                        + " applies_if, levels, required"),
                found(result));
        assertEquals(java.util.Optional.empty(), result.repository());
    }
}
