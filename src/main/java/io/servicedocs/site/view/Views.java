package io.servicedocs.site.view;

import io.servicedocs.assess.CheckResult;
import io.servicedocs.assess.CheckStatus;
import io.servicedocs.assess.ItemResult;
import io.servicedocs.assess.PhaseFit;
import io.servicedocs.assess.Portfolio;
import io.servicedocs.assess.ProductReadiness;
import io.servicedocs.assess.SloResult;
import io.servicedocs.model.SloDeclaration;
import io.servicedocs.assess.WaiverResult;
import io.servicedocs.load.FileKind;
import io.servicedocs.model.Assessment.ItemAssessment;
import io.servicedocs.model.Link;
import io.servicedocs.model.Person;
import io.servicedocs.model.Product;
import io.servicedocs.model.SecurityAnswers.CheckAnswer;
import io.servicedocs.model.SecurityAnswers.CheckWaiver;
import io.servicedocs.model.ServiceDoc;
import io.servicedocs.site.view.FitView.ItemView;
import io.servicedocs.site.view.FitView.MissingLink;
import io.servicedocs.site.view.FitView.PlanView;
import io.servicedocs.site.view.ProductView.AssessmentView;
import io.servicedocs.site.view.ProductView.CheckView;
import io.servicedocs.site.view.ProductView.CheckWaiverView;
import io.servicedocs.site.view.ProductView.CostElementView;
import io.servicedocs.site.view.ProductView.DemandMetricView;
import io.servicedocs.site.view.ProductView.DataStoreView;
import io.servicedocs.site.view.ProductView.DependenciesView;
import io.servicedocs.site.view.ProductView.ExternalDependencyView;
import io.servicedocs.site.view.ProductView.LinkView;
import io.servicedocs.site.view.ProductView.LinksView;
import io.servicedocs.site.view.ProductView.MeasurementView;
import io.servicedocs.site.view.ProductView.OwnersView;
import io.servicedocs.site.view.ProductView.PersonView;
import io.servicedocs.site.view.ProductView.PhaseView;
import io.servicedocs.site.view.ProductView.ProductDependencyView;
import io.servicedocs.site.view.ProductView.SloView;
import io.servicedocs.site.view.ProductView.TargetView;
import io.servicedocs.site.view.ProductView.UsersView;
import io.servicedocs.site.view.ProductView.WaiverView;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Builds the {@link ProductView} of each assessed product: copies what the assessment decided
 * (statuses, counts, overdue and expiring flags) and what the Service Doc says, as codes and ISO
 * dates. No rule is decided here.
 */
public final class Views {

    /** Gaps listed before the rest folds away, where a page lists them in a row. */
    private static final int MISSING_LINKS_SHOWN = 3;

    private final Portfolio portfolio;
    private final Map<String, List<io.servicedocs.model.SloMonth>> sloMonths;
    private final AsciidocFields asciidocToHtml;
    private final Optional<io.servicedocs.cost.allocation.CostReport> costs;
    private final Map<String, String> phaseNames = new LinkedHashMap<>();
    /** The products' parts of the report's cost changes, by product id (made once: issue 15). */
    private final CostSummary.ChangeIndex costChanges;
    /**
     * The display titles of the standard's items and checks, made once: each compares its title
     * with every other's, which per product and item was most of the time of the views (issue 15).
     */
    private final Map<io.servicedocs.model.QualityItem, String> displayTitles = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<io.servicedocs.model.SecurityCheck, String> checkDisplayTitles = new java.util.concurrent.ConcurrentHashMap<>();
    /** The Optionals of {@link #shared}, by their text. */
    private final Map<String, Optional<String>> sharedTexts = new java.util.concurrent.ConcurrentHashMap<>();

    /** @param asciidocToHtml converts trusted-for-display AsciiDoc (already made safe) to HTML */
    public Views(Portfolio portfolio, AsciidocFields asciidocToHtml) {
        this(portfolio, asciidocToHtml, Optional.empty());
    }

    /** @param costs the cost report, when the repository has cost settings */
    public Views(Portfolio portfolio, AsciidocFields asciidocToHtml,
                 Optional<io.servicedocs.cost.allocation.CostReport> costs) {
        this(portfolio, asciidocToHtml, costs, List.of());
    }

