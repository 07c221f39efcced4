package io.servicedocs.validate;

import io.servicedocs.load.FileKind;
import io.servicedocs.load.Suggestions;
import io.servicedocs.load.YamlDocument;
import io.servicedocs.model.Category;
import io.servicedocs.model.QualityItem;
import io.servicedocs.model.RequiredLevel;
import io.servicedocs.model.SecurityCheck;
import io.servicedocs.model.Standard;
import io.servicedocs.model.Team;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/** Rules the standard's own files must follow: unique ids, known references, levels in range. */
final class StandardRules {

    private StandardRules() {
    }

    /**
     * @param docs    the standard's files, each resolved in the language shown (the tree the model was bound from)
     * @param written the same files as written, every translation still in place
     */
    static void check(Standard standard, Map<FileKind, YamlDocument> docs, Map<FileKind, YamlDocument> written,
                      Findings findings) {
        YamlDocument info = docs.get(FileKind.STANDARD);
        YamlDocument phases = docs.get(FileKind.PHASES);
        YamlDocument items = docs.get(FileKind.QUALITY_ITEMS);
        YamlDocument checks = docs.get(FileKind.SECURITY_CHECKLIST);

        uniqueIds(info, "/tiers", standard.info().tiers(), t -> t.id(), "tier", findings);
        uniqueIds(phases, "/phases", standard.phases(), p -> p.id(), "phase", findings);
        uniqueIds(items, "/categories", standard.categories(), Category::id, "category", findings);
        uniqueIds(items, "/items", standard.items(), QualityItem::id, "quality item", findings);
        uniqueIds(checks, "/categories", standard.securityCategories(), Category::id, "category", findings);
        uniqueIds(checks, "/checks", standard.checks(), SecurityCheck::id, "security check", findings);
        YamlDocument teams = docs.get(FileKind.TEAMS);
        if (teams != null) {
            uniqueIds(teams, "/teams", standard.teams(), Team::id, "team", findings);
        }

        standard.info().findings().placeholdersErrorFrom().filter(phase -> standard.phaseIndex(phase) < 0)
                .ifPresent(phase -> findings.error(info, "/findings/placeholders_error_from", "unknown-phase",
                        unknownPhase(standard, phase)));
        asciidocFields(written.get(FileKind.PHASES), "/phases", findings);
        asciidocFields(written.get(FileKind.QUALITY_ITEMS), "/items", findings);
        Set<String> categories = ids(standard.categories(), Category::id);
        for (int i = 0; i < standard.items().size(); i++) {
            checkItem(standard, standard.items().get(i), items, "/items/" + i, categories, findings);
        }
        Set<String> securityCategories = ids(standard.securityCategories(), Category::id);
        for (int i = 0; i < standard.checks().size(); i++) {
            SecurityCheck check = standard.checks().get(i);
            String at = "/checks/" + i;
            if (!securityCategories.contains(check.category())) {
                findings.error(checks, at + "/category", "unknown-category", "unknown category '" + check.category()
                        + "'; " + Suggestions.expectedOneOf(check.category(), securityCategories));
            }
            if (standard.phaseIndex(check.requiredFrom()) < 0) {
                findings.error(checks, at + "/required_from", "unknown-phase", unknownPhase(standard, check.requiredFrom()));
            }
            for (int t = 0; t < check.tiers().size(); t++) {
                String tier = check.tiers().get(t);
                if (!standard.hasTier(tier)) {
                    findings.error(checks, at + "/tiers/" + t, "unknown-tier", unknownTier(standard, tier));
                }
            }
        }
    }

    /**
     * The AsciiDoc fields of the standard (each phase's and item's description) in every language
     * they are written in, not only the one shown: a translation reaches the site as soon as it is
     * built in its language, so validate and the review must refuse it now, on a site in any
     * language. Read from the tree as written, each text is judged once, at its own line.
     */
    private static void asciidocFields(YamlDocument doc, String list, Findings findings) {
        if (doc == null) {
            return;
        }
        JsonNode elements = doc.root().at(list);
        for (int i = 0; i < elements.size(); i++) {
            String at = list + "/" + i + "/description";
            JsonNode text = doc.root().at(at);
            if (text.isString()) {
                asciidocField(doc, at, text.asString(), findings);
            } else if (text.isObject()) {
                for (String language : text.propertyNames()) {
                    if (text.get(language).isString()) {
                        asciidocField(doc, YamlDocument.child(at, language), text.get(language).asString(), findings);
                    }
                }
            }
        }
    }

    private static void asciidocField(YamlDocument doc, String at, String asciidoc, Findings findings) {
        AsciidocPassthrough.find(asciidoc)
                .ifPresent(found -> findings.error(doc, at, "asciidoc-passthrough", found.message()));
        AsciidocSize.fieldTooLong(asciidoc).ifPresent(tooLong -> findings.error(doc, at, "asciidoc-too-long", tooLong));
    }

