package io.servicedocs.assess;

import io.servicedocs.model.WaiverTerms;

/**
 * A waiver of a product (of a quality item, or of a security check) as of the assessment day:
 * valid, valid but expiring soon, or expired.
 */
public record WaiverResult<W extends WaiverTerms>(W waiver, State state) {

    public enum State {
        VALID,
        /** Still valid, but expires within the standard's review.waivers_expiring_within. */
        EXPIRING,
        EXPIRED
    }

    public boolean expiring() {
        return state == State.EXPIRING;
    }

    public boolean expired() {
        return state == State.EXPIRED;
    }
}
