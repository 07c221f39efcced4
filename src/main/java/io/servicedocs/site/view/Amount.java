package io.servicedocs.site.view;

import io.servicedocs.model.Money;

/**
 * An amount as pages show it: {@code text} grouped for reading ("1,234,567"), {@code value} plain
 * for sorting and machines ("1234567"), its currency code, and whether it is negative.
 */
public record Amount(String text, String value, String currency, boolean negative) {

    public static Amount of(Money money) {
        return new Amount(text(money), plain(money), money.currency().getCurrencyCode(), money.amount().signum() < 0);
    }

    /**
     * Grouped with the root locale's symbols, every decimal of the amount kept: what a
     * DecimalFormat of "#,##0.00..." (as many decimals as the amount's scale) writes, without
     * making one per amount (a site at 5,000 products writes over a million amounts; issue 15).
     * {@link io.servicedocs.site.svg.Svg#grouped}, which the charts' tick labels share.
     */
    public static String text(Money money) {
        return io.servicedocs.site.svg.Svg.grouped(money.amount());
    }

    public static String plain(Money money) {
        return money.amount().toPlainString();
    }
}
