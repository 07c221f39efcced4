package io.servicedocs.site.view;


import static io.servicedocs.site.view.Views.map;

import io.servicedocs.assess.Portfolio;
import io.servicedocs.assess.ProductReadiness;
import io.servicedocs.load.FileKind;
import io.servicedocs.model.Category;
import io.servicedocs.model.Phase;
import io.servicedocs.model.QualityItem;
import io.servicedocs.model.RequiredLevel;
import io.servicedocs.model.SecurityCheck;
import io.servicedocs.model.Standard;
import io.servicedocs.model.Tier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/** The models of the site's pages, built from the product views and the standard. */
public final class SitePages {

    private final Portfolio portfolio;
    private final Map<String, Map<String, Object>> products = new LinkedHashMap<>();
    private final AsciidocFields asciidocToHtml;

    public SitePages(Portfolio portfolio, List<Map<String, Object>> productViews, AsciidocFields asciidocToHtml) {
        this.portfolio = portfolio;
        this.asciidocToHtml = asciidocToHtml;
        productViews.forEach(v -> products.put((String) v.get("id"), forTemplates(v)));
    }

    /**
     * A product view with lookup tables added for the templates (items and checks by id), so
     * that a template finds an item by id instead of building a hash in FreeMarker for every
     * product. The JSON export keeps the plain view.
     */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> forTemplates(Map<String, Object> view) {
        Map<String, Object> copy = new LinkedHashMap<>(view);
        for (String fit : List.of("current", "next")) {
            Map<String, Object> phaseFit = (Map<String, Object>) view.get(fit);
            if (phaseFit != null) {
                Map<String, Object> withIndex = new LinkedHashMap<>(phaseFit);
                withIndex.put("items_by_id", byId((List<Map<String, Object>>) phaseFit.get("items")));
                copy.put(fit, withIndex);
            }
        }
        copy.put("security_by_id", byId((List<Map<String, Object>>) view.get("security")));
        return copy;
    }

    private static Map<String, Object> byId(List<Map<String, Object>> elements) {
        Map<String, Object> index = new LinkedHashMap<>();
        elements.forEach(e -> index.put((String) e.get("id"), e));
        return index;
    }

    private static Map<String, Object> names(List<Map<String, Object>> elements, String value) {
        Map<String, Object> index = new LinkedHashMap<>();
        elements.forEach(e -> index.put((String) e.get("id"), e.get(value)));
        return index;
    }

    public Map<String, Object> product(String id) {
        return products.get(id);
    }

    /** The maturity matrix: products grouped by phase (lifecycle order), items grouped by category. */
    public Map<String, Object> matrix() {
        Standard standard = portfolio.standard();
        List<Map<String, Object>> phases = new ArrayList<>();
        for (Phase phase : standard.phases()) {
            List<Map<String, Object>> rows = portfolio.products().stream().filter(p -> p.phase().id().equals(phase.id()))
                    .map(p -> products.get(p.id())).toList();
            if (!rows.isEmpty()) {
                phases.add(map("id", phase.id(), "name", phase.name(), "products", rows));
            }
        }
        return map("phases", phases, "categories", categories(standard), "tiers", tiers(standard),
                "tier_names", names(tiers(standard), "name"),
                "teams", teams().stream().map(t -> t.get("id")).toList(),
                "phase_list", standard.phases().stream().map(p -> map("id", p.id(), "name", p.name())).toList());
    }

    /** The standard: phases, tiers, items with levels and requirements, the security checklist. */
    public Map<String, Object> standard() {
        Standard standard = portfolio.standard();
        List<Map<String, Object>> categories = new ArrayList<>();
        for (Category category : standard.categories()) {
            List<Map<String, Object>> items = standard.items().stream().filter(i -> i.category().equals(category.id()))
                    .map(i -> item(standard, i)).toList();
            categories.add(map("id", category.id(), "title", category.title(),
                    "description", category.description().orElse(null), "items", items));
        }
        List<Map<String, Object>> securityCategories = new ArrayList<>();
        for (Category category : standard.securityCategories()) {
            List<Map<String, Object>> checks = standard.checks().stream().filter(c -> c.category().equals(category.id()))
                    .map(c -> check(standard, c)).toList();
            securityCategories.add(map("id", category.id(), "title", category.title(), "checks", checks));
        }
        return map("name", standard.info().name(), "version", standard.info().version(),
                "owner", standard.info().owner().orElse(null), "review_interval", standard.info().reviewInterval().toString(),
                "phases", standard.phases().stream().map(p -> map("id", p.id(), "name", p.name(),
                        "description_html", asciidocToHtml.toHtml(FileKind.PHASES.standardPath(),
                        "/phases/" + standard.phases().indexOf(p) + "/description", p.description()),
                        "customer_promise", p.customerPromise(), "retirement", p.retirement())).toList(),
                "tiers", tiers(standard), "categories", categories, "security_categories", securityCategories,
                // lookup tables for the templates
                "tier_names", names(tiers(standard), "name"),
                "phase_names", names(standard.phases().stream().map(p -> map("id", p.id(), "name", p.name())).toList(), "name"),
                "category_titles", names(categories, "title"),
                "security_category_titles", names(securityCategories, "title"));
    }

