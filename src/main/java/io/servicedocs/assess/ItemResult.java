package io.servicedocs.assess;

import io.servicedocs.model.Assessment.Waiver;
import io.servicedocs.model.QualityItem;
import java.util.Optional;

/** One quality item of a product judged against one phase. */
public record ItemResult(QualityItem item, int level, int required, ItemStatus status, Optional<Waiver> waiver) {

    /** Whether the phase requires anything of this item. */
    public boolean isRequirement() {
        return required > 0;
    }
}
