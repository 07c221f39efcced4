package io.servicedocs.site.view;

import io.servicedocs.cost.data.RevisionReason;

import io.servicedocs.assess.Portfolio;
import io.servicedocs.cost.allocation.BillingDetails;
import io.servicedocs.cost.allocation.CompanyMonth;
import io.servicedocs.cost.allocation.CompanyTotals;
import io.servicedocs.cost.allocation.CostReport;
import io.servicedocs.cost.allocation.OwnerKind;
import io.servicedocs.cost.allocation.PoolReport;
import io.servicedocs.cost.allocation.PrepaidReport;
import io.servicedocs.cost.allocation.ProductCosts;
import io.servicedocs.cost.allocation.RankedProduct;
import io.servicedocs.cost.allocation.SourceReport;
import io.servicedocs.cost.allocation.UnallocatedElement;
import io.servicedocs.cost.ledger.PoolShare;
import io.servicedocs.cost.ledger.PoolSplit;
import io.servicedocs.cost.ledger.ProductMonth;
import io.servicedocs.model.Money;
import io.servicedocs.site.svg.MoneyChart;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the site shows of costs: the company page and each product's cost section, built from the
 * cost report (which has computed every total, flag and trend): here amounts only become text,
 * ids become names, and the charts are drawn. Provisional months are flagged wherever a figure of
 * theirs appears.
 */
public final class CostViews {

    /** Pools split among more products than this list only their latest shares, not every month's. */
    private static final int MONTHLY_SHARES_UP_TO = 50;

    private final Optional<CostReport> report;
    private final Portfolio portfolio;
    private final Map<String, String> t;
    /**
     * The company's cost changes (month over month, year over year) with each product's part by
     * product id, made once: looking a product's part up in the list of every product's made the
     * product pages quadratic (issue 15).
     */
    private final List<Map.Entry<io.servicedocs.cost.ledger.CostChange, Map<String, io.servicedocs.cost.ledger.ProductCostChange>>>
            changesByProduct;

    /** @param messages the interface strings, for the charts' titles */
    public CostViews(Optional<CostReport> report, Portfolio portfolio, Map<String, String> messages) {
        this.report = report;
        this.portfolio = portfolio;
        this.t = messages;
        this.changesByProduct = report.map(r -> costChanges(r.company()).stream().map(c -> {
            Map<String, io.servicedocs.cost.ledger.ProductCostChange> byId = new java.util.HashMap<>();
            c.products().forEach(p -> byId.putIfAbsent(p.productId(), p)); // the first, as CostChange.product gave
            return Map.entry(c, byId);
        }).toList()).orElse(List.of());
    }

    /** The company page; empty when the repository has no cost settings. */
    public Optional<CostsPage> company() {
        return report.map(r -> pages(r).first());
    }

    /**
     * The company page with the first rows of its products' tables, and the pages of the rows that
     * follow ({@link CostsPage#ROWS} a page).
     */
    public record Pages(CostsPage first, List<CostsPage.More> more) {
    }

    /** The company's pages; empty when the repository has no cost settings. */
    public Optional<Pages> pages() {
        return report.map(this::pages);
    }

    /** Each period's growth or savings with the page's rows of its products. */
    private static List<CostChangeView.Company> changeRows(List<CostChangeView.Company> changes, CostsPage.Paging paging) {
        return changes.stream().map(c -> new CostChangeView.Company(c.period(), c.from(), c.to(), c.costFrom(),
                c.costTo(), c.change(), c.volumeEffect(), c.efficiencyEffect(), c.notExplained(), c.profitTo(),
                c.profitable(), c.verdict(), c.tone(), paging.rows(c.products()))).toList();
    }

