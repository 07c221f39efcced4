package io.servicedocs.model;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The company's whole Production Ready standard: phases, tiers, quality items, security checks,
 * and the owner teams of the optional standards/teams.yaml.
 */
public final class Standard {

    private final StandardInfo info;
    private final List<Phase> phases;
    private final List<Category> categories;
    private final List<QualityItem> items;
    private final List<Category> securityCategories;
    private final List<SecurityCheck> checks;
    private final List<Team> teams;
    private final List<SliTemplate> sliTemplates;

    // Indexes made once: the rules, the assessment and every page ask these per product and item
    // (issue 15: each question scanned the lists, and a display title compared every title again).
    // A class rather than a record only to hold them; equality is still that of the eight parts.
    private final Map<String, QualityItem> itemsById = new HashMap<>();
    private final Map<String, SecurityCheck> checksById = new HashMap<>();
    private final Map<String, Integer> phaseIndexes = new HashMap<>();
    private final Map<String, Category> categoriesById = new HashMap<>();
    private final Map<QualityItem, List<AppliesIf>> conditionsOfItems = new IdentityHashMap<>();
    private final Map<QualityItem, String> itemTitles = new IdentityHashMap<>();
    private final Map<SecurityCheck, String> checkTitles = new IdentityHashMap<>();

    public Standard(StandardInfo info, List<Phase> phases, List<Category> categories,
                    List<QualityItem> items, List<Category> securityCategories,
                    List<SecurityCheck> checks, List<Team> teams, List<SliTemplate> sliTemplates) {
        this.info = info;
        this.phases = List.copyOf(phases);
        this.categories = List.copyOf(categories);
        List<Phase> lifecycle = this.phases;
        // A binary item names only the phase it is required from; the lifecycle order gives the rest.
        this.items = items.stream().map(i -> i.resolvedIn(lifecycle)).toList();
        this.securityCategories = List.copyOf(securityCategories);
        this.checks = List.copyOf(checks);
        this.teams = List.copyOf(teams);
        this.sliTemplates = List.copyOf(sliTemplates);
        // the first of a repeated id wins, as the scans these replace found it first
        this.items.forEach(i -> itemsById.putIfAbsent(i.id(), i));
        this.checks.forEach(c -> checksById.putIfAbsent(c.id(), c));
        for (int i = 0; i < this.phases.size(); i++) {
            phaseIndexes.putIfAbsent(this.phases.get(i).id(), i);
        }
        this.categories.forEach(c -> categoriesById.putIfAbsent(c.id(), c));
        for (QualityItem item : this.items) {
            conditionsOfItems.put(item, conditionsOf(item));
            itemTitles.put(item, displayTitle(item, this.items, QualityItem::title, QualityItem::category,
                    QualityItem::id, this.categories));
        }
        for (SecurityCheck check : this.checks) {
            checkTitles.put(check, displayTitle(check, this.checks, SecurityCheck::title, SecurityCheck::category,
                    SecurityCheck::id, this.securityCategories));
        }
    }

    public StandardInfo info() {
        return info;
    }

    public List<Phase> phases() {
        return phases;
    }

    public List<Category> categories() {
        return categories;
    }

    public List<QualityItem> items() {
        return items;
    }

    public List<Category> securityCategories() {
        return securityCategories;
    }

    public List<SecurityCheck> checks() {
        return checks;
    }

    /**
     * The declared teams, in the file's order; empty when there is no teams.yaml (which, when
     * present, lists at least one): then owners.team is a free id.
     */
    public List<Team> teams() {
        return teams;
    }

    /** The SLI templates of standards/sli-templates.yaml, in the file's order; empty without it. */
    public List<SliTemplate> sliTemplates() {
        return sliTemplates;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Standard that && info.equals(that.info) && phases.equals(that.phases)
                && categories.equals(that.categories) && items.equals(that.items)
                && securityCategories.equals(that.securityCategories) && checks.equals(that.checks)
                && teams.equals(that.teams) && sliTemplates.equals(that.sliTemplates);
    }

    @Override
    public int hashCode() {
        return Objects.hash(info, phases, categories, items, securityCategories, checks, teams, sliTemplates);
    }

    @Override
    public String toString() {
        return "Standard[info=" + info + ", phases=" + phases + ", categories=" + categories + ", items=" + items
                + ", securityCategories=" + securityCategories + ", checks=" + checks + ", teams=" + teams
                + ", sliTemplates=" + sliTemplates + "]";
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
        return phaseIndexes.getOrDefault(phaseId, -1);
    }

    /**
     * The conditions the standard declares for an item: its category's, then its own. Empty: the
     * standard says nothing, and a team may answer the item not applicable (like a checklist).
     */
    public List<AppliesIf> conditions(QualityItem item) {
        List<AppliesIf> known = conditionsOfItems.get(item);
        return known != null ? known : conditionsOf(item);
    }

    private List<AppliesIf> conditionsOf(QualityItem item) {
        List<AppliesIf> conditions = new java.util.ArrayList<>();
        Optional.ofNullable(categoriesById.get(item.category())).flatMap(Category::appliesIf).ifPresent(conditions::add);
        item.appliesIf().ifPresent(conditions::add);
        return List.copyOf(conditions);
    }

    /** Whether every condition the standard declares for the item holds for the product (true when there are none). */
    public boolean applies(QualityItem item, ServiceDoc doc, boolean declaresSlos) {
        for (AppliesIf condition : conditions(item)) {
            if (!condition.holdsFor(doc, declaresSlos)) {
                return false;
            }
        }
        return true;
    }

    public Optional<QualityItem> item(String id) {
        return Optional.ofNullable(itemsById.get(id));
    }

    public Optional<SecurityCheck> check(String id) {
        return Optional.ofNullable(checksById.get(id));
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
        String known = itemTitles.get(item);
        return known != null ? known
                : displayTitle(item, items, QualityItem::title, QualityItem::category, QualityItem::id, categories);
    }

    /** The check's title as {@link #itemDisplayTitle} shows an item's, among the security checks. */
    public String checkDisplayTitle(SecurityCheck check) {
        String known = checkTitles.get(check);
        return known != null ? known : displayTitle(check, checks, SecurityCheck::title, SecurityCheck::category,
                SecurityCheck::id, securityCategories);
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
