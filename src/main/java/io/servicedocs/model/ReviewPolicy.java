package io.servicedocs.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Period;

/**
 * What each kind of review finding does to a pull request's verdict (standards/standard.yaml,
 * {@code review}). The defaults are the promotion guide's rules: a promotion that does not meet
 * its new phase, a promoted product whose assessment is stale on the merge date or whose levels
 * change without evidence, and validation errors in files the pull request touches (or that it
 * causes) block; a standard change that leaves products below their phase, waivers that expire
 * within {@code waiversExpiringWithin}, raised levels without evidence elsewhere and errors
 * that were there before the pull request need attention.
 */
public record ReviewPolicy(Outcome promotionNotMet, Outcome promotionStaleAssessment,
                           Outcome promotionLevelWithoutEvidence, Outcome errorsInChangedFiles,
                           Outcome errorsElsewhere, Outcome productsBelowPhase, Outcome waiverExpiring,
                           Outcome levelWithoutEvidence, Period waiversExpiringWithin) {

    public static final ReviewPolicy DEFAULT = new ReviewPolicy(null, null, null, null, null, null, null, null, null);

    public ReviewPolicy {
        promotionNotMet = or(promotionNotMet, Outcome.BLOCKED);
        promotionStaleAssessment = or(promotionStaleAssessment, Outcome.BLOCKED);
        promotionLevelWithoutEvidence = or(promotionLevelWithoutEvidence, Outcome.BLOCKED);
        errorsInChangedFiles = or(errorsInChangedFiles, Outcome.BLOCKED);
        errorsElsewhere = or(errorsElsewhere, Outcome.NEEDS_ATTENTION);
        productsBelowPhase = or(productsBelowPhase, Outcome.NEEDS_ATTENTION);
        waiverExpiring = or(waiverExpiring, Outcome.NEEDS_ATTENTION);
        levelWithoutEvidence = or(levelWithoutEvidence, Outcome.NEEDS_ATTENTION);
        waiversExpiringWithin = waiversExpiringWithin == null ? Period.ofDays(30) : waiversExpiringWithin;
    }

    /** Per kind the more severe outcome of the two policies, and the longer waiver notice. */
    public ReviewPolicy stricter(ReviewPolicy other) {
        return new ReviewPolicy(worse(promotionNotMet, other.promotionNotMet),
                worse(promotionStaleAssessment, other.promotionStaleAssessment),
                worse(promotionLevelWithoutEvidence, other.promotionLevelWithoutEvidence),
                worse(errorsInChangedFiles, other.errorsInChangedFiles), worse(errorsElsewhere, other.errorsElsewhere),
                worse(productsBelowPhase, other.productsBelowPhase), worse(waiverExpiring, other.waiverExpiring),
                worse(levelWithoutEvidence, other.levelWithoutEvidence),
                java.time.LocalDate.EPOCH.plus(waiversExpiringWithin).isAfter(java.time.LocalDate.EPOCH.plus(
                        other.waiversExpiringWithin)) ? waiversExpiringWithin : other.waiversExpiringWithin);
    }

    /** BLOCKED before NEEDS_ATTENTION before IGNORED: the enum's order. */
    private static Outcome worse(Outcome a, Outcome b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static Outcome or(Outcome given, Outcome otherwise) {
        return given == null ? otherwise : given;
    }

    /** What a finding does to the verdict; the verdict is the most severe outcome of its findings. */
    public enum Outcome {
        @JsonProperty("blocked") BLOCKED,
        @JsonProperty("needs-attention") NEEDS_ATTENTION,
        @JsonProperty("ignored") IGNORED
    }
}
