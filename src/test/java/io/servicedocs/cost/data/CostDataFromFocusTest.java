package io.servicedocs.cost.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.servicedocs.cost.data.FocusMonths.Conversion;
import io.servicedocs.cost.data.FocusMonths.WithoutSubAccount;
import io.servicedocs.cost.focus.FocusRead;
import io.servicedocs.cost.focus.BillingAccountColumn;
import io.servicedocs.cost.focus.FocusImporter;
import io.servicedocs.load.NumberBounds;
import io.servicedocs.model.CostElement;
import io.servicedocs.model.CostElement.Provider;
import io.servicedocs.model.CostMonth;
import io.servicedocs.model.CostMonth.CostLine;
import io.servicedocs.model.CostMonth.Status;
import io.servicedocs.model.Money;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CostDataFromFocusTest {

    static final Path SAMPLE = Path.of("src/test/resources/cost/focus/focus-1.0-sample-aws.csv");
    static final Path AZURE = Path.of("src/test/resources/cost/focus/azure-quirks.csv");
    static final Instant NOW = Instant.parse("2026-11-24T19:45:09Z");
    static final LocalDate TODAY = LocalDate.of(2026, 11, 24);
    static final String GUID = "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0";

    private final FocusMonths converter = new FocusMonths(Clock.fixed(NOW, ZoneOffset.UTC));

    private static FocusRead csv(String name, String text) throws Exception {
        return new FocusImporter().read(new StringReader(BillingAccountColumn.add(text)), name).focusRead();
    }

    private static final String HEADER =
            "ProviderName,SubAccountId,SubAccountName,ChargePeriodStart,BillingCurrency,EffectiveCost,ChargeCategory\n";

    @Test
    void readByTagEachLineCarriesItsTagAndTheOriginNamesTheKey() throws Exception {
        FocusRead sample = new FocusImporter(FocusImporter.DEFAULT_MAX_ERRORS, Optional.of("application"))
                .read(SAMPLE).focusRead();

        CostMonth september = converter.convert(List.of(sample), "aws", WithoutSubAccount.ERROR, TODAY).months().get(0);

        assertEquals(Optional.of("focus-1.0-sample-aws.csv by tag key 'application'"), september.origin());
        assertEquals(110, september.costs().size(), "one line per account and tag value");
        assertEquals(List.of(Money.of("-2.00000000000", "USD")), CostMonths.totals(september));
        List<String> atlasOrion = september.costs().stream()
                .filter(l -> l.element().id().equals("011353890204"))
                .map(l -> l.tag().orElseThrow() + "=" + l.amount().toPlainString()).toList();
        assertEquals(List.of("=-3.00000000000", "BrightPathMatrix=1.00000000000", "EvolveGridPlus=0.00000000000",
                "OptiAccessVision=0.00000000000", "ZoomMapMax=0.00000000000"), atlasOrion, "sorted, untagged first");
        // written with the tag beside the element
        String yaml = CostMonthYaml.render(september);
        assertTrue(yaml.contains("""
                  - element:
                      provider: aws
                      id: "011353890204"
                      name: Atlas Orion
                    tag: BrightPathMatrix
                    amount: 1.00000000000
                    currency: USD
                """), yaml);
    }

    @Test
    void theAwsSampleBecomesOneFinalMonthOfEveryAccount() throws Exception {
        FocusRead sample = new FocusImporter().read(SAMPLE).focusRead();

        assertEquals(Optional.of("aws"), FocusMonths.derivedSource(List.of(sample)));
        Conversion conversion = converter.convert(List.of(sample), "aws", WithoutSubAccount.ERROR, TODAY);

        assertEquals(1, conversion.months().size());
        CostMonth september = conversion.months().get(0);
        assertEquals(YearMonth.of(2024, 9), september.month());
        assertEquals(Status.FINAL, september.status());
        assertEquals("FOCUS 1.0 EffectiveCost", september.basis());
        assertEquals(Optional.of("focus-1.0-sample-aws.csv"), september.origin());
        assertEquals(NOW, september.retrieved());
        assertEquals(45, september.costs().size(), "every account, also those of zero cost");
        assertEquals(List.of(Money.of("-2.00000000000", "USD")), CostMonths.totals(september));
        // the anonymised sample has 11-digit account ids: read as lost leading zeros
        CostLine atlasOrion = september.costs().stream()
                .filter(l -> l.element().name().equals(Optional.of("Atlas Orion"))).findFirst().orElseThrow();
        assertEquals(new CostElement(Provider.AWS, "011353890204", Optional.of("Atlas Orion"), Optional.empty()),
                atlasOrion.element());
        assertEquals(new BigDecimal("-2.00000000000"), atlasOrion.amount());
        assertEquals(1, conversion.notes().size());
        assertTrue(conversion.notes().get(0).startsWith("45 AWS account id(s) had fewer than 12 digits"),
                conversion.notes().get(0));
        assertTrue(conversion.notes().get(0).contains("10961396247 -> 010961396247"), conversion.notes().get(0));
    }

    @Test
    void rowsWithoutSubAccountAreAnErrorNamingFileMonthAndAmount() throws Exception {
        FocusRead azure = new FocusImporter().read(AZURE).focusRead();

        FocusMappingException e = assertThrows(FocusMappingException.class,
                () -> converter.convert(List.of(azure), "azure", WithoutSubAccount.ERROR, TODAY));

        assertEquals(1, e.problems().size());
        String problem = e.problems().get(0);
        assertTrue(problem.startsWith(AZURE + ":9: column SubAccountId: 1 row(s) of 2025-04 from ProviderName "
                + "'Microsoft' (EffectiveCost 0.35 USD) have no SubAccountId"), problem);
        assertTrue(problem.contains("--without-sub-account=skip"), problem);
    }

    @Test
    void aSumBeyondTheBoundsTheLoaderHoldsIsAnErrorAtItsFirstRowAndNothingIsWritten() throws Exception {
        // each amount is within the bounds, their sum (1.8 * 10^18) is not: the file written would not load
        String rows = "AWS,111111111111,a,2026-01-01,USD,900000000000000000,Usage\n"
                + "AWS,222222222222,b,2026-01-01,USD,1,Usage\n";
        FocusRead first = csv("first.csv", HEADER + rows);
        FocusRead second = csv("second.csv", HEADER + rows);

        FocusMappingException e = assertThrows(FocusMappingException.class,
                () -> converter.convert(List.of(first, second), "aws", WithoutSubAccount.ERROR, TODAY));

        assertEquals(List.of("first.csv:2: column EffectiveCost: the sum for aws 111111111111 in 2026-01 is out of range:"
                + " 1800000000000000000 is 10^18 or more in magnitude; " + NumberBounds.LIMITS), e.problems());
    }

    @Test
    void rowsWithoutSubAccountCanBeLeftOutExplicitlyAndAreListed() throws Exception {
        FocusRead azure = new FocusImporter().read(AZURE).focusRead();

        Conversion conversion = converter.convert(List.of(azure), "azure", WithoutSubAccount.SKIP, TODAY);

        // the 12-month licence of line 4 (1,200 EUR, 2025-03-02 to 2026-03-02) is spread over its term:
        // 100 EUR in each month 2025-03 to 2026-02 (before, all of it went to March)
        assertEquals(List.of(AZURE + ":4: spread 1200 EUR over 2025-03..2026-02 (12 months, 100.00 EUR in the first): one-time "
                + "purchase 'Annual licence Contoso Suite, 12 months' of " + GUID + ", EffectiveCost, term 2025-03-02 to 2026-03-01",
                AZURE + ": left out 1 row(s) of 2025-04 from ProviderName 'Microsoft' (EffectiveCost "
                + "0.35 USD): no SubAccountId"), conversion.notes());
        assertEquals(12, conversion.months().size());
        assertEquals(YearMonth.of(2026, 2), conversion.months().get(11).month());
        CostMonth march = conversion.months().get(0);
        assertEquals("FOCUS 1.2 EffectiveCost", march.basis());
        assertEquals(List.of(new CostLine(new CostElement(Provider.AZURE, GUID, Optional.of("Contoso Prod"),
                Optional.empty()), Optional.empty(), new BigDecimal("122.50"), Currency.getInstance("EUR"),
                Optional.of(YearMonth.of(2025, 3)), List.of(new CostMonth.TermPurchase(
                        "Annual licence Contoso Suite, 12 months", new BigDecimal("1200"), java.time.LocalDate.of(2025, 3, 2),
                        java.time.LocalDate.of(2026, 3, 1), 12, new BigDecimal("100.00"))))), march.costs(),
                "no BillingPeriodStart: billed in the charge month; the line keeps its share of the spread licence");
        assertEquals(List.of(new CostLine(new CostElement(Provider.AZURE, "11111111-2222-3333-4444-555555555555",
                Optional.of("Contoso Dev"), Optional.empty()), Optional.empty(), new BigDecimal("3.5"),
                Currency.getInstance("USD"), Optional.of(YearMonth.of(2025, 4)))), conversion.months().get(1).costs().stream()
                .filter(l -> l.currency().getCurrencyCode().equals("USD")).toList());
        assertEquals(new BigDecimal("100.00"), conversion.months().get(1).costs().stream()
                .filter(l -> l.currency().getCurrencyCode().equals("EUR")).findFirst().orElseThrow().amount());
    }

    @Test
    void rowsWithoutSubAccountAreTheirBillingAccountsCostByDefault() throws Exception {
        FocusRead azure = new FocusImporter().read(AZURE).focusRead();

        Conversion conversion = converter.convert(List.of(azure), "azure", WithoutSubAccount.BILLING_ACCOUNT, TODAY);

        assertEquals(List.of(AZURE + ":4: spread 1200 EUR over 2025-03..2026-02 (12 months, 100.00 EUR in the first): one-time "
                + "purchase 'Annual licence Contoso Suite, 12 months' of " + GUID + ", EffectiveCost, term 2025-03-02 to 2026-03-01"), conversion.notes());
        CostMonth april = conversion.months().get(1);
        // the Tax row of line 9 has no SubAccountId: it is billing account EA-1's, no id pattern applies
        assertEquals(List.of(
                new CostLine(new CostElement(Provider.AZURE, "11111111-2222-3333-4444-555555555555",
                        Optional.of("Contoso Dev"), Optional.empty()), Optional.empty(), new BigDecimal("3.5"),
                        Currency.getInstance("USD"), Optional.of(YearMonth.of(2025, 4))),
                new CostLine(CostElement.billingAccount(Provider.AZURE, "EA-1", Optional.empty(), Optional.empty()),
                        Optional.empty(), new BigDecimal("0.35"), Currency.getInstance("USD"),
                        Optional.of(YearMonth.of(2025, 4)))), april.costs().stream()
                .filter(l -> l.currency().getCurrencyCode().equals("USD")).toList());
        assertEquals("azure:billing-account:EA-1", april.costs().stream()
                .filter(l -> l.currency().getCurrencyCode().equals("USD")).toList().get(1).element().key());
    }

    @Test
    void aFileWhoseEffectiveCostIsZeroEverywhereGetsAWarningWithBothTotals() throws Exception {
        FocusRead zero = new FocusImporter().read(new StringReader("BillingAccountId,ProviderName,SubAccountId,"
                + "ChargePeriodStart,BillingCurrency,EffectiveCost,BilledCost,ChargeCategory\n"
                + "BA,Acme SaaS,c-1,2026-10-01,USD,0,120.50,Usage\n"
                + "BA,Acme SaaS,c-1,2026-10-02,USD,0,9.5,Usage\n"), "zero.csv").focusRead();

        Conversion effective = converter.convert(List.of(zero), "acme-saas", WithoutSubAccount.ERROR, TODAY);
        assertEquals(List.of("warning: zero.csv: EffectiveCost is 0 on every row (total 0 USD) but BilledCost totals "
                + "130.00 USD; the provider may not fill EffectiveCost: import with --metric BilledCost to keep the "
                + "invoiced amounts"), effective.notes());

        Conversion billed = converter.convert(List.of(zero), "acme-saas", WithoutSubAccount.ERROR, TODAY,
                io.servicedocs.cost.focus.CostMetric.BILLED_COST);
        assertEquals(List.of(), billed.notes());
        assertEquals("FOCUS (version unknown) BilledCost", billed.months().get(0).basis());
        assertEquals(new BigDecimal("130.00"), billed.months().get(0).costs().get(0).amount());
    }

    @Test
    void providersAndDerivedSources() throws Exception {
        assertEquals(Provider.AZURE, FocusMonths.providerOf("Microsoft"));
        assertEquals(Provider.GCP, FocusMonths.providerOf(" Google  Cloud "));
        assertEquals(Provider.AWS, FocusMonths.providerOf("Amazon Web Services"));
        assertEquals(Provider.OCI, FocusMonths.providerOf("Oracle"));
        assertEquals(Provider.SAAS, FocusMonths.providerOf("Datadog"));

        FocusRead saas = csv("acme.csv", HEADER + "\"Acme SaaS, Inc.\",contract-7,Acme Suite,2026-10-01,JPY,1200000,Purchase\n");
        FocusRead gcp = csv("gcp.csv", HEADER + "Google Cloud,hoshimi-prod-1,Hoshimi Prod,2026-10-01,USD,5,Usage\n");
        assertEquals(Optional.of("acme-saas-inc"), FocusMonths.derivedSource(List.of(saas)));
        assertEquals(Optional.of("gcp"), FocusMonths.derivedSource(List.of(gcp)));
        assertEquals(Optional.empty(), FocusMonths.derivedSource(List.of(saas, gcp)), "several providers");
        assertEquals(Optional.empty(), FocusMonths.derivedSource(List.of(
                csv("x.csv", HEADER + "1&1,a,,2026-10-01,EUR,1,Usage\n"))), "no valid id from '1&1'");

        Conversion conversion = converter.convert(List.of(saas, gcp), "vendors", WithoutSubAccount.ERROR, TODAY);
        CostMonth october = conversion.months().get(0);
        assertEquals(Status.FINAL, october.status());
        assertEquals(Optional.of("acme.csv, gcp.csv"), october.origin());
        assertEquals("FOCUS (version unknown) EffectiveCost", october.basis());
        assertEquals(List.of(
                new CostLine(new CostElement(Provider.GCP, "hoshimi-prod-1", Optional.of("Hoshimi Prod"), Optional.empty()),
                        Optional.empty(), new BigDecimal("5"), Currency.getInstance("USD"), Optional.of(YearMonth.of(2026, 10))),
                new CostLine(new CostElement(Provider.SAAS, "contract-7", Optional.of("Acme Suite"),
                        Optional.of("Acme SaaS, Inc.")), Optional.empty(), new BigDecimal("1200000"),
                        Currency.getInstance("JPY"), Optional.of(YearMonth.of(2026, 10)))), october.costs());
    }

    @Test
    void filesOfTheSameMonthAreAddedUpAndTheCurrentMonthIsProvisional() throws Exception {
        FocusRead first = csv("part-1.csv", HEADER
                + "Microsoft,/subscriptions/" + GUID.toUpperCase() + ",Contoso Prod,2026-11-02,EUR,10.25,Usage\n"
                + "Microsoft," + GUID + ",Contoso Prod,2026-10-02,EUR,1,Usage\n");
        FocusRead second = csv("part-2.csv", HEADER
                + "Microsoft," + GUID + ",Contoso Production,2026-11-20,EUR,0.75,Usage\n"
                + "Microsoft," + GUID + ",Contoso Production,2026-11-21,EUR,-1,Credit\n");

        List<CostMonth> months = converter.convert(List.of(first, second), "azure", WithoutSubAccount.ERROR, TODAY).months();

        assertEquals(2, months.size());
        assertEquals(Status.FINAL, months.get(0).status());
        assertEquals(Optional.of("part-1.csv"), months.get(0).origin());
        CostMonth november = months.get(1);
        assertEquals(Status.PROVISIONAL, november.status());
        assertEquals(Optional.of("part-1.csv, part-2.csv"), november.origin());
        assertEquals(1, november.costs().size());
        assertEquals(new BigDecimal("10.00"), november.costs().get(0).amount());
        assertEquals(Optional.of("Contoso Production"), november.costs().get(0).element().name(),
                "the name of most rows");
    }

    private static final String TAGGED_HEADER = "ProviderName,SubAccountId,SubAccountName,ChargePeriodStart,"
            + "BillingCurrency,EffectiveCost,ChargeCategory,Tags\n";

    private static FocusRead byProduct(String name, String text) throws Exception {
        return new FocusImporter(FocusImporter.DEFAULT_MAX_ERRORS, Optional.of("product"))
                .read(new StringReader(BillingAccountColumn.add(text)), name).focusRead();
    }

    private static String product(String value) {
        return "\"{\"\"product\"\": \"\"" + value + "\"\"}\"";
    }

    /**
     * By a tag, the sums of an invalid or missing SubAccountId are one per tag value; the messages
     * are one per sub-account, month and currency all the same, with all its rows, in line order.
     */
    @Test
    void byTagInvalidAndMissingSubAccountsAreOneMessageEachInLineOrder() throws Exception {
        FocusRead file = byProduct("tagged.csv", TAGGED_HEADER
                + "Microsoft," + GUID + ",Shared,2026-10-01,USD,1,Usage," + product("b") + "\n"
                + "Microsoft,,Orphan,2026-10-02,USD,2,Usage," + product("b") + "\n"
                + "Microsoft,bad-id,x,2026-10-03,USD,4,Usage," + product("a") + "\n"
                + "Microsoft,,Orphan,2026-10-04,USD,8,Usage," + product("a") + "\n"
                + "Microsoft,bad-id,x,2026-10-05,USD,16,Usage,\n"
                + "AWS,1234567890123,x,2026-10-06,USD,32,Usage," + product("a") + "\n"
                + "Microsoft,,Orphan,2026-10-07,USD,64,Usage,\n"
                + "Microsoft,,Orphan,2026-10-08,EUR,128,Usage," + product("a") + "\n");
        assertEquals(8, file.groups().size(), "the importer's sums: one per tag value");

        FocusMappingException e = assertThrows(FocusMappingException.class,
                () -> converter.convert(List.of(file), "azure", WithoutSubAccount.ERROR, TODAY));

        String fix = ", so they cannot be attributed to a product. Fix the export (every row needs the subscription, "
                + "account or project it belongs to), or leave such rows out explicitly with "
                + "--without-sub-account=skip.";
        assertEquals(List.of(
                "tagged.csv:3: column SubAccountId: 3 row(s) of 2026-10 from ProviderName 'Microsoft' (SubAccountName "
                        + "'Orphan', EffectiveCost 74 USD) have no SubAccountId (the first on line 3)" + fix,
                "tagged.csv:4: column SubAccountId: 'bad-id' is not an Azure subscription id (a GUID, or "
                        + "/subscriptions/<GUID>) (ProviderName 'Microsoft', 2 row(s) of 2026-10)",
                "tagged.csv:7: column SubAccountId: '1234567890123' is not an AWS account id (12 digits) "
                        + "(ProviderName 'AWS', 1 row(s) of 2026-10)",
                "tagged.csv:9: column SubAccountId: 1 row(s) of 2026-10 from ProviderName 'Microsoft' (SubAccountName "
                        + "'Orphan', EffectiveCost 128 EUR) have no SubAccountId (the first on line 9)" + fix),
                e.problems());
    }

    @Test
    void byTagRowsLeftOutAreOneNoteEachInLineOrder() throws Exception {
        FocusRead file = byProduct("tagged.csv", TAGGED_HEADER
                + "Microsoft,,Orphan,2026-10-02,USD,2,Usage," + product("b") + "\n"
                + "Microsoft,,,2026-09-30,USD,0.5,Usage," + product("b") + "\n"
                + "Microsoft," + GUID + ",Shared,2026-10-01,USD,1,Usage," + product("b") + "\n"
                + "Microsoft,,Orphan,2026-10-04,USD,8.25,Usage," + product("a") + "\n"
                + "Microsoft,,,2026-09-29,USD,0.25,Usage,\n");

        Conversion conversion = converter.convert(List.of(file), "azure", WithoutSubAccount.SKIP, TODAY);

        assertEquals(List.of(
                "tagged.csv: left out 2 row(s) of 2026-10 from ProviderName 'Microsoft' (SubAccountName 'Orphan', "
                        + "EffectiveCost 10.25 USD): no SubAccountId",
                "tagged.csv: left out 2 row(s) of 2026-09 from ProviderName 'Microsoft' (EffectiveCost 0.75 USD): "
                        + "no SubAccountId"),
                conversion.notes(), "line 2 first, then line 3");
        assertEquals(List.of(YearMonth.of(2026, 10)), conversion.months().stream().map(CostMonth::month).toList());
        assertEquals(List.of(new CostLine(new CostElement(Provider.AZURE, GUID, Optional.of("Shared"), Optional.empty()),
                Optional.of("b"), new BigDecimal("1"), Currency.getInstance("USD"), Optional.of(YearMonth.of(2026, 10)))),
                conversion.months().get(0).costs());
    }

    @Test
    void byTagAllLinesOfAnElementHaveTheNameOfMostRowsOfTheMonth() throws Exception {
        FocusRead file = byProduct("tagged.csv", TAGGED_HEADER
                + "Microsoft," + GUID + ",Shared,2026-10-01,USD,1,Usage," + product("a") + "\n"
                + "Microsoft," + GUID + ",Shared,2026-10-02,USD,2,Usage," + product("a") + "\n"
                + "Microsoft," + GUID + ",Shared (old),2026-10-03,USD,4,Usage," + product("b") + "\n"
                + "Microsoft," + GUID + ",Zeta,2026-10-04,EUR,8,Usage,\n"
                + "Microsoft," + GUID + ",,2026-10-05,USD,16,Usage,\n"
                // another month: its own names
                + "Microsoft," + GUID + ",Shared (old),2026-09-03,USD,32,Usage," + product("a") + "\n");

        List<CostMonth> months = converter.convert(List.of(file), "azure", WithoutSubAccount.ERROR, TODAY).months();

        assertEquals(List.of("2026-09  a 32 USD Shared (old)"), lines(months.get(0)));
        assertEquals(List.of(
                "2026-10  '' 8 EUR Shared",
                "2026-10  '' 16 USD Shared",
                "2026-10  a 3 USD Shared",
                "2026-10  b 4 USD Shared"), lines(months.get(1)));
    }

    private static List<String> lines(CostMonth month) {
        return month.costs().stream().map(l -> month.month() + "  " + l.tag().map(t -> t.isEmpty() ? "''" : t)
                .orElse("none") + " " + l.amount().toPlainString() + " " + l.currency() + " "
                + l.element().name().orElse("-")).toList();
    }

    @Test
    void aFileReadWithoutItsTagBesideATaggedOneKeepsItsLinesUntagged() throws Exception {
        FocusRead tagged = byProduct("tagged.csv", TAGGED_HEADER
                + "Microsoft," + GUID + ",Shared,2026-10-01,USD,1,Usage," + product("a") + "\n");
        FocusRead untagged = byProduct("plain.csv", HEADER
                + "Microsoft," + GUID + ",Shared,2026-10-02,USD,2,Usage\n"
                + "Microsoft,11111111-2222-3333-4444-555555555555,Other,2026-09-02,USD,4,Usage\n");
        assertEquals(Optional.empty(), untagged.tagKey());

        List<CostMonth> months = converter.convert(List.of(tagged, untagged), "azure", WithoutSubAccount.ERROR, TODAY)
                .months();

        assertEquals(Optional.of("plain.csv"), months.get(0).origin(), "no tag key: only the untagged file");
        assertEquals(List.of("2026-09  none 4 USD Other"), lines(months.get(0)));
        assertEquals(Optional.of("tagged.csv, plain.csv by tag key 'product'"), months.get(1).origin());
        assertEquals(List.of("2026-10  none 2 USD Shared", "2026-10  a 1 USD Shared"), lines(months.get(1)));
    }

    @Test
    void idsThatAreNotTheProvidersAreErrors() throws Exception {
        FocusRead bad = csv("bad.csv", HEADER
                + "AWS,1234567890123,x,2026-10-01,USD,1,Usage\n"
                + "Microsoft,rg-not-a-subscription,x,2026-10-01,USD,1,Usage\n"
                + "Google Cloud,Bad_Project,x,2026-10-01,USD,1,Usage\n");

        FocusMappingException e = assertThrows(FocusMappingException.class,
                () -> converter.convert(List.of(bad), "mixed", WithoutSubAccount.ERROR, TODAY));

        // in line order: the charge groups of every engine come in the order of their first rows
        assertEquals(List.of(
                "bad.csv:2: column SubAccountId: '1234567890123' is not an AWS account id (12 digits) (ProviderName 'AWS', 1 row(s) of 2026-10)",
                "bad.csv:3: column SubAccountId: 'rg-not-a-subscription' is not an Azure subscription id (a GUID, or /subscriptions/<GUID>) (ProviderName 'Microsoft', 1 row(s) of 2026-10)",
                "bad.csv:4: column SubAccountId: 'Bad_Project' is not a Google Cloud project id (6 to 30 lowercase letters, digits and hyphens, starting with a letter) (ProviderName 'Google Cloud', 1 row(s) of 2026-10)"),
                e.problems());
    }
}
