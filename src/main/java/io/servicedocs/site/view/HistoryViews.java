package io.servicedocs.site.view;

import io.servicedocs.site.svg.HistoryChart;

import static io.servicedocs.site.view.Views.map;

import io.servicedocs.assess.Portfolio;
import io.servicedocs.history.History;
import io.servicedocs.history.Improvements;
import io.servicedocs.history.ProductHistory;
import io.servicedocs.history.ShareMet;
import io.servicedocs.model.Category;
import io.servicedocs.model.QualityItem;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the site shows of the git history: company-wide pages and each product's timeline. */
public final class HistoryViews {

    private final Optional<History> history;
    private final Portfolio portfolio;

    public HistoryViews(Optional<History> history, Portfolio portfolio) {
        this.history = history;
        this.portfolio = portfolio;
    }

    /** The Improvements and Lead times pages' model; {@code available} is false outside a git checkout. */
    public Map<String, Object> site() {
        if (history.isEmpty()) {
            return map("available", false);
        }
        History h = history.get();
        List<Map<String, Object>> periods = new ArrayList<>();
        for (int i = 0; i < h.improvements().size(); i++) {
            Improvements improvements = h.improvements().get(i);
            Optional<ShareMet> share = h.shareMet().stream().filter(s -> s.period().equals(improvements.period())).findFirst();
            periods.add(map("name", improvements.period().name(), "start", improvements.period().start().toString(),
                    "end", improvements.period().end().toString(), "increases", improvements.total(),
                    "by_category", improvements.byCategory(), "by_product", improvements.byProduct(),
                    "share_met", share.map(s -> percent(s.overall().percent())).orElse(null),
                    "met", share.map(s -> s.overall().met()).orElse(null),
                    "requirements", share.map(s -> s.overall().requirements()).orElse(null)));
        }
        List<Map<String, Object>> categories = new ArrayList<>();
        for (Category category : portfolio.standard().categories()) {
            categories.add(map("id", category.id(), "title", category.title()));
        }
        List<Map<String, Object>> leadTimes = new ArrayList<>();
        h.leadTimes().perProduct().forEach((product, days) -> leadTimes.add(map("id", product, "name", name(product),
                "days", days, "known", portfolio.product(product).isPresent())));
        List<Map<String, Object>> transitions = new ArrayList<>();
        h.leadTimes().medianPerTransition().forEach((transition, days) -> {
            String[] phases = transition.split("->", 2);
            transitions.add(map("from", phaseName(phases[0]), "to", phaseName(phases.length > 1 ? phases[1] : ""),
                    "days", percent(days)));
        });
        return map("available", true, "incomplete", h.incomplete().orElse(null), "head", h.head(), "commits", h.commits(),
                "fiscal_year_start", h.fiscalYearStart().getValue(), "periods", periods, "categories", categories,
                "lead_times", leadTimes, "median_lead_time", h.leadTimes().median().map(HistoryViews::percent).orElse(null),
                "transitions", transitions, "chart_svg", HistoryChart.svg(h.improvements(), h.shareMet()),
                "warnings", h.warnings().size());
    }

    /** One product's phase timeline and level history; null outside a git checkout. */
    public Map<String, Object> product(String id) {
        if (history.isEmpty()) {
            return null;
        }
        Optional<ProductHistory> product = history.get().product(id);
        if (product.isEmpty()) {
            return map("timeline", List.of(), "stays", List.of(), "lead_time_days", null, "level_changes", List.of());
        }
        ProductHistory p = product.get();
        return map(
                "timeline", p.phaseChanges().stream().map(c -> map("date", c.date().toString(), "from", c.from().orElse(null),
                        "to", c.to(), "commit", c.commit(), "author", c.author())).toList(),
                "stays", p.stays().stream().map(s -> map("phase", s.phase(), "from", s.from().toString(),
                        "until", s.until().toString(), "days", s.days(), "current", s.next().isEmpty())).toList(),
                "lead_time_days", p.leadTimeDays().orElse(null),
                "level_changes", p.levelChanges().stream().map(c -> map("date", c.date().toString(), "item", c.item(),
                        "item_title", portfolio.standard().item(c.item()).map(QualityItem::title).orElse(c.item()),
                        "from", c.from(), "to", c.to(), "increase", c.isIncrease(), "commit", c.commit(),
                        "author", c.author())).toList());
    }

    private String phaseName(String id) {
        return portfolio.standard().phases().stream().filter(p -> p.id().equals(id)).map(p -> p.name()).findFirst().orElse(id);
    }

    private String name(String product) {
        return portfolio.product(product).map(p -> p.product().serviceDoc().name()).orElse(product);
    }

    /** One decimal, as text: templates must not format numbers with the locale's grouping. */
    private static String percent(double value) {
        return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).toPlainString();
    }
}