    /**
     * The company page, with the first {@link CostsPage#ROWS} rows of its products' tables (the
     * ranking, each period's growth or savings), and the pages of the rows that follow.
     */
    private Pages pages(CostReport r) {
        CompanyTotals company = r.company();
        List<CostsPage.Ranked> ranking = company.profitRanking().stream().map(this::ranked).toList();
        List<CostChangeView.Company> changes = costChanges(company).stream().map(c -> CostChangeView.company(c,
                companyProfit(company, c.to()), this::name, unitTemplate())).toList();
        int longest = Math.max(ranking.size(), changes.stream().mapToInt(c -> c.products().size()).max().orElse(0));
        List<CostsPage.Paging> pagings = CostsPage.Paging.of(longest);
        List<CostsPage.Month> months = new ArrayList<>();
        List<MoneyChart.Point> points = new ArrayList<>();
        for (CompanyMonth m : company.months()) {
            months.add(new CostsPage.Month(m.month().toString(), m.provisional(), Amount.of(m.operatingCost()),
                    m.mrr().map(Amount::of), m.profit().map(Amount::of), Amount.of(m.unallocated()), m.unreported()));
            points.add(new MoneyChart.Point(m.month().toString(), m.operatingCost().amount(),
                    Amount.text(m.operatingCost()) + provisionalNote(m.provisional()) + unreportedNote(m.financeReported()),
                    m.mrr().map(Money::amount), m.mrr().map(Amount::text), m.provisional()));
        }
        String chart = MoneyChart.svg("company-cost-chart", t.getOrDefault("costs.company_chart_title", "")
                + " (" + currency(r) + ")", t.getOrDefault("costs.operating_cost", ""),
                Optional.of(t.getOrDefault("costs.mrr", "")), points);
        List<CostsPage.Source> sources = r.sources().stream().map(CostViews::source).toList();
        Optional<String> latestFinal = company.latestFinalMonth().map(YearMonth::toString);
        CostsPage.Paging one = pagings.get(0);
        CostsPage first = new CostsPage(currency(r), months, chart, latestFinal,
                r.provisionalMonths().stream().sorted().map(YearMonth::toString).toList(),
                one.rows(ranking),
                turned(company), company.turnedProfitable().size(),
                company.unallocated().stream().map(CostViews::unallocated).toList(),
                r.pools().stream().map(p -> pool(p, company.latestFinalMonth())).toList(),
                r.prepaid().stream().map(this::prepaid).toList(),
                sources, company.balanced(), sources.stream().anyMatch(s -> !s.revisions().isEmpty()),
                r.months().stream().findFirst().map(YearMonth::toString),
                r.months().stream().reduce((a, b) -> b).map(YearMonth::toString),
                changeRows(changes, one),
                r.billing().laterParts().stream().map(p -> laterPart(r, p)).toList(),
                r.billing().purchases().stream().map(p -> purchase(r, p)).toList(), one,
                company.months().stream().filter(m -> !m.financeReported()).map(m -> m.month().toString()).toList(),
                awaited(r));
        List<CostsPage.More> more = pagings.stream().skip(1).map(paging -> new CostsPage.More(currency(r), latestFinal,
                paging.rows(ranking), changeRows(changes, paging).stream().filter(c -> !c.products().isEmpty()).toList(),
                paging)).toList();
        return new Pages(first, more);
    }

    /** Who has not reported the finance of the latest month whose bills are final, if anyone. */
    private Optional<CostsPage.Awaited> awaited(CostReport r) {
        return r.company().months().stream().filter(m -> !m.provisional()).reduce((a, b) -> b)
                .filter(m -> !m.financeReported()).map(m -> {
                    List<String> ids = r.products().values().stream()
                            .filter(c -> c.month(m.month()).filter(pm -> !pm.financeReported()).isPresent())
                            .map(ProductCosts::productId).toList(); // the report's products are sorted by id
                    return new CostsPage.Awaited(m.month().toString(), ids.size(), ids.stream().limit(CostsPage.AWAITED)
                            .map(id -> new CostsPage.Target(id, name(id))).toList());
                });
    }

    /**
     * The {@link CostsPage#TURNED} products that turned profitable most recently, the latest first
     * (then by id).
     */
    private List<CostsPage.Turned> turned(CompanyTotals company) {
        return company.turnedProfitable().stream()
                .sorted(java.util.Comparator.comparing((io.servicedocs.cost.allocation.ProductCosts c) ->
                        c.turnedProfitable().orElseThrow()).reversed()
                        .thenComparing(io.servicedocs.cost.allocation.ProductCosts::productId))
                .limit(CostsPage.TURNED)
                .map(c -> new CostsPage.Turned(c.productId(), name(c.productId()), c.turnedProfitable().orElseThrow().toString()))
                .toList();
    }

    /** Growth or savings: month over month, then year over year, those the report could compute. */
    private static List<io.servicedocs.cost.ledger.CostChange> costChanges(CompanyTotals company) {
        return java.util.stream.Stream.of(company.monthOverMonth(), company.yearOverYear()).flatMap(Optional::stream)
                .toList();
    }

