package io.servicedocs.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.servicedocs.TestRepositories;
import io.servicedocs.load.SchemaValidator;
import io.servicedocs.source.WorkingTreeSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * applies_if in the standard and not_applicable answers in assessments: a condition naming an
 * unknown field, an answer the standard's condition contradicts (challenged), and the answers and
 * conditions that must raise nothing, not even a gap without a plan (made an error here).
 */
class NotApplicableRulesTest {

    private static final String ITEMS = "standards/quality-items.yaml";
    private static final String BETA_ASSESSMENT = "products/beta-svc/assessment.yaml";
    private static final String BETA_SERVICE_DOC = "products/beta-svc/service-doc.yaml";
    /** beta-svc (beta, tier-2) has cost_elements and no slos; slo requires level 1 in beta. */
    private static final String SLO_NOT_APPLICABLE = "assessed_on: 2026-09-15\nassessed_by: Dee\nitems:\n  slo:\n"
            + "    not_applicable:\n      reason: Batch jobs only.\n  backup-restore:\n    level: 0\n";

    private static SchemaValidator schemas;

    @TempDir
    Path dir;

    @BeforeAll
    static void schemas() {
        schemas = new SchemaValidator();
    }

    private Path repo() throws IOException {
        Path repo = TestRepositories.minimalCopy(dir);
        Path standard = repo.resolve("standards/standard.yaml");
        Files.writeString(standard, Files.readString(standard).replace("gap_without_plan: off", "gap_without_plan: error"));
        return repo;
    }

    /** The slo item of the minimal standard with {@code applies_if: {service_doc: field}}, on line 11. */
    private static void sloAppliesIf(Path repo, String field) throws IOException {
        Path items = repo.resolve(ITEMS);
        String text = Files.readString(items);
        String anchor = "    description: An SLO is defined and measured.\n";
        if (!text.contains(anchor)) {
            throw new IllegalStateException("fixture changed: no '" + anchor.strip() + "' in " + ITEMS);
        }
        Files.writeString(items, text.replace(anchor, anchor + "    applies_if:\n      service_doc: " + field + "\n"));
    }

    private static List<String> found(Path repo) throws IOException {
        return new Validation(schemas, TestRepositories.AS_OF).run(new WorkingTreeSource(repo)).diagnostics().stream()
                .map(d -> d.file() + ":" + d.line() + ":" + d.column() + " " + d.severity().name().toLowerCase()
                        + " " + d.rule() + " " + d.message())
                .filter(f -> f.startsWith(ITEMS) || f.startsWith(BETA_ASSESSMENT))
                .toList();
    }

    @Test
    void aConditionOnAnUnknownFieldIsAnErrorWithASuggestion() throws IOException {
        Path repo = repo();
        sloAppliesIf(repo, "cost_element");
        assertEquals(List.of(ITEMS + ":12:20 error schema-enum 'cost_element' is not allowed here; did you mean "
                + "'cost_elements'? expected one of: description, slos, dependencies, dependencies.products, "
                + "dependencies.external, data_stores, cost_elements, demand_metric, links.runbook, links.dashboards, "
                + "… 3 more"), found(repo), "data_stores made the list longer than the twelve a message names");
    }

    @Test
    void aNotApplicableAnswerTheStandardsConditionContradictsIsChallenged() throws IOException {
        Path repo = repo();
        sloAppliesIf(repo, "cost_elements");
        Files.writeString(repo.resolve(BETA_ASSESSMENT), SLO_NOT_APPLICABLE);
        assertEquals(List.of(BETA_ASSESSMENT + ":5:5 error not-applicable-challenged 'slo' is answered not_applicable, "
                + "but the standard says it applies to this product: service-doc.yaml sets 'cost_elements'; answer a "
                + "level (the item counts as level 0 until then) or add a waiver for the current phase"), found(repo),
                "and no gap-without-plan besides: the challenge says what to do");
    }

