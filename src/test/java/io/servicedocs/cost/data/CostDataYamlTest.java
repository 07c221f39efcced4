package io.servicedocs.cost.data;

import io.servicedocs.CostFixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.servicedocs.load.LoadedDocument;
import io.servicedocs.load.SchemaValidator;
import io.servicedocs.model.CostElement;
import io.servicedocs.model.CostElement.Provider;
import io.servicedocs.model.CostMonth;
import io.servicedocs.model.CostMonth.CostLine;
import io.servicedocs.model.CostMonth.Revision;
import io.servicedocs.model.CostMonth.Status;
import io.servicedocs.model.Diagnostic;
import io.servicedocs.model.Money;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The text of month files: exact, stable, quoted where YAML could misread, and read back equal. */
class CostDataYamlTest {

    static final SchemaValidator SCHEMAS = new SchemaValidator();
    static final Currency USD = Currency.getInstance("USD");
    static final Instant RETRIEVED = Instant.parse("2026-11-05T03:00:00Z");

    private final CostMonthYaml yaml = new CostMonthYaml(SCHEMAS);

    static CostLine aws(String id, String name, String amount) {
        return new CostLine(new CostElement(Provider.AWS, id, Optional.ofNullable(name), Optional.empty()),
                Optional.empty(), new BigDecimal(amount), USD);
    }

    static CostMonth month(String source, YearMonth month, Status status, List<CostLine> lines) {
        return new CostMonth(source, month, status, "AmortizedCost", RETRIEVED, Optional.empty(), lines, List.of());
    }

    @Test
    void writesTheDocumentedFormatExactly() {
        CostMonth month = new CostMonth("aws", YearMonth.of(2026, 10), Status.FINAL, "AmortizedCost", RETRIEVED,
                Optional.empty(), List.of(aws("482913765210", "hoshimi-iot-platform-prod", "1234.56")),
                List.of(new Revision(RETRIEVED, Status.PROVISIONAL, Instant.parse("2026-10-28T03:00:00Z"),
                        List.of(Money.of("1180.10", "USD")), "provisional month re-fetched")));

        assertEquals("""
                # yaml-language-server: $schema=../../schemas/cost-month.schema.json
                # Written by 'servicedocs costs fetch' or 'servicedocs costs import'; do not edit by hand: fetch or import again instead.
                source: aws
                month: "2026-10"
                status: final
                basis: AmortizedCost
                retrieved: 2026-11-05T03:00:00Z
                costs:
                  - element:
                      provider: aws
                      id: "482913765210"
                      name: hoshimi-iot-platform-prod
                    amount: 1234.56
                    currency: USD
                revisions:
                  - replaced: 2026-11-05T03:00:00Z
                    status: provisional
                    retrieved: 2026-10-28T03:00:00Z
                    totals:
                      - amount: 1180.10
                        currency: USD
                    reason: provisional month re-fetched
                """, CostMonthYaml.render(month));
    }

