package io.servicedocs.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Optional;

/**
 * How {@code validate} judges what a self-assessment leaves open (standards/standard.yaml,
 * {@code findings}). The defaults are what the guides promise: every level of 1 or more needs
 * evidence (an error), a requirement of the current phase that is missed should have a plan (a
 * warning), and a {@code TODO} left by {@code new-product} is a warning until the phase named
 * in {@code placeholders_error_from}, when there is one.
 *
 * @param placeholdersErrorFrom the first phase (by id) in which a placeholder is an error
 */
public record FindingPolicy(Severity levelWithoutEvidence, Severity gapWithoutPlan, Severity placeholders,
                            Optional<String> placeholdersErrorFrom) {

    public static final FindingPolicy DEFAULT = new FindingPolicy(null, null, null, Optional.empty());

    public FindingPolicy {
        levelWithoutEvidence = levelWithoutEvidence == null ? Severity.ERROR : levelWithoutEvidence;
        gapWithoutPlan = gapWithoutPlan == null ? Severity.WARNING : gapWithoutPlan;
        placeholders = placeholders == null ? Severity.WARNING : placeholders;
        placeholdersErrorFrom = placeholdersErrorFrom == null ? Optional.empty() : placeholdersErrorFrom;
    }

    /** What a finding of a kind is: an error, a warning, or not reported. */
    public enum Severity {
        @JsonProperty("error") ERROR,
        @JsonProperty("warning") WARNING,
        @JsonProperty("off") OFF
    }
}
