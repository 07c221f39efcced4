package io.servicedocs.model;

import java.util.List;

/**
 * A whole servicedocs repository: site settings, the standard, every product (sorted by id), and
 * the cost settings and data.
 */
public record Repository(SiteConfig site, Standard standard, List<Product> products, Costs costs) {

    public Repository {
        products = List.copyOf(products);
        java.util.Objects.requireNonNull(costs, "costs");
    }

    public Repository(SiteConfig site, Standard standard, List<Product> products) {
        this(site, standard, products, Costs.NONE);
    }
}
