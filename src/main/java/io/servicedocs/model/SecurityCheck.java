package io.servicedocs.model;

import java.util.List;

/**
 * A yes/no security check, required from a phase on; when {@code tiers} is not empty, only for
 * products of those tiers.
 */
public record SecurityCheck(String id, String category, String title, String description,
                            String requiredFrom, List<String> tiers) {

    public SecurityCheck {
        tiers = tiers == null ? List.of() : List.copyOf(tiers);
    }

    public boolean appliesToTier(String tier) {
        return tiers.isEmpty() || tiers.contains(tier);
    }
}
