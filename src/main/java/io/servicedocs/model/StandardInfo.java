package io.servicedocs.model;

import java.time.Period;
import java.util.List;
import java.util.Optional;

/**
 * Name, version, review interval and tiers of the standard (standards/standard.yaml), with how
 * validation judges open findings and what each review finding does to a pull request's verdict.
 */
public record StandardInfo(String name, String version, Optional<String> owner, Period reviewInterval,
                           List<Tier> tiers, FindingPolicy findings, ReviewPolicy review) {

    public StandardInfo {
        tiers = tiers == null ? List.of() : List.copyOf(tiers);
        findings = findings == null ? FindingPolicy.DEFAULT : findings;
        review = review == null ? ReviewPolicy.DEFAULT : review;
    }

    public StandardInfo(String name, String version, Optional<String> owner, Period reviewInterval, List<Tier> tiers) {
        this(name, version, owner, reviewInterval, tiers, FindingPolicy.DEFAULT, ReviewPolicy.DEFAULT);
    }
}
