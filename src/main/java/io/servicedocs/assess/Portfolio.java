package io.servicedocs.assess;

import io.servicedocs.model.Standard;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Every product of a repository judged against the standard as of a day, with the counts the
 * site's summary shows, computed once by {@link #of}.
 *
 * @param phaseScopes what each phase of the standard asks, in lifecycle order
 * @param meeting products that meet every requirement of their current phase
 * @param ready products ready to be promoted to their next phase
 */
public record Portfolio(Standard standard, LocalDate asOf, List<ProductReadiness> products,
                        Map<String, ProductReadiness> productsById, List<PhaseScope> phaseScopes, int meeting,
                        int ready) {

    public Portfolio {
        products = List.copyOf(products);
        productsById = Collections.unmodifiableMap(new LinkedHashMap<>(productsById));
        phaseScopes = List.copyOf(phaseScopes);
    }

    public static Portfolio of(Standard standard, LocalDate asOf, List<ProductReadiness> products,
                               List<PhaseScope> phaseScopes) {
        Map<String, ProductReadiness> byId = new LinkedHashMap<>();
        products.forEach(p -> byId.putIfAbsent(p.id(), p)); // ids are unique in a valid repository; the first wins
        return new Portfolio(standard, asOf, products, byId, phaseScopes,
                (int) products.stream().filter(p -> p.current().meets()).count(),
                (int) products.stream().filter(ProductReadiness::readyForNext).count());
    }

    public Optional<ProductReadiness> product(String id) {
        return Optional.ofNullable(productsById.get(id));
    }

    /**
     * Products in order of promotion readiness: ready first, then by the share of the next phase's
     * requirements met (a product with no next phase last), then by id.
     */
    public List<ProductReadiness> byReadiness() {
        return products.stream()
                .sorted(Comparator.comparing((ProductReadiness p) -> !p.readyForNext())
                        .thenComparing(p -> -p.next().map(PhaseFit::percentSatisfied).orElse(-1))
                        .thenComparing(ProductReadiness::id))
                .toList();
    }

    /** The owner teams in order of their names, each with its products in the portfolio's order. */
    public List<Team> teams() {
        Map<String, List<ProductReadiness>> byTeam = new TreeMap<>();
        for (ProductReadiness product : products) {
            byTeam.computeIfAbsent(product.product().serviceDoc().owners().team(), t -> new ArrayList<>()).add(product);
        }
        return byTeam.entrySet().stream().map(e -> new Team(e.getKey(), e.getValue(),
                (int) e.getValue().stream().filter(p -> p.current().meets()).count())).toList();
    }

    /** Products below the requirements of their current phase. */
    public int below() {
        return products.size() - meeting;
    }
}