    /** The slo item's condition written as given (YAML lines under applies_if:, indented by six). */
    private static void sloCondition(Path repo, String condition) throws IOException {
        Path items = repo.resolve(ITEMS);
        String anchor = "    description: An SLO is defined and measured.\n";
        Files.writeString(items, Files.readString(items).replace(anchor, anchor + "    applies_if:\n" + condition));
    }

    private static void betaServiceDocAppends(Path repo, String yaml) throws IOException {
        Path doc = repo.resolve(BETA_SERVICE_DOC);
        Files.writeString(doc, Files.readString(doc) + yaml);
    }

    private static List<String> foundIn(Path repo, String file) throws IOException {
        return new Validation(schemas, TestRepositories.AS_OF).run(new WorkingTreeSource(repo)).diagnostics().stream()
                .filter(d -> d.file().equals(file))
                .map(d -> d.line() + ":" + d.column() + " " + d.severity().name().toLowerCase() + " " + d.rule() + " "
                        + d.message())
                .toList();
    }

    @Test
    void aConditionWithBothFormsOrNeitherIsASchemaError() throws IOException {
        Path repo = repo();
        sloCondition(repo, "      service_doc: data_stores\n      tag: pci\n");
        String expected = "error schema-maxProperties a mapping: must have at most 1 properties; expected a closed "
                + "condition (no expressions) with exactly one of 'service_doc' (holds when that Service Doc field is "
                + "present and not empty) or 'tag' (holds when the Service Doc lists that tag)";
        assertEquals(List.of(ITEMS + ":11:5 " + expected), found(repo));
        repo = TestRepositories.minimalCopy(dir.resolve("neither"));
        Path items = repo.resolve(ITEMS);
        String anchor = "    description: An SLO is defined and measured.\n";
        Files.writeString(items, Files.readString(items).replace(anchor, anchor + "    applies_if: {}\n"));
        assertEquals(List.of("11:5 " + expected.replace("maxProperties", "minProperties").replace("at most", "at least")),
                foundIn(repo, ITEMS));
    }

    @Test
    void aTagConditionHoldsForATaggedProductOnly() throws IOException {
        Path repo = repo();
        sloCondition(repo, "      tag: pci\n");
        Files.writeString(repo.resolve(BETA_ASSESSMENT), SLO_NOT_APPLICABLE);
        assertEquals(List.of(), found(repo), "beta-svc has no tags: the team's not-applicable answer agrees");
        betaServiceDocAppends(repo, "tags:\n  - internal\n  - pci\n");
        assertEquals(List.of(BETA_ASSESSMENT + ":5:5 error not-applicable-challenged 'slo' is answered not_applicable, "
                + "but the standard says it applies to this product: service-doc.yaml lists the tag 'pci'; answer a "
                + "level (the item counts as level 0 until then) or add a waiver for the current phase"), found(repo));
    }

    /** A misspelt tag would make the items not applicable everywhere: a warning when a product has a tag one letter away. */
    @Test
    void aTagConditionNoProductHasIsAWarningWhenAProductHasAResemblingTag() throws IOException {
        Path repo = repo();
        sloCondition(repo, "      tag: pcii\n");
        Files.writeString(repo.resolve(BETA_ASSESSMENT),
                "assessed_on: 2026-09-15\nassessed_by: Dee\nitems:\n  slo:\n    level: 0\n  backup-restore:\n    level: 0\n");
        assertEquals(List.of(), found(repo), "no product has tags: nothing to compare with, the standard may be ahead");
        betaServiceDocAppends(repo, "tags: [pci, internal]\n");
        assertEquals(List.of(ITEMS + ":12:12 warning unused-tag-condition no product has the tag 'pcii', so these items "
                + "apply to none; did you mean 'pci'? tags in use: internal, pci"), found(repo));
    }

