package io.servicedocs.digest;

import java.time.LocalDate;
import java.util.List;

/**
 * What changed in a window of days and what needs attention now, for a weekly post to the team
 * chat. Its JSON ({@code digest --format json}) is these records' components, in their order
 * (schemas/digest.schema.json).
 *
 * @param since the first day of the window (included)
 * @param asOf the day the digest is judged on; the window ends the day before (excluded), so that
 *             weekly runs on the same weekday cover every day once, whatever the hour they run
 * @param head the abbreviated commit the digest reads
 */
public record Digest(LocalDate since, LocalDate asOf, String head, Changes changed, Attention attention) {

    /** Nothing changed in the window (attention may still be needed). */
    public boolean nothingChanged() {
        return changed.none();
    }

    /**
     * @param phaseChanges promotions, demotions and retirements, by date then product
     * @param newProducts products that first appeared in the window
     * @param improvementCount (product, item) pairs whose level went up in the window: each counts
     *                         once, as in {@code history}'s improvements per period
     * @param improvements those pairs, each from its level before the window's first increase to its
     *                     level after its last change in the window
     * @param newGaps requirements of their current phase that products miss now and did not miss
     *                at the start of the window
     */
    public record Changes(List<PhaseMove> phaseChanges, List<NewProduct> newProducts, int improvementCount,
                          List<Improvement> improvements, List<NewGap> newGaps) {

        public Changes {
            phaseChanges = List.copyOf(phaseChanges);
            newProducts = List.copyOf(newProducts);
            improvements = List.copyOf(improvements);
            newGaps = List.copyOf(newGaps);
        }

        public boolean none() {
            return phaseChanges.isEmpty() && newProducts.isEmpty() && improvements.isEmpty() && newGaps.isEmpty();
        }
    }

    /**
     * @param plans improvement plans (of items and of security checks) that became overdue in the
     *              window, or fall due within {@link DigestBuilder#PLANS_AHEAD} days of the as-of day
     * @param waivers waivers valid now that expire within the standard's review.waivers_expiring_within
     * @param staleAssessments assessments older than the standard's review_interval
     * @param campaigns campaigns due soon with unmet goals: the extension point of
     *                  {@link CampaignDeadlines} (standards/campaigns/)
     */
    public record Attention(List<PlanDue> plans, List<ExpiringWaiver> waivers, List<StaleAssessment> staleAssessments,
                            List<CampaignDue> campaigns) {

        public Attention {
            plans = List.copyOf(plans);
            waivers = List.copyOf(waivers);
            staleAssessments = List.copyOf(staleAssessments);
            campaigns = List.copyOf(campaigns);
        }

        public boolean none() {
            return plans.isEmpty() && waivers.isEmpty() && staleAssessments.isEmpty() && campaigns.isEmpty();
        }
    }

    /** How a product moved between phases, by the order of the standard's phases. */
    public enum Direction {
        PROMOTION, DEMOTION,
        /** Into a retirement phase (e.g. sunset): neither a step forward nor back. */
        RETIREMENT,
        /** From or to a phase the standard no longer has: no order to compare. */
        CHANGE
    }

    /**
     * A change of phase on the branch.
     *
     * @param date the day it reached the branch: the first-parent commit that brought it (for a
     *             merged branch, the merge), which decides the window it is reported in
     * @param since the day phase.yaml says the product entered {@code to}; may be days before
     *              {@code date} (a promotion decided before its pull request was merged)
     */
    public record PhaseMove(String product, LocalDate date, LocalDate since, String from, String to,
                            Direction direction, String commit) {
    }

    /**
     * @param date the day the product reached the branch (its first commit there)
     * @param since the day phase.yaml says it entered {@code phase}: years before for a product that
     *              existed long before it was documented
     */
    public record NewProduct(String product, LocalDate date, LocalDate since, String phase, String commit) {
    }

    /**
     * @param from the level before (a binary item's reads "not met" / "met")
     * @param to the level after
     */
    public record Improvement(String product, String item, String from, String to, LocalDate date) {
    }

    /** @param kind "item" or "check" */
    public record NewGap(String product, String phase, String kind, String id, String gap) {
    }

    /**
     * @param kind "item" or "check"
     * @param overdue the due date has passed (it passed in the window); else it is within the days ahead
     * @param target the level the plan reaches for, "met" for a binary item or a check
     */
    public record PlanDue(String product, String kind, String id, LocalDate due, boolean overdue, String current,
                          String target) {
    }

    /** @param kind "item" or "check" */
    public record ExpiringWaiver(String product, String kind, String id, String phase, LocalDate expires) {
    }

    /** @param reviewDue the day the assessment should have been reviewed by (assessed on + review_interval) */
    public record StaleAssessment(String product, LocalDate assessedOn, LocalDate reviewDue) {
    }

    /**
     * A campaign due within the days ahead (or past due) with goals not yet met, as
     * {@link CampaignDeadlines} reports it.
     *
     * @param productsBehind products in the campaign's scope with unmet goals
     */
    public record CampaignDue(String campaign, String title, LocalDate due, List<String> productsBehind) {

        public CampaignDue {
            productsBehind = List.copyOf(productsBehind);
        }
    }
}
