package io.servicedocs.scaffold.backstage;

import io.servicedocs.scaffold.ProductDraft;
import io.servicedocs.scaffold.ProductDraft.DependencyDraft;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Decides, entity by entity, which products an import creates and why the others are skipped.
 * A product is exactly what {@code new-product} writes (every level 0, every check "no") with
 * Backstage's facts filled in and "TODO" placeholders where Backstage has nothing.
 *
 * <p>Systems (with {@link Rules#includeSystems}) become products whose dependencies are their
 * components that are products (created now or already there): a System in Backstage is the
 * product a team offers, its components the parts it runs on, and the Service Doc's dependencies
 * are the one place that records "made of" and is checked (an unknown id is an error). A System has no lifecycle in Backstage's schema: it takes
 * its own {@code spec.lifecycle} when it has one, else the earliest phase of its imported
 * components, since a system is only as far along as its least ready part.
 */
public final class CatalogImport {

    /** The schema's id pattern (common.schema.json#/$defs/id): product and team ids. */
    public static final Pattern ID = Pattern.compile("^[a-z][a-z0-9-]{0,61}[a-z0-9]$");
    private static final int SUMMARY_MAX = 200;
    /** The schema's tag form (common.schema.json#/$defs/tag); Backstage also allows ':', '+' and '#'. */
    static final Pattern TAG = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");
    private static final int TAG_MAX = 63;
    private static final String TAG_FORM = "a tag is lowercase letters and digits, words joined by single hyphens";

    /**
     * How to map the catalog.
     *
     * @param lifecycles Backstage lifecycle -> phase id (already checked against the standard)
     * @param teams      owner reference (as written, or its name) -> team id
     * @param phases     the standard's phase ids, in order
     * @param tier       the tier every product gets (the least critical), when the standard has tiers
     * @param existing   ids of the folders under products/
     * @param pagerDuty  the PagerDuty account's base URL, for pagerduty.com/service-id
     */
    /** @param declaredTeams the teams of standards/teams.yaml; empty when there is none and teams are free ids */
    public record Rules(Map<String, String> lifecycles, Map<String, String> teams, boolean includeSystems,
                        List<String> phases, Optional<String> tier, Set<String> existing, Optional<String> pagerDuty,
                        LocalDate today, Set<String> declaredTeams) {

        public Rules(Map<String, String> lifecycles, Map<String, String> teams, boolean includeSystems,
                     List<String> phases, Optional<String> tier, Set<String> existing, Optional<String> pagerDuty,
                     LocalDate today) {
            this(lifecycles, teams, includeSystems, phases, tier, existing, pagerDuty, today, Set.of());
        }

        public Rules {
            declaredTeams = Set.copyOf(declaredTeams);
            lifecycles = Map.copyOf(lifecycles);
            teams = Map.copyOf(teams);
            phases = List.copyOf(phases);
            existing = Set.copyOf(existing);
        }
    }

    /** A product to create, and the entity it comes from. */
    public record Planned(CatalogEntity source, ProductDraft draft) {
    }

    /** An entity not imported: where it is, what it is, and why. */
    public record Skipped(String file, int line, String entity, String reason) {
    }

    public record Plan(List<Planned> products, List<Skipped> skipped) {
    }

    private CatalogImport() {
    }

    public static Plan plan(List<CatalogEntity> entities, Rules rules) {
        List<Skipped> skipped = new ArrayList<>();
        Map<String, CatalogEntity> seen = new HashMap<>();
        List<CatalogEntity> components = new ArrayList<>();
        List<CatalogEntity> systems = new ArrayList<>();
        for (CatalogEntity entity : entities) {
            Optional<String> reason = whyNot(entity, rules, seen);
            if (reason.isPresent()) {
                skipped.add(skip(entity, reason.get()));
            } else if (entity.kind().orElseThrow().equalsIgnoreCase("System")) {
                systems.add(entity);
            } else {
                components.add(entity);
            }
        }
        Map<String, Planned> planned = new LinkedHashMap<>();
        for (CatalogEntity component : components) {
            Optional<String> phase = lifecyclePhase(component, rules);
            Optional<String> team = team(component, rules);
            if (team.isEmpty()) {
                skipped.add(skip(component, ownerProblem(component, rules)));
            } else if (phase.isEmpty()) {
                skipped.add(skip(component, lifecycleProblem(component)));
            } else {
                planned.put(component.name().orElseThrow(), new Planned(component,
                        draft(component, team.get(), phase.get(), dependsOn(component, components, rules), rules)));
            }
        }
        Map<String, Planned> plannedSystems = new LinkedHashMap<>();
        for (CatalogEntity system : systems) {
            String name = system.name().orElseThrow();
            List<Planned> parts = planned.values().stream()
                    .filter(p -> p.source().text("/spec/system").map(s -> EntityReference.parse(s).name().equals(name))
                            .orElse(false))
                    .toList();
            Optional<String> team = team(system, rules);
            Optional<String> phase = system.text("/spec/lifecycle").isPresent() ? lifecyclePhase(system, rules)
                    : parts.stream().map(p -> p.draft().phase()).min((a, b) -> rules.phases().indexOf(a)
                            - rules.phases().indexOf(b));
            if (team.isEmpty()) {
                skipped.add(skip(system, ownerProblem(system, rules)));
            } else if (phase.isEmpty()) {
                skipped.add(skip(system, system.text("/spec/lifecycle").isPresent() ? lifecycleProblem(system)
                        : "a System has no spec.lifecycle and none of its components is imported with a phase; "
                                + "give it a spec.lifecycle"));
            } else {
                // its components that are products after the import: created now, or there already
                Map<String, DependencyDraft> dependencies = new LinkedHashMap<>();
                for (CatalogEntity entity : entities) {
                    Optional<String> id = entity.name().filter(n -> planned.containsKey(n) || rules.existing().contains(n));
                    boolean part = entity.kind().filter("Component"::equalsIgnoreCase).isPresent()
                            && entity.text("/spec/system").map(s -> EntityReference.parse(s).name().equals(name)).orElse(false);
                    if (part && id.isPresent() && !id.get().equals(name)) {
                        dependencies.putIfAbsent(id.get(), new DependencyDraft(id.get(),
                                "Component of this system in Backstage (" + entity.reference() + ")."));
                    }
                }
                plannedSystems.put(name, new Planned(system, draft(system, team.get(), phase.get(), List.copyOf(dependencies.values()), rules)));
            }
        }
        List<Planned> products = new ArrayList<>(planned.values());
        products.addAll(plannedSystems.values());
        // the product is created; only these tags of it are left out (they stay in its notes)
        for (Planned product : products) {
            tagsNotKept(product.source()).forEach(tag -> skipped.add(skip(product.source(), "tag '" + tag
                    + "' is not a valid Service Doc tag (" + TAG_FORM + "); the product keeps it in the notes of service-doc.yaml")));
        }
        // in reading order: file by file, as the user will look them up
        Map<String, Integer> files = new HashMap<>();
        entities.forEach(e -> files.putIfAbsent(e.file(), files.size()));
        skipped.sort(Comparator.comparing((Skipped s) -> files.getOrDefault(s.file(), -1)).thenComparingInt(Skipped::line));
        return new Plan(List.copyOf(products), List.copyOf(skipped));
    }

    private static Skipped skip(CatalogEntity entity, String reason) {
        String what = entity.kind().isPresent() && entity.name().isPresent() ? entity.reference() : "(no entity)";
        return new Skipped(entity.file(), entity.line(), what, reason);
    }

    /** Why an entity cannot be a product at all, before its owner and lifecycle are looked at. */
    private static Optional<String> whyNot(CatalogEntity entity, Rules rules, Map<String, CatalogEntity> seen) {
        if (!entity.document().root().isObject()) {
            return Optional.of("not a Backstage entity: expected a mapping with apiVersion, kind, metadata and spec");
        }
        if (entity.kind().isEmpty() || entity.name().isEmpty()) {
            return Optional.of("not a Backstage entity: kind and metadata.name are required");
        }
        String kind = entity.kind().get();
        if (kind.equalsIgnoreCase("System") && !rules.includeSystems()) {
            return Optional.of("kind System is imported only with --include-systems");
        }
        if (kind.equalsIgnoreCase("Location")) {
            return Optional.of("kind Location: its targets are not followed; name those files or their folder");
        }
        if (!kind.equalsIgnoreCase("Component") && !kind.equalsIgnoreCase("System")) {
            return Optional.of("kind " + kind + " is not imported; only Component"
                    + (rules.includeSystems() ? " and System" : " (and System with --include-systems)"));
        }
        String name = entity.name().get();
        if (!ID.matcher(name).matches()) {
            return Optional.of("name '" + name + "' is not a valid product id (lowercase letters, digits and hyphens, "
                    + "starting with a letter, 2 to 63 characters); rename it in Backstage or create the product "
                    + "with new-product");
        }
        CatalogEntity first = seen.putIfAbsent(name, entity);
        if (first != null) {
            return Optional.of("duplicate: '" + name + "' was already read at " + first.file() + ":" + first.line()
                    + " (" + first.reference() + ")");
        }
        if (rules.existing().contains(name)) {
            return Optional.of("products/" + name + " exists, not overwritten");
        }
        return Optional.empty();
    }

    private static Optional<String> lifecyclePhase(CatalogEntity entity, Rules rules) {
        return entity.text("/spec/lifecycle").map(rules.lifecycles()::get);
    }

    private static String lifecycleProblem(CatalogEntity entity) {
        return entity.text("/spec/lifecycle")
                .map(l -> "lifecycle '" + l + "' has no mapping; add it to --lifecycle, e.g. " + l + "=PHASE")
                .orElse("no spec.lifecycle");
    }

    /** The team: the owner as written, or its name, looked up in --team; else the owner's name, when it is a group. */
    /** The entity's team, when it is one the standard declares (or teams are free ids). */
    private static Optional<String> team(CatalogEntity entity, Rules rules) {
        return ownerTeam(entity, rules).filter(t -> rules.declaredTeams().isEmpty() || rules.declaredTeams().contains(t));
    }

    private static Optional<String> ownerTeam(CatalogEntity entity, Rules rules) {
        Optional<String> owner = entity.text("/spec/owner");
        if (owner.isEmpty()) {
            return Optional.empty();
        }
        EntityReference reference = EntityReference.parse(owner.get());
        String mapped = rules.teams().getOrDefault(owner.get(), rules.teams().get(reference.name()));
        if (mapped != null) {
            return Optional.of(mapped);
        }
        boolean group = reference.kind().map("group"::equals).orElse(true);
        return group && ID.matcher(reference.name()).matches() ? Optional.of(reference.name()) : Optional.empty();
    }

    private static String ownerProblem(CatalogEntity entity, Rules rules) {
        Optional<String> owner = entity.text("/spec/owner");
        if (owner.isEmpty()) {
            return "no spec.owner; a product needs an owning team";
        }
        EntityReference reference = EntityReference.parse(owner.get());
        Optional<String> undeclared = ownerTeam(entity, rules);
        if (undeclared.isPresent()) {
            return "team '" + undeclared.get() + "' (owner '" + owner.get() + "') is not in standards/teams.yaml; "
                    + "declare it there or give its team with --team " + reference.name() + "=TEAM; "
                    + io.servicedocs.load.Suggestions.expectedOneOf(undeclared.get(),
                    new java.util.TreeSet<>(rules.declaredTeams()));
        }
        if (reference.kind().filter(k -> !k.equals("group")).isPresent()) {
            return "owner '" + owner.get() + "' is a " + reference.kind().get() + ", not a group; give its team with --team "
                    + reference.name() + "=TEAM";
        }
        return "owner '" + owner.get() + "' is not a valid team id; give its team with --team " + reference.name() + "=TEAM";
    }

    /** spec.dependsOn entries that are components imported now or products already. */
    private static List<DependencyDraft> dependsOn(CatalogEntity entity, List<CatalogEntity> components, Rules rules) {
        List<DependencyDraft> dependencies = new ArrayList<>();
        for (String target : entity.texts("/spec/dependsOn")) {
            EntityReference reference = EntityReference.parse(target);
            boolean component = reference.kind().map("component"::equals).orElse(false);
            boolean known = rules.existing().contains(reference.name())
                    || components.stream().anyMatch(c -> c.name().orElseThrow().equals(reference.name()));
            if (component && known && !reference.name().equals(entity.name().orElseThrow())
                    && dependencies.stream().noneMatch(d -> d.id().equals(reference.name()))) {
                dependencies.add(new DependencyDraft(reference.name(), "Listed in Backstage spec.dependsOn (" + target + ")."));
            }
        }
        return dependencies;
    }

    private static ProductDraft draft(CatalogEntity entity, String team, String phase, List<DependencyDraft> dependencies,
                                      Rules rules) {
        String id = entity.name().orElseThrow();
        LinkMapping links = LinkMapping.of(entity, rules.pagerDuty());
        List<String> notes = new ArrayList<>();
        notes.add("Imported from Backstage " + entity.reference() + " (" + entity.file() + ":" + entity.line() + ") on "
                + rules.today() + ".");
        entity.text("/spec/lifecycle").ifPresent(l -> notes.add("Backstage lifecycle '" + l + "' -> phase " + phase + "."));
        entity.text("/spec/type").ifPresent(t -> notes.add("Backstage type: " + t + "."));
        entity.text("/spec/system").ifPresent(s -> notes.add("Backstage system: " + s + "."));
        List<String> notKept = tagsNotKept(entity);
        if (!notKept.isEmpty()) {
            notes.add("Backstage tags that are not valid Service Doc tags (" + TAG_FORM + "): " + String.join(", ", notKept) + ".");
        }
        for (String target : entity.texts("/spec/dependsOn")) {
            if (dependencies.stream().noneMatch(d -> d.purpose().contains("(" + target + ")"))) {
                notes.add("Backstage dependsOn, not a product here: " + target + ".");
            }
        }
        if (links.repository().isEmpty()) {
            notes.add("Backstage has no source location for it: links.repository is a guess; replace it.");
        }
        notes.addAll(links.notes());
        Optional<String> description = entity.text("/metadata/description").map(CatalogImport::oneLine);
        String summary = description.map(CatalogImport::summary)
                .orElse("TODO: one sentence: what " + id + " does for whom.");
        ProductDraft.Details details = new ProductDraft.Details(description.filter(d -> !d.equals(summary)),
                links.runbook(), links.dashboards(), links.statusPage(), links.onCall(), links.documentation(),
                dependencies, tags(entity), notes);
        return new ProductDraft(id, entity.text("/metadata/title").map(CatalogImport::oneLine).orElse(id), summary, team,
                new ProductDraft.People("TODO: product manager", "TODO: tech lead",
                        "TODO: who uses the product and what they rely on"), rules.tier(),
                links.repository().orElse("https://github.com/your-org/" + id), phase, rules.today(), rules.today(), team,
                Map.of(), Map.of(), List.of(), new TreeMap<>(), details);
    }

    /** The entity's tags the Service Doc can hold, each once, in the catalog's order. */
    private static List<String> tags(CatalogEntity entity) {
        return entity.texts("/metadata/tags").stream().filter(CatalogImport::keptAsTag).distinct().toList();
    }

    private static List<String> tagsNotKept(CatalogEntity entity) {
        return entity.texts("/metadata/tags").stream().filter(t -> !keptAsTag(t)).distinct().toList();
    }

    private static boolean keptAsTag(String tag) {
        return tag.length() <= TAG_MAX && TAG.matcher(tag).matches();
    }

    /** Backstage's text on one line: the summary and name are one line, and a description is rewrapped anyway. */
    private static String oneLine(String text) {
        return text.replaceAll("[\\s\\u0085\\u2028\\u2029]+", " ");
    }

    /**
     * The description when it fits the summary's 200 characters, else its first sentence, else its
     * start. Characters as the schema counts them: code points, so that no emoji is cut in half.
     */
    static String summary(String description) {
        int length = description.codePointCount(0, description.length());
        if (length <= SUMMARY_MAX) {
            return description;
        }
        int end = description.indexOf(". ");
        if (end > 0 && description.codePointCount(0, end + 1) <= SUMMARY_MAX) {
            return description.substring(0, end + 1);
        }
        return description.substring(0, description.offsetByCodePoints(0, SUMMARY_MAX - 1)).strip() + "…";
    }
}
