package io.servicedocs.site.view;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The standard as its pages (phases, items, checklist) and the product page show it.
 *
 * @param reviewInterval an ISO-8601 period, e.g. P6M
 * @param tierNames tier names by tier id
 * @param phaseNames phase names by phase id
 */
public record StandardPage(String name, String version, Optional<String> owner, String reviewInterval,
                           List<PhaseDefinition> phases, List<TierView> tiers, List<CategoryView> categories,
                           List<SecurityCategoryView> securityCategories, Map<String, String> tierNames,
                           Map<String, String> phaseNames, List<SliTemplateView> sliTemplates) {

    /**
     * An SLI template of standards/sli-templates.yaml (SLOs, issue 16), as the items page shows
     * it: plain texts and the queries as written, with their {{parameters}}.
     *
     * @param kind label or number: the form a product's value must have
     */
    public record SliTemplateView(String id, String title, String description, List<SliParameterView> parameters,
                                  String prometheusGood, String prometheusTotal, String datadogGood, String datadogTotal) {
    }

    public record SliParameterView(String name, String kind, String description) {
    }

    /**
     * @param itemsRequired items some tier must have above level 0 in this phase
     * @param checksRequired security checks required from this phase or an earlier one
     */
    public record PhaseDefinition(String id, String name, String descriptionHtml, String customerPromise,
                                  boolean retirement, int itemsRequired, int checksRequired) {
    }

    /** @param abbreviation the short form of the id in tables: tier-1 is T1 */
    public record TierView(String id, String name, String description, String abbreviation) {
    }

    public record CategoryView(String id, String title, Optional<String> description, List<ItemDefinition> items) {
    }

    /**
     * @param binary a binary item (met / not met): its level 1's criteria is what "met" means; required 1 reads "met"
     * @param appliesIf the conditions the item applies with (its category's, then its own); empty: every product
     */
    public record ItemDefinition(String id, String title, String category, String descriptionHtml,
                                 List<LevelView> levels, List<Requirement> requirements, boolean binary,
                                 List<ConditionView> appliesIf) {
    }

    public record LevelView(int level, String title, String criteria) {
    }

    /**
     * The level an item requires in one phase.
     *
     * @param all the level every tier requires, when the standard gives one for all tiers
     * @param tierLevels the level each tier requires, in the order of the standard's tiers
     */
    public record Requirement(String phase, Optional<Integer> all, List<TierLevel> tierLevels) {
    }

    public record TierLevel(TierView tier, int level) {
    }

    public record SecurityCategoryView(String id, String title, Optional<String> description,
                                       List<CheckDefinition> checks) {
    }

    /** @param tiers the tiers the check applies to; empty for all */
    public record CheckDefinition(String id, String title, String category, String description, String requiredFrom,
                                  String requiredFromName, List<String> tiers) {
    }
}
