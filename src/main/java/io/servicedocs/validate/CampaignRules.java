package io.servicedocs.validate;

import io.servicedocs.load.Suggestions;
import io.servicedocs.load.YamlDocument;
import io.servicedocs.model.Campaign;
import io.servicedocs.model.Campaign.Goal;
import io.servicedocs.model.Campaign.Scope;
import io.servicedocs.model.QualityItem;
import io.servicedocs.model.SecurityCheck;
import io.servicedocs.model.Standard;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Rules of a campaign file (standards/campaigns/&lt;id&gt;.yaml): its name is an id, it starts on or
 * before its due date, its scope names phases, tiers, teams and products that exist, and its goals
 * name items and checks of the standard at levels they have. Each wrong value is reported once,
 * where it is written: an unknown item is not also "out of range".
 */
final class CampaignRules {

    /** The id pattern of common.schema.json. */
    static final Pattern ID = Pattern.compile("^[a-z][a-z0-9-]{0,61}[a-z0-9]$");

    private CampaignRules() {
    }

    /** The campaign id a file's name gives: the name without .yaml / .yml. */
    static String idOf(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        return name.replaceFirst("\\.ya?ml$", "");
    }

    /** Problems of the file name alone; true when the name is a valid id. */
    static boolean checkName(YamlDocument doc, Findings findings) {
        String id = idOf(doc.path());
        if (ID.matcher(id).matches()) {
            return true;
        }
        findings.error(doc, "", "campaign-id", "'" + id + "' is not a campaign id: the file's name (without .yaml) is "
                + "the campaign's id, lowercase letters, digits and hyphens, e.g. runbooks-for-ga.yaml");
        return false;
    }

    /**
     * Reports every problem of a bound campaign; true when it has none (only then it joins the model).
     *
     * @param products every loaded product folder, to judge the scope's product list
     */
    static boolean check(Campaign campaign, YamlDocument doc, Standard standard, List<LoadedProduct> products,
                         Findings findings) {
        int before = findings.list().size();
        if (campaign.due().isBefore(campaign.start())) {
            findings.error(doc, "/due", "campaign-dates", "due " + campaign.due() + " is before start "
                    + campaign.start() + "; a campaign ends on or after the day it starts");
        }
        checkScope(campaign.scope(), doc, standard, products, findings);
        Map<String, Integer> seen = new HashMap<>();
        for (int g = 0; g < campaign.goals().size(); g++) {
            Goal goal = campaign.goals().get(g);
            String at = "/goals/" + g;
            Integer first = seen.putIfAbsent(goal.key(), g);
            if (first != null) {
                findings.error(doc, at, "duplicate-goal", "goal " + (g + 1) + " repeats goal " + (first + 1)
                        + " (" + goal.subject() + ")");
                continue;
            }
            if (goal.isCheck()) {
                checkCheckGoal(goal, doc, at, standard, findings);
            } else {
                checkItemGoal(goal, doc, at, standard, findings);
            }
        }
        return findings.list().subList(before, findings.list().size()).stream().noneMatch(d -> d.isError());
    }

    private static void checkItemGoal(Goal goal, YamlDocument doc, String at, Standard standard, Findings findings) {
        String id = goal.item().orElseThrow();
        Optional<QualityItem> item = standard.item(id);
        if (item.isEmpty()) {
            findings.error(doc, at + "/item", "unknown-item", "unknown quality item '" + id
                    + "' (standards/quality-items.yaml); " + Suggestions.expectedOneOf(id,
                    standard.items().stream().map(QualityItem::id).toList()));
            return;
        }
        if (item.get().isBinary() && goal.level().isPresent()) {
            findings.error(doc, at + "/level", "goal-kind", "'" + id + "' is a binary item (met / not met); "
                    + "write 'met: true' instead of a level");
        } else if (!item.get().isBinary() && goal.met().isPresent()) {
            findings.error(doc, at + "/met", "goal-kind", "'" + id + "' has levels 0 to " + item.get().maxLevel()
                    + "; write 'level: N' instead of 'met: true'");
        } else if (goal.level().isPresent() && goal.level().get() > item.get().maxLevel()) {
            findings.error(doc, at + "/level", "level-out-of-range", "level " + goal.level().get() + " is out of range for '"
                    + id + "'; its levels are 0 to " + item.get().maxLevel());
        }
    }