    private static io.servicedocs.model.Money companyProfit(CompanyTotals company, YearMonth month) {
        // a month compared is a latest final month, whose finance every product has reported
        return company.months().stream().filter(m -> m.month().equals(month)).findFirst().orElseThrow().profit()
                .orElseThrow();
    }

    private String unitTemplate() {
        return t.getOrDefault("costs.unit_cost_unit", "{currency} per {unit}");
    }

    /** The unit of a product's unit costs in words, when it declares a demand metric. */
    private Optional<String> unitCostUnit(CostReport r, String productId) {
        return portfolio.product(productId).flatMap(p -> p.product().serviceDoc().demandMetric())
                .map(m -> CostChangeView.unit(unitTemplate(), currency(r), m.unit()));
    }

    private CostsPage.Ranked ranked(RankedProduct ranked) {
        ProductCosts costs = ranked.costs();
        ProductMonth m = ranked.month();
        return new CostsPage.Ranked(costs.productId(), name(costs.productId()),
                portfolio.product(costs.productId()).map(p -> p.phase().name()).orElse(""),
                // ranked in the latest final month, whose finance every product has reported
                Amount.of(m.operatingCost()), Amount.of(m.mrr().orElseThrow()), Amount.of(m.profit().orElseThrow()),
                m.unitCost().map(Amount::of),
                m.profitable(), costs.turnedProfitable().map(YearMonth::toString), costs.trend().map(CostTrendView::of),
                report.flatMap(r -> unitCostUnit(r, costs.productId())));
    }

    /** A product's cost section; empty when the report has no costs for the product (or there is no report). */
    public Optional<ProductCostsView> product(String productId) {
        return report.flatMap(r -> r.product(productId).map(costs -> product(r, costs)));
    }

    private ProductCostsView product(CostReport r, ProductCosts costs) {
        String productId = costs.productId();
        // forEach rather than keySet(): a key set, once asked for, stays cached in every month's map
        // through the render (issue 15: memory at 5,000 products)
        java.util.SortedSet<String> named = new java.util.TreeSet<>();
        costs.months().forEach(m -> m.directCostByProvider().forEach((provider, money) -> named.add(provider)));
        List<String> providers = List.copyOf(named);
        List<ProductCostsView.Month> months = new ArrayList<>();
        List<MoneyChart.Point> costPoints = new ArrayList<>();
        List<MoneyChart.Point> unitPoints = new ArrayList<>();
        for (ProductMonth m : costs.months()) {
            boolean provisional = r.provisional(m);
            SortedMap<String, Amount> byProvider = new TreeMap<>();
            m.directCostByProvider().forEach((provider, money) -> byProvider.put(provider, Amount.of(money)));
            months.add(new ProductCostsView.Month(m.month().toString(), provisional, byProvider, Amount.of(m.directCost()),
                    Amount.of(m.sharedCost()), Amount.of(m.prepaidCost()), m.financeReported(),
                    Amount.of(m.maintenanceLabour()), Amount.of(m.investmentLabour()), Amount.of(m.operatingCost()),
                    m.mrr().map(Amount::of), m.profit().map(Amount::of), m.demand().map(CostViews::number),
                    m.unitCost().map(Amount::of),
                    Optional.ofNullable(costs.operatingCostAverage().get(m.month())).map(Amount::of),
                    r.billing().periods(productId, m.month()).stream().map(YearMonth::toString).toList()));
            costPoints.add(new MoneyChart.Point(m.month().toString(), m.operatingCost().amount(),
                    Amount.text(m.operatingCost()) + provisionalNote(provisional) + unreportedNote(m.financeReported()),
                    m.mrr().map(Money::amount), m.mrr().map(Amount::text), provisional));
            m.unitCost().ifPresent(u -> unitPoints.add(new MoneyChart.Point(m.month().toString(), u.amount(),
                    Amount.text(u) + provisionalNote(provisional), Optional.empty(), Optional.empty(), provisional)));
        }
        Optional<YearMonth> latestFinal = r.latestFinalMonth();
        Optional<ProductMonth> latest = latestFinal.flatMap(costs::month);
        List<ProductCostsView.Share> shares = latest.map(m -> m.sharedShares().stream().map(s -> share(r, s)).toList())
                .orElse(List.of());
        List<PrepaidView> prepaid = r.prepaid().stream().filter(p -> p.ownedBy(OwnerKind.PRODUCT, productId))
                .map(this::prepaid).toList();
        String costChart = MoneyChart.svg("cost-chart-" + productId, t.getOrDefault("costs.product_chart_title", "")
                + " (" + currency(r) + ")", t.getOrDefault("costs.operating_cost", ""),
                Optional.of(t.getOrDefault("costs.mrr", "")), costPoints);
        Optional<String> unitChart = unitPoints.isEmpty() ? Optional.empty() : Optional.of(MoneyChart.svg(
                "unit-cost-chart-" + productId, t.getOrDefault("costs.unit_chart_title", "") + " (" + currency(r) + ")",
                t.getOrDefault("costs.unit_cost", ""), Optional.empty(), unitPoints));
        return new ProductCostsView(currency(r), providers, months, latestFinal.map(YearMonth::toString),
                // the latest final month, whose finance every product has reported
                latest.map(m -> new ProductCostsView.Latest(Amount.of(m.operatingCost()), Amount.of(m.mrr().orElseThrow()),
                        Amount.of(m.profit().orElseThrow()), m.profitable(), m.unitCost().map(Amount::of),
                        Amount.of(m.investmentLabour()))),
                shares, prepaid, costs.turnedProfitable().map(YearMonth::toString), costs.trend().map(CostTrendView::of),
                costChart, unitChart, unitCostUnit(r, productId),
                changesByProduct.stream().flatMap(c -> Optional.ofNullable(c.getValue().get(productId))
                        .map(p -> CostChangeView.of(c.getKey(), p, this::name, unitTemplate())).stream()).toList(),
                r.billing().laterParts(productId).stream().map(p -> laterPart(r, p)).toList(),
                r.billing().purchases(productId).stream().map(p -> purchase(r, p)).toList(),
                costs.months().stream().filter(m -> !m.financeReported()).map(m -> m.month().toString()).toList());
    }

