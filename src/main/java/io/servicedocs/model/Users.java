package io.servicedocs.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Who uses a product. */
public record Users(Audience audience, String description) {

    public enum Audience {
        @JsonProperty("internal") INTERNAL,
        @JsonProperty("external") EXTERNAL,
        @JsonProperty("both") BOTH
    }
}
