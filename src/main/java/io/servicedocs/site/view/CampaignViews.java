package io.servicedocs.site.view;

import io.servicedocs.assess.CampaignProgress;
import io.servicedocs.assess.Portfolio;
import io.servicedocs.history.CampaignBurnUp;
import io.servicedocs.history.History;
import io.servicedocs.model.Campaign;
import io.servicedocs.model.Campaign.Goal;
import io.servicedocs.model.Standard;
import io.servicedocs.site.svg.BurnUpChart;
import io.servicedocs.site.view.CampaignPage.BurnUpRow;
import io.servicedocs.site.view.CampaignPage.GoalCell;
import io.servicedocs.site.view.CampaignPage.GoalColumn;
import io.servicedocs.site.view.CampaignPage.ProductPart;
import io.servicedocs.site.view.CampaignPage.ProductRow;
import io.servicedocs.site.view.CampaignPage.TeamRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The campaign pages, and the campaigns the home and product pages show, built once per site. */
public final class CampaignViews {

    private final List<CampaignProgress> progress;
    private final List<CampaignPage> pages;
    /**
     * Each campaign's products by id, made once: a product page looked its part up in a list of
     * every product in scope, which made the product pages of a site quadratic (issue 15).
     */
    private final List<Map<String, CampaignProgress.ProductPart>> partsById;

    /** @param messages the interface strings: the chart's title and labels are in the site's language */
    public CampaignViews(List<Campaign> campaigns, Portfolio portfolio, Optional<History> history,
                         Map<String, String> messages) {
        this.progress = CampaignProgress.all(campaigns, portfolio);
        this.pages = progress.stream().map(p -> page(p, portfolio.standard(), CampaignBurnUp.of(p, history), messages))
                .toList();
        this.partsById = progress.stream().map(p -> {
            Map<String, CampaignProgress.ProductPart> byId = new java.util.HashMap<>();
            p.products().forEach(part -> byId.putIfAbsent(part.product(), part)); // the first, as product(id) gave
            return byId;
        }).toList();
    }

    /** Every campaign, in id order. */
    public List<CampaignPage> all() {
        return pages;
    }

    /** The campaigns the home page shows: started, and not done or late. */
    public List<CampaignPage> shown() {
        return pages.stream().filter(CampaignPage::shown).toList();
    }

    /**
     * Each team's part in the shown campaigns, by team id, for the teams page: the campaign's
     * row of that team (its products in scope, goals met, late products).
     */
    public Map<String, List<TeamPart>> teams() {
        Map<String, List<TeamPart>> byTeam = new java.util.LinkedHashMap<>();
        for (CampaignPage page : shown()) {
            for (CampaignPage.TeamRow row : page.teams()) {
                byTeam.computeIfAbsent(row.id(), id -> new ArrayList<>()).add(new TeamPart(page.id(), page.title(),
                        page.due(), page.stage(), row.met(), row.total(), row.percent(), row.late()));
            }
        }
        byTeam.replaceAll((id, parts) -> List.copyOf(parts));
        return java.util.Collections.unmodifiableMap(byTeam);
    }

    /** A team's part in one campaign: goals met of its products in scope, and how many of them are late. */
    public record TeamPart(String id, String title, String due, String stage, int met, int total, int percent,
                           int late) {
    }

    /** A product's part in each shown campaign whose scope holds it. */
    public List<ProductPart> product(String id) {
        List<ProductPart> parts = new ArrayList<>();
        for (int i = 0; i < progress.size(); i++) {
            CampaignPage page = pages.get(i);
            // the page's answer, made once: CampaignProgress.shown() sums the goals of every
            // product in scope, which made the product pages of a site quadratic (issue 15, JFR)
            if (!page.shown()) {
                continue;
            }
            Optional.ofNullable(partsById.get(i).get(id)).ifPresent(part -> parts.add(new ProductPart(page.id(), page.title(), page.due(),
                    page.stage(), part.met(), part.total(), part.done(), part.late(),
                    part.unmet().stream().map(g -> column(g.goal(), g.title())).toList())));
        }
        return parts;
    }

    private static CampaignPage page(CampaignProgress progress, Standard standard, CampaignBurnUp burnUp,
                                     Map<String, String> messages) {
        Campaign campaign = progress.campaign();
        List<GoalColumn> goals = campaign.goals().stream().map(g -> column(g, title(standard, g))).toList();
        List<ProductRow> products = progress.products().stream().map(p -> new ProductRow(p.product(), p.name(),
                p.team(), p.teamName(), campaign.goals().stream().map(g -> p.goal(g)
                        // a check's answer ("yes") is said by the mark; a level is shown as its number
                        .map(s -> new GoalCell(true, s.met(), g.isCheck() ? "" : s.current()))
                        .orElse(new GoalCell(false, false, ""))).toList(),
                p.met(), p.total(), p.done(), p.late())).toList();
        List<TeamRow> teams = progress.teams().stream().map(t -> new TeamRow(t.team(), t.name(), t.products(),
                t.productsDone(), t.goalsMet(), t.goals(), t.percent(), t.late())).toList();
        List<BurnUpRow> points = burnUp.points().stream().map(p -> new BurnUpRow(p.date().toString(), p.met(),
                burnUp.total() == 0 ? 100 : p.met() * 100 / burnUp.total())).toList();
        String chart = BurnUpChart.svg(burnUp, campaign.start(), campaign.due(),
                messages.getOrDefault("campaigns.chart_title", "Goals met over time"),
                messages.getOrDefault("campaigns.due", "Due"), messages.getOrDefault("campaigns.met", "Met"),
                messages.getOrDefault("campaigns.goals", "Goals"));
        return new CampaignPage(campaign.id(), campaign.title(), campaign.why(),
                standard.team(campaign.owner()).map(t -> t.name()).orElse(campaign.owner()),
                standard.team(campaign.owner()).map(t -> t.id()), campaign.start().toString(), campaign.due().toString(),
                progress.stage().name().toLowerCase(Locale.ROOT), progress.shown(), progress.goalsMet(),
                progress.goals(), progress.percent(), progress.productsDone(), goals, products, teams, points, chart,
                burnUp.fromHistory(), products.stream().filter(ProductRow::late).toList());
    }

    private static String title(Standard standard, Goal goal) {
        return goal.isCheck() ? standard.check(goal.subject()).map(standard::checkDisplayTitle).orElse(goal.subject())
                : standard.item(goal.subject()).map(standard::itemDisplayTitle).orElse(goal.subject());
    }

    private static GoalColumn column(Goal goal, String title) {
        return new GoalColumn(goal.subject(), title, goal.isCheck() ? "check" : goal.met().isPresent() ? "met" : "level",
                goal.requiredLevel());
    }
}
