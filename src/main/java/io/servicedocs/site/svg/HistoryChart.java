package io.servicedocs.site.svg;


import io.servicedocs.history.Improvements;
import io.servicedocs.history.ShareMet;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The trend chart of the Improvements page as inline SVG, readable without JavaScript: a bar per
 * fiscal half-year for the level increases, and a line for the share of requirements met. The
 * page shows the same numbers in a table beside it.
 */
public final class HistoryChart {

    private HistoryChart() {
    }

    /**
     * @param title the chart's accessible title, in the site's language
     * @param barName the bars' name in the legend (level increases), in the site's language
     * @param lineName the line's name in the legend (share of requirements met), in the site's language
     */
    public static String svg(List<Improvements> periods, List<ShareMet> shares, String title, String barName, String lineName) {
        int n = Math.max(1, periods.size());
        long most = periods.stream().mapToLong(Improvements::total).max().orElse(0);
        ChartFrame.Scale scale = ChartFrame.scale(BigDecimal.ZERO, BigDecimal.valueOf(most), 5, BigDecimal.ONE);
        double slot = ChartFrame.PLOT_WIDTH / n;
        StringBuilder svg = new StringBuilder();
        ChartFrame.open(svg, "chart", "", "chart-title", title, scale);
        ChartFrame.leftAxis(svg, scale, "");
        // the share met on the right, 0-100 %, at the left axis's gridlines when they split it evenly
        int steps = scale.ticks().size() - 1;
        List<BigDecimal> percents = new java.util.ArrayList<>();
        for (int i = 0; i <= steps; i++) {
            BigDecimal percent = BigDecimal.valueOf(100L * i).divide(BigDecimal.valueOf(steps), 1, java.math.RoundingMode.HALF_UP);
            percents.add(percent.stripTrailingZeros());
        }
        ChartFrame.rightAxis(svg, percents, BigDecimal.valueOf(100), "%");
        double bottom = ChartFrame.TOP + ChartFrame.PLOT_HEIGHT;
        // the latest period is always labelled, then every few back, so that labels never run together
        // however long the history (the table beside the chart names every period)
        int labelEvery = ChartFrame.labelEvery(periods.size(), periods.stream()
                .mapToDouble(p -> ChartFrame.textWidth(p.period().name())).max().orElse(0));
        StringBuilder line = new StringBuilder();
        StringBuilder circles = new StringBuilder();
        for (int i = 0; i < periods.size(); i++) {
            Improvements period = periods.get(i);
            double x = ChartFrame.LEFT + slot * i + slot * 0.2;
            double barWidth = slot * 0.6;
            double y = scale.y(period.total());
            svg.append(String.format(Locale.ROOT, "<rect class=\"bar\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\">"
                    + "<title>%s: %d</title></rect>", x, y, barWidth, bottom - y, Svg.text(period.period().name()), period.total()));
            if ((periods.size() - 1 - i) % labelEvery == 0) {
                svg.append(String.format(Locale.ROOT, "<text class=\"value\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%d</text>",
                        x + barWidth / 2, y - 4, period.total()));
                svg.append(String.format(Locale.ROOT, "<text class=\"tick\" x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>",
                        x + barWidth / 2, ChartFrame.LABEL_Y, Svg.text(period.period().name())));
            }
            Optional<ShareMet> share = shares.stream().filter(s -> s.period().equals(period.period())).findFirst();
            if (share.isPresent()) {
                double sy = bottom - ChartFrame.PLOT_HEIGHT * share.get().overall().percent() / 100.0;
                line.append(line.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.1f,%.1f", x + barWidth / 2, sy));
                circles.append(String.format(Locale.ROOT, "<circle class=\"point\" cx=\"%.1f\" cy=\"%.1f\" r=\"3\">"
                        + "<title>%s: %.1f%%</title></circle>", x + barWidth / 2, sy,
                        Svg.text(period.period().name()), share.get().overall().percent()));
            }
        }
        if (line.length() > 0) {
            svg.append("<polyline class=\"line\" fill=\"none\" points=\"").append(line).append("\"/>");
        }
        svg.append(circles);
        ChartFrame.legend(svg, "", List.of(new ChartFrame.LegendEntry(ChartFrame.Swatch.BAR, barName),
                new ChartFrame.LegendEntry(ChartFrame.Swatch.LINE, lineName)));
        return svg.append("</svg>").toString();
    }
}
