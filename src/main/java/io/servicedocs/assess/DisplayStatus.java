package io.servicedocs.assess;

/**
 * An item's status as the site shows it: the {@link ItemStatus}, except that an item the phase
 * does not require (required level 0) and that is not short of it reads NONE, so that the matrix
 * does not fill with ticks for things nobody asked for.
 */
public enum DisplayStatus {
    EXCEEDS,
    MEETS,
    WAIVED,
    MISSES,
    /** The item does not apply to the product: shown as such, never as a gap or a tick. */
    NOT_APPLICABLE,
    /** The phase requires nothing of the item. */
    NONE;

    static DisplayStatus of(ItemStatus status, int required) {
        if (required == 0 && status != ItemStatus.MISSES && status != ItemStatus.WAIVED
                && status != ItemStatus.NOT_APPLICABLE) {
            return NONE;
        }
        return valueOf(status.name());
    }
}
