package io.servicedocs.digest;

import io.servicedocs.assess.CampaignProgress;
import io.servicedocs.assess.Portfolio;
import io.servicedocs.model.Campaign;
import java.time.LocalDate;
import java.util.List;

/**
 * Which campaigns fall due by {@code until} (or are past due) with goals products have not met
 * yet: the digest's "Campaigns due" group. {@link #of} judges the repository's campaigns with the
 * campaigns stage ({@link CampaignProgress}); {@link #NONE} reports none.
 */
@FunctionalInterface
public interface CampaignDeadlines {

    CampaignDeadlines NONE = (portfolio, until) -> List.of();

    /** The campaigns of standards/campaigns/, due by {@code until} with products still short of a goal. */
    static CampaignDeadlines of(List<Campaign> campaigns) {
        return (portfolio, until) -> CampaignProgress.all(campaigns, portfolio).stream()
                .filter(p -> !p.campaign().due().isAfter(until) && !p.unfinished().isEmpty())
                .map(p -> new Digest.CampaignDue(p.campaign().id(), p.campaign().title(), p.campaign().due(),
                        p.unfinished().stream().map(CampaignProgress.ProductPart::product).toList()))
                .toList();
    }

    /** Campaigns due on or before {@code until} with unmet goals, judged on the portfolio's as-of day. */
    List<Digest.CampaignDue> due(Portfolio portfolio, LocalDate until);
}
