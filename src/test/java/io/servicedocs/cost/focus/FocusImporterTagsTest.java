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
                () -> byTag(key).read(new StringReader(BillingAccountColumn.add(csv)), "costs.csv"));
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

        FocusImport result = byTag("product").read(new StringReader(BillingAccountColumn.add(csv)), "costs.csv");

        assertEquals(List.of(
                        "sub-a 2025-03 tag='' 248 USD rows=5 first=5",
                        "sub-a 2025-03 tag='42' 256 USD rows=1 first=10",
                        "sub-a 2025-03 tag='cam' 4 USD rows=1 first=4",
                        "sub-a 2025-03 tag='iot' 515 USD rows=3 first=2"),
                sums(result));
    }

    /** A row of sub-a in March 2025 costing {@code amount}, with this Tags text as a quoted CSV field. */
    private static String row(String amount, String tags) {
        return "Microsoft,sub-a,2025-03-01,USD," + amount + ",Usage,\"" + tags.replace("\"", "\"\"") + "\"\n";
    }

    private static final String NOT_TAGS = " is not a JSON object of tags, such as {\"product\": \"value\"}, nor a "
            + "list of them, such as [{\"key\": \"product\", \"value\": \"value\"}]";

    @Test
    void tagsItCannotReadAreErrorsWithLineAndColumn() {
        String csv = HEADER
                + "Microsoft,sub-a,2025-03-01,USD,1,Usage,\"{\"\"product\"\": \"\"iot\"\"\"\n"
                + "Microsoft,sub-a,2025-03-01,USD,1,Usage,[1]\n"
                + "Microsoft,sub-a,2025-03-01,USD,1,Usage,\"{\"\"product\"\": \"\"a\"\", \"\"PRODUCT\"\": \"\"b\"\"}\"\n"
                + "Microsoft,sub-a,2025-03-01,USD,1,Usage,\"{\"\"Product\"\": \"\"a\"\", \"\"PRODUCT\"\": \"\"b\"\"}\"\n"
                + "Microsoft,sub-a,2025-03-01,USD,1,Usage,\"{\"\"product\"\": {\"\"name\"\": \"\"iot\"\"}}\"\n"
                + row("1", "{\"product\": [\"iot\", \"cam\"]}")
                + row("1", "{\"product\": \"iot\"} {}")
                + row("1", "[{\"key\": \"product\"}]")
                + row("1", "[{\"key\": 7, \"value\": \"iot\"}]")
                + row("1", "[{\"key\": \"product\", \"Key\": \"env\", \"value\": \"iot\"}]")
                + row("1", "[{\"key\": \"product\", \"value\": \"iot\"}, \"env\"]")
                + row("1", "\"iot\"");

        assertEquals(List.of(
                        "costs.csv:2: column Tags: '{\"product\": \"iot\"'" + NOT_TAGS,
                        "costs.csv:3: column Tags: '[1]'" + NOT_TAGS,
                        "costs.csv:5: column Tags: the tags ['Product', 'PRODUCT'] all match 'product' in any case; "
                                + "which one is meant?",
                        "costs.csv:6: column Tags: the tag 'product' has object '{\"name\":\"iot\"}', not a value",
                        "costs.csv:7: column Tags: the tag 'product' has array '[\"iot\",\"cam\"]', not a value",
                        "costs.csv:8: column Tags: '{\"product\": \"iot\"} {}'" + NOT_TAGS,
                        "costs.csv:9: column Tags: '[{\"key\": \"product\"}]'" + NOT_TAGS,
                        "costs.csv:10: column Tags: '[{\"key\": 7, \"value\": \"iot\"}]'" + NOT_TAGS,
                        "costs.csv:11: column Tags: '[{\"key\": \"product\", \"Key\": \"env\", \"value\": \"iot\"}]'"
                                + NOT_TAGS,
                        "costs.csv:12: column Tags: '[{\"key\": \"product\", \"value\": \"iot\"}, \"env\"]'" + NOT_TAGS,
                        "costs.csv:13: column Tags: '\"iot\"'" + NOT_TAGS),
                errors("product", csv), "line 4 has the exact key, so the other case does not matter");
    }

    @Test
    void aKeyGivenTwiceInOneRowIsAnErrorNamingIt() {
        String csv = HEADER
                + row("1", "{\"team\": \"a\", \"team\": \"b\"}")
                + row("2", "{\"team\": \"a\", \"env\": \"prod\", \"env\": \"prod\"}")
                + row("4", "\"team\": \"a\", \"team\": \"a\"")
                + row("8", "[{\"key\": \"team\", \"value\": \"a\"}, {\"key\": \"team\", \"value\": \"b\"}]")
                // keys in two cases are not the same key: the exact one is meant
                + row("16", "{\"team\": \"a\", \"Team\": \"b\"}");

        assertEquals(List.of(
                        "costs.csv:2: column Tags: the tag 'team' is given more than once; which value is meant?",
                        "costs.csv:3: column Tags: the tag 'env' is given more than once; which value is meant?",
                        "costs.csv:4: column Tags: the tag 'team' is given more than once; which value is meant?",
                        "costs.csv:5: column Tags: the tag 'team' is given more than once; which value is meant?"),
                errors("team", csv));
    }

    /** Computed apart from this code: each value's rows add up to a power of two. */
    @Test
    void numbersKeepTheirLiteralTextAndBooleansAndNullCountAsTheirText() throws Exception {
        String csv = HEADER
                + row("1", "{\"product\": 1.10}")
                + row("2", "{\"product\": 1.1}")
                + row("4", "{\"product\": 1e2}")
                + row("8", "{\"product\": 100}")
                + row("16", "{\"product\": true}")
                + row("32", "{\"product\": false}")
                + row("64", "{\"product\": null}")
                + row("128", "{\"product\": -0}")
                + row("256", "{\"product\": 12345678901234567890.5}");

        FocusImport result = byTag("product").read(new StringReader(BillingAccountColumn.add(csv)), "costs.csv");

        assertEquals(List.of(
                        "sub-a 2025-03 tag='' 64 USD rows=1 first=8",
                        "sub-a 2025-03 tag='-0' 128 USD rows=1 first=9",
                        "sub-a 2025-03 tag='1.1' 2 USD rows=1 first=3",
                        "sub-a 2025-03 tag='1.10' 1 USD rows=1 first=2",
                        "sub-a 2025-03 tag='100' 8 USD rows=1 first=5",
                        "sub-a 2025-03 tag='12345678901234567890.5' 256 USD rows=1 first=10",
                        "sub-a 2025-03 tag='1e2' 4 USD rows=1 first=4",
                        "sub-a 2025-03 tag='false' 32 USD rows=1 first=7",
                        "sub-a 2025-03 tag='true' 16 USD rows=1 first=6"),
                sums(result));
        assertEquals(List.of(), result.notes());
    }

    @Test
    void aValueOfOnlyWhiteSpaceIsAnErrorWhileTheEmptyValueIsTheUntaggedPart() throws Exception {
        String blank = HEADER
                + row("1", "{\"product\": \" \"}")
                + row("1", "{\"product\": \"\\t\"}")
                + row("1", "[{\"key\": \"product\", \"value\": \"\\u00a0\\n\"}]")
                // only the tag asked for matters
                + row("1", "{\"product\": \"iot\", \"env\": \" \"}");
        assertEquals(List.of(
                        "costs.csv:2: column Tags: the tag 'product' has a blank value (only white space); the empty "
                                + "value \"\" is the untagged part",
                        "costs.csv:3: column Tags: the tag 'product' has a blank value (only white space); the empty "
                                + "value \"\" is the untagged part"),
                errors("product", blank), "U+00A0 is not white space to Java's strip: that value is kept as it is");

        String fine = HEADER
                + row("1", "{\"product\": \"\"}")
                + row("2", "{\"product\": \"\\tiot \"}")
                + row("4", "{\"product\": \"io t\"}");
        assertEquals(List.of(
                        "sub-a 2025-03 tag='' 1 USD rows=1 first=2",
                        "sub-a 2025-03 tag='io t' 4 USD rows=1 first=4",
                        "sub-a 2025-03 tag='iot' 2 USD rows=1 first=3"),
                sums(byTag("product").read(new StringReader(BillingAccountColumn.add(fine)), "costs.csv")));
    }

    @Test
    void theListFormOfKeyValueObjects() throws Exception {
        String csv = HEADER
                + row("1", "[{\"key\": \"product\", \"value\": \"iot\"}]")
                // member names and the key in any case; other members are ignored
                + row("2", "[{\"Key\": \"env\", \"Value\": \"prod\"}, "
                        + "{\"KEY\": \"Product\", \"inherited\": {\"from\": [1]}, \"VALUE\": \" iot \"}]")
                + row("4", "[{\"value\": 7, \"key\": \"product\"}]")
                // no tags, not this one, a null value
                + row("8", "[]")
                + row("16", "[ ]")
                + row("32", "[{\"key\": \"env\", \"value\": \"dev\"}]")
                + row("64", "[{\"key\": \"product\", \"value\": null}]")
                + row("128", "[{\"key\": \"product\", \"value\": \"\"}]");

        FocusImport result = byTag("product").read(new StringReader(BillingAccountColumn.add(csv)), "costs.csv");

        assertEquals(List.of(
                        "sub-a 2025-03 tag='' 248 USD rows=5 first=5",
                        "sub-a 2025-03 tag='7' 4 USD rows=1 first=4",
                        "sub-a 2025-03 tag='iot' 3 USD rows=2 first=2"),
                sums(result));
        assertEquals(List.of(), result.notes());
    }

    @Test
    void aFileWithoutTagsColumnIsReadWithoutTheTagAndNoted() throws Exception {
        FocusImport result = byTag("product").read(new StringReader(BillingAccountColumn.add(
                "ProviderName,SubAccountId,ChargePeriodStart,BillingCurrency,EffectiveCost,ChargeCategory\n"
                        + "Microsoft,sub-a,2025-03-01,USD,1,Usage\nMicrosoft,sub-a,2025-03-02,USD,2,Usage\n")),
                "costs.csv");

        assertEquals(Optional.empty(), result.tagKey());
        assertEquals(List.of("sub-a 2025-03 tag=none 3 USD rows=2 first=2"), sums(result));
        assertEquals(List.of("costs.csv: no Tags column; its costs are not divided by the tag 'product'"),
                result.notes());
        assertEquals(List.of(), new FocusImporter().read(new StringReader(BillingAccountColumn.add(
                        "ProviderName,SubAccountId,ChargePeriodStart,BillingCurrency,EffectiveCost,ChargeCategory\n"
                                + "Microsoft,sub-a,2025-03-01,USD,1,Usage\n")), "costs.csv").notes(),
                "without a tag key, nothing to note");
    }

    @Test
    void aFileWhereNoRowHasTheTagIsNotedWithTheKeysFound() throws Exception {
        FocusImport some = byTag("product").read(new StringReader(BillingAccountColumn.add(HEADER
                + row("1", "{\"owner\": \"kim\", \"env\": \"prod\"}")
                + row("2", "[{\"key\": \"Env\", \"value\": \"dev\"}]")
                + row("4", "{\"products\": \"iot\"}")
                + "Microsoft,sub-a,2025-03-01,USD,8,Usage,NULL\n")), "some.csv");
        assertEquals(Optional.of("product"), some.tagKey(), "still read by the tag: all of it is the untagged part");
        assertEquals(List.of("sub-a 2025-03 tag='' 15 USD rows=4 first=2"), sums(some));
        assertEquals(List.of("some.csv: no row has the tag 'product'; the keys found are: Env, env, owner, products"),
                some.notes());

        StringBuilder many = new StringBuilder(HEADER);
        for (String key : List.of("k", "j", "i", "h", "g", "f", "e", "d", "c", "b", "a")) {
            many.append(row("1", "{\"" + key + "\": \"x\", \"z\": \"y\"}"));
        }
        assertEquals(List.of("many.csv: no row has the tag 'product'; the keys found are: a, b, c, d, e, f, g, h, i, "
                        + "j, ..."),
                byTag("product").read(new StringReader(BillingAccountColumn.add(many.toString())), "many.csv").notes());

        assertEquals(List.of("none.csv: no row has the tag 'product'; no row has any tags"),
                byTag("product").read(new StringReader(BillingAccountColumn.add(HEADER + row("1", "{}") + row("2", "[]")
                        + "Microsoft,sub-a,2025-03-01,USD,4,Usage,\n")), "none.csv").notes());
        assertEquals(List.of("empty.csv: no row has the tag 'product'; no row has any tags"),
                byTag("product").read(new StringReader(BillingAccountColumn.add(HEADER)), "empty.csv").notes(), "a file of no rows");

        assertEquals(List.of(), byTag("product").read(new StringReader(BillingAccountColumn.add(HEADER + row("1", "{\"env\": \"prod\"}")
                        + row("2", "{\"PRODUCT\": null}"))), "one.csv").notes(),
                "one row has it, in another case and with no value");
    }

    @Test
    void theTagValuesKeepTheirMonthsAndCurrenciesApart() throws Exception {
        String csv = HEADER
                + "Microsoft,sub-a,2025-03-31T23:00:00Z,USD,1.5,Usage,\"{\"\"product\"\": \"\"iot\"\"}\"\n"
                + "Microsoft,sub-a,2025-04-01T00:00:00Z,USD,2.5,Usage,\"{\"\"product\"\": \"\"iot\"\"}\"\n"
                + "Microsoft,sub-a,2025-04-02,EUR,3,Usage,\"{\"\"product\"\": \"\"iot\"\"}\"\n";

        FocusImport result = byTag("product").read(new StringReader(BillingAccountColumn.add(csv)), "costs.csv");

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
