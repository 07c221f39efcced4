package io.servicedocs.site.view;

import io.servicedocs.model.Money;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * An amount as pages show it: {@code text} grouped for reading ("1,234,567"), {@code value} plain
 * for sorting and machines ("1234567"), its currency code, and whether it is negative.
 */
public record Amount(String text, String value, String currency, boolean negative) {

    public static Amount of(Money money) {
        return new Amount(text(money), plain(money), money.currency().getCurrencyCode(), money.amount().signum() < 0);
    }

    /** Grouped with the root locale's symbols, every decimal of the amount kept. */
    public static String text(Money money) {
        int scale = Math.max(0, money.amount().scale());
        DecimalFormat format = new DecimalFormat(scale == 0 ? "#,##0" : "#,##0." + "0".repeat(scale),
                DecimalFormatSymbols.getInstance(Locale.ROOT));
        format.setRoundingMode(RoundingMode.UNNECESSARY);
        return format.format(money.amount());
    }

    public static String plain(Money money) {
        return money.amount().toPlainString();
    }
}
