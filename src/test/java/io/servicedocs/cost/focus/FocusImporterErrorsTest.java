package io.servicedocs.cost.focus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FocusImporterErrorsTest {

    static final Path BROKEN = Path.of("src/test/resources/cost/focus/broken.csv");

    private static List<String> errors(String csv) {
        return errors(new FocusImporter(), csv);
    }

    private static List<String> errors(FocusImporter importer, String csv) {
        FocusImportException e = assertThrows(FocusImportException.class,
                () -> importer.read(new StringReader(BillingAccountColumn.add(csv)), "costs.csv"));
        return e.errors().stream().map(FocusError::toString).toList();
    }

    @Test
    void everyRowErrorIsCollectedWithFileLineAndColumn() {
        FocusImportException e = assertThrows(FocusImportException.class, () -> new FocusImporter().read(BROKEN));
        String f = BROKEN.toString();
        assertEquals(List.of(
                f + ":2: column EffectiveCost: 'abc' is not a number",
                f + ":3: column EffectiveCost: missing value",
                f + ":4: column ChargePeriodStart: missing value",
                f + ":5: column BillingCurrency: missing value",
                f + ":6: column BillingCurrency: 'XYZ' is not an ISO 4217 currency code",
                // line 7-8 is a valid row with a line break inside a quoted field
                f + ":9: expected 7 fields as in the header, found 5",
                f + ":10: column ChargePeriodStart: '2024-13-01' is not an ISO 8601 date or date-time"
                        + " such as 2024-09-01T00:00:00Z",
                f + ":10: column ChargeCategory: 'Refund' is not one of Usage, Purchase, Tax, Credit, Adjustment",
                f + ":11: column EffectiveCost: '1,5' is not a number"),
                e.errors().stream().map(FocusError::toString).toList());
        assertFalse(e.truncated());
        assertTrue(e.getMessage().startsWith(f + ":2: column EffectiveCost: 'abc' is not a number\n"));
    }

    @Test
    void missingAndDuplicateColumns() {
        assertEquals(List.of(
                "costs.csv:1: column ChargePeriodStart: required column missing from the header",
                "costs.csv:1: column EffectiveCost: appears 2 times in the header (fields 4, 6)",
                "costs.csv:1: column ChargeCategory: required column missing from the header"),
                errors("ProviderName,BillingCurrency,EffectiveCost,x,effectivecost \nP,USD,1,,2\n"));
    }

    @Test
    void billingAccountIdIsRequiredAndTheMessageSaysWhy() {
        String csv = "ProviderName,ChargePeriodStart,BillingCurrency,EffectiveCost,ChargeCategory\nP,2026-01-01,USD,1,Usage\n";
        FocusImportException e = assertThrows(FocusImportException.class,
                () -> new FocusImporter().read(new StringReader(csv), "costs.csv"));
        assertEquals(List.of("costs.csv:1: column BillingAccountId: required column missing from the header "
                + "(servicedocs requires BillingAccountId, as FOCUS does: it keeps each billing account's invoices "
                + "apart and attributes rows without SubAccountId to their billing account)"),
                e.errors().stream().map(FocusError::toString).toList());
        assertEquals(List.of("costs.csv:3: column BillingAccountId: missing value"),
                readErrors("BillingAccountId,ProviderName,ChargePeriodStart,BillingCurrency,EffectiveCost,"
                        + "ChargeCategory\nBA,P,2026-01-01,USD,1,Usage\n,P,2026-01-01,USD,1,Usage\n"));
    }

    private static List<String> readErrors(String csv) {
        FocusImportException e = assertThrows(FocusImportException.class,
                () -> new FocusImporter().read(new StringReader(csv), "costs.csv"));
        return e.errors().stream().map(FocusError::toString).toList();
    }

    @Test
    void otherValueErrors() {
        String header = "ProviderName,ChargePeriodStart,BillingCurrency,EffectiveCost,ChargeCategory,ChargeFrequency\n";
        assertEquals(List.of(
                "costs.csv:2: column ProviderName: missing value",
                "costs.csv:3: column EffectiveCost: 'NaN' is not a number",
                "costs.csv:4: column EffectiveCost: '1e400' is out of range: it is 10^18 or more in magnitude; a number"
                        + " may have at most 30 significant digits, 18 before the decimal point (below 10^18) and 20 after it",
                "costs.csv:5: column ChargeFrequency: 'Monthly' is not one of One-Time, Recurring, Usage-Based",
                "costs.csv:6: column ChargeCategory: missing value",
                "costs.csv:7: column BillingCurrency: 'US Dollar' is not an ISO 4217 currency code",
                "costs.csv:8: column ChargePeriodStart: '2024-02-30' is not an ISO 8601 date or date-time"
                        + " such as 2024-09-01T00:00:00Z",
                "costs.csv:9: column EffectiveCost: '١٢' is not a number",
                "costs.csv:10: column EffectiveCost: '1\\n2' is not a number"),
                errors(header
                        + "NULL,2024-09-01,USD,1,Usage,\n"
                        + "P,2024-09-01,USD,NaN,Usage,\n"
                        + "P,2024-09-01,USD,1e400,Usage,\n"
                        + "P,2024-09-01,USD,1,Usage,Monthly\n"
                        + "P,2024-09-01,USD,1,,\n"
                        + "P,2024-09-01,US Dollar,1,Usage,\n"
                        + "P,2024-02-30,USD,1,Usage,\n"
                        + "P,2024-09-01,USD,١٢,Usage,\n"
                        + "P,2024-09-01,USD,\"1\n2\",Usage,\n"));
    }

    @Test
    void malformedCsvStopsWithItsPlace() {
        assertEquals(List.of(
                "costs.csv:2: column EffectiveCost: 'x' is not a number",
                "costs.csv:3: field 2: the quoted field opened on this line is not closed before the end of the file"),
                errors("ProviderName,ChargePeriodStart,BillingCurrency,EffectiveCost,ChargeCategory\n"
                        + "P,2024-09-01,USD,x,Usage\n\"P,2024-09-01,USD,1,Usage\nP,2024-09-01,USD,1,Usage\n"));
    }

    @Test
    void emptyFile() {
        assertEquals(List.of("costs.csv:1: the file is empty; expected a header line of FOCUS column names"),
                errors(""));
    }

    @Test
    void errorsStopAtTheLimit() {
        StringBuilder csv = new StringBuilder("ProviderName,ChargePeriodStart,BillingCurrency,EffectiveCost,ChargeCategory\n");
        for (int i = 0; i < 10; i++) {
            csv.append("P,2024-09-01,USD,bad,Usage\n");
        }
        FocusImportException e = assertThrows(FocusImportException.class,
                () -> new FocusImporter(3).read(new StringReader(BillingAccountColumn.add(csv.toString())), "costs.csv"));
        assertEquals(3, e.errors().size());
        assertEquals("costs.csv:4: column EffectiveCost: 'bad' is not a number", e.errors().get(2).toString());
        assertTrue(e.truncated());
        assertTrue(e.getMessage().endsWith("(stopped after 3 errors)"));
    }

    @Test
    void unreadableFiles(@TempDir Path dir) throws Exception {
        Path latin1 = dir.resolve("latin1.csv");
        Files.write(latin1, "ProviderName,SubAccountName\nP,Caf\u00e9\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        FocusImportException e = assertThrows(FocusImportException.class, () -> new FocusImporter().read(latin1));
        assertEquals(List.of(latin1 + ":1: not UTF-8 text"), e.errors().stream().map(FocusError::toString).toList());

        Path missing = dir.resolve("missing.csv");
        e = assertThrows(FocusImportException.class, () -> new FocusImporter().read(missing));
        assertEquals(List.of(missing + ":1: no such file"), e.errors().stream().map(FocusError::toString).toList());
    }
}
