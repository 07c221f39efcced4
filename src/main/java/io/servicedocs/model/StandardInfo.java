package io.servicedocs.model;

import java.time.Period;
import java.util.List;
import java.util.Optional;

/** Name, version, review interval and tiers of the standard (standards/standard.yaml). */
public record StandardInfo(String name, String version, Optional<String> owner, Period reviewInterval,
                           List<Tier> tiers) {

    public StandardInfo {
        tiers = tiers == null ? List.of() : List.copyOf(tiers);
    }
}
