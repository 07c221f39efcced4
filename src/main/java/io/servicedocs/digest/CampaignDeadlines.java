package io.servicedocs.digest;

import io.servicedocs.assess.Portfolio;
import java.time.LocalDate;
import java.util.List;

/**
 * The digest's extension point for campaigns with deadlines (issue 13, "Campaigns"): which
 * campaigns fall due by {@code until} (or are past due) with goals products have not met yet.
 * The digest has no campaign data of its own: until the standard declares campaigns and a stage
 * reads them, {@link #NONE} reports none, and the digest's "Campaigns due" group stays out of the
 * post. The campaigns stage plugs in here ({@link io.servicedocs.pipeline.DigestPipeline} passes
 * the implementation to {@link DigestBuilder}).
 */
@FunctionalInterface
public interface CampaignDeadlines {

    CampaignDeadlines NONE = (portfolio, until) -> List.of();

    /** Campaigns due on or before {@code until} with unmet goals, judged on the portfolio's as-of day. */
    List<Digest.CampaignDue> due(Portfolio portfolio, LocalDate until);
}
