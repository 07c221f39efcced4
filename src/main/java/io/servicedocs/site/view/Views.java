package io.servicedocs.site.view;


import io.servicedocs.assess.CheckResult;
import io.servicedocs.assess.ItemResult;
import io.servicedocs.assess.PhaseFit;
import io.servicedocs.assess.Portfolio;
import io.servicedocs.assess.ProductReadiness;
import io.servicedocs.load.FileKind;
import io.servicedocs.model.Assessment.ItemAssessment;
import io.servicedocs.model.Assessment.Waiver;
import io.servicedocs.model.Link;
import io.servicedocs.model.Person;
import io.servicedocs.model.Phase;
import io.servicedocs.model.Product;
import io.servicedocs.model.ServiceDoc;
import io.servicedocs.model.Slo;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * What the site shows of a product, as plain maps and lists: the templates render it and
 * api/products.json exports the very same data, so the two never disagree. Values are
 * language-neutral (ids, codes, ISO dates); templates translate them.
 */
public final class Views {

    private final Portfolio portfolio;
    private final AsciidocFields asciidocToHtml;
    private final Optional<io.servicedocs.cost.allocation.CostReport> costs;

    /** @param asciidocToHtml converts trusted-for-display AsciiDoc (already made safe) to HTML */
    public Views(Portfolio portfolio, AsciidocFields asciidocToHtml) {
        this(portfolio, asciidocToHtml, Optional.empty());
    }

    /** @param costs the cost report, when the repository has cost settings */
    public Views(Portfolio portfolio, AsciidocFields asciidocToHtml,
                 Optional<io.servicedocs.cost.allocation.CostReport> costs) {
        this.portfolio = portfolio;
        this.asciidocToHtml = asciidocToHtml;
        this.costs = costs;
    }

    public Map<String, Object> product(ProductReadiness readiness) {
        Product product = readiness.product();
        ServiceDoc doc = product.serviceDoc();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", doc.id());
        view.put("name", doc.name());
        view.put("summary", doc.summary());
        view.put("description_html", doc.description().map(d -> asciidocToHtml.toHtml(FileKind.SERVICE_DOC.productPath(doc.id()),
                        "/description", d)).orElse(null));
        view.put("tier", doc.tier().orElse(null));
        view.put("team", doc.owners().team());
        view.put("owners", owners(doc));
        view.put("users", map("audience", lower(doc.users().audience().name()), "description", doc.users().description()));
        view.put("links", links(doc));
        view.put("slos", doc.slos().stream().map(Views::slo).toList());
        view.put("dependencies", dependencies(doc));
        view.put("cost_elements", doc.costElements().stream().map(c -> map(
                "provider", lower(c.provider().name()), "id", c.id(), "name", c.name().orElse(null),
                "vendor", c.vendor().orElse(null), "tag", c.tag().orElse(null))).toList());
        view.put("demand_metric", doc.demandMetric().map(m -> map("name", m.name(), "unit", m.unit())).orElse(null));
        view.put("phase", map("id", readiness.phase().id(), "name", readiness.phase().name(),
                "since", product.phase().since().toString(),
                "target", product.phase().target().map(t -> map("phase", t.phase(), "phase_name",
                        phaseName(t.phase()), "date", t.date().toString(),
                        "overdue", t.date().isBefore(portfolio.asOf()))).orElse(null)));
        view.put("current", fit(readiness.current(), product));
        view.put("next", readiness.next().map(f -> fit(f, product)).orElse(null));
        view.put("ready_for_next", readiness.readyForNext());
        view.put("assessment", map("assessed_on", product.assessment().assessedOn().toString(),
                "assessed_by", product.assessment().assessedBy(), "stale", readiness.stale()));
        view.put("waivers", product.assessment().waivers().stream().map(w -> waiver(w, portfolio.asOf())).toList());
        view.put("overdue_plans", readiness.overduePlans().stream().map(i -> i.item().id()).toList());
        view.put("security", readiness.current().checks().stream().map(c -> check(c, product)).toList());
        view.put("cost", CostSummary.of(costs, doc.id()).orElse(null));
        return view;
    }

    public List<Map<String, Object>> products() {
        return portfolio.products().stream().map(this::product).toList();
    }

    private Map<String, Object> fit(PhaseFit fit, Product product) {
        return map("phase", fit.phase().id(), "phase_name", fit.phase().name(),
                "requirements", fit.requirements(), "satisfied", fit.satisfied(), "waived", fit.waived(),
                "percent", fit.percentSatisfied(), "meets", fit.meets(),
                "items", fit.items().stream().map(i -> item(i, product)).toList(),
                "gaps", fit.gaps().stream().map(i -> i.item().id()).toList(),
                "failed_checks", fit.failedChecks().stream().map(c -> c.check().id()).toList());
    }

