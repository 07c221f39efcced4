package io.servicedocs.model;

import java.util.List;
import java.util.Optional;

/**
 * What a product is, who owns it, its links, dependencies, data stores, tags and cost elements. {@code slos}
 * is the legacy SLO section, no longer read (SLOs are declared in slos.yaml: {@link Product#slos()}).
 *
 * @param tags lowercase slugs a standard's conditions can name ({@code applies_if: {tag: pci}})
 */
public record ServiceDoc(String id, String name, String summary, Optional<String> description, Optional<String> tier,
                         Owners owners, Users users, Links links, List<Slo> slos, Dependencies dependencies,
                         List<DataStore> dataStores, List<String> tags,
                         List<CostElement> costElements, Optional<DemandMetric> demandMetric) {

    public ServiceDoc {
        slos = slos == null ? List.of() : List.copyOf(slos);
        dependencies = dependencies == null ? Dependencies.NONE : dependencies;
        dataStores = dataStores == null ? List.of() : List.copyOf(dataStores);
        tags = tags == null ? List.of() : List.copyOf(tags);
        costElements = costElements == null ? List.of() : List.copyOf(costElements);
    }

    public boolean hasTag(String tag) {
        return tags.contains(tag);
    }
}
