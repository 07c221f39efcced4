package io.servicedocs.site.view;

import io.servicedocs.site.svg.MoneyChart;

import static io.servicedocs.site.view.Views.map;

import io.servicedocs.assess.Portfolio;
import io.servicedocs.cost.allocation.CostReport;
import io.servicedocs.cost.allocation.CostTrend;
import io.servicedocs.cost.allocation.PoolReport;
import io.servicedocs.cost.allocation.PrepaidReport;
import io.servicedocs.cost.allocation.ProductCosts;
import io.servicedocs.cost.allocation.SourceReport;
import io.servicedocs.cost.allocation.UnallocatedCost;
import io.servicedocs.cost.ledger.MinorUnit;
import io.servicedocs.cost.ledger.PoolShare;
import io.servicedocs.cost.ledger.PoolSplit;
import io.servicedocs.cost.ledger.ProductMonth;
import io.servicedocs.model.CostElement;
import io.servicedocs.model.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the site shows of costs: the company page, each product's cost section, and the summary
 * exported in api/products.json. Amounts come as {@code text} (grouped, for reading) and
 * {@code value} (plain decimal, for sorting and for machines); provisional months are flagged
 * everywhere a figure of theirs appears.
 */
public final class CostViews {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final int MONTHLY_SHARES_UP_TO = 50;

    private final Optional<CostReport> report;
    private final Portfolio portfolio;
    private final Map<String, String> t;

    /** @param messages the interface strings, for the charts' titles */
    public CostViews(Optional<CostReport> report, Portfolio portfolio, Map<String, String> messages) {
        this.report = report;
        this.portfolio = portfolio;
        this.t = messages;
    }

    public boolean available() {
        return report.isPresent();
    }

    /** The product's cost figures for api/products.json and the matrix: the latest final month and the trend. */
    public static Optional<Map<String, Object>> summary(Optional<CostReport> report, String productId) {
        if (report.isEmpty() || report.get().product(productId).isEmpty()) {
            return Optional.empty();
        }
        CostReport r = report.get();
        ProductCosts costs = r.product(productId).get();
        Optional<YearMonth> latestFinal = r.latestFinalMonth();
        Optional<ProductMonth> month = latestFinal.flatMap(costs::month);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("currency", r.reportingCurrency().getCurrencyCode());
        summary.put("month", latestFinal.map(YearMonth::toString).orElse(null));
        summary.put("operating_cost", month.map(m -> plain(m.operatingCost())).orElse(null));
        summary.put("direct_cost", month.map(m -> plain(m.directCost())).orElse(null));
        summary.put("shared_cost", month.map(m -> plain(m.sharedCost())).orElse(null));
        summary.put("prepaid_cost", month.map(m -> plain(m.prepaidCost())).orElse(null));
        summary.put("maintenance_labour", month.map(m -> plain(m.maintenanceLabour())).orElse(null));
        summary.put("investment_labour", month.map(m -> plain(m.investmentLabour())).orElse(null));
        summary.put("mrr", month.map(m -> plain(m.mrr())).orElse(null));
        summary.put("profit", month.map(m -> plain(m.profit())).orElse(null));
        summary.put("unit_cost", month.flatMap(ProductMonth::unitCost).map(CostViews::plain).orElse(null));
        summary.put("turned_profitable", costs.turnedProfitable().map(YearMonth::toString).orElse(null));
        summary.put("trend", costs.trend().map(tr -> map("from", tr.from().toString(), "to", tr.to().toString(),
                "cost_change_percent", tr.costChange().toPlainString(),
                "demand_change_percent", tr.demandChange().map(BigDecimal::toPlainString).orElse(null),
                "unit_cost_change_percent", tr.unitCostChange().map(BigDecimal::toPlainString).orElse(null),
                "reading", tr.reading().name().toLowerCase(Locale.ROOT))).orElse(null));
        ProductMonth latest = costs.months().get(costs.months().size() - 1);
        summary.put("latest_month", map("month", latest.month().toString(),
                "provisional", latest.provisional() || r.provisional(latest.month()),
                "operating_cost", plain(latest.operatingCost()), "profit", plain(latest.profit())));
        return Optional.of(summary);
    }

