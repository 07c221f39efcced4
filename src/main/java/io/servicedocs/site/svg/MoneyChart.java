package io.servicedocs.site.svg;


import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A monthly chart as inline SVG, readable without JavaScript: one bar per month (negative values
 * below the zero line), optionally a line of a second series on the same axis. Provisional months
 * are drawn hatched and their labels end in an asterisk; each bar and point carries a title with
 * its exact figure. Pages show the same numbers in a table beside the chart.
 */
public final class MoneyChart {

    /**
     * One month: its label, the bar's value and display text (which says when the month is
     * provisional, in the page's language), the line's (if any), and whether it is final.
     */
    public record Point(String label, BigDecimal bar, String barText, Optional<BigDecimal> line, Optional<String> lineText,
                 boolean provisional) {
    }

    private static final int WIDTH = 720;
    private static final int HEIGHT = 240;
    private static final int LEFT = 12;
    private static final int RIGHT = 12;
    private static final int TOP = 16;
    private static final int BOTTOM = 36;

    private MoneyChart() {
    }

    /**
     * @param id unique on the page: it names the title element and the hatch pattern
     * @param title what the chart shows, read by screen readers and shown on hover
     */
    public static String svg(String id, String title, String barName, Optional<String> lineName, List<Point> points) {
        // double is fine here: it only places pixels; every figure shown is the exact text given
        double max = 0;
        double min = 0;
        for (Point p : points) {
            max = Math.max(max, p.bar().doubleValue());
            min = Math.min(min, p.bar().doubleValue());
            if (p.line().isPresent()) {
                max = Math.max(max, p.line().get().doubleValue());
                min = Math.min(min, p.line().get().doubleValue());
            }
        }
        if (max == min) {
            max = min + 1;
        }
        double plotHeight = HEIGHT - TOP - BOTTOM;
        double scale = plotHeight / (max - min);
        double zeroY = TOP + max * scale;
        int n = Math.max(1, points.size());
        double slot = (double) (WIDTH - LEFT - RIGHT) / n;
        String titleId = id + "-title";
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg class=\"chart money-chart\" id=\"%s\" viewBox=\"0 0 %d %d\" role=\"img\" "
                + "aria-labelledby=\"%s\" xmlns=\"http://www.w3.org/2000/svg\">", Svg.text(id), WIDTH, HEIGHT, Svg.text(titleId)));
        svg.append("<title id=\"").append(Svg.text(titleId)).append("\">").append(Svg.text(title)).append("</title>");
        svg.append("<defs><pattern id=\"").append(Svg.text(id)).append("-hatch\" width=\"6\" height=\"6\" "
                + "patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" "
                + "class=\"hatch-bg\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" class=\"hatch-line\"/></pattern></defs>");
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" class=\"axis\"/>",
                LEFT, zeroY, WIDTH - RIGHT, zeroY));
        StringBuilder line = new StringBuilder();
        StringBuilder circles = new StringBuilder();
        int labelEvery = Math.max(1, (int) Math.ceil(n / 12.0));
        for (int i = 0; i < points.size(); i++) {
            Point p = points.get(i);
            double barWidth = slot * 0.64;
            double x = LEFT + slot * i + (slot - barWidth) / 2;
            double value = p.bar().doubleValue();
            double top = value >= 0 ? zeroY - value * scale : zeroY;
            double height = Math.max(value == 0 ? 0 : 1, Math.abs(value) * scale);
            String label = p.label() + (p.provisional() ? "*" : "");
            String barClass = "bar" + (value < 0 ? " negative" : "") + (p.provisional() ? " provisional" : "");
            // a style attribute, not fill=: the stylesheet's bar colour would win over a presentation attribute
            String fill = p.provisional() ? " style=\"fill:url(#" + Svg.text(id) + "-hatch)\"" : "";
            svg.append(String.format(Locale.ROOT, "<rect class=\"%s\"%s x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\">"
                            + "<title>%s %s: %s</title></rect>", barClass, fill, x, top, barWidth, height,
                    Svg.text(p.label()), Svg.text(barName), Svg.text(p.barText())));
            // counted from the last month, so that the latest month always has its label
            if ((points.size() - 1 - i) % labelEvery == 0) {
                svg.append(String.format(Locale.ROOT, "<text class=\"tick\" x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>",
                        x + barWidth / 2, HEIGHT - BOTTOM + 16, Svg.text(label)));
            }
            if (p.line().isPresent()) {
                double y = zeroY - p.line().get().doubleValue() * scale;
                line.append(line.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.1f,%.1f", x + barWidth / 2, y));
                circles.append(String.format(Locale.ROOT, "<circle class=\"point\" cx=\"%.1f\" cy=\"%.1f\" r=\"3\"><title>%s %s: %s</title></circle>",
                        x + barWidth / 2, y, Svg.text(p.label()), Svg.text(lineName.orElse("")),
                        Svg.text(p.lineText().orElse(""))));
            }
        }
        if (line.length() > 0) {
            svg.append("<polyline class=\"line\" fill=\"none\" points=\"").append(line).append("\"/>");
        }
        return svg.append(circles).append("</svg>").toString();
    }
}
