package io.servicedocs.site.view;

import io.servicedocs.assess.Portfolio;
import io.servicedocs.history.History;
import io.servicedocs.history.Improvements;
import io.servicedocs.history.ProductHistory;
import io.servicedocs.model.Category;
import io.servicedocs.model.Phase;
import io.servicedocs.model.QualityItem;
import io.servicedocs.site.svg.HistoryChart;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the site shows of the git history: company-wide pages and each product's timeline. The
 * history stage has computed every figure; here ids become names and numbers become text.
 */
public final class HistoryViews {

    private final Optional<History> history;
    private final Portfolio portfolio;
    private final String chartTitle;
    private final String barName;
    private final String lineName;

    /**
     * @param chartTitle the Improvements chart's accessible title, in the site's language
     * @param barName its bars' and {@code lineName} its line's name in the legend
     */
    public HistoryViews(Optional<History> history, Portfolio portfolio, String chartTitle, String barName, String lineName) {
        this.chartTitle = chartTitle;
        this.barName = barName;
        this.lineName = lineName;
        this.history = history;
        this.portfolio = portfolio;
    }

    /** The Improvements and Lead times pages' model; empty outside a git checkout. */
    public Optional<HistoryPage> site() {
        return history.map(this::site);
    }

    private HistoryPage site(History h) {
        List<Category> categories = portfolio.standard().categories();
        List<HistoryPage.Period> periods = new ArrayList<>();
        for (Improvements improvements : h.improvements()) {
            periods.add(new HistoryPage.Period(improvements.period().name(), improvements.period().start().toString(),
                    improvements.period().end().toString(), improvements.total(),
                    categories.stream().map(c -> improvements.byCategory().getOrDefault(c.id(), 0L)).toList(),
                    h.shareMetIn(improvements.period()).map(s -> new HistoryPage.Share(percent(s.overall().percent()),
                            s.overall().met(), s.overall().requirements()))));
        }
        List<HistoryPage.LeadTime> leadTimes = new ArrayList<>();
        h.leadTimes().perProduct().forEach((product, days) -> leadTimes.add(new HistoryPage.LeadTime(product,
                name(product), days, portfolio.product(product).isPresent())));
        List<HistoryPage.Transition> transitions = new ArrayList<>();
        h.leadTimes().medianPerTransition().forEach((transition, days) -> transitions.add(new HistoryPage.Transition(
                phaseName(transition.from()), phaseName(transition.to()), percent(days))));
        return new HistoryPage(h.incomplete(), h.head(), h.commits(), h.fiscalYearStart().getValue(), periods,
                categories.stream().map(c -> new HistoryPage.Category(c.id(), c.title())).toList(), leadTimes,
                h.leadTimes().median().map(HistoryViews::percent), transitions,
                HistoryChart.svg(h.improvements(), h.shareMet(), chartTitle, barName, lineName), h.warnings().size());
    }

    /** One product's phase timeline and level history; empty outside a git checkout. */
    public Optional<ProductHistoryView> product(String id) {
        return history.map(h -> h.product(id).map(this::product).orElse(ProductHistoryView.EMPTY));
    }

    private ProductHistoryView product(ProductHistory p) {
        return new ProductHistoryView(
                p.phaseChanges().stream().map(c -> new ProductHistoryView.PhaseChange(c.date().toString(), c.from(),
                        c.from().map(this::phaseName), c.to(), phaseName(c.to()), c.commit(),
                        // a declared change has no author: where it is recorded takes that place
                        c.reference().orElse(c.author()))).toList(),
                p.stays().stream().map(s -> new ProductHistoryView.Stay(s.phase(), phaseName(s.phase()),
                        s.from().toString(), s.until().toString(), s.days(), s.current())).toList(),
                p.leadTimeDays(),
                p.levelChanges().stream().map(c -> new ProductHistoryView.LevelChange(c.date().toString(), c.item(),
                        portfolio.standard().item(c.item()).map(portfolio.standard()::itemDisplayTitle).orElse(c.item()),
                        portfolio.standard().item(c.item()).map(QualityItem::isBinary).orElse(c.binary()), c.from(), c.to(),
                        c.isIncrease(), c.commit(), c.author())).toList());
    }

    private String phaseName(String id) {
        return portfolio.standard().phases().stream().filter(p -> p.id().equals(id)).map(Phase::name).findFirst()
                .orElse(id);
    }

    private String name(String product) {
        return portfolio.product(product).map(p -> p.product().serviceDoc().name()).orElse(product);
    }

    /** One decimal, as text: templates must not format numbers with the locale's grouping. */
    private static String percent(double value) {
        return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).toPlainString();
    }
}
