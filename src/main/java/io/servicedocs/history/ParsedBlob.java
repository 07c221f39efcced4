package io.servicedocs.history;

import java.util.Optional;

/**
 * What one blob holds: for a product file its bound model record (e.g. PhaseStatus), for a file
 * of the standard its schema-valid document (the standard binds from all four together); or why
 * it was skipped.
 */
record ParsedBlob(Optional<Object> value, Optional<String> problem) {

    static ParsedBlob of(Object value) {
        return new ParsedBlob(Optional.of(value), Optional.empty());
    }

    static ParsedBlob skipped(String problem) {
        return new ParsedBlob(Optional.empty(), Optional.of(problem));
    }
}
