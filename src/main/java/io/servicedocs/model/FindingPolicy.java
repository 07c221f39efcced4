package io.servicedocs.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Optional;

/**
 * How {@code validate} judges what a self-assessment leaves open (standards/standard.yaml,
 * {@code findings}). The defaults: a level of 1 or more without evidence and a missed requirement
 * of the current phase without a plan are warnings, and a {@code TODO} left by {@code new-product}
 * is a warning until the phase named in {@code placeholders_error_from}, when there is one. A
 * level without evidence is a warning, not an error, so that the review's own policy decides
 * what it does to a pull request (it blocks a promotion, and needs attention elsewhere); an error
 * would block every pull request that touches the file.
 *
 * @param placeholdersErrorFrom the first phase (by id) in which a placeholder is an error
 */
public record FindingPolicy(Severity levelWithoutEvidence, Severity gapWithoutPlan, Severity placeholders,
                            Optional<String> placeholdersErrorFrom, Severity levelContradictedBySlo) {

    public static final FindingPolicy DEFAULT = new FindingPolicy(null, null, null, Optional.empty(), null);

    /** Without the SLO finding's setting: it is a warning. */
    public FindingPolicy(Severity levelWithoutEvidence, Severity gapWithoutPlan, Severity placeholders,
                         Optional<String> placeholdersErrorFrom) {
        this(levelWithoutEvidence, gapWithoutPlan, placeholders, placeholdersErrorFrom, null);
    }

    public FindingPolicy {
        levelWithoutEvidence = levelWithoutEvidence == null ? Severity.WARNING : levelWithoutEvidence;
        gapWithoutPlan = gapWithoutPlan == null ? Severity.WARNING : gapWithoutPlan;
        placeholders = placeholders == null ? Severity.WARNING : placeholders;
        placeholdersErrorFrom = placeholdersErrorFrom == null ? Optional.empty() : placeholdersErrorFrom;
        levelContradictedBySlo = levelContradictedBySlo == null ? Severity.WARNING : levelContradictedBySlo;
    }

    /** What a finding of a kind is: an error, a warning, or not reported. */
    public enum Severity {
        @JsonProperty("error") ERROR,
        @JsonProperty("warning") WARNING,
        @JsonProperty("off") OFF
    }
}
