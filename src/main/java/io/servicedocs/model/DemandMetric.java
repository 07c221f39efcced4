package io.servicedocs.model;

/** The demand measure a product's unit cost is computed against, e.g. connected devices. */
public record DemandMetric(String name, String unit) {
}
