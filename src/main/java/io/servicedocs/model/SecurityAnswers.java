package io.servicedocs.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.servicedocs.model.Assessment.ImprovementPlan;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A product's answers to the security checklist, and the waivers the review board approved for
 * checks answered 'no', as {@link Assessment} holds them for quality items.
 */
public record SecurityAnswers(Optional<LocalDate> reviewedOn, Optional<String> reviewedBy,
                              Map<String, CheckAnswer> checks, List<CheckWaiver> waivers) {

    public SecurityAnswers {
        checks = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(checks));
        waivers = waivers == null ? List.of() : List.copyOf(waivers);
    }

    public SecurityAnswers(Optional<LocalDate> reviewedOn, Optional<String> reviewedBy, Map<String, CheckAnswer> checks) {
        this(reviewedOn, reviewedBy, checks, List.of());
    }

    /** The waiver that covers {@code check} in {@code phase} on {@code day}, if any (the first one listed). */
    public Optional<CheckWaiver> waiverFor(String check, String phase, LocalDate day) {
        return WaiverTerms.covering(waivers, check, phase, day);
    }

    public enum Answer {
        @JsonProperty("yes") YES,
        @JsonProperty("no") NO,
        @JsonProperty("not-applicable") NOT_APPLICABLE
    }

    /**
     * One answer. A 'no' may carry a plan, which reads "met by DATE" like a binary item's: an
     * {@link ImprovementPlan} without a target level.
     */
    public record CheckAnswer(Answer answer, Optional<String> reason, List<Link> evidence, Optional<String> note,
                              Optional<ImprovementPlan> plan) {

        public CheckAnswer {
            evidence = evidence == null ? List.of() : List.copyOf(evidence);
            reason = reason == null ? Optional.empty() : reason;
            note = note == null ? Optional.empty() : note;
            plan = plan == null ? Optional.empty() : plan;
        }

        public CheckAnswer(Answer answer, Optional<String> reason, List<Link> evidence, Optional<String> note) {
            this(answer, reason, evidence, note, Optional.empty());
        }
    }

    /** An exemption from one check's requirement in one phase, until it expires. */
    public record CheckWaiver(String check, String phase, String reason, String approvedBy,
                              Optional<LocalDate> approvedOn, LocalDate expires) implements WaiverTerms {

        @Override
        public String subject() {
            return check;
        }
    }
}