    /** @param sloMonths the SLO measurements (Repository.sloMonths()), each SLO's months in the export (issue 16) */
    public Views(Portfolio portfolio, AsciidocFields asciidocToHtml,
                 Optional<io.servicedocs.cost.allocation.CostReport> costs, List<io.servicedocs.model.SloMonth> sloMonths) {
        this.sloMonths = sloMonths.stream().collect(Collectors.groupingBy(m -> m.product() + "/" + m.slo()));
        this.portfolio = portfolio;
        this.asciidocToHtml = asciidocToHtml;
        this.costs = costs;
        this.costChanges = CostSummary.ChangeIndex.of(costs);
        portfolio.standard().phases().forEach(p -> phaseNames.putIfAbsent(p.id(), p.name()));
    }

    public List<ProductView> products() {
        return portfolio.products().stream().map(this::product).toList();
    }

    public ProductView product(ProductReadiness readiness) {
        Product product = readiness.product();
        ServiceDoc doc = product.serviceDoc();
        Set<String> failedNext = readiness.next().map(f -> f.failedChecks().stream().map(c -> c.check().id())
                .collect(Collectors.toSet())).orElse(Set.of());
        List<CheckView> security = readiness.current().checks().stream()
                .map(c -> check(c, product, failedNext.contains(c.check().id()), readiness.checkWaivers())).toList();
        Map<String, CheckView> securityById = IdIndex.of(security, CheckView::id);
        return new ProductView(doc.id(), doc.name(), doc.summary(),
                doc.description().map(d -> asciidocToHtml.toHtml(FileKind.SERVICE_DOC.productPath(doc.id()), "/description", d)),
                doc.tier(), doc.owners().team(), portfolio.teamName(doc.owners().team()), owners(doc),
                new UsersView(code(doc.users().audience()), doc.users().description()), links(doc),
                readiness.slos().stream().map(s -> slo(doc.id(), s)).toList(), dependencies(doc),
                doc.dataStores().stream().map(d -> new DataStoreView(d.id(), d.kind(), d.description(), d.personalData()))
                        .toList(),
                doc.tags(),
                doc.costElements().stream().map(c -> new CostElementView(code(c.provider()), c.id(), c.name(), c.vendor(),
                        c.tag(), c.billingAccount())).toList(),
                doc.demandMetric().map(m -> new DemandMetricView(m.name(), m.unit())),
                new PhaseView(readiness.phase().id(), readiness.phase().name(), product.phase().since().toString(),
                        product.phase().target().map(t -> new TargetView(t.phase(), phaseNames.getOrDefault(t.phase(), t.phase()),
                                t.date().toString(), readiness.targetOverdue()))),
                fit(readiness.current(), product, securityById),
                readiness.next().map(f -> fit(f, product, securityById)),
                readiness.readyForNext(),
                new AssessmentView(product.assessment().assessedOn().toString(), product.assessment().assessedBy(),
                        readiness.stale()),
                readiness.waivers().stream().map(Views::waiver).toList(),
                readiness.overduePlans().stream().map(i -> i.item().id()).toList(),
                security.stream().filter(c -> c.plan().filter(FitView.PlanView::overdue).isPresent())
                        .map(CheckView::id).toList(),
                security, CostSummary.of(costs, doc.id(), doc.demandMetric(), costChanges), securityById);
    }

