package io.servicedocs.site.view;

import io.servicedocs.assess.PhaseScope;
import io.servicedocs.assess.Portfolio;
import io.servicedocs.load.FileKind;
import io.servicedocs.model.Category;
import io.servicedocs.model.Phase;
import io.servicedocs.model.QualityItem;
import io.servicedocs.model.RequiredLevel;
import io.servicedocs.model.SecurityCheck;
import io.servicedocs.model.Standard;
import io.servicedocs.model.Team;
import io.servicedocs.site.view.ProductView.PersonView;
import io.servicedocs.site.view.MatrixPage.Column;
import io.servicedocs.site.view.MatrixPage.ColumnGroup;
import io.servicedocs.site.view.MatrixPage.Named;
import io.servicedocs.site.view.MatrixPage.PhaseGroup;
import io.servicedocs.site.view.StandardPage.CategoryView;
import io.servicedocs.site.view.StandardPage.CheckDefinition;
import io.servicedocs.site.view.StandardPage.ItemDefinition;
import io.servicedocs.site.view.StandardPage.LevelView;
import io.servicedocs.site.view.StandardPage.PhaseDefinition;
import io.servicedocs.site.view.StandardPage.Requirement;
import io.servicedocs.site.view.StandardPage.SecurityCategoryView;
import io.servicedocs.site.view.StandardPage.TierLevel;
import io.servicedocs.site.view.StandardPage.TierView;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** The models of the site's pages, built from the product views and the standard. */
public final class SitePages {

    private final Portfolio portfolio;
    private final Map<String, ProductView> products;
    private final AsciidocFields asciidocToHtml;
    private final List<TierView> tiers;
    private final Optional<io.servicedocs.cost.allocation.CostReport> costs;
    private final Risks risks;

    public SitePages(Portfolio portfolio, List<ProductView> productViews, AsciidocFields asciidocToHtml) {
        this(portfolio, productViews, asciidocToHtml, Optional.empty());
    }

    /** @param costs the cost report, when the repository has cost settings: the team pages show profits */
    public SitePages(Portfolio portfolio, List<ProductView> productViews, AsciidocFields asciidocToHtml,
                     Optional<io.servicedocs.cost.allocation.CostReport> costs) {
        this.portfolio = portfolio;
        this.costs = costs;
        this.risks = RiskViews.of(portfolio);
        this.asciidocToHtml = asciidocToHtml;
        this.products = Views.byId(productViews, ProductView::id);
        this.tiers = portfolio.standard().info().tiers().stream()
                .map(t -> new TierView(t.id(), t.name(), t.description(), t.id().replace("tier-", "T"))).toList();
    }

    public ProductView product(String id) {
        return products.get(id);
    }