    @Test
    void aDataStoresConditionOnTheCategoryAndATagOnTheItemMustBothHold() throws IOException {
        Path repo = repo();
        Path items = repo.resolve(ITEMS);
        Files.writeString(items, Files.readString(items).replace("    title: Availability\n",
                "    title: Availability\n    applies_if: {service_doc: data_stores}\n"));
        sloCondition(repo, "      tag: pci\n");
        Files.writeString(repo.resolve(BETA_ASSESSMENT), SLO_NOT_APPLICABLE);
        betaServiceDocAppends(repo, "tags: [pci]\n");
        assertEquals(List.of(), found(repo), "tagged, but no data stores: the category does not apply");
        betaServiceDocAppends(repo, "data_stores:\n  - id: ledger-db\n    kind: postgresql\n    personal_data: true\n");
        assertEquals(List.of(BETA_ASSESSMENT + ":5:5 error not-applicable-challenged 'slo' is answered not_applicable, "
                + "but the standard says it applies to this product: service-doc.yaml sets 'data_stores' and lists the "
                + "tag 'pci'; answer a level (the item counts as level 0 until then) or add a waiver for the current phase"),
                found(repo));
    }

    @Test
    void tagsAreSlugsListedOnceAndDataStoreIdsAreUnique() throws IOException {
        Path repo = repo();
        betaServiceDocAppends(repo, "tags:\n  - pci\n  - Payments\n  - internal\n  - pci\n"
                + "data_stores:\n  - id: orders-db\n    kind: postgresql\n  - id: orders-db\n    kind: s3\n");
        assertEquals(List.of(
                "21:5 error schema-pattern 'Payments' is not valid here; expected a tag: lowercase letters and digits, "
                        + "words joined by single hyphens, at most 63 characters, e.g. 'pci'",
                "23:5 error duplicate-tag tag 'pci' is listed twice (first at line 20)",
                "27:9 error duplicate-id data store id 'orders-db' is used twice"), foundIn(repo, BETA_SERVICE_DOC));
    }

    @Test
    void aWaiverForTheCurrentPhaseLetsAChallengedAnswerStand() throws IOException {
        Path repo = repo();
        sloAppliesIf(repo, "cost_elements");
        Files.writeString(repo.resolve(BETA_ASSESSMENT), SLO_NOT_APPLICABLE + "waivers:\n  - item: slo\n    phase: beta\n"
                + "    reason: Moving to streaming in Q1.\n    approved_by: Board\n    expires: 2027-02-28\n");
        assertEquals(List.of(), found(repo));
    }

    @Test
    void aNotApplicableAnswerStandsWhereTheStandardDeclaresNoCondition() throws IOException {
        Path repo = repo();
        Files.writeString(repo.resolve(BETA_ASSESSMENT), SLO_NOT_APPLICABLE);
        assertEquals(List.of(), found(repo), "no gap without a plan for an item that does not apply");
    }

    @Test
    void anItemWhoseConditionDoesNotHoldIsNoGap() throws IOException {
        Path repo = repo();
        sloAppliesIf(repo, "slos");
        Files.writeString(repo.resolve(BETA_ASSESSMENT),
                "assessed_on: 2026-09-15\nassessed_by: Dee\nitems:\n  slo:\n    level: 0\n  backup-restore:\n    level: 0\n");
        assertEquals(List.of(), found(repo));
    }

    @Test
    void aLevelBesideNotApplicableIsASchemaError() throws IOException {
        Path repo = repo();
        Files.writeString(repo.resolve(BETA_ASSESSMENT), SLO_NOT_APPLICABLE.replace("  slo:\n", "  slo:\n    level: 1\n"));
        assertEquals(List.of(BETA_ASSESSMENT + ":5:5 error schema-not-allowed property 'level' does not apply here in "
                + "items.slo; it depends on another value here (e.g. the provider of a cost element, the method of a "
                + "split): see the schema's description"), found(repo));
    }

    @Test
    void anItemWithNeitherLevelNorNotApplicableIsMissingItsLevel() throws IOException {
        Path repo = repo();
        Files.writeString(repo.resolve(BETA_ASSESSMENT),
                "assessed_on: 2026-09-15\nassessed_by: Dee\nitems:\n  slo:\n    note: Soon.\n  backup-restore:\n    level: 0\n");
        assertEquals(List.of(BETA_ASSESSMENT + ":4:3 error schema-required missing required property 'level' in items.slo"),
                found(repo));
    }
}
