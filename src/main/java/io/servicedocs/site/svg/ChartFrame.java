package io.servicedocs.site.svg;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The frame every chart of the site shares: its size and margins, a value axis with "nice" ticks
 * (1, 2 or 5 times a power of ten) and a gridline at each, labels in the site's number format
 * ("1,234,567", as the tables beside the charts print them), and a legend below the plot. The
 * charts draw only their marks inside it, so they look alike and print alike.
 */
final class ChartFrame {

    static final int WIDTH = 720;
    static final int HEIGHT = 280;
    static final int LEFT = 64;
    static final int RIGHT = 52;
    static final int TOP = 16;
    /** Room under the plot for the category labels and the legend. */
    static final int BOTTOM = 64;

    static final double PLOT_WIDTH = WIDTH - LEFT - RIGHT;
    static final double PLOT_HEIGHT = HEIGHT - TOP - BOTTOM;
    /** The baseline of the category (month, period, date) labels. */
    static final int LABEL_Y = HEIGHT - BOTTOM + 16;
    private static final int LEGEND_Y = HEIGHT - 14;

    /** How a legend entry's swatch is drawn: a bar, a hatched (provisional) bar, a line, a dashed line. */
    enum Swatch { BAR, HATCHED, LINE, DASHED }

    record LegendEntry(Swatch swatch, String name) {
    }

    /**
     * A value axis from {@code min} to {@code max} (both ticks) and the ticks between, a nice step
     * apart. Pixels are placed with doubles; the tick values themselves are exact.
     */
    record Scale(BigDecimal min, BigDecimal max, List<BigDecimal> ticks) {

        /** The y pixel of a value. */
        double y(double value) {
            double low = min.doubleValue();
            double high = max.doubleValue();
            return TOP + PLOT_HEIGHT * (high - value) / (high - low);
        }
    }

    private ChartFrame() {
    }

    /**
     * About {@code wanted} ticks covering {@code low}..{@code high} and zero, a step of 1, 2 or 5
     * times a power of ten (never below {@code smallestStep}, e.g. 1 for counts).
     */
    static Scale scale(BigDecimal low, BigDecimal high, int wanted, BigDecimal smallestStep) {
        BigDecimal min = low.min(BigDecimal.ZERO);
        BigDecimal max = high.max(BigDecimal.ZERO);
        if (min.compareTo(max) == 0) {
            max = min.add(smallestStep);
        }
        BigDecimal rough = max.subtract(min).divide(BigDecimal.valueOf(Math.max(1, wanted - 1)), 12, RoundingMode.HALF_UP);
        BigDecimal step = niceStep(rough).max(smallestStep);
        BigDecimal first = min.divide(step, 0, RoundingMode.FLOOR).multiply(step);
        BigDecimal last = max.divide(step, 0, RoundingMode.CEILING).multiply(step);
        List<BigDecimal> ticks = new ArrayList<>();
        for (BigDecimal tick = first; tick.compareTo(last) <= 0; tick = tick.add(step)) {
            ticks.add(tick.stripTrailingZeros());
        }
        return new Scale(first, last, List.copyOf(ticks));
    }

    /** The smallest of 1, 2, 5 x 10^k not below {@code rough}. */
    static BigDecimal niceStep(BigDecimal rough) {
        if (rough.signum() <= 0) {
            return BigDecimal.ONE;
        }
        int exponent = rough.precision() - rough.scale() - 1; // rough = d.ddd x 10^exponent
        for (int e = exponent; ; e++) {
            for (int mantissa : new int[] {1, 2, 5}) {
                BigDecimal step = BigDecimal.valueOf(mantissa).scaleByPowerOfTen(e);
                if (step.compareTo(rough) >= 0) {
                    return step;
                }
            }
        }
    }

    /** A number as the site prints it: grouped by thousands with the root locale's symbols, its decimals kept. */
    static String number(BigDecimal value) {
        return Svg.grouped(value.stripTrailingZeros()); // no DecimalFormat per label (issue 15)
    }

    /**
     * The opening tag and the accessible title (from the interface strings, in the site's language).
     * The view box reaches as far left of the frame as the longest label of the left axis needs:
     * a label of 45,000,000,000 yen (a company's month at 5,000 products) is wider than the margin,
     * and the edge would cut its first digits.
     */
    static void open(StringBuilder svg, String cssClass, String id, String titleId, String title, Scale scale) {
        double widest = 0;
        for (BigDecimal tick : scale.ticks()) {
            widest = Math.max(widest, labelWidth(number(tick)));
        }
        long extra = Math.max(0, (long) Math.ceil(widest + TICK_GAP + EDGE - LEFT));
        // appended, not String.format: a few per chart, thousands of charts (issue 15)
        svg.append("<svg class=\"").append(cssClass).append('"').append(id.isEmpty() ? "" : " id=\"" + Svg.text(id) + "\"")
                .append(" viewBox=\"").append(-extra).append(" 0 ").append(WIDTH + extra).append(' ').append(HEIGHT)
                .append("\" role=\"img\" aria-labelledby=\"")
                .append(Svg.text(titleId)).append("\" xmlns=\"http://www.w3.org/2000/svg\">");
        svg.append("<title id=\"").append(Svg.text(titleId)).append("\">").append(Svg.text(title)).append("</title>");
    }

    /** Room between a value label and the axis, and between the longest label and the chart's edge. */
    private static final int TICK_GAP = 6;
    private static final int EDGE = 2;
    /** The tick labels' largest font size (site.css), and the advance of a digit (or minus) and of a separator in em. */
    private static final double TICK_FONT_PX = 12;
    private static final double DIGIT_EM = 0.64;
    private static final double SEPARATOR_EM = 0.34;

