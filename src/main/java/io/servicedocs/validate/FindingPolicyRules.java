package io.servicedocs.validate;

import io.servicedocs.load.FileKind;
import io.servicedocs.load.YamlDocument;
import io.servicedocs.model.Assessment;
import io.servicedocs.model.Assessment.ItemAssessment;
import io.servicedocs.model.FindingPolicy;
import io.servicedocs.model.FindingPolicy.Severity;
import io.servicedocs.model.PhaseStatus;
import io.servicedocs.model.QualityItem;
import io.servicedocs.model.SecurityAnswers;
import io.servicedocs.model.SecurityCheck;
import io.servicedocs.model.Standard;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * What a product's files leave open, judged with the severities of the standard's
 * {@code findings} section ({@link FindingPolicy}): a level without evidence, a missed
 * requirement of the current phase without a plan, and a placeholder left by {@code new-product}.
 */
final class FindingPolicyRules {

    /** How {@code new-product} marks a value for the team to fill in (see NewProductPipeline). */
    static final String PLACEHOLDER_PREFIX = "TODO";

    private final Standard standard;
    private final FindingPolicy policy;
    private final LocalDate asOf;

    FindingPolicyRules(Standard standard, LocalDate asOf) {
        this.standard = standard;
        this.policy = standard.info().findings();
        this.asOf = asOf;
    }

    /** @param tier the product's tier as {@link ProductRules} knows it: empty when it cannot be trusted */
    void check(LoadedProduct product, Optional<String> tier, Findings findings) {
        product.assessment().ifPresent(assessment -> {
            YamlDocument yaml = product.document(FileKind.ASSESSMENT);
            levelsWithoutEvidence(product, yaml, assessment, findings);
            if (tier.isPresent()) {
                product.phase().filter(p -> standard.phaseIndex(p.phase()) >= 0)
                        .ifPresent(phase -> gapsWithoutPlan(product, yaml, assessment, phase.phase(), tier.get(), findings));
            }
        });
        product.security().ifPresent(answers -> {
            if (tier.isPresent()) {
                product.phase().filter(p -> standard.phaseIndex(p.phase()) >= 0).ifPresent(phase -> checksWithoutPlan(
                        product, product.document(FileKind.SECURITY), answers, phase.phase(), tier.get(), findings));
            }
        });
        Severity placeholders = placeholderSeverity(product.phase());
        for (FileKind kind : FileKind.values()) {
            YamlDocument doc = product.documents().get(kind);
            if (doc != null) {
                placeholders(doc, doc.root(), new java.util.ArrayList<>(), placeholders, findings);
            }
        }
    }

    /** An evidence list pruned for its own schema problem (a link without url) is not a missing one. */
    private void levelsWithoutEvidence(LoadedProduct product, YamlDocument yaml, Assessment assessment,
                                       Findings findings) {
        for (Map.Entry<String, ItemAssessment> entry : assessment.items().entrySet()) {
            ItemAssessment assessed = entry.getValue();
            if (assessed.level() >= 1 && assessed.evidence().isEmpty() && !touchedByPruning(product, FileKind.ASSESSMENT,
                    () -> YamlDocument.child(YamlDocument.child("/items", entry.getKey()), "evidence"))) {
                if (assessed.met().isPresent()) {
                    // a binary item's answer: the same policy, in its own words
                    findings.report(policy.levelWithoutEvidence(), yaml, YamlDocument.child("/items", entry.getKey()) + "/met",
                            "level-without-evidence", "'" + entry.getKey() + "' is met but has no evidence; add an evidence"
                                    + " link (title, url) that proves it, or answer met: false");
                } else {
                    findings.report(policy.levelWithoutEvidence(), yaml, YamlDocument.child("/items", entry.getKey()) + "/level",
                            "level-without-evidence", "level " + assessed.level() + " of '" + entry.getKey()
                                    + "' has no evidence; add an evidence link (title, url) that proves the level, or lower the level");
                }
            }
        }
    }

    /**
     * A requirement of the current phase the item misses, with no valid waiver for it, judged as
     * the assess stage judges it: the tier's required level ({@link QualityItem#requiredLevel}),
     * a waiver valid today covers the gap ({@link Assessment#waiverFor}).
     */
    private void gapsWithoutPlan(LoadedProduct product, YamlDocument yaml, Assessment assessment, String phase,
                                 String tier, Findings findings) {
        for (QualityItem item : standard.items()) {
            ItemAssessment assessed = assessment.items().get(item.id());
            // a not-applicable answer is no gap to plan for; a challenged one is its own error (ProductRules)
            if (assessed == null || assessed.answeredNotApplicable()
                    || product.serviceDoc().map(doc -> !standard.applies(item, doc, product.declaresSlos())).orElse(false)
                    || assessed.plan().isPresent()
                    || touchedByPruning(product, FileKind.ASSESSMENT,
                            () -> YamlDocument.child(YamlDocument.child("/items", item.id()), "plan"))
                    || touchedByPruning(product, FileKind.ASSESSMENT, () -> "/waivers")) {
                continue; // a missing item is its own error; a plan or waivers pruned for a problem of theirs are not missing
            }
            int required = item.requiredLevel(phase, tier);
            boolean waived = assessment.waiverFor(item.id(), phase, asOf).isPresent();
            if (assessed.level() < required && !waived) {
                String forTier = tier.isEmpty() ? "" : " for " + tier;
                // a binary item is met or not: its gap and its plan ("met by DATE", no target) in those words
                findings.report(policy.gapWithoutPlan(), yaml, YamlDocument.child("/items", item.id()), "gap-without-plan",
                        item.isBinary()
                                ? "'" + item.id() + "' is not met but phase '" + phase + "' requires it met" + forTier
                                        + "; add a plan (due) or a waiver"
                                : "'" + item.id() + "' is at level " + assessed.level() + " but phase '" + phase
                                        + "' requires " + required + forTier + "; add a plan (target_level, due) or a waiver");
            }
        }
    }

