package io.servicedocs.model;

import java.util.List;
import java.util.Optional;

/** The company's whole Production Ready standard: phases, tiers, quality items, security checks. */
public record Standard(StandardInfo info, List<Phase> phases, List<Category> categories,
                       List<QualityItem> items, List<Category> securityCategories,
                       List<SecurityCheck> checks) {

    public Standard {
        phases = List.copyOf(phases);
        categories = List.copyOf(categories);
        items = List.copyOf(items);
        securityCategories = List.copyOf(securityCategories);
        checks = List.copyOf(checks);
    }

    /** Position of a phase in the lifecycle, or -1 when the id is unknown. */
    public int phaseIndex(String phaseId) {
        for (int i = 0; i < phases.size(); i++) {
            if (phases.get(i).id().equals(phaseId)) {
                return i;
            }
        }
        return -1;
    }

    public Optional<QualityItem> item(String id) {
        return items.stream().filter(i -> i.id().equals(id)).findFirst();
    }

    public Optional<SecurityCheck> check(String id) {
        return checks.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    public boolean hasTier(String id) {
        return info.tiers().stream().anyMatch(t -> t.id().equals(id));
    }
}
