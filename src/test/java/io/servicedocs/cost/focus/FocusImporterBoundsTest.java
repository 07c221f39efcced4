package io.servicedocs.cost.focus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.servicedocs.load.NumberBounds;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Numbers and characters of a FOCUS file are held to the bounds the YAML loader holds them to. */
class FocusImporterBoundsTest {

    private static final String HEADER = "ProviderName,SubAccountId,SubAccountName,ChargePeriodStart,BillingCurrency,"
            + "EffectiveCost,ChargeCategory,Tags\n";

    private static List<String> errors(String csv) {
        return assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            FocusImportException e = assertThrows(FocusImportException.class, () ->
                    new FocusImporter(FocusImporter.DEFAULT_MAX_ERRORS, Optional.of("app"))
                            .read(new StringReader(BillingAccountColumn.add(csv)), "costs.csv"));
            return e.errors().stream().map(FocusError::toString).toList();
        }, "hang guard");
    }

    private static String row(String name, String amount, String tags) {
        return "AWS,111111111111," + name + ",2026-01-01," + "USD," + amount + ",Usage," + tags + "\n";
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "1e999999999            | it is 10^18 or more in magnitude",
            "1e9999999              | it is 10^18 or more in magnitude",
            "-1E+2147483647         | it is 10^18 or more in magnitude",
            "1e-999999999           | it has over a million decimal places",
            ".1e-2147483648         | it has over a million decimal places",
            "1000000000000000000    | it is 10^18 or more in magnitude",
            "0.000000000000000000001| it has 21 decimal places",
    })
    void anAmountOutOfBoundsIsAnErrorAtItsLineAndColumn(String amount, String why) {
        assertEquals(List.of("costs.csv:3: column EffectiveCost: '" + amount + "' is out of range: " + why + "; "
                        + NumberBounds.LIMITS),
                errors(HEADER + row("a", "1", "") + row("a", amount, "")));
    }

    @Test
    void aMillionDigitAmountIsRefusedQuicklyAndShownShort() {
        assertEquals(List.of("costs.csv:2: column EffectiveCost: '" + "9".repeat(36) + "...' (1000000 characters) is"
                        + " out of range: it has more than 30 significant digits; " + NumberBounds.LIMITS),
                errors(HEADER + row("a", "9".repeat(1_000_000), "")));
    }

    @Test
    void amountsAtTheBoundsAreReadExactly() throws Exception {
        FocusImport read = new FocusImporter().read(new StringReader(BillingAccountColumn.add(HEADER
                + row("a", "99999999999999999.9999999999999", "") + row("b", "0.00000000000000000001", ""))), "costs.csv");
        assertEquals(List.of(new BigDecimal("99999999999999999.9999999999999"), new BigDecimal("1E-20")),
                read.monthlyCosts().stream().map(c -> c.effectiveCost().amount()).toList());
    }

    @ParameterizedTest
    @ValueSource(ints = {0x01, 0x00, 0x1B, 0x7F, 0x85, 0x9F, 0xFFFE, 0xFFFF})
    void aControlCharacterInAReadColumnIsAnErrorAtItsLineAndColumn(int c) {
        String x = Character.toString(c);
        String name = String.format("U+%04X", c);
        String kind = c >= 0xFFFE ? "noncharacter " : "control character ";
        String allowed = c >= 0xFFFE ? "" : " (tab, line feed and carriage return are the only control characters allowed)";
        assertEquals(List.of(
                "costs.csv:2: column SubAccountName: " + kind + name + " in character 3 of the value is not allowed in"
                        + " text; remove it" + allowed,
                "costs.csv:3: column ProviderName: " + kind + name + " in character 1 of the value is not allowed in"
                        + " text; remove it" + allowed,
                "costs.csv:4: column Tags: " + kind + name + " in character 9 of the value is not allowed in"
                        + " text; remove it" + allowed),
                errors(HEADER + row("ab" + x, "1", "") + x + row("a", "1", "")
                        + row("a", "1", "\"{\"\"app\"\":\"\"" + x + "\"\"}\"")));
    }

    @Test
    void anEscapedControlCharacterInATagValueIsAnError() {
        assertEquals(List.of("costs.csv:2: column Tags: the tag 'app': control character U+0001 in its value (from an"
                        + " escape such as \"\\u0001\") is not allowed in text; remove it (tab, line feed and carriage"
                        + " return are the only control characters allowed)"),
                errors(HEADER + row("a", "1", "\"{\"\"app\"\":\"\"x\\u0001\"\"}\"")));
    }

    @Test
    void oddButHarmlessTextIsKept() throws Exception {
        String odd = "<b>&amp; 'q' ]]> \uD83D\uDE00 \u200Fשלום\u2028\ttab";
        FocusImport read = new FocusImporter(FocusImporter.DEFAULT_MAX_ERRORS, Optional.of("app")).read(new StringReader(BillingAccountColumn.add(
                HEADER + row("\"" + odd + "\"", "1", "\"{\"\"app\"\":\"\"" + odd.replace("\t", "\\t") + "\"\"}\""))),
                "costs.csv");
        MonthlyCost cost = read.monthlyCosts().get(0);
        assertEquals(Optional.of(odd), cost.subAccountName());
        assertEquals(Optional.of(odd), cost.tag());
    }
}