    @Test
    void anEmptyMonthIsWrittenWithAnEmptyList() {
        String text = CostMonthYaml.render(month("aws", YearMonth.of(2026, 3), Status.FINAL, List.of()));
        assertTrue(text.endsWith("costs: []\n"), text);
        assertEquals(Optional.of(month("aws", YearMonth.of(2026, 3), Status.FINAL, List.of())),
                yaml.parse("cost-data/aws/2026-03.yaml", text.getBytes(StandardCharsets.UTF_8)).record());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.0000001", "123456789012.34", "-3.1415926535", "0", "0.0000000000", "-0.01",
            "1234.5678901234567890123", "1180.4000000000", "99999999999999999.9999999999999",
            "-999999999999999999", "0.00000000000000000001", "42"}) // the last three at NumberBounds' limits
    void amountsRoundTripExactlyAsPlainDecimals(String amount) {
        CostMonth month = month("aws", YearMonth.of(2026, 1), Status.FINAL, List.of(aws("111111111111", null, amount)));
        String text = CostMonthYaml.render(month);
        assertTrue(text.contains("    amount: " + amount + "\n"), text);
        CostMonth back = read("cost-data/aws/2026-01.yaml", text);
        assertEquals(month, back);
        assertEquals(amount, back.costs().get(0).amount().toPlainString());
    }

    @Test
    void anAmountWithAnExponentIsWrittenPlainWithTheSameValue() {
        CostMonth month = month("aws", YearMonth.of(2026, 1), Status.FINAL,
                List.of(aws("111111111111", null, "1E+3"), aws("222222222222", null, "1.25E-9")));
        String text = CostMonthYaml.render(month);
        assertTrue(text.contains("amount: 1000\n") && text.contains("amount: 0.00000000125\n"), text);
        assertTrue(!text.contains("E") || !text.matches("(?s).*amount: [^\\n]*E.*"), text);
        CostMonth back = read("cost-data/aws/2026-01.yaml", text);
        assertEquals(0, new BigDecimal("1000").compareTo(back.costs().get(0).amount()));
        assertEquals(new BigDecimal("0.00000000125"), back.costs().get(1).amount());
    }

    @ParameterizedTest
    @ValueSource(strings = {"payments: prod", "team #1", "yes", "No", "true", "null", "~", "0x1F", "1_000", "0o17",
            "1e3", ".inf", "2026-10", "2026-11-05", "12:30", "- x", "[a]", "{b}", "a, b", "@x", "`x", "'x'",
            "\"x\"", "%x", "*x", "&x", "!x", "|", ">", "?", "? x", "x:", " leading", "trailing ", "tab\tx",
            "multi\nline", "crlf\r\nline", "trailing spaces  \nnext", "ends with newline\n", "\nstarts with newline", "é ü 日本語", "line\u2028separator",
            "bom\uFEFF", "=", "<<", "-", "a  b", "Contoso Prod", "hoshimi-iot-platform-prod", "C:\\path"})
    void namesAndTagsThatYamlCouldMisreadReadBackUnchanged(String text) {
        CostMonth month = new CostMonth("aws", YearMonth.of(2026, 1), Status.FINAL, text.isBlank() ? "x" : "basis " + text,
                RETRIEVED, Optional.of("origin " + text),
                List.of(new CostLine(new CostElement(Provider.AWS, "111111111111", Optional.of(text), Optional.empty()),
                                Optional.of(text), BigDecimal.ONE, USD),
                        new CostLine(new CostElement(Provider.SAAS, text, Optional.empty(), Optional.of(text)),
                                Optional.empty(), BigDecimal.TEN, USD)),
                List.of());
        assertEquals(CostMonths.sorted(month), read("cost-data/aws/2026-01.yaml", CostMonthYaml.render(month)));
    }

    @Test
    void linesAreSortedByProviderVendorIdAndTagWhateverTheInputOrder() {
        List<CostLine> lines = new ArrayList<>(List.of(
                aws("222222222222", "b", "2"),
                new CostLine(new CostElement(Provider.SAAS, "contract-1", Optional.empty(), Optional.of("Zeta")),
                        Optional.empty(), BigDecimal.ONE, USD),
                new CostLine(new CostElement(Provider.SAAS, "contract-9", Optional.empty(), Optional.of("Acme")),
                        Optional.empty(), BigDecimal.ONE, USD),
                new CostLine(new CostElement(Provider.AZURE, "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0", Optional.empty(),
                        Optional.empty()), Optional.empty(), BigDecimal.ONE, USD),
                new CostLine(new CostElement(Provider.AWS, "111111111111", Optional.empty(), Optional.empty()),
                        Optional.of("search"), BigDecimal.ONE, USD),
                new CostLine(new CostElement(Provider.AWS, "111111111111", Optional.empty(), Optional.empty()),
                        Optional.of(""), BigDecimal.ONE, USD),
                new CostLine(new CostElement(Provider.AWS, "111111111111", Optional.empty(), Optional.empty()),
                        Optional.of("payments"), BigDecimal.ONE, USD)));
        String expected = CostMonthYaml.render(month("aws", YearMonth.of(2026, 1), Status.FINAL, lines));
        Random random = new Random(7);
        for (int i = 0; i < 20; i++) {
            Collections.shuffle(lines, random);
            assertEquals(expected, CostMonthYaml.render(month("aws", YearMonth.of(2026, 1), Status.FINAL, lines)));
        }
        List<String> order = CostMonths.sorted(month("aws", YearMonth.of(2026, 1), Status.FINAL, lines)).costs().stream()
                .map(l -> CostMonths.providerName(l.element().provider()) + ":" + l.element().vendor().orElse("") + ":"
                        + l.element().id() + ":" + l.tag().orElse("-"))
                .toList();
        assertEquals(List.of("aws::111111111111:", "aws::111111111111:payments", "aws::111111111111:search",
                "aws::222222222222:-", "azure::0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0:-", "saas:Acme:contract-9:-",
                "saas:Zeta:contract-1:-"), order);
    }

    @Test
    void writtenFilesPassTheSchemaAndBindBackEqual() {
        CostMonth month = new CostMonth("azure", YearMonth.of(2025, 3), Status.PROVISIONAL, "FOCUS 1.2 EffectiveCost",
                RETRIEVED, Optional.of("azure-quirks.csv"),
                List.of(new CostLine(new CostElement(Provider.AZURE, "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0",
                                Optional.of("Contoso Prod"), Optional.empty()), Optional.empty(), new BigDecimal("1222.50"),
                                Currency.getInstance("EUR")),
                        new CostLine(new CostElement(Provider.AZURE, "11111111-2222-3333-4444-555555555555",
                                Optional.of("Contoso Dev"), Optional.empty()), Optional.empty(), new BigDecimal("3.5"), USD)),
                List.of(new Revision(Instant.parse("2026-01-01T00:00:00Z"), Status.PROVISIONAL, RETRIEVED.minusSeconds(86400),
                        List.of(Money.of("-2.5", "EUR"), Money.of("0", "USD")), "provisional month re-imported")));
        LoadedDocument<CostMonth> parsed = yaml.parse("cost-data/azure/2025-03.yaml",
                CostMonthYaml.render(month).getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of(), parsed.diagnostics());
        assertEquals(Optional.of(CostMonths.sorted(month)), parsed.record());
    }

    @Test
    void billingPeriodsAndBillingAccountsPassTheSchemaAndBindBackEqual() {
        CostMonth month = new CostMonth("azure", YearMonth.of(2025, 3), Status.FINAL, "FOCUS 1.2 EffectiveCost",
                RETRIEVED, Optional.of("2025-03.csv, 2025-06.csv"),
                List.of(new CostLine(new CostElement(Provider.AZURE, "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0",
                                Optional.empty(), Optional.empty()), Optional.empty(), new BigDecimal("300"), USD,
                                Optional.of(YearMonth.of(2025, 3))),
                        new CostLine(new CostElement(Provider.AZURE, "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0",
                                Optional.empty(), Optional.empty()), Optional.empty(), new BigDecimal("-50"), USD,
                                Optional.of(YearMonth.of(2025, 6))),
                        // an Azure billing account is no subscription GUID: the id patterns do not apply
                        new CostLine(CostElement.billingAccount(Provider.AZURE, "EA-8611537", Optional.of("Contoso EA"),
                                Optional.empty()), Optional.empty(), new BigDecimal("0.35"), USD,
                                Optional.of(YearMonth.of(2025, 3)))),
                List.of());
        String text = CostMonthYaml.render(month);
        assertTrue(text.contains("""
                      billing_account: true
                    amount: 0.35
                    currency: USD
                    billing_period: "2025-03"
                """), text);
        LoadedDocument<CostMonth> parsed = yaml.parse("cost-data/azure/2025-03.yaml", text.getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of(), parsed.diagnostics());
        assertEquals(Optional.of(CostMonths.sorted(month)), parsed.record());
    }

    @Test
    void problemsOfAFileNameFileLineAndColumn() {
        String text = CostFixture.awsOctober("""
                  - element: {provider: aws, id: "111111111111"}
                    amount: lots
                    currency: USD
                """);
        List<Diagnostic> problems = yaml.parse("cost-data/aws/2026-10.yaml", text.getBytes(StandardCharsets.UTF_8)).diagnostics();
        assertEquals(1, problems.size(), problems.toString());
        assertEquals("cost-data/aws/2026-10.yaml", problems.get(0).file());
        assertEquals(8, problems.get(0).line());
        assertEquals(13, problems.get(0).column());

        List<Diagnostic> misplaced = yaml.parse("cost-data/azure/2026-09.yaml",
                text.replace("amount: lots", "amount: 1").getBytes(StandardCharsets.UTF_8)).diagnostics();
        assertEquals(List.of("1:9:cost-file-misplaced", "2:8:cost-file-misplaced"),
                misplaced.stream().map(d -> d.line() + ":" + d.column() + ":" + d.rule()).toList());
    }

    @Test
    void aDuplicateLineIsNamedAsValidateNamesIt() {
        String text = CostFixture.awsOctober("""
                  - element: {provider: aws, id: "111111111111"}
                    amount: 1
                    currency: USD
                  - element: {provider: aws, id: "111111111111"}
                    amount: 2
                    currency: USD
                """);
        var parsed = yaml.parse("cost-data/aws/2026-10.yaml", text.getBytes(StandardCharsets.UTF_8));
        assertEquals(Optional.empty(), parsed.record());
        assertEquals(List.of("10:5:cost-line-duplicate:aws cost element '111111111111' in USD is listed twice "
                        + "(also at line 7); expected one line per cost element, tag, currency and billing period"),
                parsed.diagnostics().stream().map(d -> d.line() + ":" + d.column() + ":" + d.rule() + ":" + d.message())
                        .toList());

        // the store reports a misplaced file's duplicate lines too: it names every problem of a file it refuses
        List<String> misplaced = yaml.parse("cost-data/azure/2026-10.yaml", text.getBytes(StandardCharsets.UTF_8))
                .diagnostics().stream().map(Diagnostic::rule).toList();
        assertEquals(List.of("cost-file-misplaced", "cost-line-duplicate"), misplaced);
    }

    @Test
    void oddButAllowedTextInNamesRoundTrips() {
        // what an import lets through (TextCharacters) must load again: tabs, U+2028, RTL marks, emoji, markup
        String odd = "<b>&amp; \"q\" 'a' ]]> \uD83D\uDE00 \u200F\u202Eright\u202C \u2028 \u2029 \u00A0 \uFEFF\ttab: #x";
        CostMonth month = month("aws", YearMonth.of(2026, 1), Status.FINAL, List.of(aws("111111111111", odd, "1")));
        String text = CostMonthYaml.render(month);
        assertEquals(month, read("cost-data/aws/2026-01.yaml", text));
    }

    private CostMonth read(String path, String text) {
        LoadedDocument<CostMonth> parsed = yaml.parse(path, text.getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of(), parsed.diagnostics(), text);
        return parsed.record().orElseThrow();
    }
}
