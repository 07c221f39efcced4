package io.servicedocs.site.svg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The charts' coordinates: written as String.format's "%.1f" wrote them (the pages stay byte for byte the same). */
class SvgTest {

    @Test
    void oneDecimalRoundsTheShortestDecimalHalfUpWithFormattersSigns() {
        assertEquals("0.2", Svg.oneDecimal(0.15)); // the double is 0.1499999..., its shortest decimal 0.15
        assertEquals("0.1", Svg.oneDecimal(0.05));
        assertEquals("2.5", Svg.oneDecimal(2.45));
        assertEquals("-0.0", Svg.oneDecimal(-0.04)); // the sign of a negative that rounds to zero is kept
        assertEquals("-0.0", Svg.oneDecimal(-0.0));
        assertEquals("0.0", Svg.oneDecimal(0.0));
        assertEquals("-12.4", Svg.oneDecimal(-12.35000001));
        assertEquals("10000000000.0", Svg.oneDecimal(1e10)); // no exponent, as Formatter
        assertEquals("0.0", Svg.oneDecimal(1e-7));
        assertEquals("NaN", Svg.oneDecimal(Double.NaN));
    }

    @Test
    void oneDecimalIsFormattersOnChartLikeAndRandomValues() {
        SplittableRandom random = new SplittableRandom(15);
        for (int i = 0; i < 200_000; i++) {
            double value = switch (i % 4) {
                case 0 -> random.nextDouble(-1000, 1000);
                case 1 -> random.nextInt(-100_000, 100_000) / 100.0; // two decimals, as amounts
                case 2 -> 64 + (656.0 / random.nextInt(1, 60)) * random.nextInt(0, 60) + random.nextInt(0, 20) / 8.0;
                default -> Double.longBitsToDouble(random.nextLong());
            };
            assertEquals(String.format(Locale.ROOT, "%.1f", value), Svg.oneDecimal(value), "of " + value);
        }
        for (int tenths = -20_000; tenths <= 20_000; tenths++) {
            double half = tenths / 10.0 + 0.05; // every half-way case in range
            assertEquals(String.format(Locale.ROOT, "%.1f", half), Svg.oneDecimal(half), "of " + half);
        }
    }
}