    private Map<String, Object> item(ItemResult result, Product product) {
        ItemAssessment assessed = product.assessment().items().get(result.item().id());
        Optional<ItemAssessment> a = Optional.ofNullable(assessed);
        return map("id", result.item().id(), "title", result.item().title(), "category", result.item().category(),
                "level", result.level(), "max_level", result.item().maxLevel(),
                "level_title", result.item().levels().get(Math.min(result.level(), result.item().maxLevel())).title(),
                "required", result.required(), "status", lower(result.status().name()),
                "evidence", a.map(x -> x.evidence().stream().map(Views::link).toList()).orElse(List.of()),
                "note", a.flatMap(ItemAssessment::note).orElse(null),
                "plan", a.flatMap(ItemAssessment::plan).map(p -> map("target_level", p.targetLevel(),
                        "due", p.due().toString(), "overdue", p.due().isBefore(portfolio.asOf())
                                && result.level() < p.targetLevel(), "note", p.note().orElse(null))).orElse(null));
    }

    private static Map<String, Object> check(CheckResult result, Product product) {
        var answer = Optional.ofNullable(product.security().checks().get(result.check().id()));
        return map("id", result.check().id(), "title", result.check().title(), "category", result.check().category(),
                "required", result.required(), "status", lower(result.status().name()),
                "answer", result.answer().map(a -> lower(a.name())).orElse(null),
                "reason", answer.flatMap(a -> a.reason()).orElse(null),
                "evidence", answer.map(a -> a.evidence().stream().map(Views::link).toList()).orElse(List.of()));
    }

    private static Map<String, Object> waiver(Waiver w, LocalDate asOf) {
        String status = !w.isValidOn(asOf) ? "expired"
                : w.expires().isBefore(asOf.plusDays(io.servicedocs.assess.Assessor.EXPIRY_WARNING_DAYS)) ? "expiring" : "valid";
        return map("item", w.item(), "phase", w.phase(), "reason", w.reason(), "approved_by", w.approvedBy(),
                "approved_on", w.approvedOn().map(LocalDate::toString).orElse(null), "expires", w.expires().toString(),
                "status", status);
    }

    private static Map<String, Object> slo(Slo slo) {
        Boolean met = slo.measured().map(m -> slo.type() == Slo.Type.AVAILABILITY
                ? m.value().compareTo(slo.targetPercent()) >= 0
                : m.value().compareTo(slo.targetMs().orElseThrow()) <= 0).orElse(null);
        return map("id", slo.id(), "title", slo.title(), "type", lower(slo.type().name()),
                "target_percent", slo.targetPercent().toPlainString(),
                "target_ms", slo.targetMs().map(java.math.BigDecimal::toPlainString).orElse(null),
                "percentile", slo.percentile().map(java.math.BigDecimal::toPlainString).orElse(null),
                "sli", slo.sli(), "window", slo.window().orElse(null),
                "measured", slo.measured().map(m -> map("value", m.value().toPlainString(), "from", m.from().toString(),
                        "to", m.to().toString())).orElse(null),
                "met", met);
    }

    private Map<String, Object> dependencies(ServiceDoc doc) {
        List<Map<String, Object>> products = new ArrayList<>();
        for (var d : doc.dependencies().products()) {
            products.add(map("id", d.id(), "name", portfolio.product(d.id()).map(p -> p.product().serviceDoc().name())
                    .orElse(d.id()), "purpose", d.purpose(), "critical", d.critical().orElse(false)));
        }
        List<Map<String, Object>> external = doc.dependencies().external().stream().map(d -> map("name", d.name(),
                "purpose", d.purpose(), "status_page", d.statusPage().orElse(null),
                "critical", d.critical().orElse(false))).toList();
        return map("products", products, "external", external);
    }

    private static Map<String, Object> owners(ServiceDoc doc) {
        return map("team", doc.owners().team(), "product_manager", person(doc.owners().productManager()),
                "tech_lead", person(doc.owners().techLead()),
                "contacts", doc.owners().contacts().stream().map(Views::person).toList(),
                "chat", doc.owners().chat().orElse(null));
    }

    private static Map<String, Object> links(ServiceDoc doc) {
        var l = doc.links();
        return map("repository", l.repository(), "runbook", l.runbook().orElse(null),
                "dashboards", l.dashboards().stream().map(Views::link).toList(),
                "status_page", l.statusPage().orElse(null), "on_call", l.onCall().orElse(null),
                "documentation", l.documentation().orElse(null));
    }

    private static Map<String, Object> person(Person p) {
        return map("name", p.name(), "email", p.email().orElse(null), "role", p.role().orElse(null));
    }

    private static Map<String, Object> link(Link link) {
        return map("title", link.title(), "url", link.url());
    }

    private String phaseName(String id) {
        return portfolio.standard().phases().stream().filter(p -> p.id().equals(id)).map(Phase::name).findFirst().orElse(id);
    }

    private static String lower(String enumName) {
        return enumName.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** An ordered map from alternating keys and values; null values are kept (JSON null, absent in templates). */
    public static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }
}