    private Map<String, Object> item(Standard standard, QualityItem item) {
        List<String> tierIds = standard.info().tiers().stream().map(Tier::id).toList();
        List<Map<String, Object>> requirements = new ArrayList<>();
        for (Phase phase : standard.phases()) {
            RequiredLevel required = item.required().get(phase.id());
            Map<String, Object> byTier = new LinkedHashMap<>();
            for (String tier : tierIds) {
                byTier.put(tier, item.requiredLevel(phase.id(), tier));
            }
            Integer all = required == null ? Integer.valueOf(0)
                    : required.allTiers().isPresent() ? Integer.valueOf(required.allTiers().getAsInt()) : null;
            requirements.add(map("phase", phase.id(), "all", all, "by_tier", byTier));
        }
        return map("id", item.id(), "title", item.title(), "category", item.category(),
                "description_html", asciidocToHtml.toHtml(FileKind.QUALITY_ITEMS.standardPath(),
                        "/items/" + standard.items().indexOf(item) + "/description", item.description()),
                "levels", item.levels().stream().map(l -> map("level", l.level(), "title", l.title(), "criteria",
                        l.criteria())).toList(), "requirements", requirements);
    }

    private static Map<String, Object> check(Standard standard, SecurityCheck check) {
        return map("id", check.id(), "title", check.title(), "category", check.category(), "description",
                check.description(), "required_from", check.requiredFrom(),
                "required_from_name", standard.phases().get(standard.phaseIndex(check.requiredFrom())).name(),
                "tiers", check.tiers());
    }

    private static List<Map<String, Object>> categories(Standard standard) {
        List<Map<String, Object>> categories = new ArrayList<>();
        for (Category category : standard.categories()) {
            List<Map<String, Object>> items = standard.items().stream().filter(i -> i.category().equals(category.id()))
                    .map(i -> map("id", i.id(), "title", i.title())).toList();
            if (!items.isEmpty()) {
                categories.add(map("id", category.id(), "title", category.title(), "items", items));
            }
        }
        return categories;
    }

    private static List<Map<String, Object>> tiers(Standard standard) {
        return standard.info().tiers().stream().map(t -> map("id", t.id(), "name", t.name(), "description",
                t.description())).toList();
    }

    /** Products x security checks. */
    public Map<String, Object> securityMatrix() {
        Standard standard = portfolio.standard();
        List<Map<String, Object>> categories = new ArrayList<>();
        for (Category category : standard.securityCategories()) {
            List<Map<String, Object>> checks = standard.checks().stream().filter(c -> c.category().equals(category.id()))
                    .map(c -> map("id", c.id(), "title", c.title())).toList();
            if (!checks.isEmpty()) {
                categories.add(map("id", category.id(), "title", category.title(), "checks", checks));
            }
        }
        return map("categories", categories, "products", new ArrayList<>(products.values()));
    }

    /** Products in order of promotion readiness: ready first, then by share of the next phase met. */
    public List<Map<String, Object>> readiness() {
        return portfolio.products().stream()
                .sorted(Comparator.comparing((ProductReadiness p) -> !p.readyForNext())
                        .thenComparing(p -> -p.next().map(f -> f.percentSatisfied()).orElse(-1))
                        .thenComparing(ProductReadiness::id))
                .map(p -> products.get(p.id())).toList();
    }

    /** Owner teams, each with its products. */
    public List<Map<String, Object>> teams() {
        Map<String, List<Map<String, Object>>> byTeam = new TreeMap<>();
        for (Map<String, Object> product : products.values()) {
            byTeam.computeIfAbsent((String) product.get("team"), t -> new ArrayList<>()).add(product);
        }
        return byTeam.entrySet().stream().map(e -> map("id", e.getKey(), "products", e.getValue(),
                "meeting", e.getValue().stream().filter(p -> Boolean.TRUE.equals(((Map<?, ?>) p.get("current")).get("meets")))
                        .count())).toList();
    }
}
