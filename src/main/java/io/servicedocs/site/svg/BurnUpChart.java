package io.servicedocs.site.svg;

import io.servicedocs.history.CampaignBurnUp;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * A campaign's burn-up as an SVG line chart, drawn like {@link HistoryChart} (same size, axes and
 * classes, so the site's styles apply): met product x goal pairs stepping up over time from the
 * start, a dashed line at the total, and a mark at the due date. The page shows the same numbers
 * in a table beside it.
 */
public final class BurnUpChart {

    private static final int WIDTH = 720;
    private static final int HEIGHT = 260;
    private static final int LEFT = 44;
    private static final int RIGHT = 44;
    private static final int TOP = 16;
    private static final int BOTTOM = 40;

    private BurnUpChart() {
    }

    /**
     * @param title the chart's accessible title, in the site's language
     * @param dueLabel the due-date mark's label, in the site's language
     */
    public static String svg(CampaignBurnUp burnUp, LocalDate start, LocalDate due, String title, String dueLabel) {
        LocalDate last = burnUp.points().stream().map(CampaignBurnUp.Point::date).max(LocalDate::compareTo).orElse(due);
        LocalDate first = burnUp.points().stream().map(CampaignBurnUp.Point::date).min(LocalDate::compareTo)
                .filter(d -> d.isBefore(start)).orElse(start);
        LocalDate end = last.isAfter(due) ? last : due;
        double days = Math.max(1, ChronoUnit.DAYS.between(first, end));
        int total = Math.max(1, burnUp.total());
        double plotWidth = WIDTH - LEFT - RIGHT;
        double plotHeight = HEIGHT - TOP - BOTTOM;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg class=\"chart burn-up\" viewBox=\"0 0 %d %d\" role=\"img\" "
                + "aria-labelledby=\"burn-up-title\" xmlns=\"http://www.w3.org/2000/svg\">", WIDTH, HEIGHT));
        svg.append("<title id=\"burn-up-title\">").append(Svg.text(title)).append("</title>");
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" class=\"axis\"/>",
                LEFT, HEIGHT - BOTTOM, WIDTH - RIGHT, HEIGHT - BOTTOM));
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" class=\"axis total\" "
                + "stroke-dasharray=\"4 4\"/>", LEFT, TOP, WIDTH - RIGHT, TOP));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" class=\"tick\" text-anchor=\"end\">%d</text>",
                LEFT - 6, TOP + 4, burnUp.total()));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" class=\"tick\" text-anchor=\"end\">0</text>",
                LEFT - 6, HEIGHT - BOTTOM));
        svg.append(String.format(Locale.ROOT, "<text class=\"tick\" x=\"%d\" y=\"%d\">%s</text>", LEFT,
                HEIGHT - BOTTOM + 16, first));
        double dueX = LEFT + plotWidth * ChronoUnit.DAYS.between(first, due) / days;
        svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" class=\"axis due\"/>",
                dueX, TOP, dueX, HEIGHT - BOTTOM));
        svg.append(String.format(Locale.ROOT, "<text class=\"tick\" x=\"%.1f\" y=\"%d\" text-anchor=\"end\">%s %s</text>",
                dueX, HEIGHT - BOTTOM + 30, Svg.text(dueLabel), due));
        StringBuilder line = new StringBuilder();
        double previousY = HEIGHT - BOTTOM;
        for (CampaignBurnUp.Point point : burnUp.points()) {
            double x = LEFT + plotWidth * ChronoUnit.DAYS.between(first, point.date()) / days;
            double y = HEIGHT - BOTTOM - plotHeight * point.met() / total;
            if (line.length() > 0) {
                // a step: the count holds until the day it changes
                line.append(' ').append(String.format(Locale.ROOT, "%.1f,%.1f", x, previousY));
            }
            line.append(line.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.1f,%.1f", x, y));
            previousY = y;
            svg.append(String.format(Locale.ROOT, "<circle class=\"point\" cx=\"%.1f\" cy=\"%.1f\" r=\"3\">"
                    + "<title>%s: %d/%d</title></circle>", x, y, point.date(), point.met(), burnUp.total()));
        }
        if (line.length() > 0) {
            svg.append("<polyline class=\"line\" fill=\"none\" points=\"").append(line).append("\"/>");
        }
        return svg.append("</svg>").toString();
    }
}