    /** The maturity matrix: products grouped by phase (lifecycle order), items grouped by category. */
    public MatrixPage matrix() {
        Standard standard = portfolio.standard();
        List<PhaseGroup> phases = new ArrayList<>();
        int room = MatrixPage.FIRST_SCREEN;
        for (Phase phase : standard.phases()) {
            List<ProductView> rows = portfolio.products().stream().filter(p -> p.phase().id().equals(phase.id()))
                    .map(p -> products.get(p.id())).toList();
            if (!rows.isEmpty() && room > 0) {
                phases.add(new PhaseGroup(phase.id(), phase.name(), rows.subList(0, Math.min(room, rows.size())),
                        rows.size()));
                room -= Math.min(room, rows.size());
            }
        }
        List<ProductView> ordered = matrixOrder();
        List<MatrixPage.ListPage> listPages = new ArrayList<>();
        if (ordered.size() > MatrixPage.FIRST_SCREEN) {
            int pageCount = (ordered.size() + MatrixPage.LIST_PAGE_SIZE - 1) / MatrixPage.LIST_PAGE_SIZE;
            for (int from = 0; from < ordered.size(); from += MatrixPage.LIST_PAGE_SIZE) {
                int to = Math.min(ordered.size(), from + MatrixPage.LIST_PAGE_SIZE);
                listPages.add(new MatrixPage.ListPage(listPages.size() + 1, from + 1, to, pageCount,
                        ordered.subList(from, to)));
            }
        }
        List<ColumnGroup> categories = new ArrayList<>();
        for (Category category : standard.categories()) {
            List<Column> items = standard.items().stream().filter(i -> i.category().equals(category.id()))
                    .map(i -> new Column(i.id(), standard.itemDisplayTitle(i))).toList();
            if (!items.isEmpty()) {
                categories.add(new ColumnGroup(category.id(), category.title(), items));
            }
        }
        return new MatrixPage(
                new MatrixPage.Summary(portfolio.products().size(), portfolio.meeting(), portfolio.below(),
                        portfolio.ready()),
                phases, categories, categories.stream().mapToInt(c -> c.items().size()).sum(), tiers, tierNames(),
                portfolio.teams().stream().map(t -> new Named(t.id(), t.name())).toList(),
                standard.phases().stream().map(p -> new Named(p.id(), p.name())).toList(), risks,
                Math.min(ordered.size(), MatrixPage.FIRST_SCREEN), listPages);
    }

    /** Every product in the matrix's order: by phase (lifecycle order), then as the portfolio lists them. */
    private List<ProductView> matrixOrder() {
        List<ProductView> ordered = new ArrayList<>();
        for (Phase phase : portfolio.standard().phases()) {
            portfolio.products().stream().filter(p -> p.phase().id().equals(phase.id()))
                    .forEach(p -> ordered.add(products.get(p.id())));
        }
        return ordered;
    }

    /**
     * The matrix as compact data for the home page's script.
     *
     * @param messages the site's interface strings: the rows' texts are taken from them
     */
    public MatrixData matrixData(Map<String, String> messages) {
        Standard standard = portfolio.standard();
        List<QualityItem> columns = new ArrayList<>();
        for (Category category : standard.categories()) {
            standard.items().stream().filter(i -> i.category().equals(category.id())).forEach(columns::add);
        }
        List<MatrixData.Column> items = columns.stream().map(i -> new MatrixData.Column(i.id(),
                standard.itemDisplayTitle(i), i.category(), i.isBinary(), i.maxLevel(), levelTitles(i))).toList();
        List<String> phaseIds = standard.phases().stream().map(Phase::id).toList();
        Map<List<Object>, Integer> links = new LinkedHashMap<>();
        List<MatrixData.Row> rows = new ArrayList<>();
        for (ProductView p : matrixOrder()) {
            StringBuilder cells = new StringBuilder();
            Map<Integer, List<String>> notApplicable = new LinkedHashMap<>();
            for (int c = 0; c < columns.size(); c++) {
                FitView.ItemView item = p.current().itemsById().get(columns.get(c).id());
                if (item == null) {
                    cells.append("-00");
                    continue;
                }
                cells.append(MatrixData.statusCode(item.displayStatus())).append(MatrixData.digit(item.level()))
                        .append(MatrixData.digit(item.required()));
                if (item.displayStatus().equals("not-applicable")) {
                    List<String> na = new ArrayList<>(List.of(item.applicability()));
                    item.notApplicableReason().ifPresent(na::add);
                    notApplicable.put(c, na);
                }
            }
            List<Integer> gaps = new ArrayList<>();
            int shownGaps = 0;
            if (p.next().isPresent()) {
                FitView next = p.next().get();
                for (FitView.MissingLink link : next.missingLinks()) {
                    gaps.add(links.computeIfAbsent(List.of(link.anchor(), link.title(), link.check()), k -> links.size()));
                }
                shownGaps = gaps.size();
                for (FitView.MissingLink link : next.moreMissingLinks()) {
                    gaps.add(links.computeIfAbsent(List.of(link.anchor(), link.title(), link.check()), k -> links.size()));
                }
            }
            List<List<Object>> marks = risks.byProduct().get(p.id()).marks().stream()
                    .map(m -> List.<Object>of(m.risk(), m.count(), String.join(", ", m.names()))).toList();
            rows.add(new MatrixData.Row(p.id(), p.name(), phaseIds.indexOf(p.phase().id()), p.tier().orElse(""),
                    p.team(), p.current().percent(), p.current().satisfied(), p.current().requirements(),
                    p.current().waived(), !p.current().meets(),
                    p.next().map(n -> phaseIds.indexOf(n.phase())).orElse(-1), p.next().map(FitView::percent).orElse(-1),
                    p.readyForNext(), p.next().map(FitView::missing).orElse(0), gaps, shownGaps, cells.toString(),
                    notApplicable, marks));
        }
        Map<String, String> teams = new LinkedHashMap<>();
        portfolio.teams().forEach(t -> teams.put(t.id(), t.name()));
        Map<String, String> shownMessages = new java.util.TreeMap<>();
        messages.forEach((key, text) -> {
            if (MATRIX_MESSAGES.stream().anyMatch(key::startsWith)) {
                shownMessages.put(key, text);
            }
        });
        return new MatrixData(items, standard.phases().stream().map(p -> new Named(p.id(), p.name())).toList(), teams,
                tierNames(), links.keySet().stream().toList(), rows, shownMessages);
    }

