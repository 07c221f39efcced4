package io.servicedocs.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.servicedocs.TestRepositories;
import io.servicedocs.assess.Assessor;
import io.servicedocs.assess.ItemResult;
import io.servicedocs.assess.ItemStatus;
import io.servicedocs.assess.ProductReadiness;
import io.servicedocs.load.SchemaValidator;
import io.servicedocs.model.QualityItem;
import io.servicedocs.model.Repository;
import io.servicedocs.source.WorkingTreeSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Binary quality items (kind: binary, met / not met): the standard writes one criteria and the
 * phase it is required from; an assessment answers met: true|false; a plan reads "met by DATE".
 * Each kind's properties on the other kind are errors that say what to write instead.
 */
class BinaryItemsTest {

    private static final String ITEMS = "standards/quality-items.yaml";
    private static final String ALPHA = "products/alpha/assessment.yaml";
    private static final String BETA = "products/beta-svc/assessment.yaml";
    // the minimal quality-items.yaml has 41 lines: an appended item starts on line 42
    private static final String STATUS_PAGE = "  - id: status-page\n    category: availability\n    kind: binary\n"
            + "    title: Status page\n    description: Customers learn about outages from us.\n"
            + "    criteria: The product has a component on the status page.\n    required_from: beta\n";
    private static final String MET = "  status-page:\n    met: true\n    evidence:\n      - title: Status page\n"
            + "        url: https://status.example.com/alpha\n";
    private static final String NOT_MET_WITH_PLAN = "  status-page:\n    met: false\n    plan:\n      due: 2027-01-15\n";

    private static SchemaValidator schemas;

    @TempDir
    Path dir;

    @BeforeAll
    static void schemas() {
        schemas = new SchemaValidator();
    }

    /** The minimal repository with the binary item appended and answered by both products. */
    private Path repo(String item, String alphaAnswer, String betaAnswer) throws IOException {
        Path repo = TestRepositories.minimalCopy(dir);
        append(repo, ITEMS, item);
        insertItem(repo, ALPHA, alphaAnswer);
        insertItem(repo, BETA, betaAnswer);
        return repo;
    }

    private static void append(Path repo, String file, String text) throws IOException {
        Files.writeString(repo.resolve(file), Files.readString(repo.resolve(file)) + text);
    }

