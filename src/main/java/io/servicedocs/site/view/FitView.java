package io.servicedocs.site.view;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.servicedocs.site.view.ProductView.CheckView;
import io.servicedocs.site.view.ProductView.LinkView;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How a product fits one phase, as api/products.json exports it and the pages print it. The
 * components marked {@link JsonIgnore} serve the templates only: they resolve the exported ids
 * (gaps, failed checks) to what a page prints of them.
 *
 * @param gaps ids of the items below their requirement
 * @param failedChecks ids of the required checks not passed
 * @param missing gaps and failed checks together
 * @param itemsById the items by item id
 * @param gapItems the items of {@code gaps}
 * @param failedCheckItems the checks of {@code failedChecks}
 * @param missingLinks the first few of gaps and failed checks, for a short list
 * @param moreMissingLinks the rest of them
 * @param requiredChecks the checks the phase requires of the product
 * @param satisfiedChecks those of them passed or not applicable
 * @param checksMet every required check is satisfied
 */
public record FitView(String phase, String phaseName, int requirements, int satisfied, int waived, int percent,
                      boolean meets, List<ItemView> items, List<String> gaps, List<String> failedChecks,
                      @JsonIgnore int missing, @JsonIgnore Map<String, ItemView> itemsById,
                      @JsonIgnore List<ItemView> gapItems, @JsonIgnore List<CheckView> failedCheckItems,
                      @JsonIgnore List<MissingLink> missingLinks, @JsonIgnore List<MissingLink> moreMissingLinks,
                      @JsonIgnore int requiredChecks, @JsonIgnore int satisfiedChecks, @JsonIgnore boolean checksMet) {

    /**
     * A quality item of the product against the phase.
     *
     * @param title the item's title in the standard
     * @param displayTitle the title as lists and headers show it: with the category's title when
     *                     another item has the same title ({@link io.servicedocs.model.Standard#itemDisplayTitle})
     * @param binary a binary item (met / not met): pages print its level 0/1 as "not met" / "met"
     *               (and "n/a" like any item when it does not apply)
     * @param requiredFrom a binary item's first required phase, by name ("not met (required from Beta)")
     * @param status exceeds, meets, waived, misses or not-applicable
     * @param displayStatus the status as cells show it: none when the phase requires nothing
     * @param shortfall levels missing to the requirement
     * @param applicability applies, not-applicable-by-standard, not-applicable-by-team or challenged
     * @param notApplicableReason the team's reason when it answered not applicable
     * @param appliesIf the standard's conditions on the item (category's, then item's)
     */
    public record ItemView(String id, String title, String displayTitle, String category, boolean binary,
                           @JsonIgnore Optional<String> requiredFrom,
                           int level, int maxLevel, String levelTitle,
                           int required, String status, List<LinkView> evidence, Optional<String> note,
                           Optional<PlanView> plan, @JsonIgnore String displayStatus, @JsonIgnore int shortfall,
                           @JsonIgnore String applicability, @JsonIgnore Optional<String> notApplicableReason,
                           @JsonIgnore List<ConditionView> appliesIf) {
    }

    /** @param overdue the due date has passed and the target level is not reached */
    public record PlanView(int targetLevel, String due, boolean overdue, Optional<String> note) {
    }

    /**
     * Something a product lacks for a phase, as a link to its row on the product page.
     *
     * @param anchor the fragment on the product page: item-ID or check-ID
     * @param title the item's or check's display title
     * @param check a security check rather than a quality item
     */
    public record MissingLink(String anchor, String title, boolean check) {
    }
}
