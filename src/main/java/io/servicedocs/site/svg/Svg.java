package io.servicedocs.site.svg;

/** What every SVG of the site shares. */
public final class Svg {

    private Svg() {
    }

    /** Text (element content or attribute value) escaped for SVG. */
    public static String text(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /**
     * A number grouped by thousands with the root locale's symbols, every decimal of its scale kept
     * (none for a scale of zero or below): what a DecimalFormat of "#,##0.00..." (as many decimals
     * as the scale) writes, e.g. "-1,234,567.50", without making one per number. The charts' tick
     * labels and the pages' amounts ({@code view.Amount}) print numbers alike through it (issue 15).
     */
    public static String grouped(java.math.BigDecimal value) {
        String plain = value.setScale(Math.max(0, value.scale())).toPlainString();
        int start = plain.startsWith("-") ? 1 : 0;
        int point = plain.indexOf('.');
        int end = point < 0 ? plain.length() : point;
        StringBuilder text = new StringBuilder(plain.length() + (end - start) / 3);
        text.append(plain, 0, start);
        for (int i = start; i < end; i++) {
            if (i > start && (end - i) % 3 == 0) {
                text.append(',');
            }
            text.append(plain.charAt(i));
        }
        return text.append(plain, end, plain.length()).toString();
    }

    /**
     * A coordinate with one decimal, exactly as {@code String.format(Locale.ROOT, "%.1f", value)}
     * writes it: the shortest decimal of the double (its {@link Double#toString}) rounded half up,
     * a minus sign for any negative value (even one that rounds to 0.0). Charts write thousands of
     * coordinates per site: through {@link java.util.Formatter} they were most of the cost charts'
     * time at 5,000 products (issue 15, JFR).
     */
    public static String oneDecimal(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return String.format(java.util.Locale.ROOT, "%.1f", value);
        }
        boolean negative = Double.compare(value, 0.0) < 0; // -0.0 too, as Formatter
        String digits = new java.math.BigDecimal(Double.toString(Math.abs(value)))
                .setScale(1, java.math.RoundingMode.HALF_UP).toPlainString();
        return negative ? "-" + digits : digits;
    }
}