    /** The interface strings a row of the matrix prints (prefixes of their keys). */
    private static final List<String> MATRIX_MESSAGES = List.of("status.", "binary.", "applicability.", "cell.",
            "matrix.", "risk.mark.", "common.none", "filter.more");

    private static List<String> levelTitles(QualityItem item) {
        List<String> titles = new ArrayList<>(Collections.nCopies(item.maxLevel() + 1, ""));
        item.levels().forEach(l -> {
            if (l.level() >= 0 && l.level() < titles.size()) {
                titles.set(l.level(), l.title());
            }
        });
        return titles;
    }

    /** What needs attention across the portfolio: the home page's tiles and the rows' marks. */
    public Risks risks() {
        return risks;
    }

    /** The standard: phases, tiers, items with levels and requirements, the security checklist. */
    public StandardPage standard() {
        Standard standard = portfolio.standard();
        List<CategoryView> categories = new ArrayList<>();
        for (Category category : standard.categories()) {
            List<ItemDefinition> items = standard.items().stream().filter(i -> i.category().equals(category.id()))
                    .map(i -> item(standard, i)).toList();
            categories.add(new CategoryView(category.id(), category.title(), category.description(), items));
        }
        List<SecurityCategoryView> securityCategories = new ArrayList<>();
        for (Category category : standard.securityCategories()) {
            List<CheckDefinition> checks = standard.checks().stream().filter(c -> c.category().equals(category.id()))
                    .map(c -> check(standard, c)).toList();
            securityCategories.add(new SecurityCategoryView(category.id(), category.title(), category.description(), checks));
        }
        List<PhaseDefinition> phases = new ArrayList<>();
        for (PhaseScope scope : portfolio.phaseScopes()) {
            Phase p = scope.phase();
            phases.add(new PhaseDefinition(p.id(), p.name(), asciidocToHtml.toHtml(FileKind.PHASES.standardPath(),
                    "/phases/" + standard.phases().indexOf(p) + "/description", p.description()),
                    p.customerPromise(), p.retirement(), scope.itemsRequired(), scope.checksRequired()));
        }
        return new StandardPage(standard.info().name(), standard.info().version(), standard.info().owner(),
                standard.info().reviewInterval().toString(), phases, tiers, categories, securityCategories,
                tierNames(), titles(standard.phases(), Phase::id, Phase::name),
                standard.sliTemplates().stream().map(t -> new StandardPage.SliTemplateView(t.id(), t.title(), t.description(),
                        t.parameters().stream().map(p -> new StandardPage.SliParameterView(p.name(),
                                p.kind().name().toLowerCase(java.util.Locale.ROOT), p.description())).toList(),
                        t.prometheus().good(), t.prometheus().total(), t.datadog().good(), t.datadog().total())).toList());
    }

