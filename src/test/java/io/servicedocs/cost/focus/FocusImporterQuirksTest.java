package io.servicedocs.cost.focus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.servicedocs.model.Money;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Currency;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FocusImporterQuirksTest {

    static final Path AZURE = Path.of("src/test/resources/cost/focus/azure-quirks.csv");
    static final String GUID = "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0";

    private static FocusImport read(String csv) throws FocusImportException {
        return new FocusImporter().read(new StringReader(BillingAccountColumn.add(csv)), "costs.csv");
    }

    @Test
    void azureStyleExport() throws Exception {
        FocusImport result = new FocusImporter().read(AZURE);

        assertEquals(FocusVersion.V1_2, result.version(), result.versionEvidence());
        assertEquals("columns introduced in FOCUS 1.2: InvoiceId", result.versionEvidence());
        assertEquals(new RowCounts(7, 6, Map.of("blank line", 1)), result.rows());
        assertEquals(List.of(
                new MonthlyCost("Microsoft", Optional.empty(), Optional.empty(), YearMonth.of(2025, 4),
                        Money.of("0.35", "USD"), 1, 9),
                // 12.50 + 1.25E+1 + 1200 (the purchase, kept) - 2.5 (credit); upper- and lower-case ARM
                // paths, one with a trailing slash, and the bare GUID are one subscription
                new MonthlyCost("Microsoft", Optional.of(GUID), Optional.of("Contoso Prod"), YearMonth.of(2025, 3),
                        Money.of("1222.50", "EUR"), 4, 2),
                // 2025-03-31T23:30-02:00 is April in UTC
                new MonthlyCost("Microsoft", Optional.of("11111111-2222-3333-4444-555555555555"),
                        Optional.of("Contoso Dev"), YearMonth.of(2025, 4), Money.of("3.5", "USD"), 1, 7)),
                result.monthlyCosts());
        // its term runs from ChargePeriodStart to ChargePeriodEnd (exclusive); the file has no
        // BillingPeriodStart, so the billing period is the charge month (and a note says so)
        assertEquals(List.of(new ChargeGroup("Microsoft", "EA-1", Optional.empty(), Optional.of(GUID),
                Optional.of("Contoso Prod"), Currency.getInstance("EUR"), YearMonth.of(2025, 3), YearMonth.of(2025, 3),
                "Purchase", Optional.empty(), Optional.of("One-Time"), Optional.empty(),
                Optional.of(new ChargeGroup.ChargeTerm(LocalDate.of(2025, 3, 2), LocalDate.of(2026, 3, 2),
                        Optional.empty(), Optional.of("Annual licence\r\nContoso Suite, 12 months"))),
                new BigDecimal("1200"), BigDecimal.ZERO, BigDecimal.ZERO, 1, Optional.of(AZURE + ":4"))),
                result.purchases());
        assertEquals(5, result.groups().size(), "descriptions do not split groups, categories do: usage EUR (2 rows), "
                + "purchase, usage USD, credit, tax");
        assertEquals(List.of(Money.of("1222.50", "EUR"), Money.of("3.85", "USD")), result.totalsByCurrency());
    }

    @Test
    void currenciesAreKeptApartWithinOneSubAccountAndMonth() throws Exception {
        FocusImport result = read("""
                ProviderName,SubAccountId,ChargePeriodStart,BillingCurrency,EffectiveCost,ChargeCategory
                Acme,a,2025-01-05,JPY,1000,Usage
                Acme,a,2025-01-06,USD,10,Usage
                Acme,a,2025-01-07,JPY,500,Usage
                """);
        assertEquals(List.of(Money.of("1500", "JPY"), Money.of("10", "USD")),
                result.monthlyCosts().stream().map(MonthlyCost::effectiveCost).toList());
        assertEquals(FocusVersion.UNKNOWN, result.version());
        assertTrue(result.versionEvidence().contains("missing: BilledCost"), result.versionEvidence());
    }

    @Test
    void datesInEveryIsoForm() throws Exception {
        // the month is the UTC month: c and d are September in UTC though not in their local time
        YearMonth sep = YearMonth.of(2024, 9);
        assertEquals(List.of(sep, sep, sep, sep, sep, sep, YearMonth.of(2024, 10)),
                read("""
                        ProviderName,SubAccountId,ChargePeriodStart,BillingCurrency,EffectiveCost,ChargeCategory
                        P,a,2024-09-30,USD,1,Usage
                        P,b,2024-09-30T23:59:59.999Z,USD,1,Usage
                        P,c,2024-10-01T01:00:00+0200,USD,1,Usage
                        P,d,2024-08-31T22:00:00-05:00,USD,1,Usage
                        P,e,2024-09-01 00:00:00,USD,1,Usage
                        P,f,2024-09-01t00:00z,USD,1,Usage
                        P,g,2024-10-01T03:00:00+02:00,USD,1,Usage
                        """).monthlyCosts().stream().map(MonthlyCost::month).toList());
    }

    @Test
    void amountsWithSignsExponentsAndSpaces() throws Exception {
        FocusImport result = read("""
                ProviderName,ChargePeriodStart,BillingCurrency,EffectiveCost,ChargeCategory
                P,2024-09-01,USD, +1.5 ,Usage
                P,2024-09-01,USD,2E+2,Usage
                P,2024-09-01,USD,-.25,Usage
                P,2024-09-01,USD,"  1e-2",Usage
                """);
        assertEquals(Money.of("201.26", "USD"), result.monthlyCosts().get(0).effectiveCost());
        assertEquals(Optional.empty(), result.monthlyCosts().get(0).subAccountId());
    }

    @Test
    void repeatedHeaderAndBlankLinesAreSkippedAndCounted() throws Exception {
        FocusImport result = read("""
                ProviderName,ChargePeriodStart,BillingCurrency,EffectiveCost,ChargeCategory
                P,2024-09-01,USD,1,Usage

                providername, chargeperiodstart,BillingCurrency,EffectiveCost,ChargeCategory
                P,2024-09-01,USD,2,Usage
                """);
        assertEquals(new RowCounts(4, 2, Map.of("blank line", 1, "repeated header line", 1)), result.rows());
        assertEquals(2, result.rows().skipped());
        assertEquals(Money.of("3", "USD"), result.monthlyCosts().get(0).effectiveCost());
    }

    @Test
    void purchaseNeedsOneTimeFrequencyAndDescriptionIsOptional() throws Exception {
        FocusImport result = read("""
                ProviderName,ChargePeriodStart,BillingCurrency,EffectiveCost,ChargeCategory,ChargeFrequency
                SaaS Co,2025-02-10,EUR,1200,PURCHASE,OneTime
                SaaS Co,2025-02-10,EUR,100,Purchase,recurring
                """);
        // no ChargePeriodEnd: a term of no length, on the day of the charge
        assertEquals(List.of(new ChargeGroup("SaaS Co", BillingAccountColumn.ACCOUNT, Optional.empty(), Optional.empty(),
                Optional.empty(), Currency.getInstance("EUR"), YearMonth.of(2025, 2), YearMonth.of(2025, 2),
                "Purchase", Optional.empty(), Optional.of("One-Time"), Optional.empty(),
                Optional.of(new ChargeGroup.ChargeTerm(LocalDate.of(2025, 2, 10), LocalDate.of(2025, 2, 10),
                        Optional.empty(), Optional.empty())),
                new BigDecimal("1200"), BigDecimal.ZERO, BigDecimal.ZERO, 1, Optional.of("costs.csv:2"))),
                result.purchases());
        assertEquals(Money.of("1300", "EUR"), result.monthlyCosts().get(0).effectiveCost());
    }

    @Test
    void versionFromColumns() {
        List<String> v10 = List.of("BilledCost", "BillingAccountId", "BillingAccountName", "BillingCurrency",
                "BillingPeriodEnd", "BillingPeriodStart", "ChargeCategory", "ChargeClass", "ChargeDescription",
                "ChargePeriodEnd", "ChargePeriodStart", "ContractedCost", "EffectiveCost", "InvoiceIssuerName",
                "ListCost", "PricingQuantity", "PricingUnit", "ProviderName", "PublisherName", "ServiceCategory",
                "ServiceName", "BillingAccountType", "x_Custom");
        assertEquals(FocusVersion.V1_0, FocusVersion.detect(v10).version());
        List<String> v11 = new java.util.ArrayList<>(v10);
        v11.add(" skumeter ");
        assertEquals(FocusVersion.V1_1, FocusVersion.detect(v11).version());
        v11.add("PricingCurrency");
        assertEquals(FocusVersion.V1_2, FocusVersion.detect(v11).version());
        assertEquals("1.2", FocusVersion.V1_2.label());
    }

    @Test
    void subAccountIds() {
        assertEquals(GUID, FocusImporter.subAccountId("/subscriptions/0F1E2D3C-4B5A-6978-8796-A5B4C3D2E1F0"));
        assertEquals(GUID, FocusImporter.subAccountId("/SUBSCRIPTIONS/" + GUID + "/"));
        assertEquals(GUID, FocusImporter.subAccountId(GUID.toUpperCase()));
        assertEquals("123456789012", FocusImporter.subAccountId("123456789012"));
        assertEquals("/subscriptions/not-a-guid", FocusImporter.subAccountId("/subscriptions/not-a-guid"));
    }
}
