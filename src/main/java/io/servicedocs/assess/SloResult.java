package io.servicedocs.assess;

import io.servicedocs.model.Slo;

/** A service-level objective against its last measurement. */
public record SloResult(Slo slo, Status status) {

    public enum Status {
        MET,
        MISSED,
        /** No measurement was declared. */
        NOT_MEASURED
    }
}
