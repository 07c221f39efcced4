package io.servicedocs.assess;

import io.servicedocs.model.SloDeclaration;
import io.servicedocs.model.SloMonth;
import java.util.Optional;

/**
 * A declared SLO (products/&lt;id&gt;/slos.yaml) against its latest final measured month
 * (slo-data/), when there is one.
 */
public record SloResult(SloDeclaration slo, Optional<SloMonth> latestFinal, Status status) {

    public enum Status {
        MET,
        MISSED,
        /** No final month was measured. */
        NOT_MEASURED
    }
}
