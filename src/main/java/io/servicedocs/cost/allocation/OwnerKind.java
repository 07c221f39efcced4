package io.servicedocs.cost.allocation;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What kind of owner carries a cost element: a product (its Service Doc lists the element) or a
 * shared pool of standards/costs.yaml. Pages print it, and exports write it, as its lower-case name.
 */
public enum OwnerKind {
    @JsonProperty("product") PRODUCT,
    @JsonProperty("pool") POOL
}
