package io.servicedocs.site.svg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The charts' shared frame: nice ticks, their labels in the site's number format, gridlines and a legend. */
class ChartFrameTest {

    private static List<String> ticks(String low, String high, String smallest) {
        return ChartFrame.scale(new BigDecimal(low), new BigDecimal(high), 5, new BigDecimal(smallest)).ticks().stream()
                .map(BigDecimal::toPlainString).toList();
    }

    @Test
    void ticksAreOneTwoOrFiveTimesAPowerOfTenAndCoverZero() {
        // 1,234,567 / 4 = 308,641.75 -> a step of 500,000
        assertEquals(List.of("0", "500000", "1000000", "1500000"), ticks("0", "1234567", "0.01"));
        // -120..380: 500 / 4 = 125 -> 200
        assertEquals(List.of("-200", "0", "200", "400"), ticks("-120", "380", "0.01"));
        // unit costs: 0.37 / 4 = 0.0925 -> 0.1
        assertEquals(List.of("0", "0.1", "0.2", "0.3", "0.4"), ticks("0.05", "0.37", "0.01"));
        // counts never step below 1: 3 / 4 -> 1
        assertEquals(List.of("0", "1", "2", "3"), ticks("0", "3", "1"));
        // nothing to show still has an axis
        assertEquals(List.of("0", "1"), ticks("0", "0", "1"));
        assertEquals(new BigDecimal("2E+1"), ChartFrame.niceStep(new BigDecimal("12.5")));
        assertEquals(new BigDecimal("5"), ChartFrame.niceStep(new BigDecimal("5")));
    }

    @Test
    void tickLabelsAreInTheSiteNumberFormat() {
        assertEquals("1,500,000", ChartFrame.number(new BigDecimal("1500000")));
        assertEquals("-200", ChartFrame.number(new BigDecimal("-200")));
        assertEquals("0.25", ChartFrame.number(new BigDecimal("0.250")));
        assertEquals("1,000", ChartFrame.number(new BigDecimal("1E+3")));
    }

