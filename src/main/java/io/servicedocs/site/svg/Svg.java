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
