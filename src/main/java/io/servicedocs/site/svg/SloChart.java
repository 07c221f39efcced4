package io.servicedocs.site.svg;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One SLO's monthly attainment as inline SVG, readable without JavaScript: a point per month on a
 * line, the target as a dashed line, missed months drawn as crosses and provisional ones hollow
 * (so the chart does not rely on colour). The page shows the same numbers in a table beside it.
 */
public final class SloChart {

    private static final int WIDTH = 480;
    private static final int HEIGHT = 200;
    private static final int LEFT = 56;
    private static final int RIGHT = 16;
    private static final int TOP = 16;
    private static final int BOTTOM = 32;

    /** One month of the chart: attainment and target as ratios (0..1); empty attainment is not drawn. */
    public record Point(String month, Optional<BigDecimal> attainment, BigDecimal target, boolean provisional) {
    }

    private SloChart() {
    }

    /**
     * @param id    unique within the page, for the title's id
     * @param title the chart's accessible title, in the site's language
     */
    public static String svg(String id, List<Point> points, String title) {
        // The scale runs from a little under the lowest figure (attainment or target) to 100 %:
        // SLO figures sit close to 100 %, so a scale from 0 would show a flat line.
        double low = points.stream().flatMap(p -> java.util.stream.Stream.concat(p.attainment().stream(),
                java.util.stream.Stream.of(p.target()))).mapToDouble(BigDecimal::doubleValue).min().orElse(0.99);
        double min = Math.max(0, 1 - (1 - low) * 1.5);
        if (min >= 1) {
            min = 0.99;
        }
        int n = Math.max(1, points.size());
        double plotWidth = WIDTH - LEFT - RIGHT;
        double plotHeight = HEIGHT - TOP - BOTTOM;
        double slot = plotWidth / n;
        final double scaleMin = min;
        java.util.function.DoubleUnaryOperator y = v -> TOP + plotHeight * (1 - (v - scaleMin) / (1 - scaleMin));
        StringBuilder svg = new StringBuilder();
        String titleId = "slo-chart-title-" + Svg.text(id);
        svg.append(String.format(Locale.ROOT, "<svg class=\"chart slo-chart\" viewBox=\"0 0 %d %d\" role=\"img\" "
                + "aria-labelledby=\"%s\" xmlns=\"http://www.w3.org/2000/svg\">", WIDTH, HEIGHT, titleId));
        svg.append("<title id=\"").append(titleId).append("\">").append(Svg.text(title)).append("</title>");
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" class=\"axis\"/>",
                LEFT, HEIGHT - BOTTOM, WIDTH - RIGHT, HEIGHT - BOTTOM));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" class=\"tick\" text-anchor=\"end\">100%%</text>",
                LEFT - 6, TOP + 4));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" class=\"tick\" text-anchor=\"end\">%s%%</text>",
                LEFT - 6, HEIGHT - BOTTOM, percent(scaleMin)));
        StringBuilder target = new StringBuilder();
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < points.size(); i++) {
            Point p = points.get(i);
            double x = LEFT + slot * i + slot / 2;
            target.append(target.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.1f,%.1f",
                    x, y.applyAsDouble(p.target().doubleValue())));
            svg.append(String.format(Locale.ROOT, "<text class=\"tick\" x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s%s</text>",
                    x, HEIGHT - BOTTOM + 16, Svg.text(p.month()), p.provisional() ? "*" : ""));
            if (p.attainment().isEmpty()) {
                continue;
            }
            double value = p.attainment().get().doubleValue();
            double py = y.applyAsDouble(Math.max(scaleMin, value));
            line.append(line.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.1f,%.1f", x, py));
            String label = Svg.text(p.month()) + ": " + percent(value) + "%";
            if (value < p.target().doubleValue()) {
                svg.append(String.format(Locale.ROOT, "<path class=\"point missed\" d=\"M%.1f %.1fl8 8m0 -8l-8 8\">"
                        + "<title>%s</title></path>", x - 4, py - 4, label));
            } else {
                svg.append(String.format(Locale.ROOT, "<circle class=\"point%s\" cx=\"%.1f\" cy=\"%.1f\" r=\"4\"%s>"
                        + "<title>%s</title></circle>", p.provisional() ? " provisional" : "", x, py,
                        p.provisional() ? " fill=\"none\"" : "", label));
            }
        }
        if (target.length() > 0) {
            svg.append("<polyline class=\"target\" fill=\"none\" stroke-dasharray=\"6 4\" points=\"").append(target).append("\"/>");
        }
        if (line.length() > 0) {
            svg.append("<polyline class=\"line\" fill=\"none\" points=\"").append(line).append("\"/>");
        }
        return svg.append("</svg>").toString();
    }

    private static String percent(double ratio) {
        return String.format(Locale.ROOT, "%.2f", ratio * 100);
    }
}
