package io.servicedocs.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NumberBoundsTest {

    private static BigDecimal parse(String literal) {
        try {
            return NumberBounds.parse(literal);
        } catch (NumberBounds.Refused e) {
            throw new AssertionError(literal + ": " + e.getMessage());
        }
    }

    private static NumberBounds.Refused refused(String literal) {
        return assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> assertThrows(NumberBounds.Refused.class, () -> NumberBounds.parse(literal)), "hang guard");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "42", "-3.1415926535", "1234.10", "+7", ".5", "5.", "1.5e3", "1.5E-3", "-0.01",
            "1e17", "999999999999999999", "-999999999999999999.99", "99999999999999999.9999999999999",
            "0.00000000000000000001", "1180.4000000000", "1234.5678901234567890123", "000000000000000000000000000000001",
            "1e-0000000000000000020", "0e999999999"})
    void acceptsDecimalsWithinTheBoundsExactlyAsWritten(String literal) {
        BigDecimal value = parse(literal);
        if (!literal.startsWith("0e")) {
            assertEquals(0, new BigDecimal(literal).compareTo(value), literal);
        }
        if (!literal.contains("e") && !literal.contains("E")) {
            assertEquals(new BigDecimal(literal).scale(), value.scale(), "the scale as written: " + literal);
        }
    }

    @Test
    void zeroWithAHugeExponentIsPlainZero() {
        assertEquals("0", parse("0e999999999").toPlainString());
        assertEquals("0.00", parse("0.00").toPlainString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "1e999999999            | it is 10^18 or more in magnitude",
            "1e9999999              | it is 10^18 or more in magnitude",
            "-1E+2147483647         | it is 10^18 or more in magnitude",
            "1e99999999999999999999 | it is 10^18 or more in magnitude",
            "1000000000000000000    | it is 10^18 or more in magnitude",
            "1e18                   | it is 10^18 or more in magnitude",
            "1e-999999999           | it has over a million decimal places",
            ".1e-2147483648         | it has over a million decimal places",
            "0.1e-2147483648        | it has over a million decimal places",
            "1e-21                  | it has 21 decimal places",
            "0.000000000000000000001| it has 21 decimal places",
            "0e-21                  | it has 21 decimal places",
            "1234567890.123456789012345678901 | it has more than 30 significant digits",
    })
    void refusesNumbersOutsideTheBoundsSayingWhyAndWhatTheBoundsAre(String literal, String why) {
        NumberBounds.Refused e = refused(literal);
        assertFalse(e.notANumber());
        assertTrue(e.getMessage().startsWith("'" + literal + "' is out of range: " + why + "; "), e.getMessage());
        assertTrue(e.getMessage().endsWith("a number may have at most 30 significant digits, 18 before the decimal point"
                + " (below 10^18) and 20 after it"), e.getMessage());
    }

    @Test
    void aMillionDigitIntegerIsRefusedWithoutBeingShownWhole() {
        String digits = "7".repeat(1_000_000);
        NumberBounds.Refused e = refused(digits);
        assertEquals("'" + "7".repeat(36) + "...' (1000000 characters) is out of range: it has more than 30 significant"
                + " digits; " + NumberBounds.LIMITS, e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-", ".", "e5", "1e", "1e+", ".nan", ".inf", "-.inf", "NaN", "Infinity", "1,5", "1_000",
            "0x1F", "1.2.3", "١٢", "1 ", " 1", "--1", "1e5.5"})
    void refusesWhatIsNoDecimalNumber(String literal) {
        NumberBounds.Refused e = refused(literal);
        assertTrue(e.notANumber(), literal);
        assertEquals("'" + literal + "' is not a finite decimal number such as 1234.56 or 1.5e3", e.getMessage());
    }

    @Test
    void checksComputedValuesAgainstTheSameBounds() {
        assertEquals(Optional.empty(), NumberBounds.check(new BigDecimal("999999999999999999.99")));
        assertEquals(Optional.empty(), NumberBounds.check(BigDecimal.ZERO.setScale(-999_999_999)));
        assertEquals(Optional.empty(), NumberBounds.check(new BigDecimal("1E+17")));
        assertTrue(NumberBounds.check(new BigDecimal("1E+18")).orElseThrow().contains("10^18 or more in magnitude"));
        assertTrue(NumberBounds.check(new BigDecimal("1E-21")).orElseThrow().contains("21 decimal places"));
        assertTrue(NumberBounds.check(new BigDecimal("123456789012345.12345678901234567"))
                .orElseThrow().contains("32 significant digits"));
    }
}
