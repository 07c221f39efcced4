package io.servicedocs.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Optional;

/** A billing unit whose cost belongs to one product: an AWS account, an Azure subscription, ... */
public record CostElement(Provider provider, String id, Optional<String> name, Optional<String> vendor) {

    public enum Provider {
        @JsonProperty("aws") AWS,
        @JsonProperty("azure") AZURE,
        @JsonProperty("gcp") GCP,
        @JsonProperty("oci") OCI,
        @JsonProperty("saas") SAAS
    }

    /** What makes two cost elements the same billing unit. */
    public String key() {
        return provider.name().toLowerCase(java.util.Locale.ROOT) + ":" + vendor.map(v -> v + ":").orElse("") + id;
    }
}
