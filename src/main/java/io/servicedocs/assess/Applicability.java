package io.servicedocs.assess;

/**
 * Whether a quality item applies to a product, and who said so: the standard's {@code applies_if}
 * conditions (over the Service Doc) decide first; without a condition, the team may answer
 * {@code not_applicable} with a reason, as it answers a security check.
 */
public enum Applicability {
    /** The item applies and the team gave a level. */
    APPLIES,
    /** A condition the standard declares does not hold for the product: nobody can be asked for the item. */
    NOT_APPLICABLE_BY_STANDARD,
    /** The team answered not applicable, and the standard declares no condition to contradict it. */
    NOT_APPLICABLE_BY_TEAM,
    /**
     * The team answered not applicable, but the standard declares when the item applies and that
     * holds: the answer does not count (level 0) and only a waiver covers the gap.
     */
    CHALLENGED;

    /** The item shows as not applicable and asks nothing of the product. */
    public boolean notApplicable() {
        return this == NOT_APPLICABLE_BY_STANDARD || this == NOT_APPLICABLE_BY_TEAM;
    }
}
