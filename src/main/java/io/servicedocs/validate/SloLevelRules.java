package io.servicedocs.validate;

import io.servicedocs.load.FileKind;
import io.servicedocs.load.Suggestions;
import io.servicedocs.load.YamlDocument;
import io.servicedocs.model.Assessment.ItemAssessment;
import io.servicedocs.model.CostMonth.Status;
import io.servicedocs.model.Level;
import io.servicedocs.model.Level.SloRequirement;
import io.servicedocs.model.Product;
import io.servicedocs.model.QualityItem;
import io.servicedocs.model.SloDeclaration;
import io.servicedocs.model.SloMonth;
import io.servicedocs.model.Standard;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Levels tied to measurements (quality-items.yaml, a level's {@code requires_slo}): the standard's
 * own consistency ({@code met} at most {@code of_last}), and each product's claimed level against
 * its SLO months in slo-data/.
 *
 * <p>A claim is contradicted when even the best case cannot satisfy the requirement: among an
 * SLO's last {@code of_last} final months, those measured and met, plus the months not measured
 * yet (fewer final months than {@code of_last}), are fewer than {@code met}. A month measured
 * without an attainment (no data) counts as not met: the measurements do not show it. A product
 * that declares SLOs but none with the template is contradicted too (nothing of the kind is
 * measured) when no product uses that template at all (a misspelt template: the message says the
 * closest); a product whose SLOs write their queries out instead of using the template is not
 * judged by it. A product without slos.yaml, or an SLO without final months in slo-data/, is not
 * judged either: measurements that do not exist do not contradict.
 */
final class SloLevelRules {

    private SloLevelRules() {
    }

    /** A level whose requirement cannot be met by any product: met more than of_last. */
    static void checkStandard(Standard standard, Optional<YamlDocument> qualityItems, Findings findings) {
        if (qualityItems.isEmpty()) {
            return;
        }
        List<QualityItem> items = standard.items();
        for (int i = 0; i < items.size(); i++) {
            List<Level> levels = items.get(i).levels();
            for (int l = 0; l < levels.size(); l++) {
                Optional<SloRequirement> r = levels.get(l).requiresSlo();
                if (r.isPresent() && r.get().met() > r.get().ofLast()) {
                    findings.error(qualityItems.get(), "/items/" + i + "/levels/" + l + "/requires_slo/met",
                            "requires-slo-met", "met " + r.get().met() + " is more than of_last " + r.get().ofLast()
                                    + ": no product could ever be met in " + r.get().met() + " of its last "
                                    + r.get().ofLast() + " months");
                }
            }
        }
    }

    /**
     * The products' claims against the measurements; each finding stands at the claimed level in
     * assessment.yaml, with the severity of standard.yaml's findings.level_contradicted_by_slo.
     */
    static void check(Standard standard, List<Product> products, Map<String, YamlDocument> assessments,
                      List<SloMonth> months, Findings findings) {
        Set<String> templates = new TreeSet<>();
        products.forEach(p -> p.slos().forEach(s -> s.indicator().template().ifPresent(templates::add)));
        // each product's months, in their order: its claims look only at its own (a scan of every
        // product's months per claim was products x months, issue 15)
        Map<String, List<SloMonth>> monthsOfProducts = months.stream()
                .collect(java.util.stream.Collectors.groupingBy(SloMonth::product));
        for (Product product : products) {
            YamlDocument doc = assessments.get(product.id());
            if (doc == null) {
                continue;
            }
            product.assessment().items().forEach((itemId, claim) -> {
                Optional<QualityItem> item = standard.item(itemId);
                if (item.isEmpty() || claim.notApplicable().isPresent()) {
                    return;
                }
                for (String message : contradictions(product.id(), item.get(), claim, product.slos(),
                        monthsOfProducts.getOrDefault(product.id(), List.of()), templates)) {
                    findings.report(standard.info().findings().levelContradictedBySlo(), doc,
                            YamlDocument.child("/items", itemId) + "/level", "level-contradicted-by-slo", message);
                }
            });
        }
    }

    /** What contradicts the claimed level of one item, as messages; empty when nothing does. */
    static List<String> contradictions(String product, QualityItem item, ItemAssessment claim,
                                       List<SloDeclaration> slos, List<SloMonth> months, Set<String> knownTemplates) {
        List<String> messages = new ArrayList<>();
        for (Level level : item.levels()) {
            if (level.level() > claim.level() || level.requiresSlo().isEmpty()) {
                continue;
            }
            SloRequirement r = level.requiresSlo().get();
            List<SloDeclaration> counted = slos.stream()
                    .filter(s -> s.indicator().template().filter(r.sliTemplate()::equals).isPresent()).toList();
            if (counted.isEmpty() && !slos.isEmpty() && !knownTemplates.contains(r.sliTemplate())) {
                Optional<String> closest = Suggestions.closest(r.sliTemplate(), knownTemplates);
                messages.add(product + " claims level " + claim.level() + " of " + item.id() + ", whose level "
                        + level.level() + " requires its SLOs of SLI template '" + r.sliTemplate() + "' met in "
                        + r.met() + " of the last " + r.ofLast() + " final months, but " + product
                        + " declares no SLO of that template in slos.yaml"
                        + closest.filter(c -> !c.equals(r.sliTemplate())).map(c -> "; did you mean '" + c + "'?").orElse(""));
                continue;
            }
            for (SloDeclaration slo : counted) {
                List<SloMonth> finals = months.stream()
                        .filter(m -> m.product().equals(product) && m.slo().equals(slo.name())
                                && m.status() == Status.FINAL)
                        .sorted(Comparator.comparing(SloMonth::month).reversed()).limit(r.ofLast()).toList();
                if (finals.isEmpty()) {
                    continue; // not measured: nothing contradicts
                }
                long met = finals.stream().filter(m -> m.met().orElse(false)).count();
                long unknown = r.ofLast() - finals.size();
                if (met + unknown >= r.met()) {
                    continue;
                }
                List<String> figures = finals.stream().sorted(Comparator.comparing(SloMonth::month))
                        .map(SloLevelRules::figure).toList();
                messages.add(product + " claims level " + claim.level() + " of " + item.id() + ", but its SLO '"
                        + slo.name() + "' (target " + percent(slo.target()) + ") was met in " + met + " of its last "
                        + finals.size() + " final month(s): " + String.join(", ", figures) + "; level " + level.level()
                        + " requires it met in " + r.met() + " of the last " + r.ofLast());
            }
        }
        return messages;
    }

    /** "2026-10 99.87 % missed", "2026-09 no data". */
    private static String figure(SloMonth m) {
        if (m.attainment().isEmpty()) {
            return m.month() + " not measured";
        }
        return m.month() + " " + percent(m.attainment().get()) + (m.met().orElse(false) ? " met" : " missed");
    }

    /** As a percentage to at most 4 places, cut (never rounded up: a missed month never reads as met). */
    static String percent(BigDecimal share) {
        BigDecimal p = share.movePointRight(2).setScale(4, java.math.RoundingMode.DOWN).stripTrailingZeros();
        return (p.scale() < 0 ? p.setScale(0) : p).toPlainString() + " %";
    }
}
