package io.servicedocs.model;

import java.util.List;
import java.util.Optional;

/**
 * The company's whole Production Ready standard: phases, tiers, quality items, security checks,
 * and the owner teams of the optional standards/teams.yaml.
 *
 * @param teams the declared teams, in the file's order; empty when there is no teams.yaml (which,
 *              when present, lists at least one): then owners.team is a free id
 */
public record Standard(StandardInfo info, List<Phase> phases, List<Category> categories,
                       List<QualityItem> items, List<Category> securityCategories,
                       List<SecurityCheck> checks, List<Team> teams) {

    public Standard {
        phases = List.copyOf(phases);
        categories = List.copyOf(categories);
        items = List.copyOf(items);
        securityCategories = List.copyOf(securityCategories);
        checks = List.copyOf(checks);
        teams = List.copyOf(teams);
    }

    /** A standard without teams.yaml: team ids are free. */
    public Standard(StandardInfo info, List<Phase> phases, List<Category> categories, List<QualityItem> items,
                    List<Category> securityCategories, List<SecurityCheck> checks) {
        this(info, phases, categories, items, securityCategories, checks, List.of());
    }

    /** Whether standards/teams.yaml declares the teams, so that a Service Doc must name one of them. */
    public boolean declaresTeams() {
        return !teams.isEmpty();
    }

    public Optional<Team> team(String id) {
        return teams.stream().filter(t -> t.id().equals(id)).findFirst();
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

    /**
     * The conditions the standard declares for an item: its category's, then its own. Empty: the
     * standard says nothing, and a team may answer the item not applicable (like a checklist).
     */
    public List<AppliesIf> conditions(QualityItem item) {
        List<AppliesIf> conditions = new java.util.ArrayList<>();
        categories.stream().filter(c -> c.id().equals(item.category())).findFirst()
                .flatMap(Category::appliesIf).ifPresent(conditions::add);
        item.appliesIf().ifPresent(conditions::add);
        return List.copyOf(conditions);
    }

    /** Whether every condition the standard declares for the item holds for the product (true when there are none). */
    public boolean applies(QualityItem item, ServiceDoc doc) {
        return conditions(item).stream().allMatch(c -> c.holdsFor(doc));
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