    private FitView fit(PhaseFit fit, Product product, Map<String, CheckView> securityById) {
        List<ItemView> items = fit.items().stream().map(i -> item(i, product)).toList();
        Map<String, ItemView> itemsById = IdIndex.of(items, ItemView::id);
        List<ItemView> gapItems = fit.gaps().stream().map(i -> itemsById.get(i.item().id())).toList();
        // The security list holds every check of the standard, so each failed check is in it.
        List<CheckView> failedChecks = fit.failedChecks().stream().map(c -> securityById.get(c.check().id())).toList();
        List<MissingLink> missing = new java.util.ArrayList<>();
        // the anchors are the same for every product: one string each (issue 15)
        gapItems.forEach(i -> missing.add(new MissingLink(("item-" + i.id()).intern(), i.displayTitle(), false)));
        failedChecks.forEach(c -> missing.add(new MissingLink(("check-" + c.id()).intern(), c.displayTitle(), true)));
        int shown = Math.min(MISSING_LINKS_SHOWN, missing.size());
        return new FitView(fit.phase().id(), fit.phase().name(), fit.requirements(), fit.satisfied(), fit.waived(),
                fit.percentSatisfied(), fit.meets(), items, fit.gaps().stream().map(i -> i.item().id()).toList(),
                fit.failedChecks().stream().map(c -> c.check().id()).toList(), fit.missing(), itemsById, gapItems,
                failedChecks, List.copyOf(missing.subList(0, shown)), List.copyOf(missing.subList(shown, missing.size())),
                fit.requiredChecks(), fit.satisfiedChecks(), fit.checksMet());
    }

    private List<ConditionView> conditions(io.servicedocs.model.QualityItem item) {
        return portfolio.standard().conditions(item).stream().map(ConditionView::of).toList();
    }

    private ItemView item(ItemResult result, Product product) {
        Optional<ItemAssessment> assessed = Optional.ofNullable(product.assessment().items().get(result.item().id()));
        return new ItemView(result.item().id(), result.item().title(),
                displayTitles.computeIfAbsent(result.item(), portfolio.standard()::itemDisplayTitle), result.item().category(),
                result.item().isBinary(), shared(result.item().requiredFrom().map(id -> phaseNames.getOrDefault(id, id))),
                result.level(),
                result.item().maxLevel(),
                result.item().levels().get(Math.min(result.level(), result.item().maxLevel())).title(),
                result.required(), code(result.status()),
                assessed.map(a -> links(a.evidence())).orElse(List.of()),
                assessed.flatMap(ItemAssessment::note),
                assessed.flatMap(ItemAssessment::plan).map(p -> new PlanView(p.targetFor(result.item()), p.due().toString().intern(),
                        result.planOverdue(), p.note())),
                code(result.displayStatus()), result.shortfall(), code(result.applicability()),
                result.notApplicableReason(), conditions(result.item()));
    }

    private CheckView check(CheckResult result, Product product, boolean failedNext,
                            List<WaiverResult<CheckWaiver>> waivers) {
        String id = result.check().id();
        Optional<CheckAnswer> answer = Optional.ofNullable(product.security().checks().get(id));
        Optional<PlanView> plan = answer.flatMap(CheckAnswer::plan)
                .map(p -> new PlanView(1, p.due().toString().intern(), result.planOverdue(), p.note()));
        String status = code(result.status());
        return new CheckView(id, result.check().title(),
                checkDisplayTitles.computeIfAbsent(result.check(), portfolio.standard()::checkDisplayTitle),
                result.check().category(), result.required(),
                status, shared(result.answer().map(Views::code)), answer.flatMap(CheckAnswer::reason),
                answer.map(a -> links(a.evidence())).orElse(List.of()), answer.flatMap(CheckAnswer::note), plan,
                waivers.stream().filter(w -> w.waiver().check().equals(id)).map(Views::checkWaiver).toList(),
                failedNext, result.status() == CheckStatus.FAILED && plan.isPresent() ? "planned" : status);
    }

    private static CheckWaiverView checkWaiver(WaiverResult<CheckWaiver> result) {
        var w = result.waiver();
        return new CheckWaiverView(w.phase(), w.reason(), w.approvedBy(), w.approvedOn().map(LocalDate::toString),
                w.expires().toString(), code(result.state()));
    }

    private static WaiverView waiver(WaiverResult<io.servicedocs.model.Assessment.Waiver> result) {
        var w = result.waiver();
        return new WaiverView(w.item(), w.phase(), w.reason(), w.approvedBy(), w.approvedOn().map(LocalDate::toString),
                w.expires().toString(), code(result.state()));
    }