    /** The company page. */
    public Map<String, Object> company() {
        if (report.isEmpty()) {
            return map("available", false);
        }
        CostReport r = report.get();
        Optional<YearMonth> latestFinal = r.latestFinalMonth();
        List<Map<String, Object>> ranking = new ArrayList<>();
        for (ProductCosts costs : r.products().values()) {
            Optional<ProductMonth> month = latestFinal.flatMap(costs::month);
            if (month.isEmpty()) {
                continue;
            }
            ProductMonth m = month.get();
            ranking.add(map("id", costs.productId(), "name", name(costs.productId()),
                    "phase", portfolio.product(costs.productId()).map(p -> p.phase().name()).orElse(""),
                    "operating_cost", amount(m.operatingCost()), "mrr", amount(m.mrr()), "profit", amount(m.profit()),
                    "unit_cost", m.unitCost().map(CostViews::amount).orElse(null),
                    "profitable", m.profit().amount().signum() > 0,
                    "turned_profitable", costs.turnedProfitable().map(YearMonth::toString).orElse(null),
                    "trend", costs.trend().map(CostViews::trend).orElse(null)));
        }
        ranking.sort(Comparator.comparing((Map<String, Object> row) ->
                new BigDecimal((String) ((Map<?, ?>) row.get("profit")).get("value"))).reversed());

        List<Map<String, Object>> turned = r.products().values().stream().filter(c -> c.turnedProfitable().isPresent())
                .sorted(Comparator.comparing((ProductCosts c) -> c.turnedProfitable().get()).thenComparing(ProductCosts::productId))
                .map(c -> map("id", c.productId(), "name", name(c.productId()), "month", c.turnedProfitable().get().toString()))
                .toList();

        List<Map<String, Object>> months = new ArrayList<>();
        List<MoneyChart.Point> points = new ArrayList<>();
        for (YearMonth month : r.months()) {
            Money operating = zero(r);
            Money mrr = zero(r);
            for (ProductCosts costs : r.products().values()) {
                Optional<ProductMonth> m = costs.month(month);
                if (m.isPresent()) {
                    operating = MinorUnit.plus(operating, m.get().operatingCost());
                    mrr = MinorUnit.plus(mrr, m.get().mrr());
                }
            }
            Money unallocated = r.unallocated().stream().filter(u -> u.month().equals(month)).map(UnallocatedCost::converted)
                    .reduce(zero(r), MinorUnit::plus);
            Money profit = MinorUnit.minus(mrr, operating);
            boolean provisional = r.provisional(month);
            months.add(map("month", month.toString(), "provisional", provisional, "operating_cost", amount(operating),
                    "mrr", amount(mrr), "profit", amount(profit), "unallocated", amount(unallocated)));
            points.add(new MoneyChart.Point(month.toString(), operating.amount(), text(operating) + provisionalNote(provisional),
                    Optional.of(mrr.amount()), Optional.of(text(mrr)), provisional));
        }
        String chart = MoneyChart.svg("company-cost-chart", t.getOrDefault("costs.company_chart_title", "")
                + " (" + currency(r) + ")", t.getOrDefault("costs.operating_cost", ""),
                Optional.of(t.getOrDefault("costs.mrr", "")), points);

        return map("available", true, "currency", currency(r), "months", months, "chart_svg", chart,
                "latest_final_month", latestFinal.map(YearMonth::toString).orElse(null),
                "provisional_months", r.provisionalMonths().stream().sorted().map(YearMonth::toString).toList(),
                "ranking", ranking, "turned_profitable", turned, "unallocated", unallocated(r, latestFinal),
                "pools", r.pools().stream().map(p -> pool(p, latestFinal)).toList(),
                "prepaid", r.prepaid().stream().map(this::prepaid).toList(),
                "sources", r.sources().stream().map(CostViews::source).toList(),
                "totals_balanced", r.totals().stream().allMatch(x -> x.balanced()),
                "first_month", r.months().isEmpty() ? null : r.months().get(0).toString(),
                "last_month", r.months().isEmpty() ? null : r.months().get(r.months().size() - 1).toString());
    }

