package io.servicedocs.model;

import java.util.List;

/** A whole servicedocs repository: site settings, the standard and every product, sorted by id. */
public record Repository(SiteConfig site, Standard standard, List<Product> products) {

    public Repository {
        products = List.copyOf(products);
    }
}
