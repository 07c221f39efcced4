package io.servicedocs.load;

import io.servicedocs.CostFixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.servicedocs.model.CostMonth;
import io.servicedocs.model.Diagnostic;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each stage of loading runs only when the one before found nothing, and says where a problem is. */
class DocumentLoaderTest {

    private static final String PATH = "cost-data/aws/2026-10.yaml";
    private static final String MONTH = CostFixture.awsOctober("""
              - element: {provider: aws, id: "111111111111"}
                amount: 12.50
                currency: USD
            """);

    private static DocumentLoader loader;

    @BeforeAll
    static void schemas() {
        loader = new DocumentLoader(new SchemaValidator());
    }

    private static LoadedDocument<CostMonth> load(String text) {
        return loader.load(FileKind.COST_MONTH, PATH, text.getBytes(StandardCharsets.UTF_8), CostMonth.class);
    }

    private static List<String> places(LoadedDocument<?> loaded) {
        return loaded.diagnostics().stream().map(d -> d.file() + ":" + d.line() + ":" + d.column() + ":" + d.rule())
                .toList();
    }

    @Test
    void aConformingFileGivesItsTreeAndRecord() {
        LoadedDocument<CostMonth> loaded = load(MONTH);
        assertEquals(List.of(), loaded.diagnostics());
        assertEquals(YearMonth.of(2026, 10), loaded.record().orElseThrow().month());
        assertEquals(PATH, loaded.document().orElseThrow().path());
    }

    @Test
    void yamlThatDoesNotParseStopsBeforeTheSchema() {
        LoadedDocument<CostMonth> loaded = load(MONTH.replace("status: final", "status: final\n\tbasis: x"));
        assertEquals(List.of(PATH + ":4:1:yaml-tab"), places(loaded));
        assertEquals(Optional.empty(), loaded.document());
        assertEquals(Optional.empty(), loaded.record());
    }

    @Test
    void schemaFindingsStopBeforeBinding() {
        LoadedDocument<CostMonth> loaded = load(MONTH.replace("    amount: 12.50\n", ""));
        assertEquals(List.of(PATH + ":7:5:schema-required"), places(loaded));
        assertTrue(loaded.diagnostics().get(0).message().contains("'amount'"), loaded.diagnostics().toString());
        assertEquals(Optional.empty(), loaded.document(), "a tree that fails its schema is no rule's input");
        assertEquals(Optional.empty(), loaded.record());
    }

    @Test
    void aValueTheSchemaCannotJudgeFailsBindingAtItsNode() {
        LoadedDocument<CostMonth> loaded = load(MONTH.replace("currency: USD", "currency: XYZ"));
        assertEquals(List.of(PATH + ":9:15:invalid-value"), places(loaded));
        assertTrue(loaded.document().isPresent(), "the tree conforms: rules may still place findings in it");
        assertEquals(Optional.empty(), loaded.record());
    }

    @Test
    void conformingLeavesBindingToTheCaller() {
        LoadedDocument<YamlDocument> checked =
                loader.conform(FileKind.COST_MONTH, PATH, MONTH.getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of(), checked.diagnostics());
        assertEquals(checked.document(), checked.record());

        Diagnostic refused = loader.conform(FileKind.COST_MONTH, PATH,
                MONTH.replace("status: final", "status: done").getBytes(StandardCharsets.UTF_8)).diagnostics().get(0);
        assertEquals("schema-enum", refused.rule());
        assertEquals(3, refused.line());
    }

    private static LoadedDocument<io.servicedocs.model.Assessment> salvage(String text) {
        YamlDocument parsed = new YamlReader().read("products/a/assessment.yaml", text.getBytes(StandardCharsets.UTF_8))
                .document().orElseThrow();
        return loader.loadSalvaging(FileKind.ASSESSMENT, parsed, io.servicedocs.model.Assessment.class);
    }

    private static final String WAIVER = "  - item: slo\n    phase: ga\n    reason: R.\n    approved_by: Board\n    expires: %s\n";

    @Test
    void aFileThatFailsItsSchemaIsSalvagedWithoutTheNodesAtFaultAndKeepsItsPlaces() {
        LoadedDocument<io.servicedocs.model.Assessment> loaded = salvage("assessed_on: 2026-10-01\nassessed_by: Bob\n"
                + "items:\n  slo:\n    level: high\n  backup:\n    level: 1\n    note: [a]\n"
                + "waivers:\n" + WAIVER.formatted("soon") + WAIVER.formatted("2026-11-01"));
        // the file as written: its problems, no tree and no record (it never enters the model)
        assertEquals(List.of("products/a/assessment.yaml:5:12:schema-type", "products/a/assessment.yaml:8:5:schema-type",
                "products/a/assessment.yaml:14:14:schema-format"), places(loaded));
        assertEquals(Optional.empty(), loaded.record());
        Salvaged<io.servicedocs.model.Assessment> salvaged = loaded.salvaged().orElseThrow();
        // a wrong required value takes its parent with it; an optional one goes alone
        assertEquals(java.util.Set.of("/items/slo", "/items/backup/note", "/waivers/0"), salvaged.pruned());
        io.servicedocs.model.Assessment record = salvaged.record().orElseThrow();
        assertEquals(java.util.Set.of("backup"), record.items().keySet());
        assertEquals(1, record.waivers().size());
        // the second waiver is the first of the copy, still placed where it is written
        YamlDocument copy = salvaged.document().orElseThrow();
        assertEquals(new io.servicedocs.model.Position(19, 14), copy.locate("/waivers/0/expires"));
        assertTrue(salvaged.isPruned("/items/slo/level"));
    }

    @Test
    void aRequiredPropertyMissingAtTheTopCannotBeSalvaged() {
        LoadedDocument<io.servicedocs.model.Assessment> loaded = salvage("assessed_by: Bob\nitems:\n  slo:\n    level: x\n");
        Salvaged<io.servicedocs.model.Assessment> salvaged = loaded.salvaged().orElseThrow();
        assertEquals(Optional.empty(), salvaged.document());
        assertEquals(Optional.empty(), salvaged.record());
        assertEquals(java.util.Set.of("", "/items/slo/level"), salvaged.faults());
    }
}
