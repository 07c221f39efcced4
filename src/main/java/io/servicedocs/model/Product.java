package io.servicedocs.model;

/** Everything a product keeps in its folder, products/&lt;id&gt;/. */
public record Product(ServiceDoc serviceDoc, PhaseStatus phase, Assessment assessment, SecurityAnswers security,
                      Finance finance) {

    public String id() {
        return serviceDoc.id();
    }
}
