package io.servicedocs.model;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The company's whole Production Ready standard: phases, tiers, quality items, security checks,
 * and the owner teams of the optional standards/teams.yaml.
 *
 * @param teams the declared teams, in the file's order; empty when there is no teams.yaml (which,
 *              when present, lists at least one): then owners.team is a free id
 * @param sliTemplates the SLI templates of standards/sli-templates.yaml, in the file's order; empty without it
 */
public record Standard(StandardInfo info, List<Phase> phases, List<Category> categories,
                       List<QualityItem> items, List<Category> securityCategories,
                       List<SecurityCheck> checks, List<Team> teams, List<SliTemplate> sliTemplates) {

    public Standard {
        phases = List.copyOf(phases);
        categories = List.copyOf(categories);
        List<Phase> lifecycle = phases;
        // A binary item names only the phase it is required from; the lifecycle order gives the rest.
        items = items.stream().map(i -> i.resolvedIn(lifecycle)).toList();
        securityCategories = List.copyOf(securityCategories);
        checks = List.copyOf(checks);
        teams = List.copyOf(teams);
        sliTemplates = List.copyOf(sliTemplates);
    }

    /** A standard without SLI templates (standards/sli-templates.yaml is optional). */
    public Standard(StandardInfo info, List<Phase> phases, List<Category> categories, List<QualityItem> items,
                    List<Category> securityCategories, List<SecurityCheck> checks, List<Team> teams) {
        this(info, phases, categories, items, securityCategories, checks, teams, List.of());
    }

    /** The SLI template of this id, when standards/sli-templates.yaml declares it. */
    public Optional<SliTemplate> sliTemplate(String id) {
        return sliTemplates.stream().filter(t -> t.id().equals(id)).findFirst();
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
    public boolean applies(QualityItem item, ServiceDoc doc, boolean declaresSlos) {
        return conditions(item).stream().allMatch(c -> c.holdsFor(doc, declaresSlos));
    }

    public Optional<QualityItem> item(String id) {
        return items.stream().filter(i -> i.id().equals(id)).findFirst();
    }

    public Optional<SecurityCheck> check(String id) {
        return checks.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /**
     * Whether {@code phase} asks {@code check} of a product of {@code tier}: from the check's
     * required_from phase on, and only for its tiers when it names some.
     */
    public boolean requires(SecurityCheck check, String phase, String tier) {
        return phaseIndex(phase) >= phaseIndex(check.requiredFrom()) && check.appliesToTier(tier);
    }

    public boolean hasTier(String id) {
        return info.tiers().stream().anyMatch(t -> t.id().equals(id));
    }

    /**
     * The item's title as every list, header, review comment and export shows it: "Title
     * (Category title)" when another item of the standard has the same title (ignoring case and
     * surrounding blanks), so that two items called "Backups" are told apart; otherwise the bare
     * title. When the category does not tell them apart either, the id is added too ("Backups
     * (Storage, file-backups)"). The title is trimmed when its category is added.
     */
    public String itemDisplayTitle(QualityItem item) {
        return displayTitle(item, items, QualityItem::title, QualityItem::category, QualityItem::id, categories);
    }

    /** The check's title as {@link #itemDisplayTitle} shows an item's, among the security checks. */
    public String checkDisplayTitle(SecurityCheck check) {
        return displayTitle(check, checks, SecurityCheck::title, SecurityCheck::category, SecurityCheck::id,
                securityCategories);
    }

    private static <T> String displayTitle(T element, List<T> all, Function<T, String> title,
                                           Function<T, String> category, Function<T, String> id,
                                           List<Category> categories) {
        String key = titleKey(title.apply(element));
        List<T> namesakes = all.stream().filter(e -> titleKey(title.apply(e)).equals(key)).toList();
        if (namesakes.size() < 2) {
            return title.apply(element);
        }
        String categoryTitle = categories.stream().filter(c -> c.id().equals(category.apply(element)))
                .map(Category::title).findFirst().orElse(category.apply(element));
        boolean sameCategory = namesakes.stream().filter(e -> category.apply(e).equals(category.apply(element)))
                .count() > 1;
        return title.apply(element).strip() + " (" + categoryTitle + (sameCategory ? ", " + id.apply(element) : "") + ")";
    }

    private static String titleKey(String title) {
        return title.strip().toLowerCase(Locale.ROOT);
    }
}
