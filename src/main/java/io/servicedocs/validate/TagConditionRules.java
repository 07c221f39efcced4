package io.servicedocs.validate;

import io.servicedocs.load.Suggestions;
import io.servicedocs.load.YamlDocument;
import io.servicedocs.model.AppliesIf;
import io.servicedocs.model.Category;
import io.servicedocs.model.QualityItem;
import io.servicedocs.model.ServiceDoc;
import io.servicedocs.model.Standard;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A tag condition ({@code applies_if: {tag: pci}}) that names a tag no product has, while a
 * product has one a letter away ('pcii' for 'pci'): a typo that would silently make the whole
 * section "not applicable" everywhere, which is the false answer conditions exist to prevent.
 * A tag no product has and nothing resembles is fine: the standard may be ahead of the products.
 */
final class TagConditionRules {

    private TagConditionRules() {
    }

    static void check(Standard standard, Optional<YamlDocument> items, List<ServiceDoc> docs, Findings findings) {
        if (items.isEmpty()) {
            return;
        }
        Set<String> used = new TreeSet<>();
        docs.forEach(d -> used.addAll(d.tags()));
        List<Category> categories = standard.categories();
        for (int i = 0; i < categories.size(); i++) {
            check(categories.get(i).appliesIf(), "/categories/" + i + "/applies_if/tag", used, items.get(), findings);
        }
        List<QualityItem> all = standard.items();
        for (int i = 0; i < all.size(); i++) {
            check(all.get(i).appliesIf(), "/items/" + i + "/applies_if/tag", used, items.get(), findings);
        }
    }

    private static void check(Optional<AppliesIf> condition, String at, Set<String> used, YamlDocument items,
                              Findings findings) {
        Optional<String> tag = condition.flatMap(AppliesIf::tag).filter(t -> !used.contains(t));
        if (tag.isEmpty()) {
            return;
        }
        Suggestions.closest(tag.get(), used).ifPresent(near -> findings.warning(items, at, "unused-tag-condition",
                "no product has the tag '" + tag.get() + "', so these items apply to none; did you mean '" + near
                        + "'? tags in use: " + Suggestions.list(used)));
    }
}
