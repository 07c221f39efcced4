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
    MISSES;

    public boolean satisfied() {
        return this != MISSES;
    }
}