    // --- billing periods, corrections and term purchases (issue 14): begin
    private CostsPage.LaterPart laterPart(CostReport r, BillingDetails.LaterPart part) {
        Amount amount = Amount.of(part.amount());
        return new CostsPage.LaterPart(part.source(), part.month().toString(), part.billingPeriod().toString(),
                CostsPage.Element.of(part.element()), part.tag(), amount,
                (part.amount().amount().signum() > 0 ? "+" : "") + amount.text(), part.owner().map(o -> owner(r, o)));
    }

    private CostsPage.Purchase purchase(CostReport r, BillingDetails.SpreadPurchase purchase) {
        var parts = purchase.parts();
        var smaller = parts.stream().filter(p -> p.share().amount().compareTo(purchase.firstShare().amount()) != 0)
                .findFirst();
        return new CostsPage.Purchase(purchase.source(), CostsPage.Element.of(purchase.element()),
                purchase.billingPeriod().toString(), purchase.description(), Amount.of(purchase.total()),
                purchase.termStart().toString(), purchase.termEnd().toString(), purchase.months(),
                parts.get(0).month().toString(), parts.get(parts.size() - 1).month().toString(),
                Amount.of(purchase.firstShare()), smaller.map(p -> Amount.of(p.share())),
                smaller.map(p -> p.month().toString()), purchase.owner().map(o -> owner(r, o)));
    }

    private CostsPage.Owner owner(CostReport r, BillingDetails.Owner owner) {
        boolean product = owner.kind() == OwnerKind.PRODUCT;
        return new CostsPage.Owner(product ? "product" : "pool", owner.id(), product ? name(owner.id())
                : r.pool(owner.id()).map(p -> p.pool().name()).orElse(owner.id()));
    }
    // --- billing periods, corrections and term purchases: end

    private static ProductCostsView.Share share(CostReport r, PoolShare share) {
        String poolName = r.pool(share.poolId()).map(p -> p.pool().name()).orElse(share.poolId());
        return new ProductCostsView.Share(share.poolId(), poolName, share.method(), number(share.weight()),
                number(share.totalWeight()), share.percent().toPlainString(), Amount.of(share.amount()));
    }

