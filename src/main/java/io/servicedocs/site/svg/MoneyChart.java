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

    private MoneyChart() {
    }

    /**
     * @param id unique on the page: it names the title element and the hatch pattern
     * @param title what the chart shows, read by screen readers and shown on hover
     */
    public static String svg(String id, String title, String barName, Optional<String> lineName, List<Point> points) {
        BigDecimal low = BigDecimal.ZERO;
        BigDecimal high = BigDecimal.ZERO;
        for (Point p : points) {
            low = low.min(p.bar());
            high = high.max(p.bar());
            if (p.line().isPresent()) {
                low = low.min(p.line().get());
                high = high.max(p.line().get());
            }
        }
        ChartFrame.Scale scale = ChartFrame.scale(low, high, 5, new BigDecimal("0.01"));
        // double is fine here: it only places pixels; every figure shown is the exact text given
        double zeroY = scale.y(0);
        int n = Math.max(1, points.size());
        double slot = ChartFrame.PLOT_WIDTH / n;
        StringBuilder svg = new StringBuilder();
        ChartFrame.open(svg, "chart money-chart", id, id + "-title", title, scale);
        svg.append("<defs><pattern id=\"").append(Svg.text(id)).append("-hatch\" width=\"6\" height=\"6\" "
                + "patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" "
                + "class=\"hatch-bg\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" class=\"hatch-line\"/></pattern></defs>");
        ChartFrame.leftAxis(svg, scale, "");
        StringBuilder line = new StringBuilder();
        StringBuilder circles = new StringBuilder();
        // a month label ("2026-11*") is at most 68 units wide at the largest tick font: eight fit the plot
        int labelEvery = ChartFrame.labelEvery(n, points.stream()
                .mapToDouble(p -> ChartFrame.textWidth(p.label() + (p.provisional() ? "*" : ""))).max().orElse(0));
        for (int i = 0; i < points.size(); i++) {
            Point p = points.get(i);
            double barWidth = slot * 0.64;
            double x = ChartFrame.LEFT + slot * i + (slot - barWidth) / 2;
            double value = p.bar().doubleValue();
            double top = value >= 0 ? scale.y(value) : zeroY;
            double height = Math.max(value == 0 ? 0 : 1, Math.abs(scale.y(value) - zeroY));
            String label = p.label() + (p.provisional() ? "*" : "");
            String barClass = "bar" + (value < 0 ? " negative" : "") + (p.provisional() ? " provisional" : "");
            // a style attribute, not fill=: the stylesheet's bar colour would win over a presentation attribute
            String fill = p.provisional() ? " style=\"fill:url(#" + Svg.text(id) + "-hatch)\"" : "";
            svg.append("<rect class=\"").append(barClass).append('"').append(fill).append(" x=\"").append(Svg.oneDecimal(x))
                    .append("\" y=\"").append(Svg.oneDecimal(top)).append("\" width=\"").append(Svg.oneDecimal(barWidth))
                    .append("\" height=\"").append(Svg.oneDecimal(height)).append("\"><title>").append(Svg.text(p.label()))
                    .append(' ').append(Svg.text(barName)).append(": ").append(Svg.text(p.barText())).append("</title></rect>");
            // counted from the last month, so that the latest month always has its label
            if ((points.size() - 1 - i) % labelEvery == 0) {
                svg.append("<text class=\"tick\" x=\"").append(Svg.oneDecimal(x + barWidth / 2)).append("\" y=\"")
                        .append(ChartFrame.LABEL_Y).append("\" text-anchor=\"middle\">").append(Svg.text(label)).append("</text>");
            }
            if (p.line().isPresent()) {
                double y = scale.y(p.line().get().doubleValue());
                line.append(line.length() == 0 ? "" : " ").append(Svg.oneDecimal(x + barWidth / 2)).append(',')
                        .append(Svg.oneDecimal(y));
                circles.append("<circle class=\"point\" cx=\"").append(Svg.oneDecimal(x + barWidth / 2)).append("\" cy=\"")
                        .append(Svg.oneDecimal(y)).append("\" r=\"3\"><title>").append(Svg.text(p.label())).append(' ')
                        .append(Svg.text(lineName.orElse(""))).append(": ").append(Svg.text(p.lineText().orElse("")))
                        .append("</title></circle>");
            } else {
                // a month without a value (MRR not reported yet) breaks the line rather than bridging it
                polyline(svg, line);
            }
        }
        polyline(svg, line);
        svg.append(circles);
        List<ChartFrame.LegendEntry> legend = new java.util.ArrayList<>();
        legend.add(new ChartFrame.LegendEntry(ChartFrame.Swatch.BAR, barName));
        lineName.filter(name -> !name.isEmpty()).ifPresent(name -> legend.add(new ChartFrame.LegendEntry(ChartFrame.Swatch.LINE, name)));
        ChartFrame.legend(svg, id + "-hatch", legend);
        return svg.append("</svg>").toString();
    }

    /** Writes the line's points gathered so far, if any, as one polyline, and empties them. */
    private static void polyline(StringBuilder svg, StringBuilder line) {
        if (line.length() > 0) {
            svg.append("<polyline class=\"line\" fill=\"none\" points=\"").append(line).append("\"/>");
            line.setLength(0);
        }
    }
}