    /** The width a number's label takes at most, in the fonts the site asks for (digits are tabular in them). */
    static double labelWidth(String label) {
        double em = 0;
        for (int i = 0; i < label.length(); i++) {
            char c = label.charAt(i);
            em += c == ',' || c == '.' ? SEPARATOR_EM : DIGIT_EM;
        }
        return em * TICK_FONT_PX;
    }

    /** The advance of a letter or digit of a category label in em, at most (wide glyphs take a whole em). */
    private static final double LETTER_EM = 0.7;
    /** The least room between two category labels. */
    private static final double LABEL_GAP = 8;

    /** The width a category label (a period's name, a month) takes at most, in the fonts the site asks for. */
    static double textWidth(String label) {
        double em = 0;
        for (int i = 0; i < label.length(); ) {
            int c = label.codePointAt(i);
            em += c >= 0x2E80 ? 1.0 : c == ' ' ? SEPARATOR_EM : LETTER_EM;
            i += Character.charCount(c);
        }
        return em * TICK_FONT_PX;
    }

    /**
     * Every how many of {@code n} categories, a slot of the plot's width each, a label fits when the
     * widest is {@code widest} wide: 1 while they all fit, more as the slots narrow.
     */
    static int labelEvery(int n, double widest) {
        double slot = PLOT_WIDTH / Math.max(1, n);
        return Math.max(1, (int) Math.ceil((widest + LABEL_GAP) / slot));
    }

    /** The left value axis: a gridline and a label per tick, the zero line drawn as the axis. */
    static void leftAxis(StringBuilder svg, Scale scale, String suffix) {
        svg.append("<g class=\"grid\">");
        for (BigDecimal tick : scale.ticks()) {
            double y = scale.y(tick.doubleValue());
            svg.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(Svg.oneDecimal(y)).append("\" x2=\"")
                    .append(WIDTH - RIGHT).append("\" y2=\"").append(Svg.oneDecimal(y)).append("\" class=\"")
                    .append(tick.signum() == 0 ? "axis" : "gridline").append("\"/>");
            svg.append("<text x=\"").append(LEFT - TICK_GAP).append("\" y=\"").append(Svg.oneDecimal(y + 4))
                    .append("\" class=\"tick\" text-anchor=\"end\">").append(number(tick)).append(Svg.text(suffix)).append("</text>");
        }
        svg.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(TOP).append("\" x2=\"").append(LEFT)
                .append("\" y2=\"").append(HEIGHT - BOTTOM).append("\" class=\"axis\"/>");
        svg.append("</g>");
    }

    /** A right value axis (labels only: the gridlines are the left axis's) from 0 to {@code max}. */
    static void rightAxis(StringBuilder svg, List<BigDecimal> ticks, BigDecimal max, String suffix) {
        svg.append("<g class=\"grid\">");
        for (BigDecimal tick : ticks) {
            double y = TOP + PLOT_HEIGHT * (1 - tick.doubleValue() / max.doubleValue());
            svg.append("<text x=\"").append(WIDTH - RIGHT + 6).append("\" y=\"").append(Svg.oneDecimal(y + 4))
                    .append("\" class=\"tick\">").append(number(tick)).append(Svg.text(suffix)).append("</text>");
        }
        svg.append("</g>");
    }

    /** The legend under the plot: a swatch and a name per entry, left to right. */
    static void legend(StringBuilder svg, String hatchId, List<LegendEntry> entries) {
        svg.append("<g class=\"legend\">");
        double x = LEFT;
        for (LegendEntry entry : entries) {
            switch (entry.swatch()) {
                case BAR -> svg.append("<rect class=\"bar\" x=\"").append(Svg.oneDecimal(x)).append("\" y=\"")
                        .append(LEGEND_Y - 9).append("\" width=\"14\" height=\"10\"/>");
                case HATCHED -> svg.append("<rect class=\"bar provisional\" style=\"fill:url(#").append(Svg.text(hatchId))
                        .append(")\" x=\"").append(Svg.oneDecimal(x)).append("\" y=\"").append(LEGEND_Y - 9)
                        .append("\" width=\"14\" height=\"10\"/>");
                case LINE -> svg.append("<line class=\"line\" x1=\"").append(Svg.oneDecimal(x)).append("\" y1=\"")
                        .append(LEGEND_Y - 4).append("\" x2=\"").append(Svg.oneDecimal(x + 14)).append("\" y2=\"")
                        .append(LEGEND_Y - 4).append("\"/>");
                case DASHED -> svg.append("<line class=\"axis total\" stroke-dasharray=\"4 3\" x1=\"").append(Svg.oneDecimal(x))
                        .append("\" y1=\"").append(LEGEND_Y - 4).append("\" x2=\"").append(Svg.oneDecimal(x + 14))
                        .append("\" y2=\"").append(LEGEND_Y - 4).append("\"/>");
            }
            svg.append("<text class=\"tick legend-text\" x=\"").append(Svg.oneDecimal(x + 20)).append("\" y=\"")
                    .append(LEGEND_Y).append("\">").append(Svg.text(entry.name())).append("</text>");
            // a rough width (CJK characters are about twice as wide as Latin ones at this size)
            x += 20 + entry.name().codePoints().map(c -> c > 0x2E80 ? 12 : 7).sum() + 18;
        }
        svg.append("</g>");
    }
}