    /** Puts an item's answer first under 'items:' (line 3 of both minimal assessments). */
    private static void insertItem(Path repo, String file, String answer) throws IOException {
        String text = Files.readString(repo.resolve(file));
        if (!text.contains("items:\n")) {
            throw new IllegalStateException("fixture changed: no 'items:' in " + file);
        }
        Files.writeString(repo.resolve(file), text.replaceFirst("items:\n", "items:\n" + answer.replace("$", "\\$")));
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

    @Test
    void aBinaryItemIsMetOrNotMetAndRequiredFromItsPhaseOn() throws IOException {
        Path repo = repo(STATUS_PAGE, MET, NOT_MET_WITH_PLAN);
        ValidationResult result = validate(repo);
        assertEquals(List.of(), result.diagnostics());
        Repository repository = result.repository().orElseThrow();
        QualityItem item = repository.standard().item("status-page").orElseThrow();
        assertEquals(true, item.isBinary());
        assertEquals(1, item.maxLevel());
        assertEquals(List.of("not met", "met"), item.levels().stream().map(l -> l.title()).toList());
        assertEquals("The product has a component on the status page.", item.levels().get(1).criteria());
        assertEquals(List.of(0, 1, 1, 1), List.of(item.requiredLevel("poc", "tier-1"), item.requiredLevel("beta", "tier-1"),
                item.requiredLevel("ga", "tier-2"), item.requiredLevel("sunset", "tier-2")));

        List<ProductReadiness> products = Assessor.assess(repository, TestRepositories.AS_OF).products();
        ItemResult alpha = statusPage(products, "alpha");
        ItemResult beta = statusPage(products, "beta-svc");
        assertEquals(List.of(1, 1, ItemStatus.MEETS, "met"), List.of(alpha.level(), alpha.required(), alpha.status(),
                alpha.gapText()));
        assertEquals(List.of(0, 1, ItemStatus.MISSES, "not met"), List.of(beta.level(), beta.required(), beta.status(),
                beta.gapText()));
        // a plan without target_level aims at "met"
        assertEquals(1, repository.products().get(1).assessment().items().get("status-page").plan().orElseThrow()
                .targetFor(item));
    }

    @Test
    void tiersLimitABinaryItemLikeASecurityCheck() throws IOException {
        Path repo = repo(STATUS_PAGE + "    tiers: [tier-2]\n", MET, NOT_MET_WITH_PLAN);
        ValidationResult result = validate(repo);
        assertEquals(List.of(), result.diagnostics());
        QualityItem item = result.repository().orElseThrow().standard().item("status-page").orElseThrow();
        assertEquals(List.of(0, 1), List.of(item.requiredLevel("ga", "tier-1"), item.requiredLevel("ga", "tier-2")));
    }

    @Test
    void anUnknownPhaseOrTierOfABinaryItemIsNamedWithSuggestions() throws IOException {
        Path repo = repo(STATUS_PAGE.replace("required_from: beta", "required_from: bta") + "    tiers: [tier-3]\n",
                MET, NOT_MET_WITH_PLAN);
        assertEquals(List.of(
                ITEMS + ":48:20 error unknown-phase unknown phase 'bta'; did you mean 'beta'? expected one of: poc, beta, ga, sunset",
                ITEMS + ":49:13 error unknown-tier unknown tier 'tier-3'; did you mean 'tier-1'? expected one of: tier-1, tier-2"),
                found(repo));
    }

    @Test
    void aBinaryItemWithLevelsIsAnErrorThatSaysWhatToDo() throws IOException {
        Path repo = repo(STATUS_PAGE + "    levels:\n      - level: 0\n        title: No\n        criteria: None.\n"
                + "      - level: 1\n        title: Yes\n        criteria: Yes.\n", MET, NOT_MET_WITH_PLAN);
        assertEquals(List.of(ITEMS + ":49:5 error item-kind a binary item (kind: binary) has no 'levels': it is met or"
                + " not met as its 'criteria' says, required from 'required_from' (and 'tiers'); remove 'levels' or"
                + " remove 'kind: binary'"), found(repo));
    }

    @Test
    void aLevelItemWithCriteriaIsAnErrorThatSaysWhatToDo() throws IOException {
        Path repo = TestRepositories.minimalCopy(dir);
        String items = Files.readString(repo.resolve(ITEMS));
        Files.writeString(repo.resolve(ITEMS), items.replace("    description: An SLO is defined and measured.\n",
                "    description: An SLO is defined and measured.\n    criteria: An SLO exists.\n"));
        assertEquals(List.of(ITEMS + ":11:5 error item-kind 'criteria' is for binary items only; add 'kind: binary'"
                + " (met / not met, no levels) or remove 'criteria' and give the criteria per level"), found(repo));
    }

    @Test
    void aBinaryItemWithoutCriteriaIsASchemaError() throws IOException {
        Path repo = repo(STATUS_PAGE.replace("    criteria: The product has a component on the status page.\n", ""),
                MET, NOT_MET_WITH_PLAN);
        assertEquals(List.of(ITEMS + ":42:5 error schema-required missing required property 'criteria' in items.2"),
                found(repo));
    }

    @Test
    void aLevelOnABinaryItemIsAnErrorWithTheFormToUse() throws IOException {
        Path repo = repo(STATUS_PAGE, "  status-page:\n    level: 1\n", NOT_MET_WITH_PLAN);
        assertEquals(List.of(ALPHA + ":5:5 error item-kind 'status-page' is a binary item (met / not met): answer it"
                + " with 'met: true' or 'met: false', not a level"), found(repo));
    }

    @Test
    void metOnALevelItemIsAnErrorWithTheFormToUse() throws IOException {
        Path repo = repo(STATUS_PAGE, MET, NOT_MET_WITH_PLAN);
        String beta = Files.readString(repo.resolve(BETA));
        Files.writeString(repo.resolve(BETA), beta.replace("  slo:\n    level: 1\n", "  slo:\n    met: true\n"));
        assertEquals(List.of(BETA + ":9:5 error item-kind 'slo' has levels 0..2: answer it with 'level: N'; 'met' is"
                + " for binary items only"), found(repo));
    }

    /** A binary item may be answered not_applicable like a level item: neither met nor level, and no requirement. */
    @Test
    void aBinaryItemCanBeAnsweredNotApplicableButNotAlsoMet() throws IOException {
        String notApplicable = "  status-page:\n    not_applicable:\n      reason: Internal tool, no customers.\n";
        Path repo = repo(STATUS_PAGE, notApplicable, NOT_MET_WITH_PLAN);
        ValidationResult result = validate(repo);
        assertEquals(List.of(), result.diagnostics());
        ItemResult alpha = statusPage(Assessor.assess(result.repository().orElseThrow(), TestRepositories.AS_OF)
                .products(), "alpha");
        assertEquals(List.of(0, ItemStatus.NOT_APPLICABLE, io.servicedocs.assess.Applicability.NOT_APPLICABLE_BY_TEAM,
                false), List.of(alpha.level(), alpha.status(), alpha.applicability(), alpha.isRequirement()));

        Path both = dir.resolve("both");
        Files.createDirectories(both);
        Path repo2 = TestRepositories.minimalCopy(both);
        append(repo2, ITEMS, STATUS_PAGE);
        insertItem(repo2, ALPHA, "  status-page:\n    met: true\n    not_applicable:\n      reason: Internal tool.\n");
        insertItem(repo2, BETA, NOT_MET_WITH_PLAN);
        // as for 'level' beside not_applicable: the schema refuses the answer's value, at the 'met' key
        assertEquals(List.of(ALPHA + ":5:5 error schema-not-allowed property 'met' does not apply here in"
                + " items.status-page; it depends on another value here (e.g. the provider of a cost element, the method"
                + " of a split): see the schema's description"), found(repo2));
    }

    @Test
    void aBinaryItemsPlanHasNoTargetLevel() throws IOException {
        Path repo = repo(STATUS_PAGE, MET, "  status-page:\n    met: false\n    plan:\n      target_level: 1\n"
                + "      due: 2027-01-15\n");
        assertEquals(List.of(BETA + ":7:7 error item-kind 'status-page' is a binary item: its plan reads 'met by DATE',"
                + " so give only 'due' (and 'note'), no target_level"), found(repo));
    }

    @Test
    void aLevelItemsPlanNeedsItsTargetLevel() throws IOException {
        Path repo = TestRepositories.minimalCopy(dir);
        String alpha = Files.readString(repo.resolve(ALPHA));
        Files.writeString(repo.resolve(ALPHA), alpha.replace("      target_level: 2\n", ""));
        assertEquals(List.of(ALPHA + ":8:5 error plan-without-target plan for 'backup-restore' has no target_level;"
                + " give the level it reaches by its due date"), found(repo));
    }

    @Test
    void anItemAnsweredWithNeitherLevelNorMetIsASchemaError() throws IOException {
        // the schema cannot know the item's kind: it asks for 'level' wherever 'met' is absent
        Path repo = repo(STATUS_PAGE, MET, "  status-page:\n    note: Not decided yet.\n");
        assertEquals(List.of(BETA + ":4:3 error schema-required missing required property 'level' in items.status-page"),
                found(repo));
    }

    @Test
    void metWithoutEvidenceIsTheLevelWithoutEvidenceFinding() throws IOException {
        Path repo = repo(STATUS_PAGE, "  status-page:\n    met: true\n", NOT_MET_WITH_PLAN);
        String standard = Files.readString(repo.resolve("standards/standard.yaml"));
        Files.writeString(repo.resolve("standards/standard.yaml"),
                standard.replace("level_without_evidence: off", "level_without_evidence: warning"));
        List<String> found = found(repo).stream().filter(d -> d.contains("'status-page'")).toList();
        assertEquals(List.of(ALPHA + ":5:10 warning level-without-evidence 'status-page' is met but has no evidence;"
                + " add an evidence link (title, url) that proves it, or answer met: false"), found);
    }

    /** A binary item's gap reads "not met ... requires it met", and its plan needs only a due date. */
    @Test
    void aBinaryGapWithoutPlanSaysNotMetAndRequiredMet() throws IOException {
        Path repo = repo(STATUS_PAGE, MET, "  status-page:\n    met: false\n");
        String standard = Files.readString(repo.resolve("standards/standard.yaml"));
        Files.writeString(repo.resolve("standards/standard.yaml"),
                standard.replace("gap_without_plan: off", "gap_without_plan: warning"));
        List<String> found = found(repo).stream().filter(d -> d.contains("'status-page'")).toList();
        assertEquals(List.of(BETA + ":4:3 warning gap-without-plan 'status-page' is not met but phase 'beta' requires"
                + " it met for tier-2; add a plan (due) or a waiver"), found);
    }

    @Test
    void aWaiverOfAMetBinaryItemIsUnneededInThoseWords() throws IOException {
        Path repo = repo(STATUS_PAGE, MET, NOT_MET_WITH_PLAN);
        append(repo, ALPHA, "  - item: status-page\n    phase: ga\n    reason: Status page vendor change.\n"
                + "    approved_by: Review board\n    expires: 2027-04-30\n");
        assertEquals(List.of(ALPHA + ":23:5 warning waiver-unneeded 'status-page' is already met, as 'ga' requires;"
                + " the waiver can be removed"), found(repo));
    }

    private static ItemResult statusPage(List<ProductReadiness> products, String product) {
        return products.stream().filter(p -> p.product().id().equals(product)).findFirst().orElseThrow()
                .current().items().stream().filter(i -> i.item().id().equals("status-page")).findFirst().orElseThrow();
    }
}