    private static void checkItem(Standard standard, QualityItem item, YamlDocument doc, String at,
                                  Set<String> categories, Findings findings) {
        if (!categories.contains(item.category())) {
            findings.error(doc, at + "/category", "unknown-category", "unknown category '" + item.category()
                    + "'; " + Suggestions.expectedOneOf(item.category(), categories));
        }
        if (!kindFits(item, doc, at, findings)) {
            return;
        }
        if (item.isBinary()) {
            item.requiredFrom().filter(from -> standard.phaseIndex(from) < 0).ifPresent(from ->
                    findings.error(doc, at + "/required_from", "unknown-phase", unknownPhase(standard, from)));
            for (int t = 0; t < item.tiers().size(); t++) {
                if (!standard.hasTier(item.tiers().get(t))) {
                    findings.error(doc, at + "/tiers/" + t, "unknown-tier", unknownTier(standard, item.tiers().get(t)));
                }
            }
            return;
        }
        for (int l = 0; l < item.levels().size(); l++) {
            if (item.levels().get(l).level() != l) {
                findings.error(doc, at + "/levels/" + l + "/level", "level-sequence", "level " + item.levels().get(l).level()
                        + " is at position " + l + "; expected levels numbered 0, 1, 2, ... in order, so this one is " + l);
            }
        }
        for (Map.Entry<String, RequiredLevel> requirement : item.required().entrySet()) {
            String phase = requirement.getKey();
            String key = YamlDocument.child(at + "/required", phase);
            if (standard.phaseIndex(phase) < 0) {
                findings.errorAtKey(doc, key, "unknown-phase", unknownPhase(standard, phase));
            }
            RequiredLevel level = requirement.getValue();
            if (level.allTiers().isPresent()) {
                checkLevel(item, level.allTiers().getAsInt(), doc, key, findings);
            }
            for (Map.Entry<String, Integer> byTier : level.byTier().entrySet()) {
                String tierKey = YamlDocument.child(key, byTier.getKey());
                if (!standard.hasTier(byTier.getKey())) {
                    findings.errorAtKey(doc, tierKey, "unknown-tier", unknownTier(standard, byTier.getKey()));
                }
                checkLevel(item, byTier.getValue(), doc, tierKey, findings);
            }
        }
    }

    /**
     * Whether the item uses only the properties of its kind. The schema requires each kind's own
     * properties; a property of the other kind is named here, with what to do, rather than as a
     * bare "not allowed" from the schema.
     */
    private static boolean kindFits(QualityItem item, YamlDocument doc, String at, Findings findings) {
        boolean fits = true;
        if (item.isBinary()) {
            for (String levelsOnly : List.of("levels", "required")) {
                if (!doc.root().at(at + "/" + levelsOnly).isMissingNode()) {
                    findings.errorAtKey(doc, at + "/" + levelsOnly, "item-kind", "a binary item (kind: binary) has no '"
                            + levelsOnly + "': it is met or not met as its 'criteria' says, required from 'required_from'"
                            + " (and 'tiers'); remove '" + levelsOnly + "' or remove 'kind: binary'");
                    fits = false;
                }
            }
        } else {
            for (String binaryOnly : List.of("criteria", "required_from", "tiers")) {
                if (!doc.root().at(at + "/" + binaryOnly).isMissingNode()) {
                    findings.errorAtKey(doc, at + "/" + binaryOnly, "item-kind", "'" + binaryOnly
                            + "' is for binary items only; add 'kind: binary' (met / not met, no levels) or remove '"
                            + binaryOnly + "' and give the criteria per level");
                    fits = false;
                }
            }
        }
        return fits;
    }

    private static void checkLevel(QualityItem item, int level, YamlDocument doc, String pointer, Findings findings) {
        if (level > item.maxLevel()) {
            findings.error(doc, pointer, "level-out-of-range", "required level " + level + " is above the highest level "
                    + item.maxLevel() + " of '" + item.id() + "'");
        }
    }

    static String unknownPhase(Standard standard, String phase) {
        return "unknown phase '" + phase + "'; "
                + Suggestions.expectedOneOf(phase, standard.phases().stream().map(p -> p.id()).toList());
    }

    /** A Service Doc's owners.team that standards/teams.yaml does not declare. */
    static String unknownTeam(Standard standard, String team) {
        return "unknown team '" + team + "', not in " + FileKind.TEAMS.standardPath() + "; "
                + Suggestions.expectedOneOf(team, teamIds(standard));
    }

    static List<String> teamIds(Standard standard) {
        return standard.teams().stream().map(Team::id).distinct().toList();
    }

    static String unknownTier(Standard standard, String tier) {
        List<String> tiers = standard.info().tiers().stream().map(t -> t.id()).toList();
        return tiers.isEmpty()
                ? "tier '" + tier + "' is not defined: the standard has no tiers (standards/standard.yaml)"
                : "unknown tier '" + tier + "'; " + Suggestions.expectedOneOf(tier, tiers);
    }

    private static <T> void uniqueIds(YamlDocument doc, String list, List<T> elements, Function<T, String> id,
                                      String what, Findings findings) {
        Map<String, Integer> first = new HashMap<>();
        for (int i = 0; i < elements.size(); i++) {
            Integer earlier = first.putIfAbsent(id.apply(elements.get(i)), i);
            if (earlier != null) {
                findings.error(doc, list + "/" + i + "/id", "duplicate-id", what + " id '" + id.apply(elements.get(i))
                        + "' is already used at line " + doc.locate(list + "/" + earlier + "/id").line()
                        + "; expected each id once");
            }
        }
    }

    private static <T> Set<String> ids(List<T> elements, Function<T, String> id) {
        Set<String> ids = new java.util.LinkedHashSet<>();
        elements.forEach(e -> ids.add(id.apply(e)));
        return ids;
    }
}
