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
}
