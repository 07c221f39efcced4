package io.servicedocs.site.svg;


import io.servicedocs.history.Improvements;
import io.servicedocs.history.ShareMet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The trend chart of the Improvements page as inline SVG, readable without JavaScript: a bar per
 * fiscal half-year for the level increases, and a line for the share of requirements met. The
 * page shows the same numbers in a table beside it.
 */
public final class HistoryChart {

    private static final int WIDTH = 720;
    private static final int HEIGHT = 260;
    private static final int LEFT = 44;
    private static final int RIGHT = 44;
    private static final int TOP = 16;
    private static final int BOTTOM = 40;

    private HistoryChart() {
    }

    /** @param title the chart's accessible title, in the site's language */
    public static String svg(List<Improvements> periods, List<ShareMet> shares, String title) {
        int n = Math.max(1, periods.size());
        long max = Math.max(1, periods.stream().mapToLong(Improvements::total).max().orElse(1));
        double plotWidth = WIDTH - LEFT - RIGHT;
        double plotHeight = HEIGHT - TOP - BOTTOM;
        double slot = plotWidth / n;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg class=\"chart\" viewBox=\"0 0 %d %d\" role=\"img\" "
                + "aria-labelledby=\"chart-title\" xmlns=\"http://www.w3.org/2000/svg\">", WIDTH, HEIGHT));
        svg.append("<title id=\"chart-title\">").append(Svg.text(title)).append("</title>");
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" class=\"axis\"/>",
                LEFT, HEIGHT - BOTTOM, WIDTH - RIGHT, HEIGHT - BOTTOM));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" class=\"tick\" text-anchor=\"end\">%d</text>",
                LEFT - 6, TOP + 4, max));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" class=\"tick\">100%%</text>", WIDTH - RIGHT + 6, TOP + 4));
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < periods.size(); i++) {
            Improvements period = periods.get(i);
            double x = LEFT + slot * i + slot * 0.2;
            double barWidth = slot * 0.6;
            double barHeight = plotHeight * period.total() / max;
            double y = HEIGHT - BOTTOM - barHeight;
            svg.append(String.format(Locale.ROOT, "<rect class=\"bar\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\">"
                    + "<title>%s: %d</title></rect>", x, y, barWidth, barHeight, Svg.text(period.period().name()), period.total()));
            svg.append(String.format(Locale.ROOT, "<text class=\"value\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%d</text>",
                    x + barWidth / 2, y - 4, period.total()));
            svg.append(String.format(Locale.ROOT, "<text class=\"tick\" x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>",
                    x + barWidth / 2, HEIGHT - BOTTOM + 16, Svg.text(period.period().name())));
            Optional<ShareMet> share = shares.stream().filter(s -> s.period().equals(period.period())).findFirst();
            if (share.isPresent()) {
                double sy = HEIGHT - BOTTOM - plotHeight * share.get().overall().percent() / 100.0;
                line.append(line.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.1f,%.1f", x + barWidth / 2, sy));
                svg.append(String.format(Locale.ROOT, "<circle class=\"point\" cx=\"%.1f\" cy=\"%.1f\" r=\"3\">"
                        + "<title>%s: %.1f%%</title></circle>", x + barWidth / 2, sy,
                        Svg.text(period.period().name()), share.get().overall().percent()));
            }
        }
        if (line.length() > 0) {
            svg.append("<polyline class=\"line\" fill=\"none\" points=\"").append(line).append("\"/>");
        }
        return svg.append("</svg>").toString();
    }
}
