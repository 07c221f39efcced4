package io.servicedocs.site.view;

import io.servicedocs.assess.Portfolio;
import io.servicedocs.assess.ProductReadiness;
import io.servicedocs.assess.SloResult;
import io.servicedocs.model.SloDeclaration;
import io.servicedocs.model.SloMonth;
import io.servicedocs.site.svg.SloChart;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The measured SLOs (slos.yaml declarations against slo-data/ months) as the product pages and
 * the company SLO page show them (issue 16). Figures are never rounded up: an attainment of
 * 99.8999 % prints as 99.899 %, an error budget of -38.0003 % as -38.1 %, so a printed figure is
 * never rosier than the measurement; met or missed is judged on the exact figures.
 */
public final class SloViews {

    /** How many months the product page and the company page show: the latest final ones, plus the running one. */
    static final int FINAL_MONTHS = 6;

    private final Portfolio portfolio;
    private final Map<String, List<SloMonth>> months;
    private final Map<String, String> messages;

    public SloViews(Portfolio portfolio, List<SloMonth> sloMonths, Map<String, String> messages) {
        this.portfolio = portfolio;
        this.months = sloMonths.stream().collect(Collectors.groupingBy(m -> m.product() + "/" + m.slo()));
        this.messages = messages;
    }

    /** One month of one SLO. @param result met, missed or not_measured (a month without attainment) */
    public record SloMonthView(String month, boolean provisional, Optional<String> attainmentPercent,
                               Optional<String> errorBudgetLeftPercent, String result, Optional<String> note) {
    }

    /**
     * One declared SLO on its product page.
     * @param result met, missed or not_measured: the latest final month's, as the risks count it
     * @param sli    how the SLI is measured: the template and its parameters, or the queries
     */
    public record ProductSloView(String id, String title, String type, String targetPercent, Optional<String> description,
                                 Optional<String> template, String parameters, Optional<String> good,
                                 Optional<String> bad, Optional<String> total, Optional<String> datadogSloId,
                                 String dataSource, String dataSourceType, String result,
                                 Optional<String> latestFinalMonth, Optional<String> errorBudgetLeftPercent,
                                 List<SloMonthView> months, String chartSvg) {
    }

    /** A column of the company page. */
    public record MonthColumn(String month, boolean provisional) {
    }

    /** A row of the company page: one SLO of one product, a cell per column. */
    public record SloRow(String productId, String productName, String team, String sloId, String sloTitle,
                         String targetPercent, String result, List<SloMonthView> cells) {
    }

    public record ProductLink(String id, String name) {
    }

    /**
     * The company SLO page.
     * @param missed the products with an SLO missed in its latest final month
     */
    public record SloPage(List<MonthColumn> months, List<SloRow> rows, List<ProductLink> withoutSlos,
                          List<ProductLink> missed) {
    }

    /** The SLOs of a product, in the order slos.yaml declares them. */
    public List<ProductSloView> product(String productId) {
        return portfolio.product(productId).map(p -> p.slos().stream().map(s -> product(p, s)).toList())
                .orElse(List.of());
    }

