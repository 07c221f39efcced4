package io.servicedocs.assess;

import io.servicedocs.model.Assessment.Waiver;

/** A waiver of a product as of the assessment day: valid, valid but expiring soon, or expired. */
public record WaiverResult(Waiver waiver, State state) {

    public enum State {
        VALID,
        /** Still valid, but expires within {@link Assessor#EXPIRY_WARNING_DAYS} days. */
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