    private CostsPage.Pool pool(PoolReport pool, Optional<YearMonth> latestFinal) {
        Optional<PoolSplit> latest = latestFinal.flatMap(m -> pool.splits().stream().filter(s -> s.month().equals(m)).findFirst());
        boolean listShares = pool.pool().split().products().size() <= MONTHLY_SHARES_UP_TO;
        List<CostsPage.PoolMonth> months = pool.splits().stream().map(s -> new CostsPage.PoolMonth(s.month().toString(),
                s.cost().provisional(), Amount.of(s.allocated()),
                s.roundingDifference().amount().signum() == 0 ? Optional.empty() : Optional.of(Amount.of(s.roundingDifference())),
                listShares ? s.shares().stream().map(x -> new CostsPage.ProductAmount(x.productId(), Amount.of(x.amount())))
                        .toList() : List.of()))
                .toList();
        return new CostsPage.Pool(pool.pool().id(), pool.pool().name(), pool.pool().description(),
                pool.pool().split().method(), pool.pool().split().metric(),
                pool.pool().costElements().stream().map(CostsPage.Element::of).toList(),
                pool.pool().split().products().stream().map(id -> new CostsPage.Target(id, name(id))).toList(),
                latest.map(s -> new CostsPage.LatestSplit(s.month().toString(), Amount.of(s.allocated()),
                        largestShares(s.shares()).stream().map(x -> new CostsPage.LatestShare(x.productId(), name(x.productId()),
                                number(x.weight()), x.percent().toPlainString(), Amount.of(x.amount()))).toList(),
                        s.shares().size())),
                months, listShares);
    }

    /**
     * The shares a pool's table lists: all of them in the split's order, or the {@link
     * CostsPage#ROWS} largest, largest first, when there are more (issue 15: a pool split among
     * 5,000 products was a table of 5,000 rows, 950 KB of the costs page).
     */
    private static List<io.servicedocs.cost.ledger.PoolShare> largestShares(List<io.servicedocs.cost.ledger.PoolShare> shares) {
        if (shares.size() <= CostsPage.ROWS) {
            return shares;
        }
        return shares.stream().sorted(java.util.Comparator.comparing((io.servicedocs.cost.ledger.PoolShare x) -> x.amount().amount())
                .reversed().thenComparing(io.servicedocs.cost.ledger.PoolShare::productId)).limit(CostsPage.ROWS).toList();
    }

    private PrepaidView prepaid(PrepaidReport prepaid) {
        var declared = prepaid.prepaid();
        var parts = prepaid.spread().parts();
        boolean product = prepaid.ownerKind() == OwnerKind.PRODUCT;
        return new PrepaidView(declared.id(), declared.name(), product, prepaid.ownerId(),
                product ? name(prepaid.ownerId()) : prepaid.ownerId(), Amount.of(declared.amount()),
                declared.termMonths(), declared.firstMonth().toString(), prepaid.lastMonth().toString(),
                declared.bookedMonth().map(YearMonth::toString),
                parts.isEmpty() ? Optional.empty() : Optional.of(Amount.of(parts.get(parts.size() - 1).amount())),
                parts.isEmpty() ? Optional.empty() : Optional.of(Amount.of(parts.get(0).amount())));
    }

    private static CostsPage.Unallocated unallocated(UnallocatedElement u) {
        return new CostsPage.Unallocated(u.source(), CostsPage.Element.of(u.element()), u.tag(), u.months().size(),
                u.firstMonth().toString(), u.lastMonth().toString(), Amount.of(u.total()),
                u.inLatestFinalMonth().map(Amount::of));
    }

    private static CostsPage.Source source(SourceReport source) {
        return new CostsPage.Source(source.source(), source.basis(), source.firstMonth().toString(),
                source.lastMonth().toString(), source.lastRetrieved().toString(),
                source.provisionalMonths().stream().map(YearMonth::toString).toList(),
                source.revisions().stream().map(v -> new CostsPage.Revision(v.month().toString(),
                        v.revision().replaced().toString(), v.revision().status().yamlName(),
                        v.revision().retrieved().toString(), v.revision().reason(),
                        RevisionReason.of(v.revision().reason()).map(RevisionReason::code).orElse(""),
                        v.revision().totals().stream().map(Amount::of).toList())).toList());
    }

    private String name(String productId) {
        return portfolio.product(productId).map(p -> p.product().serviceDoc().name()).orElse(productId);
    }

    private String provisionalNote(boolean provisional) {
        return provisional ? " (" + t.getOrDefault("costs.provisional", "provisional") + ")" : "";
    }

    /** The words a chart point's title adds for a month whose finance (labour, MRR) is not reported. */
    private String unreportedNote(boolean financeReported) {
        return financeReported ? "" : " (" + t.getOrDefault("costs.finance_not_reported", "finance not reported") + ")";
    }

    private static String currency(CostReport r) {
        return r.reportingCurrency().getCurrencyCode();
    }

    private static String number(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

}