    /** The labels are what the DecimalFormat made per label before (issue 15) wrote, digit for digit. */
    @Test
    void tickLabelsAreWhatDecimalFormatWrote() {
        java.util.Random random = new java.util.Random(15);
        List<BigDecimal> values = new java.util.ArrayList<>(List.of(BigDecimal.ZERO, new BigDecimal("0.000"),
                new BigDecimal("-0.5"), new BigDecimal("999"), new BigDecimal("-1000"), new BigDecimal("1E+7"),
                new BigDecimal("-123456789.0120"), new BigDecimal("0.001"), new BigDecimal("100000")));
        for (int i = 0; i < 2000; i++) {
            values.add(BigDecimal.valueOf(random.nextLong() % 10_000_000_000L, random.nextInt(9) - 3));
        }
        for (BigDecimal value : values) {
            BigDecimal v = value.stripTrailingZeros();
            int scale = Math.max(0, v.scale());
            String expected = new java.text.DecimalFormat(scale == 0 ? "#,##0" : "#,##0." + "0".repeat(scale),
                    java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT)).format(v);
            assertEquals(expected, ChartFrame.number(value), value.toString());
        }
    }

    @Test
    void aMoneyChartHasValueTicksGridlinesAndALegend() {
        String svg = MoneyChart.svg("c", "Cost & revenue", "Operating cost", Optional.of("MRR"), List.of(
                new MoneyChart.Point("2026-01", new BigDecimal("1200"), "1,200", Optional.of(new BigDecimal("1800")),
                        Optional.of("1,800"), false),
                new MoneyChart.Point("2026-02", new BigDecimal("1500"), "1,500 (provisional)", Optional.of(new BigDecimal("1900")),
                        Optional.of("1,900"), true)));
        assertTrue(svg.contains("<title id=\"c-title\">Cost &amp; revenue</title>"), svg);
        // 0..1,900: 475 -> a step of 500, to 2,000
        for (String tick : List.of(">0<", ">500<", ">1,000<", ">1,500<", ">2,000<")) {
            assertTrue(svg.contains(tick + "/text>"), tick + " in " + svg);
        }
        assertEquals(4, svg.split("class=\"gridline\"", -1).length - 1, "a gridline per tick but zero (the axis)");
        assertTrue(svg.contains(">Operating cost</text>") && svg.contains(">MRR</text>"), "the legend");
        assertTrue(svg.contains(">2026-02*</text>"), "a provisional month's label ends in an asterisk");
    }

    private static List<io.servicedocs.history.Improvements> halves(int count) {
        List<io.servicedocs.history.Improvements> periods = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            int year = 2014 + i / 2;
            int half = i % 2 + 1;
            java.time.LocalDate start = java.time.LocalDate.of(year, half == 1 ? 4 : 10, 1);
            periods.add(new io.servicedocs.history.Improvements(new io.servicedocs.history.Period(
                    "FY" + year + " H" + half, year, half, start, start.plusMonths(6).minusDays(1)), 100 + i,
                    java.util.Map.of(), java.util.Map.of()));
        }
        return periods;
    }

    private static List<Double> tickXs(String svg) {
        return java.util.regex.Pattern.compile("<text class=\"tick\" x=\"([0-9.]+)\" y=\"" + ChartFrame.LABEL_Y + "\"")
                .matcher(svg).results().map(m -> Double.parseDouble(m.group(1))).toList();
    }

    /** Ten years of declared history: twenty half-years' labels would run together, so every few are labelled. */
    @Test
    void aLongHistoryLabelsEveryFewPeriodsAndTheLatest() {
        String few = HistoryChart.svg(halves(4), List.of(), "t", "bars", "line");
        assertEquals(4, tickXs(few).size(), few);
        String many = HistoryChart.svg(halves(20), List.of(), "t", "bars", "line");
        List<Double> xs = tickXs(many);
        assertTrue(xs.size() > 1 && xs.size() < 20, many);
        assertTrue(many.contains(">FY2023 H2</text>"), "the latest period is labelled: " + many);
        double widest = ChartFrame.textWidth("FY2023 H2");
        for (int i = 1; i < xs.size(); i++) {
            assertTrue(xs.get(i) - xs.get(i - 1) >= widest + 8, "labels apart: " + xs);
        }
        assertEquals(xs.size(), many.split("class=\"value\"", -1).length - 1, "a value over each labelled bar");
    }

    /** Eight months are all labelled; eighteen (the example's) every few, the latest always, never closer than a label's width. */
    @Test
    void aMoneyChartLabelsEveryFewMonthsAndTheLatest() {
        for (int n : new int[] {8, 18, 60}) {
            List<MoneyChart.Point> points = new java.util.ArrayList<>();
            java.time.YearMonth month = java.time.YearMonth.of(2022, 1);
            for (int i = 0; i < n; i++) {
                boolean provisional = i == n - 1;
                points.add(new MoneyChart.Point(month.plusMonths(i).toString(), BigDecimal.valueOf(1000 + i), "x",
                        Optional.empty(), Optional.empty(), provisional));
            }
            String svg = MoneyChart.svg("c", "t", "cost", Optional.empty(), points);
            List<Double> xs = tickXs(svg);
            String latest = month.plusMonths(n - 1) + "*";
            assertTrue(svg.contains(">" + latest + "</text>"), n + " months: the latest is labelled");
            if (n == 8) {
                assertEquals(8, xs.size(), svg);
            } else {
                assertTrue(xs.size() < n, n + " months: " + xs.size() + " labels");
            }
            for (int i = 1; i < xs.size(); i++) {
                assertTrue(xs.get(i) - xs.get(i - 1) >= ChartFrame.textWidth(latest) + 8, n + " months, labels apart: " + xs);
            }
        }
    }
}
