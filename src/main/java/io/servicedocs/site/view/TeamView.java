package io.servicedocs.site.view;

import io.servicedocs.site.view.ProductView.PersonView;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An owner team and its products. Lead, chat and GitHub team are those of standards/teams.yaml:
 * empty for a team the file does not declare (or when there is no such file).
 *
 * @param name the display name, or the id when teams.yaml does not declare the team
 * @param declared standards/teams.yaml declares the team
 * @param githubTeam "organisation/team-slug"
 * @param githubUrl the team's page on GitHub
 * @param meeting its products that meet their current phase
 * @param allMeeting every product of the team meets its current phase
 * @param risks the marks of each of its products, by product id
 * @param profits each of its products' profit in the cost report's latest final month, by
 *                product id (a product the report has no costs for is absent)
 * @param monthlyProfit the sum of those profits; empty without cost settings, without a final
 *                      month, or when none of the team's products has costs
 */
public record TeamView(String id, String name, boolean declared, Optional<String> description, Optional<PersonView> lead,
                       Optional<ChatView> chat, Optional<String> githubTeam, Optional<String> githubUrl,
                       List<ProductView> products, int meeting, boolean allMeeting,
                       Map<String, Risks.ProductRisks> risks, Map<String, Amount> profits,
                       Optional<MonthlyProfit> monthlyProfit) {

    /**
     * @param month the cost report's latest final month, ISO "2026-09"
     * @param products how many of the team's products the sum covers
     */
    public record MonthlyProfit(String month, Amount profit, int products) {
    }

    /** @param url a link that opens the channel, when teams.yaml gives one */
    public record ChatView(String name, Optional<String> url) {
    }
}