    private static <T> Map<String, String> titles(List<T> elements, Function<T, String> id, Function<T, String> title) {
        Map<String, String> titles = new LinkedHashMap<>();
        elements.forEach(e -> titles.put(id.apply(e), title.apply(e)));
        return Collections.unmodifiableMap(titles);
    }

    private ItemDefinition item(Standard standard, QualityItem item) {
        List<Requirement> requirements = new ArrayList<>();
        for (Phase phase : standard.phases()) {
            RequiredLevel required = item.required().get(phase.id());
            Optional<Integer> all = required == null ? Optional.of(0)
                    : required.allTiers().isPresent() ? Optional.of(required.allTiers().getAsInt()) : Optional.empty();
            List<TierLevel> levels = tiers.stream().map(t -> new TierLevel(t, item.requiredLevel(phase.id(), t.id()))).toList();
            requirements.add(new Requirement(phase.id(), all, levels));
        }
        return new ItemDefinition(item.id(), item.title(), item.category(),
                asciidocToHtml.toHtml(FileKind.QUALITY_ITEMS.standardPath(),
                        "/items/" + standard.items().indexOf(item) + "/description", item.description()),
                item.levels().stream().map(l -> new LevelView(l.level(), l.title(), l.criteria())).toList(), requirements,
                item.isBinary(), standard.conditions(item).stream().map(ConditionView::of).toList());
    }

    private static CheckDefinition check(Standard standard, SecurityCheck check) {
        return new CheckDefinition(check.id(), check.title(), check.category(), check.description(), check.requiredFrom(),
                standard.phases().get(standard.phaseIndex(check.requiredFrom())).name(), check.tiers());
    }

    private Map<String, String> tierNames() {
        return titles(tiers, TierView::id, TierView::name);
    }

    /** Products x security checks. */
    public SecurityMatrixPage securityMatrix() {
        Standard standard = portfolio.standard();
        List<SecurityMatrixPage.CheckGroup> categories = new ArrayList<>();
        for (Category category : standard.securityCategories()) {
            List<Column> checks = standard.checks().stream().filter(c -> c.category().equals(category.id()))
                    .map(c -> new Column(c.id(), standard.checkDisplayTitle(c))).toList();
            if (!checks.isEmpty()) {
                categories.add(new SecurityMatrixPage.CheckGroup(category.id(), category.title(), checks));
            }
        }
        List<ProductView> all = List.copyOf(products.values());
        return pages(all, SecurityMatrixPage.PAGE_SIZE).stream().map(page -> new SecurityMatrixPage(categories,
                page.products(), page.number(), page.pageCount(), all.size())).toList().get(0);
    }

    /** Products x security checks, in pages of {@link SecurityMatrixPage#PAGE_SIZE} products. */
    public List<SecurityMatrixPage> securityPages() {
        SecurityMatrixPage first = securityMatrix();
        List<ProductView> all = List.copyOf(products.values());
        return pages(all, SecurityMatrixPage.PAGE_SIZE).stream().map(page -> new SecurityMatrixPage(first.categories(),
                page.products(), page.number(), page.pageCount(), all.size())).toList();
    }

    /** Products in order of promotion readiness (the order is assess's). */
    public List<ProductView> readiness() {
        return portfolio.byReadiness().stream().map(p -> products.get(p.id())).toList();
    }

    /** Promotion readiness in pages of {@link ReadinessPage#PAGE_SIZE} products; always one page at least. */
    public List<ReadinessPage> readinessPages() {
        return pages(readiness(), ReadinessPage.PAGE_SIZE);
    }

