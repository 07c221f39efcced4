package io.servicedocs.site.svg;

import io.servicedocs.history.CampaignBurnUp;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * A campaign's burn-up as an SVG line chart, drawn like {@link HistoryChart} (same size, axes and
 * classes, so the site's styles apply): met product x goal pairs stepping up over time from the
 * start, a dashed line at the total, and a mark at the due date. The page shows the same numbers
 * in a table beside it.
 */
public final class BurnUpChart {

    private BurnUpChart() {
    }

    /**
     * @param title the chart's accessible title, in the site's language
     * @param dueLabel the due-date mark's label, in the site's language
     * @param metName the line's name in the legend (pairs met) and {@code totalName} the dashed line's (all pairs)
     */
    public static String svg(CampaignBurnUp burnUp, LocalDate start, LocalDate due, String title, String dueLabel,
                             String metName, String totalName) {
        LocalDate last = burnUp.points().stream().map(CampaignBurnUp.Point::date).max(LocalDate::compareTo).orElse(due);
        LocalDate first = burnUp.points().stream().map(CampaignBurnUp.Point::date).min(LocalDate::compareTo)
                .filter(d -> d.isBefore(start)).orElse(start);
        LocalDate end = last.isAfter(due) ? last : due;
        double days = Math.max(1, ChronoUnit.DAYS.between(first, end));
        ChartFrame.Scale scale = ChartFrame.scale(BigDecimal.ZERO, BigDecimal.valueOf(burnUp.total()), 5, BigDecimal.ONE);
        double bottom = ChartFrame.TOP + ChartFrame.PLOT_HEIGHT;
        StringBuilder svg = new StringBuilder();
        ChartFrame.open(svg, "chart burn-up", "", "burn-up-title", title, scale);
        ChartFrame.leftAxis(svg, scale, "");
        double totalY = scale.y(burnUp.total());
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" class=\"axis total\" "
                + "stroke-dasharray=\"4 3\"/>", ChartFrame.LEFT, totalY, ChartFrame.WIDTH - ChartFrame.RIGHT, totalY));
        svg.append(String.format(Locale.ROOT, "<text class=\"tick\" x=\"%d\" y=\"%d\">%s</text>", ChartFrame.LEFT,
                ChartFrame.LABEL_Y, first));
        if (end.isAfter(due)) {
            svg.append(String.format(Locale.ROOT, "<text class=\"tick\" x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>",
                    ChartFrame.WIDTH - ChartFrame.RIGHT, ChartFrame.LABEL_Y, end));
        }
        double dueX = ChartFrame.LEFT + ChartFrame.PLOT_WIDTH * ChronoUnit.DAYS.between(first, due) / days;
        svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%.1f\" class=\"axis due\"/>",
                dueX, ChartFrame.TOP, dueX, bottom));
        svg.append(String.format(Locale.ROOT, "<text class=\"tick\" x=\"%.1f\" y=\"%d\" text-anchor=\"end\">%s %s</text>",
                dueX, ChartFrame.LABEL_Y + 16, Svg.text(dueLabel), due));
        StringBuilder line = new StringBuilder();
        StringBuilder circles = new StringBuilder();
        double previousY = bottom;
        for (CampaignBurnUp.Point point : burnUp.points()) {
            double x = ChartFrame.LEFT + ChartFrame.PLOT_WIDTH * ChronoUnit.DAYS.between(first, point.date()) / days;
            double y = scale.y(point.met());
            if (line.length() > 0) {
                // a step: the count holds until the day it changes
                line.append(' ').append(String.format(Locale.ROOT, "%.1f,%.1f", x, previousY));
            }
            line.append(line.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.1f,%.1f", x, y));
            previousY = y;
            circles.append(String.format(Locale.ROOT, "<circle class=\"point\" cx=\"%.1f\" cy=\"%.1f\" r=\"3\">"
                    + "<title>%s: %d/%d</title></circle>", x, y, point.date(), point.met(), burnUp.total()));
        }
        if (line.length() > 0) {
            svg.append("<polyline class=\"line\" fill=\"none\" points=\"").append(line).append("\"/>");
        }
        svg.append(circles);
        ChartFrame.legend(svg, "", List.of(new ChartFrame.LegendEntry(ChartFrame.Swatch.LINE, metName),
                new ChartFrame.LegendEntry(ChartFrame.Swatch.DASHED, totalName)));
        return svg.append("</svg>").toString();
    }
}
