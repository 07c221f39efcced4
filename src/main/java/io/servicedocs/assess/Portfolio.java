package io.servicedocs.assess;

import io.servicedocs.model.Standard;
import io.servicedocs.model.Team;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

    /**
     * The owner teams in order of their names (then ids), each with its products in the
     * portfolio's order: every team standards/teams.yaml declares, even one without products (its
     * page still says who leads it), and every team a product names.
     */
    public List<OwnerTeam> teams() {
        Map<String, List<ProductReadiness>> byTeam = new LinkedHashMap<>();
        standard.teams().forEach(team -> byTeam.putIfAbsent(team.id(), new ArrayList<>()));
        for (ProductReadiness product : products) {
            byTeam.computeIfAbsent(product.product().serviceDoc().owners().team(), t -> new ArrayList<>()).add(product);
        }
        return byTeam.entrySet().stream().map(e -> {
            Optional<Team> declared = standard.team(e.getKey());
            return new OwnerTeam(e.getKey(), declared.map(Team::name).orElse(e.getKey()), declared, e.getValue(),
                    (int) e.getValue().stream().filter(p -> p.current().meets()).count());
        }).sorted(Comparator.comparing(OwnerTeam::name, String.CASE_INSENSITIVE_ORDER).thenComparing(OwnerTeam::id))
                .toList();
    }

    /** The display name of a team: standards/teams.yaml's name, or the id when the file does not declare it. */
    public String teamName(String id) {
        return standard.team(id).map(Team::name).orElse(id);
    }

    /** Products below the requirements of their current phase. */
    public int below() {
        return products.size() - meeting;
    }
}
