package io.servicedocs.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Optional;

/**
 * A billing unit whose cost belongs to one product or shared pool: an AWS account, an Azure
 * subscription, ... With a {@code tag}, only the part of the unit's cost whose tag (the tag key
 * the data was fetched or imported with) has that value.
 */
public record CostElement(Provider provider, String id, Optional<String> name, Optional<String> vendor,
                          Optional<String> tag, boolean billingAccount) {

    public CostElement {
        java.util.Objects.requireNonNull(provider, "provider");
        java.util.Objects.requireNonNull(id, "id");
        name = name == null ? Optional.empty() : name;
        vendor = vendor == null ? Optional.empty() : vendor;
        tag = tag == null ? Optional.empty() : tag;
    }

    /** A sub-account (account, subscription, project, contract), or the tagged part of one. */
    public CostElement(Provider provider, String id, Optional<String> name, Optional<String> vendor,
                       Optional<String> tag) {
        this(provider, id, name, vendor, tag, false);
    }

    /**
     * A whole billing account (FOCUS BillingAccountId): it bills the rows that have no
     * sub-account, e.g. a SaaS contract's.
     */
    public static CostElement billingAccount(Provider provider, String id, Optional<String> name,
                                             Optional<String> vendor) {
        return new CostElement(provider, id, name, vendor, Optional.empty(), true);
    }

    /** A whole billing unit, without a tag. */
    public CostElement(Provider provider, String id, Optional<String> name, Optional<String> vendor) {
        this(provider, id, name, vendor, Optional.empty());
    }

    public enum Provider {
        @JsonProperty("aws") AWS,
        @JsonProperty("azure") AZURE,
        @JsonProperty("gcp") GCP,
        @JsonProperty("oci") OCI,
        @JsonProperty("saas") SAAS
    }

    /** What makes two cost elements the same billing unit (or the same tagged part of one). */
    public String key() {
        return keyWithTag(tag);
    }

    /** The key of this billing unit's part tagged {@code tag}; empty: the whole unit. */
    public String keyWithTag(Optional<String> tag) {
        return provider.name().toLowerCase(java.util.Locale.ROOT) + ":" + vendor.map(v -> v + ":").orElse("")
                + (billingAccount ? "billing-account:" : "") + id + tag.map(t -> "#tag=" + t).orElse("");
    }

    /** The whole billing unit this element is (a part of). */
    public CostElement whole() {
        return tag.isEmpty() ? this : new CostElement(provider, id, name, vendor, Optional.empty(), billingAccount);
    }
}