    private static void checkCheckGoal(Goal goal, YamlDocument doc, String at, Standard standard, Findings findings) {
        String id = goal.check().orElseThrow();
        if (standard.check(id).isEmpty()) {
            findings.error(doc, at + "/check", "unknown-check", "unknown security check '" + id
                    + "' (standards/security-checklist.yaml); " + Suggestions.expectedOneOf(id,
                    standard.checks().stream().map(SecurityCheck::id).toList()));
        }
    }

    private static void checkScope(Scope scope, YamlDocument doc, Standard standard, List<LoadedProduct> products,
                                   Findings findings) {
        boolean known = true;
        for (int i = 0; i < scope.phases().size(); i++) {
            if (standard.phaseIndex(scope.phases().get(i)) < 0) {
                findings.error(doc, "/scope/phases/" + i, "unknown-phase", StandardRules.unknownPhase(standard,
                        scope.phases().get(i)));
                known = false;
            }
        }
        for (int i = 0; i < scope.tiers().size(); i++) {
            if (!standard.hasTier(scope.tiers().get(i))) {
                findings.error(doc, "/scope/tiers/" + i, "unknown-tier", StandardRules.unknownTier(standard,
                        scope.tiers().get(i)));
                known = false;
            }
        }
        if (standard.declaresTeams()) {
            for (int i = 0; i < scope.teams().size(); i++) {
                if (standard.team(scope.teams().get(i)).isEmpty()) {
                    findings.error(doc, "/scope/teams/" + i, "unknown-team", StandardRules.unknownTeam(standard,
                            scope.teams().get(i)));
                    known = false;
                }
            }
        }
        List<String> ids = products.stream().map(LoadedProduct::folder).sorted().toList();
        Set<String> idSet = Set.copyOf(ids);
        for (int i = 0; i < scope.products().size(); i++) {
            String product = scope.products().get(i);
            String at = "/scope/products/" + i;
            if (!idSet.contains(product)) {
                findings.error(doc, at, "unknown-product", "unknown product '" + product
                        + "' (the id of a folder under products/); " + Suggestions.expectedOneOf(product, ids));
                continue;
            }
            // With an unknown phase, tier or team above, "out of scope" would only repeat that problem.
            // A warning: a routine promotion may move a listed product out of a phase the campaign
            // scopes, and that pull request must not fail on a campaign file it does not touch.
            if (known) {
                products.stream().filter(p -> p.folder().equals(product)).findFirst()
                        .flatMap(p -> outOfScope(scope, p))
                        .ifPresent(why -> findings.warning(doc, at, "campaign-scope", "product '" + product
                                + "' is out of the campaign's scope: " + why + "; the campaign does not count it"));
            }
        }
    }

    /** Why a listed product fails the scope's other lists, if it does (and its files say enough to tell). */
    private static Optional<String> outOfScope(Scope scope, LoadedProduct product) {
        List<String> reasons = new ArrayList<>();
        product.phase().ifPresent(phase -> {
            if (!scope.phases().isEmpty() && !scope.phases().contains(phase.phase())) {
                reasons.add("its phase '" + phase.phase() + "' is not one of phases: " + String.join(", ", scope.phases()));
            }
        });
        product.serviceDoc().ifPresent(doc -> {
            if (!scope.tiers().isEmpty() && doc.tier().filter(scope.tiers()::contains).isEmpty()) {
                reasons.add(doc.tier().map(t -> "its tier '" + t + "' is not one of").orElse("it has no tier, and the scope asks")
                        + " tiers: " + String.join(", ", scope.tiers()));
            }
            if (!scope.teams().isEmpty() && !scope.teams().contains(doc.owners().team())) {
                reasons.add("its team '" + doc.owners().team() + "' is not one of teams: "
                        + String.join(", ", scope.teams()));
            }
        });
        return reasons.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", reasons));
    }
}
