package io.servicedocs.assess;

/** How a product's level of a quality item compares with what a phase requires. */
public enum ItemStatus {
    /** Above the requirement. */
    EXCEEDS,
    /** Exactly the requirement (or nothing is required and nothing is claimed). */
    MEETS,
    /** Below the requirement, but a valid waiver covers the gap. */
    WAIVED,
    /** Below the requirement. */
    MISSES,
    /** The item does not apply to the product (the standard's condition, or the team's accepted answer): no requirement. */
    NOT_APPLICABLE;

    public boolean satisfied() {
        return this != MISSES;
    }
}
