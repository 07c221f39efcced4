package io.servicedocs.cost.focus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.servicedocs.model.Money;
import java.io.StringReader;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Reading FOCUS files with a tag key: one sum per sub-account, month, tag value and currency. */
class FocusImporterTagsTest {

    private static final String HEADER = "ProviderName,SubAccountId,ChargePeriodStart,BillingCurrency,EffectiveCost,"
            + "ChargeCategory,Tags\n";

    private static FocusImporter byTag(String key) {
        return new FocusImporter(FocusImporter.DEFAULT_MAX_ERRORS, Optional.of(key));
    }

    private static List<String> errors(String key, String csv) {
        FocusImportException e = assertThrows(FocusImportException.class,
                () -> byTag(key).read(new StringReader(csv), "costs.csv"));
        return e.errors().stream().map(FocusError::toString).toList();
    }

    /** tag value, amount, rows and first line of each sum, in order. */
    private static List<String> sums(FocusImport result) {
        return result.monthlyCosts().stream()
                .map(c -> c.subAccountId().orElse("-") + " " + c.month() + " tag=" + c.tag().map(t -> "'" + t + "'")
                        .orElse("none") + " " + c.effectiveCost() + " rows=" + c.rows() + " first=" + c.firstLine())
                .toList();
    }

    /**
     * The FOCUS sample's one sub-account with non-zero costs, by its "application" tag; computed
     * apart from this code with Python's csv, json and Decimal: the credit of line 6 has no tags.
     */
    @Test
    void theSampleSplitByApplication() throws Exception {
        FocusImport result = byTag("application").read(FocusImporterSampleTest.SAMPLE);

        assertEquals(Optional.of("application"), result.tagKey());
        assertEquals(110, result.monthlyCosts().size(), "45 sub-accounts, split by 110 account/tag pairs");
        assertEquals(200, result.monthlyCosts().stream().mapToInt(MonthlyCost::rows).sum());
        assertEquals(List.of(Money.of("-2.00000000000", "USD")), result.totalsByCurrency(), "nothing lost or added");
        assertEquals(List.of(
                        "11353890204 2024-09 tag='' -3.00000000000 USD rows=5 first=6",
                        "11353890204 2024-09 tag='BrightPathMatrix' 1.00000000000 USD rows=41 first=12",
                        "11353890204 2024-09 tag='EvolveGridPlus' 0.00000000000 USD rows=1 first=96",
                        "11353890204 2024-09 tag='OptiAccessVision' 0.00000000000 USD rows=1 first=58",
                        "11353890204 2024-09 tag='ZoomMapMax' 0.00000000000 USD rows=3 first=26"),
                sums(result).stream().filter(s -> s.startsWith("11353890204 ")).toList());
    }

    @Test
    void withoutATagKeyThereIsOneSumPerSubAccountAndNoTag() throws Exception {
        FocusImport result = new FocusImporter().read(FocusImporterSampleTest.SAMPLE);
        assertEquals(Optional.empty(), result.tagKey());
        assertEquals(45, result.monthlyCosts().size());
        assertEquals(List.of(Optional.<String>empty()), result.monthlyCosts().stream().map(MonthlyCost::tag).distinct().toList());
    }

    @Test
    void theQuirksOfRealTagColumns() throws Exception {
        String csv = HEADER
                + "Microsoft,sub-a,2025-03-01,USD,1,Usage,\"{\"\"product\"\": \"\"iot\"\", \"\"env\"\": \"\"prod\"\"}\"\n"
                // older Azure exports: the pairs without the braces
                + "Microsoft,sub-a,2025-03-02,USD,2,Usage,\"\"\"product\"\": \"\"iot\"\",\"\"env\"\": \"\"dev\"\"\"\n"
                // another case of the key, when it is the only one that matches
                + "Microsoft,sub-a,2025-03-03,USD,4,Usage,\"{\"\"Product\"\": \"\"cam\"\"}\"\n"
                // no tags at all: NULL, empty, {} and a null value are all the untagged part
                + "Microsoft,sub-a,2025-03-04,USD,8,Usage,NULL\n"
                + "Microsoft,sub-a,2025-03-05,USD,16,Usage,\n"
                + "Microsoft,sub-a,2025-03-06,USD,32,Usage,{}\n"
                + "Microsoft,sub-a,2025-03-07,USD,64,Usage,\"{\"\"product\"\": null}\"\n"
                // tags, but not this one
                + "Microsoft,sub-a,2025-03-08,USD,128,Usage,\"{\"\"env\"\": \"\"prod\"\"}\"\n"
                // a number counts as its text; spaces around a value do not count
                + "Microsoft,sub-a,2025-03-09,USD,256,Usage,\"{\"\"product\"\": 42}\"\n"
                + "Microsoft,sub-a,2025-03-10,USD,512,Usage,\"{\"\"product\"\": \"\" iot \"\"}\"\n";

        FocusImport result = byTag("product").read(new StringReader(csv), "costs.csv");

        assertEquals(List.of(
                        "sub-a 2025-03 tag='' 248 USD rows=5 first=5",
                        "sub-a 2025-03 tag='42' 256 USD rows=1 first=10",
                        "sub-a 2025-03 tag='cam' 4 USD rows=1 first=4",
                        "sub-a 2025-03 tag='iot' 515 USD rows=3 first=2"),
                sums(result));
    }

