package io.servicedocs.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * When a quality item (or a whole category) applies to a product: a closed condition over the
 * product's Service Doc, never an expression, because the standard is untrusted input like the
 * rest of the repository. It has exactly one of two forms (the schema says so):
 * {@code applies_if: {service_doc: data_stores}} holds when that field is present and not empty;
 * {@code applies_if: {tag: pci}} holds when the Service Doc lists that tag. Two conditions are
 * written on the category and on the item, and both must hold.
 */
public record AppliesIf(Optional<Field> serviceDoc, Optional<String> tag) {

    public AppliesIf {
        serviceDoc = serviceDoc == null ? Optional.empty() : serviceDoc;
        tag = tag == null ? Optional.empty() : tag;
    }

    public static AppliesIf field(Field field) {
        return new AppliesIf(Optional.of(field), Optional.empty());
    }

    public static AppliesIf tagged(String tag) {
        return new AppliesIf(Optional.empty(), Optional.of(tag));
    }

    /**
     * @param declaresSlos whether the product declares SLOs in its slos.yaml: the condition
     *                     'slos' names them since the Service Doc's own SLO section moved there
     */
    public boolean holdsFor(ServiceDoc doc, boolean declaresSlos) {
        return serviceDoc.map(f -> f.isSetIn(doc, declaresSlos)).orElse(true) && tag.map(doc::hasTag).orElse(true);
    }

    /** The Service Doc fields a condition may name: those a product may leave out or empty. */
    public enum Field {
        @JsonProperty("description") DESCRIPTION("description", d -> d.description().filter(s -> !s.isBlank()).isPresent()),
        /** Declares SLOs in products/&lt;id&gt;/slos.yaml (the Service Doc's legacy 'slos' section is ignored). */
        @JsonProperty("slos") SLOS("slos", d -> false),
        @JsonProperty("dependencies") DEPENDENCIES("dependencies",
                d -> !d.dependencies().products().isEmpty() || !d.dependencies().external().isEmpty()),
        @JsonProperty("dependencies.products") PRODUCT_DEPENDENCIES("dependencies.products",
                d -> !d.dependencies().products().isEmpty()),
        @JsonProperty("dependencies.external") EXTERNAL_DEPENDENCIES("dependencies.external",
                d -> !d.dependencies().external().isEmpty()),
        @JsonProperty("data_stores") DATA_STORES("data_stores", d -> !d.dataStores().isEmpty()),
        @JsonProperty("cost_elements") COST_ELEMENTS("cost_elements", d -> !d.costElements().isEmpty()),
        @JsonProperty("demand_metric") DEMAND_METRIC("demand_metric", d -> d.demandMetric().isPresent()),
        @JsonProperty("links.runbook") RUNBOOK("links.runbook", d -> set(d.links().runbook())),
        @JsonProperty("links.dashboards") DASHBOARDS("links.dashboards", d -> !d.links().dashboards().isEmpty()),
        @JsonProperty("links.status_page") STATUS_PAGE("links.status_page", d -> set(d.links().statusPage())),
        @JsonProperty("links.on_call") ON_CALL("links.on_call", d -> set(d.links().onCall())),
        @JsonProperty("links.documentation") DOCUMENTATION("links.documentation", d -> set(d.links().documentation()));

        private final String path;
        private final Predicate<ServiceDoc> set;

        Field(String path, Predicate<ServiceDoc> set) {
            this.path = path;
            this.set = set;
        }

        /** The field as written in service-doc.yaml and in the condition, e.g. 'links.status_page'. */
        public String path() {
            return path;
        }

        boolean isSetIn(ServiceDoc doc, boolean declaresSlos) {
            return this == SLOS ? declaresSlos : set.test(doc);
        }

        private static boolean set(Optional<String> value) {
            return value.filter(s -> !s.isBlank()).isPresent();
        }
    }
}
