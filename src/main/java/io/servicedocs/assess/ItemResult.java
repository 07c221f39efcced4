package io.servicedocs.assess;

import io.servicedocs.model.Assessment.Waiver;
import io.servicedocs.model.QualityItem;
import java.util.Optional;

/**
 * One quality item of a product judged against one phase.
 *
 * @param waiver the valid waiver that covers the gap, present only when the status is WAIVED
 * @param shortfall levels missing to the requirement, 0 when there are none
 * @param planOverdue the product's improvement plan for the item is past due and its target not reached
 * @param applicability whether the item applies, and who said it does not
 * @param notApplicableReason the team's reason when it answered not applicable (accepted or challenged)
 * @param required the level the standard asks in the phase of the product's tier, even when the item does not
 *                 apply (then it is not a requirement: {@link #isRequirement})
 */
public record ItemResult(QualityItem item, int level, int required, ItemStatus status, Optional<Waiver> waiver,
                         DisplayStatus displayStatus, int shortfall, boolean planOverdue, Applicability applicability,
                         Optional<String> notApplicableReason) {

    /** Whether the phase requires anything of this item: it applies and a level above 0 is asked. */
    public boolean isRequirement() {
        return required > 0 && !notApplicable();
    }

    /** The item does not apply to the product (status NOT_APPLICABLE). */
    public boolean notApplicable() {
        return applicability.notApplicable();
    }

    /** The gap in a line of text: "2/3" (level reached / required), or "not met" for a binary item. */
    public String gapText() {
        return item.isBinary() ? (level >= 1 ? QualityItem.MET : QualityItem.NOT_MET) : level + "/" + required;
    }
}
