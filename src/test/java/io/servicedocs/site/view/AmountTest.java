package io.servicedocs.site.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.servicedocs.model.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Currency;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Amounts as pages show them: grouped by thousands, every decimal kept, as the DecimalFormat they replaced. */
class AmountTest {

    private static Money money(String amount) {
        return new Money(new BigDecimal(amount), Currency.getInstance("EUR"));
    }

    @Test
    void textGroupsThousandsAndKeepsEveryDecimal() {
        assertEquals("1,234,567", Amount.text(money("1234567")));
        assertEquals("-1,234.50", Amount.text(money("-1234.50")));
        assertEquals("999.999", Amount.text(money("999.999")));
        assertEquals("100,000", Amount.text(money("100000")));
        assertEquals("0.00", Amount.text(money("0.00")));
        assertEquals("-0.01", Amount.text(money("-0.01")));
        assertEquals("12,000", Amount.text(money("1.2E+4"))); // a negative scale: no decimals
        Amount amount = Amount.of(money("-1234.5"));
        assertEquals(new Amount("-1,234.5", "-1234.5", "EUR", true), amount);
    }

    /** The formatter the pages used before (one per amount): the new text must be its text. */
    private static String decimalFormat(Money money) {
        int scale = Math.max(0, money.amount().scale());
        DecimalFormat format = new DecimalFormat(scale == 0 ? "#,##0" : "#,##0." + "0".repeat(scale),
                DecimalFormatSymbols.getInstance(Locale.ROOT));
        format.setRoundingMode(RoundingMode.UNNECESSARY);
        return format.format(money.amount());
    }

    @Test
    void textIsTheDecimalFormatsOnRandomAmounts() {
        SplittableRandom random = new SplittableRandom(15);
        for (int i = 0; i < 100_000; i++) {
            BigDecimal amount = BigDecimal.valueOf(random.nextLong(-10_000_000_000_000L, 10_000_000_000_000L),
                    random.nextInt(-3, 7));
            assertEquals(decimalFormat(new Money(amount, Currency.getInstance("EUR"))),
                    Amount.text(new Money(amount, Currency.getInstance("EUR"))), "of " + amount.toString());
        }
    }
}
