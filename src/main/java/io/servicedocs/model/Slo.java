package io.servicedocs.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A service-level objective. Availability: {@code targetPercent} of events are good. Latency:
 * {@code targetPercent} of requests are faster than {@code targetMs} at {@code percentile}.
 */
public record Slo(String id, String title, Type type, BigDecimal targetPercent, Optional<BigDecimal> targetMs,
                  Optional<BigDecimal> percentile, String sli, Optional<String> window,
                  Optional<Measurement> measured) {

    public enum Type {
        @JsonProperty("availability") AVAILABILITY,
        @JsonProperty("latency") LATENCY
    }

    /** The last measured value (percent for availability, milliseconds for latency) over a window. */
    public record Measurement(BigDecimal value, LocalDate from, LocalDate to) {
    }
}
