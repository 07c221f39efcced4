package io.servicedocs.model;

import java.util.List;

/**
 * Everything a product keeps in its folder, products/&lt;id&gt;/: also the SLOs of its slos.yaml
 * (OpenSLO v1), in file order, empty when it has none.
 */
public record Product(ServiceDoc serviceDoc, PhaseStatus phase, Assessment assessment, SecurityAnswers security,
                      Finance finance, List<SloDeclaration> slos) {

    public Product {
        slos = List.copyOf(slos);
    }

    /** A product without an slos.yaml. */
    public Product(ServiceDoc serviceDoc, PhaseStatus phase, Assessment assessment, SecurityAnswers security,
                   Finance finance) {
        this(serviceDoc, phase, assessment, security, finance, List.of());
    }

    public String id() {
        return serviceDoc.id();
    }
}