    /** A product's cost section: every month, the shares behind the latest final month, charts. */
    public Map<String, Object> product(String productId) {
        if (report.isEmpty()) {
            return map("available", false, "configured", false);
        }
        CostReport r = report.get();
        Optional<ProductCosts> found = r.product(productId);
        if (found.isEmpty()) {
            return map("available", false, "configured", true);
        }
        ProductCosts costs = found.get();
        List<String> providers = costs.months().stream().flatMap(m -> m.directCostByProvider().keySet().stream())
                .distinct().sorted().toList();
        List<Map<String, Object>> months = new ArrayList<>();
        List<MoneyChart.Point> costPoints = new ArrayList<>();
        List<MoneyChart.Point> unitPoints = new ArrayList<>();
        for (ProductMonth m : costs.months()) {
            boolean provisional = m.provisional() || r.provisional(m.month());
            Map<String, Object> byProvider = new TreeMap<>();
            m.directCostByProvider().forEach((provider, money) -> byProvider.put(provider, amount(money)));
            months.add(map("month", m.month().toString(), "provisional", provisional, "direct_by_provider", byProvider,
                    "direct", amount(m.directCost()), "shared", amount(m.sharedCost()), "prepaid", amount(m.prepaidCost()),
                    "maintenance", amount(m.maintenanceLabour()), "investment", amount(m.investmentLabour()),
                    "operating_cost", amount(m.operatingCost()), "mrr", amount(m.mrr()), "profit", amount(m.profit()),
                    "demand", m.demand().map(CostViews::number).orElse(null),
                    "unit_cost", m.unitCost().map(CostViews::amount).orElse(null),
                    "average", Optional.ofNullable(costs.operatingCostAverage().get(m.month())).map(CostViews::amount).orElse(null)));
            costPoints.add(new MoneyChart.Point(m.month().toString(), m.operatingCost().amount(),
                    text(m.operatingCost()) + provisionalNote(provisional), Optional.of(m.mrr().amount()),
                    Optional.of(text(m.mrr())), provisional));
            m.unitCost().ifPresent(u -> unitPoints.add(new MoneyChart.Point(m.month().toString(), u.amount(),
                    text(u) + provisionalNote(provisional), Optional.empty(), Optional.empty(), provisional)));
        }
        Optional<YearMonth> latestFinal = r.latestFinalMonth();
        Optional<ProductMonth> latest = latestFinal.flatMap(costs::month);
        List<Map<String, Object>> shares = latest.map(m -> m.sharedShares().stream().map(s -> share(r, s)).toList())
                .orElse(List.of());
        List<Map<String, Object>> prepaid = r.prepaid().stream()
                .filter(p -> p.ownerKind().equals("product") && p.ownerId().equals(productId)).map(this::prepaid).toList();
        String costChart = MoneyChart.svg("cost-chart-" + productId, t.getOrDefault("costs.product_chart_title", "")
                + " (" + currency(r) + ")", t.getOrDefault("costs.operating_cost", ""),
                Optional.of(t.getOrDefault("costs.mrr", "")), costPoints);
        String unitChart = unitPoints.isEmpty() ? null : MoneyChart.svg("unit-cost-chart-" + productId,
                t.getOrDefault("costs.unit_chart_title", "") + " (" + currency(r) + ")",
                t.getOrDefault("costs.unit_cost", ""), Optional.empty(), unitPoints);
        return map("available", true, "configured", true, "currency", currency(r), "providers", providers,
                "months", months, "latest_final_month", latestFinal.map(YearMonth::toString).orElse(null),
                "latest", latest.map(m -> map("operating_cost", amount(m.operatingCost()), "mrr", amount(m.mrr()),
                        "profit", amount(m.profit()), "profitable", m.profit().amount().signum() > 0,
                        "unit_cost", m.unitCost().map(CostViews::amount).orElse(null),
                        "investment", amount(m.investmentLabour()))).orElse(null),
                "shares", shares, "prepaid", prepaid,
                "turned_profitable", costs.turnedProfitable().map(YearMonth::toString).orElse(null),
                "trend", costs.trend().map(CostViews::trend).orElse(null),
                "chart_svg", costChart, "unit_chart_svg", unitChart);
    }

