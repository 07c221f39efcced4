package io.servicedocs.model;

import java.util.List;
import java.util.Optional;

/** What a product is, who owns it, its links, SLOs, dependencies and cost elements. */
public record ServiceDoc(String id, String name, String summary, Optional<String> description, Optional<String> tier,
                         Owners owners, Users users, Links links, List<Slo> slos, Dependencies dependencies,
                         List<CostElement> costElements, Optional<DemandMetric> demandMetric) {

    public ServiceDoc {
        slos = slos == null ? List.of() : List.copyOf(slos);
        dependencies = dependencies == null ? Dependencies.NONE : dependencies;
        costElements = costElements == null ? List.of() : List.copyOf(costElements);
    }
}