    /** Each product's readiness page, from the site's root (readiness.html or readiness/N.html), by product id. */
    public Map<String, String> readinessPaths() {
        Map<String, String> paths = new LinkedHashMap<>();
        readinessPages().forEach(page -> page.products().forEach(p -> paths.put(p.id(), page.path())));
        return Collections.unmodifiableMap(paths);
    }

    private static List<ReadinessPage> pages(List<ProductView> all, int size) {
        int count = Math.max(1, (all.size() + size - 1) / size);
        List<ReadinessPage> pages = new ArrayList<>();
        for (int number = 1; number <= count; number++) {
            pages.add(new ReadinessPage(all.subList(Math.min(all.size(), (number - 1) * size),
                    Math.min(all.size(), number * size)), number, count, all.size()));
        }
        return pages;
    }

    /** Owner teams, each with its products, lead, chat channel and GitHub team. */
    public List<TeamView> teams() {
        return portfolio.teams().stream().map(team -> {
            Optional<Team> declared = team.declared();
            Optional<String> github = declared.flatMap(Team::githubTeam);
            return new TeamView(team.id(), team.name(), declared.isPresent(), declared.flatMap(Team::description),
                    declared.map(t -> new PersonView(t.lead().name(), t.lead().email(), t.lead().role())),
                    declared.map(t -> new TeamView.ChatView(t.chat().name(), t.chat().url())), github,
                    // "org/slug" is what CODEOWNERS names; GitHub shows the team at orgs/ORG/teams/SLUG
                    github.map(g -> "https://github.com/orgs/" + g.replaceFirst("/", "/teams/")),
                    team.products().stream().map(p -> products.get(p.id())).toList(), team.meeting(),
                    team.allMeeting(), teamRisks(team), profits(team), monthlyProfit(team));
        }).toList();
    }

    private Map<String, Risks.ProductRisks> teamRisks(io.servicedocs.assess.OwnerTeam team) {
        Map<String, Risks.ProductRisks> marks = new LinkedHashMap<>();
        team.products().forEach(p -> marks.putIfAbsent(p.id(), risks.byProduct().get(p.id())));
        return Collections.unmodifiableMap(marks);
    }

    /** The profit of each of the team's products that has costs, in the report's latest final month. */
    private Map<String, io.servicedocs.model.Money> profitMoney(io.servicedocs.assess.OwnerTeam team) {
        Map<String, io.servicedocs.model.Money> profits = new LinkedHashMap<>();
        costs.ifPresent(report -> report.latestFinalMonth().ifPresent(month -> team.products().forEach(p ->
                report.product(p.id()).flatMap(c -> c.month(month))
                        .flatMap(m -> m.profit()).ifPresent(profit -> profits.putIfAbsent(p.id(), profit)))));
        return profits;
    }

    private Map<String, Amount> profits(io.servicedocs.assess.OwnerTeam team) {
        Map<String, Amount> amounts = new LinkedHashMap<>();
        profitMoney(team).forEach((id, money) -> amounts.put(id, Amount.of(money)));
        return Collections.unmodifiableMap(amounts);
    }

    private Optional<TeamView.MonthlyProfit> monthlyProfit(io.servicedocs.assess.OwnerTeam team) {
        Map<String, io.servicedocs.model.Money> profits = profitMoney(team);
        if (profits.isEmpty()) {
            return Optional.empty();
        }
        // Every amount of the report is in its reporting currency.
        java.util.Currency currency = costs.orElseThrow().reportingCurrency();
        java.math.BigDecimal sum = profits.values().stream().map(io.servicedocs.model.Money::amount)
                .reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add);
        return Optional.of(new TeamView.MonthlyProfit(costs.orElseThrow().latestFinalMonth().orElseThrow().toString(),
                Amount.of(new io.servicedocs.model.Money(sum, currency)), profits.size()));
    }
}