    @Test
    void tagsItCannotReadAreErrorsWithLineAndColumn() {
        String csv = HEADER
                + "Microsoft,sub-a,2025-03-01,USD,1,Usage,\"{\"\"product\"\": \"\"iot\"\"\"\n"
                + "Microsoft,sub-a,2025-03-01,USD,1,Usage,[1]\n"
                + "Microsoft,sub-a,2025-03-01,USD,1,Usage,\"{\"\"product\"\": \"\"a\"\", \"\"PRODUCT\"\": \"\"b\"\"}\"\n"
                + "Microsoft,sub-a,2025-03-01,USD,1,Usage,\"{\"\"Product\"\": \"\"a\"\", \"\"PRODUCT\"\": \"\"b\"\"}\"\n"
                + "Microsoft,sub-a,2025-03-01,USD,1,Usage,\"{\"\"product\"\": {\"\"name\"\": \"\"iot\"\"}}\"\n";

        assertEquals(List.of(
                        "costs.csv:2: column Tags: '{\"product\": \"iot\"' is not a JSON object of tags, such as "
                                + "{\"product\": \"value\"}",
                        "costs.csv:3: column Tags: '[1]' is not a JSON object of tags, such as {\"product\": \"value\"}",
                        "costs.csv:5: column Tags: the tags ['Product', 'PRODUCT'] all match 'product' in any case; "
                                + "which one is meant?",
                        "costs.csv:6: column Tags: the tag 'product' has object '{\"name\":\"iot\"}', not a value"),
                errors("product", csv), "line 4 has the exact key, so the other case does not matter");
    }

    @Test
    void aTagKeyNeedsTheTagsColumn() {
        assertEquals(List.of("costs.csv:1: column Tags: column missing from the header; grouping by the tag "
                        + "'product' needs it"),
                errors("product", "ProviderName,SubAccountId,ChargePeriodStart,BillingCurrency,EffectiveCost,"
                        + "ChargeCategory\nMicrosoft,sub-a,2025-03-01,USD,1,Usage\n"));
    }

    @Test
    void theTagValuesKeepTheirMonthsAndCurrenciesApart() throws Exception {
        String csv = HEADER
                + "Microsoft,sub-a,2025-03-31T23:00:00Z,USD,1.5,Usage,\"{\"\"product\"\": \"\"iot\"\"}\"\n"
                + "Microsoft,sub-a,2025-04-01T00:00:00Z,USD,2.5,Usage,\"{\"\"product\"\": \"\"iot\"\"}\"\n"
                + "Microsoft,sub-a,2025-04-02,EUR,3,Usage,\"{\"\"product\"\": \"\"iot\"\"}\"\n";

        FocusImport result = byTag("product").read(new StringReader(csv), "costs.csv");

        assertEquals(List.of(
                        new MonthlyCost("Microsoft", Optional.of("sub-a"), Optional.empty(), YearMonth.of(2025, 3),
                                Money.of("1.5", "USD"), 1, 2, Optional.of("iot")),
                        new MonthlyCost("Microsoft", Optional.of("sub-a"), Optional.empty(), YearMonth.of(2025, 4),
                                Money.of("3", "EUR"), 1, 4, Optional.of("iot")),
                        new MonthlyCost("Microsoft", Optional.of("sub-a"), Optional.empty(), YearMonth.of(2025, 4),
                                Money.of("2.5", "USD"), 1, 3, Optional.of("iot"))),
                result.monthlyCosts());
    }
}
