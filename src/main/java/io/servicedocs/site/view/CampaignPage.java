package io.servicedocs.site.view;

import java.util.List;
import java.util.Optional;

/**
 * One campaign as its page (campaigns/&lt;id&gt;.html), the index and the home page show it.
 *
 * @param stage upcoming, active, done or late
 * @param ownerTeam the owner's team id when the owner is a team of standards/teams.yaml
 * @param goals each goal as a column header: the item's or check's title and what it asks
 * @param burnUp the burn-up's points, the chart's numbers
 * @param fromHistory whether the burn-up comes from the git history (else only today's point)
 */
public record CampaignPage(String id, String title, String why, String owner, Optional<String> ownerTeam,
                           String start, String due, String stage, boolean shown, int met, int total, int percent,
                           int productsDone, List<GoalColumn> goals, List<ProductRow> products, List<TeamRow> teams,
                           List<BurnUpRow> burnUp, String chartSvg, boolean fromHistory, List<ProductRow> late) {

    public CampaignPage {
        goals = List.copyOf(goals);
        products = List.copyOf(products);
        teams = List.copyOf(teams);
        burnUp = List.copyOf(burnUp);
        late = List.copyOf(late);
    }

    /**
     * @param kind "level" (an item at or above {@code level}), "met" (a binary item) or "check" (answered yes)
     */
    public record GoalColumn(String subject, String title, String kind, int level) {
    }

    /** A goal of one product: {@code current} is its level or answer; absent when the goal does not apply to it. */
    public record GoalCell(boolean applies, boolean met, String current) {
    }

    public record ProductRow(String id, String name, String team, String teamName, List<GoalCell> goals, int met,
                             int total, boolean done, boolean late) {

        public ProductRow {
            goals = List.copyOf(goals);
        }
    }

    public record TeamRow(String id, String name, int products, int productsDone, int met, int total, int percent,
                          int late) {
    }

    public record BurnUpRow(String date, int met, int percent) {
    }

    /** A product's part in a campaign, for its page: what it still has to meet. */
    public record ProductPart(String id, String title, String due, String stage, int met, int total, boolean done,
                              boolean late, List<GoalColumn> unmet) {

        public ProductPart {
            unmet = List.copyOf(unmet);
        }
    }
}