    private Map<String, Object> share(CostReport r, PoolShare share) {
        String poolName = r.pools().stream().filter(p -> p.pool().id().equals(share.poolId())).findFirst()
                .map(p -> p.pool().name()).orElse(share.poolId());
        return map("pool", share.poolId(), "pool_name", poolName, "method", share.method().name().toLowerCase(Locale.ROOT),
                "weight", number(share.weight()), "total_weight", number(share.totalWeight()),
                "percent", percent(share.weight(), share.totalWeight()), "amount", amount(share.amount()));
    }

    private Map<String, Object> pool(PoolReport pool, Optional<YearMonth> latestFinal) {
        Optional<PoolSplit> latest = latestFinal.flatMap(m -> pool.splits().stream().filter(s -> s.month().equals(m)).findFirst());
        // every month's shares only for pools of a readable size (costs.csv has every product's)
        boolean listShares = pool.pool().split().products().size() <= MONTHLY_SHARES_UP_TO;
        List<Map<String, Object>> months = pool.splits().stream().map(s -> map("month", s.month().toString(),
                "provisional", s.cost().provisional(), "allocated", amount(s.allocated()),
                "rounding", s.roundingDifference().amount().signum() == 0 ? null : amount(s.roundingDifference()),
                "shares", listShares ? s.shares().stream().map(x -> map("product", x.productId(),
                        "amount", amount(x.amount()))).toList() : null))
                .toList();
        return map("id", pool.pool().id(), "name", pool.pool().name(), "description", pool.pool().description().orElse(null),
                "method", pool.pool().split().method().name().toLowerCase(Locale.ROOT),
                "metric", pool.pool().split().metric().orElse(null),
                "elements", pool.pool().costElements().stream().map(CostViews::element).toList(),
                "targets", pool.pool().split().products().stream().map(id -> map("id", id, "name", name(id))).toList(),
                "latest", latest.map(s -> map("month", s.month().toString(), "allocated", amount(s.allocated()),
                        "shares", s.shares().stream().map(x -> map("product", x.productId(), "name", name(x.productId()),
                                "weight", number(x.weight()), "percent", percent(x.weight(), x.totalWeight()),
                                "amount", amount(x.amount()))).toList())).orElse(null),
                "months", months, "list_shares", listShares);
    }

    private Map<String, Object> prepaid(PrepaidReport prepaid) {
        var declared = prepaid.prepaid();
        var parts = prepaid.spread().parts();
        return map("id", declared.id(), "name", declared.name(), "owner_kind", prepaid.ownerKind(),
                "owner", prepaid.ownerId(), "owner_name", prepaid.ownerKind().equals("product") ? name(prepaid.ownerId())
                        : prepaid.ownerId(), "amount", amount(declared.amount()), "term_months", declared.termMonths(),
                "first_month", declared.firstMonth().toString(), "last_month", declared.firstMonth()
                        .plusMonths(declared.termMonths() - 1L).toString(),
                "booked_month", declared.bookedMonth().map(YearMonth::toString).orElse(null),
                "monthly", parts.isEmpty() ? null : amount(parts.get(parts.size() - 1).amount()),
                "first_part", parts.isEmpty() ? null : amount(parts.get(0).amount()));
    }