    /**
     * A security check the current phase requires, answered 'no', with neither a plan nor a valid
     * waiver: the same finding as an item's gap ({@link #gapsWithoutPlan}), judged as the assess
     * stage judges the check ({@link Standard#requires}, {@link SecurityAnswers#waiverFor}).
     */
    private void checksWithoutPlan(LoadedProduct product, YamlDocument yaml, SecurityAnswers answers, String phase,
                                   String tier, Findings findings) {
        for (SecurityCheck check : standard.checks()) {
            SecurityAnswers.CheckAnswer answer = answers.checks().get(check.id());
            if (answer == null || answer.answer() != SecurityAnswers.Answer.NO || answer.plan().isPresent()
                    || touchedByPruning(product, FileKind.SECURITY,
                            () -> YamlDocument.child(YamlDocument.child("/checks", check.id()), "plan"))
                    || touchedByPruning(product, FileKind.SECURITY, () -> "/waivers")) {
                continue; // a missing answer is its own error; a plan or waivers pruned for a problem of theirs are not missing
            }
            if (standard.requires(check, phase, tier) && answers.waiverFor(check.id(), phase, asOf).isEmpty()) {
                findings.report(policy.gapWithoutPlan(), yaml, YamlDocument.child("/checks", check.id()),
                        "gap-without-plan", "'" + check.id() + "' is answered no but phase '" + phase + "' requires it"
                                + (tier.isEmpty() ? "" : " for " + tier) + "; add a plan (due) or a waiver");
            }
        }
    }

    /**
     * Whether salvage pruned the node at {@code pointer} of the file, an ancestor or a part of it.
     * The pointer is spelled only for a salvaged file: most files have nothing pruned, and these
     * questions are asked per item and check of every product.
     */
    private static boolean touchedByPruning(LoadedProduct product, FileKind kind, java.util.function.Supplier<String> pointer) {
        if (product.pruned(kind).isEmpty()) {
            return false;
        }
        String at = pointer.get();
        return product.pruned(kind, at) || product.pruned(kind).stream().anyMatch(p -> p.startsWith(at + "/"));
    }

    /**
     * A placeholder is a warning (or what the standard says) until the product reaches the phase
     * named in {@code placeholders_error_from}; from then on it is an error, whatever
     * {@code placeholders} says, since naming that phase asks for exactly that.
     */
    private Severity placeholderSeverity(Optional<PhaseStatus> phase) {
        Optional<Integer> errorFrom = policy.placeholdersErrorFrom().map(standard::phaseIndex).filter(i -> i >= 0);
        int current = phase.map(p -> standard.phaseIndex(p.phase())).orElse(-1);
        if (errorFrom.isPresent() && current >= errorFrom.get()) {
            return Severity.ERROR;
        }
        return policy.placeholders();
    }

    /** "TODO" alone or "TODO: what to write", as new-product writes them; not "TODOist". */
    static boolean isPlaceholder(String value) {
        return value.equals(PLACEHOLDER_PREFIX) || value.startsWith(PLACEHOLDER_PREFIX + ":");
    }

    /**
     * Every string value of the document that is a placeholder. The walk keeps the keys and
     * indexes of the way down and spells the pointer and the path only for a placeholder found:
     * it visits every node of every product file, and strings made per node were most of its cost.
     */
    private static void placeholders(YamlDocument doc, JsonNode node, java.util.ArrayList<Object> way,
                                     Severity severity, Findings findings) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                way.add(field.getKey());
                placeholders(doc, field.getValue(), way, severity, findings);
                way.remove(way.size() - 1);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                way.add(i);
                placeholders(doc, node.get(i), way, severity, findings);
                way.remove(way.size() - 1);
            }
        } else if (node.isString() && isPlaceholder(node.asString())) {
            String pointer = "";
            StringBuilder path = new StringBuilder();
            for (Object step : way) {
                if (step instanceof Integer index) {
                    pointer = YamlDocument.child(pointer, index);
                    path.append('[').append(index).append(']');
                } else {
                    pointer = YamlDocument.child(pointer, (String) step);
                    path.append(path.isEmpty() ? "" : ".").append((String) step);
                }
            }
            findings.report(severity, doc, pointer, "placeholder", path + " is still the placeholder \""
                    + node.asString() + "\" left by new-product; replace it with the real value");
        }
    }
}
