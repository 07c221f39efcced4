package io.servicedocs.model;

import java.util.List;
import java.util.Optional;

/** What a product depends on: other products of the repository and external services. */
public record Dependencies(List<ProductDependency> products, List<ExternalDependency> external) {

    public static final Dependencies NONE = new Dependencies(List.of(), List.of());

    public Dependencies {
        products = products == null ? List.of() : List.copyOf(products);
        external = external == null ? List.of() : List.copyOf(external);
    }

    public record ProductDependency(String id, String purpose, Optional<Boolean> critical) {
    }

    public record ExternalDependency(String name, String purpose, Optional<String> statusPage,
                                     Optional<Boolean> critical) {
    }
}