    private List<Map<String, Object>> unallocated(CostReport r, Optional<YearMonth> latestFinal) {
        record Key(String source, String element) {
        }
        Map<Key, List<UnallocatedCost>> byElement = new LinkedHashMap<>();
        r.unallocated().stream().sorted(Comparator.comparing(UnallocatedCost::source)
                        .thenComparing(u -> u.element().keyWithTag(u.tag())))
                .forEach(u -> byElement.computeIfAbsent(new Key(u.source(), u.element().keyWithTag(u.tag())),
                        k -> new ArrayList<>()).add(u));
        List<Map<String, Object>> rows = new ArrayList<>();
        byElement.forEach((key, costs) -> {
            UnallocatedCost first = costs.get(0);
            Money total = costs.stream().map(UnallocatedCost::converted).reduce(zero(r), MinorUnit::plus);
            Optional<UnallocatedCost> inLatest = latestFinal.flatMap(m -> costs.stream().filter(c -> c.month().equals(m)).findFirst());
            rows.add(map("source", key.source(), "element", element(first.element()), "tag", first.tag().orElse(null),
                    "months", costs.size(),
                    "first_month", first.month().toString(), "last_month", costs.get(costs.size() - 1).month().toString(),
                    "total", amount(total), "latest", inLatest.map(c -> amount(c.converted())).orElse(null)));
        });
        return rows;
    }

    private static Map<String, Object> source(SourceReport source) {
        return map("source", source.source(), "basis", source.basis(), "first_month", source.firstMonth().toString(),
                "last_month", source.lastMonth().toString(), "retrieved", source.lastRetrieved().toString(),
                "provisional_months", source.provisionalMonths().stream().map(YearMonth::toString).toList(),
                "revisions", source.revisions().stream().map(v -> map("month", v.month().toString(),
                        "replaced", v.revision().replaced().toString(), "status", v.revision().status().yamlName(),
                        "retrieved", v.revision().retrieved().toString(), "reason", v.revision().reason(),
                        "totals", v.revision().totals().stream().map(CostViews::amount).toList())).toList());
    }

    private static Map<String, Object> trend(CostTrend trend) {
        return map("from", trend.from().toString(), "to", trend.to().toString(),
                "cost_from", amount(trend.costFrom()), "cost_to", amount(trend.costTo()),
                "cost_change", signed(trend.costChange()),
                "demand_change", trend.demandChange().map(CostViews::signed).orElse(null),
                "unit_cost_change", trend.unitCostChange().map(CostViews::signed).orElse(null),
                "reading", trend.reading().name().toLowerCase(Locale.ROOT));
    }

    private static Map<String, Object> element(CostElement element) {
        return map("provider", element.provider().name().toLowerCase(Locale.ROOT), "id", element.id(),
                "name", element.name().orElse(null), "vendor", element.vendor().orElse(null),
                "tag", element.tag().orElse(null));
    }

    private String name(String productId) {
        return portfolio.product(productId).map(p -> p.product().serviceDoc().name()).orElse(productId);
    }

    private String provisionalNote(boolean provisional) {
        return provisional ? " (" + t.getOrDefault("costs.provisional", "provisional") + ")" : "";
    }

    private static Money zero(CostReport r) {
        return MinorUnit.zero(r.reportingCurrency());
    }

    private static String currency(CostReport r) {
        return r.reportingCurrency().getCurrencyCode();
    }

    /** {text: "1,234,567", value: "1234567", negative: false}: grouped for reading, plain for sorting. */
    public static Map<String, Object> amount(Money money) {
        return map("text", text(money), "value", plain(money), "currency", money.currency().getCurrencyCode(),
                "negative", money.amount().signum() < 0);
    }

    public static String text(Money money) {
        int scale = Math.max(0, money.amount().scale());
        DecimalFormat format = new DecimalFormat(scale == 0 ? "#,##0" : "#,##0." + "0".repeat(scale),
                DecimalFormatSymbols.getInstance(Locale.ROOT));
        format.setRoundingMode(RoundingMode.UNNECESSARY);
        return format.format(money.amount());
    }

    public static String plain(Money money) {
        return money.amount().toPlainString();
    }

    private static String number(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    private static String percent(BigDecimal part, BigDecimal whole) {
        if (whole.signum() == 0) {
            return "0";
        }
        return part.multiply(HUNDRED).divide(whole, 1, RoundingMode.HALF_EVEN).toPlainString();
    }

    private static String signed(BigDecimal percent) {
        return (percent.signum() > 0 ? "+" : "") + percent.toPlainString();
    }
}
