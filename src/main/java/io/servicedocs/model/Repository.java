package io.servicedocs.model;

import java.util.List;

/**
 * A whole servicedocs repository: site settings, the standard, every product (sorted by id), and
 * the cost settings and data, and the campaigns of standards/campaigns/ (sorted by id).
 */
public record Repository(SiteConfig site, Standard standard, List<Product> products, Costs costs,
                         List<Campaign> campaigns, List<SloMonth> sloMonths) {

    public Repository {
        products = List.copyOf(products);
        java.util.Objects.requireNonNull(costs, "costs");
        campaigns = List.copyOf(campaigns);
        sloMonths = List.copyOf(sloMonths);
    }

    /** A repository without SLO measurements (slo-data/). */
    public Repository(SiteConfig site, Standard standard, List<Product> products, Costs costs,
                      List<Campaign> campaigns) {
        this(site, standard, products, costs, campaigns, List.of());
    }

    /** A repository without campaigns. */
    public Repository(SiteConfig site, Standard standard, List<Product> products, Costs costs) {
        this(site, standard, products, costs, List.of());
    }

    public Repository(SiteConfig site, Standard standard, List<Product> products) {
        this(site, standard, products, Costs.NONE);
    }
}
