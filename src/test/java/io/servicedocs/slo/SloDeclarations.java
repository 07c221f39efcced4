package io.servicedocs.slo;

import io.servicedocs.model.Position;
import io.servicedocs.model.SloDeclaration;
import io.servicedocs.model.SloDeclaration.DataSource;
import io.servicedocs.model.SloDeclaration.Sli;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/** SLO declarations made by hand, as the OpenSLO loader would resolve them. */
final class SloDeclarations {

    private SloDeclarations() {
    }

    static ProductSlo prometheus(String product, String name, String url, Optional<String> good, Optional<String> bad,
                                 Optional<String> total, String target) {
        DataSource source = new DataSource("prometheus", DataSource.Type.PROMETHEUS, Map.of("url", url));
        Sli sli = new Sli(name + "-sli", Optional.empty(), Map.of(), source, good, bad, total, Optional.empty());
        return new ProductSlo(product, declaration(product, name, sli, target));
    }

    static ProductSlo datadog(String product, String name, String sloId, String target) {
        DataSource source = new DataSource("datadog", DataSource.Type.DATADOG, Map.of());
        Sli sli = new Sli(name + "-sli", Optional.empty(), Map.of(), source, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of(sloId));
        return new ProductSlo(product, declaration(product, name, sli, target));
    }

    private static SloDeclaration declaration(String product, String name, Sli sli, String target) {
        return new SloDeclaration(name, Optional.empty(), Optional.empty(), product, sli, new BigDecimal(target),
                SloDeclaration.BudgetingMethod.OCCURRENCES, "products/" + product + "/slos.yaml", new Position(3, 1));
    }
}
