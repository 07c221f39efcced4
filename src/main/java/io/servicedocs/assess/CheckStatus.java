package io.servicedocs.assess;

/** A product's answer to a security check, judged against one phase. */
public enum CheckStatus {
    PASSED,
    NOT_APPLICABLE,
    /** Required and answered 'no', but a valid waiver covers it, as it covers an item's gap. */
    WAIVED,
    /** Required and answered 'no' (or not answered). */
    FAILED,
    /** Not required in this phase for this tier; the answer is shown for information. */
    NOT_REQUIRED;

    public boolean satisfied() {
        return this != FAILED;
    }
}
