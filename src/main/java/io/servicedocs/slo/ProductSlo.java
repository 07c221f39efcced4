package io.servicedocs.slo;

import io.servicedocs.model.SloDeclaration;
import java.util.Objects;

/** One SLO to measure: the product whose slos.yaml declares it, and the declaration. */
public record ProductSlo(String product, SloDeclaration declaration) {
    public ProductSlo {
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(declaration, "declaration");
    }

    public String source() {
        return declaration.indicator().dataSource().name();
    }
}