    private ProductSloView product(ProductReadiness product, SloResult result) {
        SloDeclaration slo = result.slo();
        List<SloMonth> measured = months.getOrDefault(product.id() + "/" + slo.name(), List.of()).stream()
                .sorted(Comparator.comparing(SloMonth::month)).toList();
        List<SloMonth> shown = lastFinalAndRunning(measured);
        SloDeclaration.Sli sli = slo.indicator();
        String title = slo.displayName().orElse(slo.name());
        String chart = SloChart.svg(product.id() + "-" + slo.name(), shown.stream().map(m -> new SloChart.Point(
                m.month().toString(), m.attainment(), m.target(), m.status() == io.servicedocs.model.CostMonth.Status.PROVISIONAL))
                .toList(), messages.getOrDefault("slo.chart_title", "{0}").replace("{0}", title));
        return new ProductSloView(slo.name(), title, sli.template().filter("latency"::equals).isPresent() ? "latency" : "availability",
                target(slo.target()), slo.description(), sli.template(),
                sli.parameters().entrySet().stream().sorted(Map.Entry.comparingByKey())
                        .map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining(", ")),
                sli.good(), sli.bad(), sli.total(), sli.datadogSloId(), sli.dataSource().name(),
                sli.dataSource().type().name().toLowerCase(java.util.Locale.ROOT), code(result.status()),
                result.latestFinal().map(m -> m.month().toString()),
                result.latestFinal().flatMap(SloMonth::errorBudgetLeft).map(b -> percent(b, 1)),
                shown.stream().map(SloViews::month).toList(), chart);
    }

    /** The latest {@value #FINAL_MONTHS} final months and the provisional months after them. */
    private static List<SloMonth> lastFinalAndRunning(List<SloMonth> sorted) {
        List<SloMonth> finals = sorted.stream().filter(m -> m.status() == io.servicedocs.model.CostMonth.Status.FINAL).toList();
        Optional<YearMonth> from = finals.size() > FINAL_MONTHS ? Optional.of(finals.get(finals.size() - FINAL_MONTHS).month())
                : Optional.empty();
        return sorted.stream().filter(m -> from.map(f -> !m.month().isBefore(f)).orElse(true)).toList();
    }

    public static SloMonthView month(SloMonth m) {
        return new SloMonthView(m.month().toString(), m.status() == io.servicedocs.model.CostMonth.Status.PROVISIONAL,
                m.attainment().map(a -> percent(a, 3)), m.errorBudgetLeft().map(b -> percent(b, 1)),
                m.met().map(met -> met ? "met" : "missed").orElse("not_measured"), m.note());
    }

    private static String code(SloResult.Status status) {
        return status.name().toLowerCase(java.util.Locale.ROOT);
    }

    static String target(BigDecimal ratio) {
        return ratio.movePointRight(2).stripTrailingZeros().toPlainString();
    }

    /** A ratio in percent with {@code decimals} decimals, rounded towards minus infinity. */
    public static String percent(BigDecimal ratio, int decimals) {
        return ratio.movePointRight(2).setScale(decimals, RoundingMode.FLOOR).toPlainString();
    }

    /** Products x months: the latest {@value #FINAL_MONTHS} final months of all measurements and the running one. */
    public SloPage company() {
        List<SloMonth> all = months.values().stream().flatMap(List::stream).toList();
        TreeMap<YearMonth, Boolean> columns = new TreeMap<>(); // month -> provisional
        all.forEach(m -> columns.merge(m.month(), m.status() == io.servicedocs.model.CostMonth.Status.PROVISIONAL,
                (a, b) -> a && b));
        List<YearMonth> finals = columns.entrySet().stream().filter(e -> !e.getValue()).map(Map.Entry::getKey).toList();
        YearMonth first = finals.size() > FINAL_MONTHS ? finals.get(finals.size() - FINAL_MONTHS)
                : columns.isEmpty() ? YearMonth.of(1, 1) : columns.firstKey();
        List<YearMonth> lastFinal = finals.isEmpty() ? List.of() : List.of(finals.get(finals.size() - 1));
        // the running month: the provisional months after the latest final one (normally one)
        List<MonthColumn> shown = columns.tailMap(first, true).entrySet().stream()
                .filter(e -> !e.getValue() || lastFinal.isEmpty() || e.getKey().isAfter(lastFinal.get(0)))
                .map(e -> new MonthColumn(e.getKey().toString(), e.getValue())).toList();
        List<SloRow> rows = new ArrayList<>();
        List<ProductLink> without = new ArrayList<>();
        List<ProductLink> missed = new ArrayList<>();
        for (ProductReadiness p : portfolio.products().stream().sorted(Comparator.comparing(ProductReadiness::id)).toList()) {
            ProductLink link = new ProductLink(p.id(), p.product().serviceDoc().name());
            if (p.slos().isEmpty()) {
                without.add(link);
                continue;
            }
            if (p.slos().stream().anyMatch(s -> s.status() == SloResult.Status.MISSED)) {
                missed.add(link);
            }
            for (SloResult s : p.slos()) {
                Map<String, SloMonth> byMonth = months.getOrDefault(p.id() + "/" + s.slo().name(), List.of()).stream()
                        .collect(Collectors.toMap(m -> m.month().toString(), m -> m, (a, b) -> a));
                rows.add(new SloRow(p.id(), link.name(), portfolio.teamName(p.product().serviceDoc().owners().team()),
                        s.slo().name(), s.slo().displayName().orElse(s.slo().name()), target(s.slo().target()),
                        code(s.status()), shown.stream().map(c -> Optional.ofNullable(byMonth.get(c.month())).map(SloViews::month)
                        .orElse(new SloMonthView(c.month(), c.provisional(), Optional.empty(), Optional.empty(),
                                "not_measured", Optional.empty()))).toList()));
            }
        }
        return new SloPage(shown, rows, without, missed);
    }
}
