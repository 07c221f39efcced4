package io.servicedocs.assess;

import io.servicedocs.model.Standard;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Every product of a repository judged against the standard as of a day. */
public record Portfolio(Standard standard, LocalDate asOf, List<ProductReadiness> products) {

    public Portfolio {
        products = List.copyOf(products);
    }

    public Optional<ProductReadiness> product(String id) {
        return products.stream().filter(p -> p.id().equals(id)).findFirst();
    }
}
