package io.servicedocs.load;

import io.servicedocs.CostFixture;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.servicedocs.model.CostMonth;
import io.servicedocs.model.Diagnostic;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules of one month file, as both validate and the cost-data store word them. */
class CostMonthRulesTest {

    private static final String MONTH = CostFixture.awsOctober("""
              - element: {provider: aws, id: "111111111111"}
                tag: team-a
                amount: 1
                currency: USD
              - element: {provider: saas, vendor: Contoso, id: "c-1"}
                amount: 2
                currency: USD
              - element: {provider: aws, id: "111111111111"}
                tag: team-a
                amount: 3
                currency: USD
            """);

    private static final DocumentLoader LOADER = new DocumentLoader(new SchemaValidator());

    private static LoadedDocument<CostMonth> load(String path) {
        return LOADER.load(FileKind.COST_MONTH, path, MONTH.getBytes(StandardCharsets.UTF_8), CostMonth.class);
    }

    private static List<String> describe(List<Diagnostic> problems) {
        return problems.stream().map(d -> d.line() + ":" + d.column() + ":" + d.rule() + ":" + d.message()).toList();
    }

    @Test
    void aMonthOutOfPlaceNamesWhereItBelongs() {
        LoadedDocument<CostMonth> loaded = load("cost-data/azure/2026-09.yaml");
        assertEquals(List.of(
                "1:9:cost-file-misplaced:source 'aws' does not match its folder 'azure'; expected the file in "
                        + "cost-data/aws/2026-10.yaml",
                "2:8:cost-file-misplaced:month 2026-10 does not match the file name '2026-09.yaml'; expected 2026-10.yaml"),
                describe(CostMonthRules.misplaced(loaded.document().orElseThrow(), loaded.record().orElseThrow())));
    }

    @Test
    void aMonthInPlaceHasNoPlaceFinding() {
        LoadedDocument<CostMonth> loaded = load("cost-data/aws/2026-10.yaml");
        assertEquals(List.of(), CostMonthRules.misplaced(loaded.document().orElseThrow(), loaded.record().orElseThrow()));
    }

    @Test
    void aLineListedTwiceNamesTheFirst() {
        LoadedDocument<CostMonth> loaded = load("cost-data/aws/2026-10.yaml");
        assertEquals(List.of("14:5:cost-line-duplicate:aws cost element '111111111111' with tag 'team-a' in USD is "
                        + "listed twice (also at line 7); expected one line per cost element, tag, currency and billing period"),
                describe(CostMonthRules.duplicateLines(loaded.document().orElseThrow(), loaded.record().orElseThrow())));
    }

    @Test
    void aContractIsNamedWithItsVendor() {
        CostMonth month = load("cost-data/aws/2026-10.yaml").record().orElseThrow();
        assertEquals("saas Contoso contract 'c-1'", CostMonthRules.describe(month.costs().get(1).element()));
    }
}
