package io.servicedocs.model;

import java.util.List;

/** A whole servicedocs repository: the standard and every product, sorted by id. */
public record Repository(Standard standard, List<Product> products) {

    public Repository {
        products = List.copyOf(products);
    }
}
