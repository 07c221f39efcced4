package io.servicedocs.site.view;

import io.servicedocs.assess.CheckResult;
import io.servicedocs.assess.Portfolio;
import io.servicedocs.assess.ProductReadiness;
import io.servicedocs.assess.SloResult;
import io.servicedocs.assess.WaiverResult;
import io.servicedocs.model.Standard;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds {@link Risks} from the assessed portfolio: copies the flags assess computed (no rule is
 * decided here) and counts the products that carry each.
 */
public final class RiskViews {

    private RiskViews() {
    }

    public static Risks of(Portfolio portfolio) {
        Standard standard = portfolio.standard();
        java.time.Period within = standard.info().review().waiversExpiringWithin();
        Map<String, Risks.ProductRisks> byProduct = new LinkedHashMap<>();
        Map<String, List<MatrixPage.Named>> products = new LinkedHashMap<>();
        Risks.KINDS.forEach(kind -> products.put(kind, new ArrayList<>()));
        for (ProductReadiness p : portfolio.products()) {
            List<Risks.Mark> marks = marks(p, standard);
            byProduct.putIfAbsent(p.id(), new Risks.ProductRisks(marks));
            MatrixPage.Named named = new MatrixPage.Named(p.id(), p.product().serviceDoc().name());
            marks.forEach(m -> products.get(m.risk()).add(named));
        }
        return new Risks(Risks.KINDS.stream().map(kind -> new Risks.Tile(kind, List.copyOf(products.get(kind)))).toList(),
                java.util.Collections.unmodifiableMap(byProduct), within.toString(),
                within.getYears() == 0 && within.getMonths() == 0 ? Optional.of(within.getDays()) : Optional.empty());
    }

    private static List<Risks.Mark> marks(ProductReadiness p, Standard standard) {
        List<Risks.Mark> marks = new ArrayList<>();
        if (p.stale()) {
            marks.add(new Risks.Mark("stale", 1, List.of()));
        }
        List<String> overdue = new ArrayList<>();
        p.overduePlans().forEach(i -> overdue.add(standard.itemDisplayTitle(i.item())));
        p.current().checks().stream().filter(CheckResult::planOverdue)
                .forEach(c -> overdue.add(standard.checkDisplayTitle(c.check())));
        add(marks, "overdue", overdue);
        List<String> expiring = new ArrayList<>();
        p.waivers().stream().filter(WaiverResult::expiring)
                .forEach(w -> expiring.add(standard.item(w.waiver().item()).map(standard::itemDisplayTitle)
                        .orElse(w.waiver().item())));
        p.checkWaivers().stream().filter(WaiverResult::expiring)
                .forEach(w -> expiring.add(standard.check(w.waiver().check()).map(standard::checkDisplayTitle)
                        .orElse(w.waiver().check())));
        add(marks, "expiring", expiring);
        // Only objectives with a declared measurement can be missed: an unmeasured one is no risk shown here.
        add(marks, "slo", p.slos().stream().filter(s -> s.status() == SloResult.Status.MISSED)
                .map(s -> s.slo().displayName().orElse(s.slo().name())).toList());
        return List.copyOf(marks);
    }

    private static void add(List<Risks.Mark> marks, String risk, List<String> names) {
        if (!names.isEmpty()) {
            marks.add(new Risks.Mark(risk, names.size(), List.copyOf(names)));
        }
    }
}