    /**
     * A declared SLO as the product page and api/products.json show it (their shape predates
     * slos.yaml and is kept): a latency template's threshold is its target_ms; the measurement
     * is the latest final month, in percent of good events.
     */
    private SloView slo(String productId, SloResult result) {
        SloDeclaration slo = result.slo();
        boolean latency = slo.indicator().template().filter("latency"::equals).isPresent();
        Optional<String> targetMs = latency ? Optional.ofNullable(slo.indicator().parameters().get("threshold_seconds"))
                .map(s -> new BigDecimal(s).movePointRight(3).stripTrailingZeros().toPlainString()) : Optional.empty();
        return new SloView(slo.name(), slo.displayName().orElse(slo.name()), latency ? "latency" : "availability",
                slo.target().movePointRight(2).stripTrailingZeros().toPlainString(), targetMs, Optional.empty(),
                slo.description().orElse(sliSummary(slo.indicator())), Optional.of("1M"),
                result.latestFinal().flatMap(m -> m.attainment().map(a -> new MeasurementView(
                        a.movePointRight(2).stripTrailingZeros().toPlainString(), m.month().atDay(1).toString(),
                        m.month().atEndOfMonth().toString()))),
                switch (result.status()) {
                    case MET -> Optional.of(true);
                    case MISSED -> Optional.of(false);
                    case NOT_MEASURED -> Optional.empty();
                },
                result.latestFinal().map(m -> m.month().toString()),
                result.latestFinal().flatMap(io.servicedocs.model.SloMonth::errorBudgetLeft).map(b -> SloViews.percent(b, 1)),
                sloMonths.getOrDefault(productId + "/" + slo.name(), List.of()).stream()
                        .sorted(java.util.Comparator.comparing(io.servicedocs.model.SloMonth::month)).map(SloViews::month).toList());
    }

    /** "availability (job: data-api) on prometheus": how an SLI without a description is measured. */
    private static String sliSummary(SloDeclaration.Sli sli) {
        String how = sli.template().map(t -> t + (sli.parameters().isEmpty() ? "" : " (" + sli.parameters().entrySet().stream()
                .sorted(Map.Entry.comparingByKey()).map(e -> e.getKey() + ": " + e.getValue())
                .collect(java.util.stream.Collectors.joining(", ")) + ")")).orElse(sli.name());
        return how + " on " + sli.dataSource().name();
    }

    private DependenciesView dependencies(ServiceDoc doc) {
        return new DependenciesView(
                doc.dependencies().products().stream().map(d -> new ProductDependencyView(d.id(),
                        portfolio.product(d.id()).map(p -> p.product().serviceDoc().name()).orElse(d.id()), d.purpose(),
                        d.critical().orElse(false))).toList(),
                doc.dependencies().external().stream().map(d -> new ExternalDependencyView(d.name(), d.purpose(),
                        d.statusPage(), d.critical().orElse(false))).toList());
    }

    private static OwnersView owners(ServiceDoc doc) {
        return new OwnersView(doc.owners().team(), person(doc.owners().productManager()), person(doc.owners().techLead()),
                doc.owners().contacts().stream().map(Views::person).toList(), doc.owners().chat());
    }

    private static LinksView links(ServiceDoc doc) {
        var l = doc.links();
        return new LinksView(l.repository(), l.runbook(), links(l.dashboards()), l.statusPage(), l.onCall(),
                l.documentation());
    }

    private static PersonView person(Person p) {
        return new PersonView(p.name(), p.email(), p.role());
    }

    private static List<LinkView> links(List<Link> links) {
        return links.stream().map(l -> new LinkView(l.title(), l.url())).toList();
    }

    /** Elements by id, in their order. */
    static <T> Map<String, T> byId(List<T> elements, Function<T, String> id) {
        Map<String, T> index = new LinkedHashMap<>();
        elements.forEach(e -> index.put(id.apply(e), e));
        return java.util.Collections.unmodifiableMap(index);
    }

    /**
     * One Optional for each text (an answer's code, a phase's name): the views keep one for every
     * check and binary item of every product through the render (issue 15).
     */
    private Optional<String> shared(Optional<String> text) {
        return text.map(t -> sharedTexts.computeIfAbsent(t, Optional::of)).orElse(Optional.empty());
    }

    /**
     * The language-neutral code of a constant: its name in lower case, words joined by '-'. One
     * string per code (interned): the views keep several for every item and check of every product
     * through the render (issue 15: 35 MB of copies of "meets" and the like at 5,000 products).
     */
    static String code(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-').intern();
    }
}
