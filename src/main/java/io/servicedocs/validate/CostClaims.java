package io.servicedocs.validate;

import io.servicedocs.load.ModelBinder;
import io.servicedocs.load.Salvaged;
import io.servicedocs.load.Suggestions;
import io.servicedocs.load.YamlDocument;
import io.servicedocs.model.CostElement;
import io.servicedocs.model.ServiceDoc;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * The cost elements a product's Service Doc claims, read even when the Service Doc has problems
 * elsewhere: a typo in its owners must not make its accounts look unclaimed (and their cost
 * unallocated). An element that is itself wrong cannot be claimed, but neither is its cost
 * reported as unclaimed: that would only repeat the Service Doc's problem. {@code doubtedIds} are
 * the ids of such elements; {@code allDoubted} when the claims cannot be read at all (the Service
 * Doc is missing or unparseable, or its cost_elements is no list).
 */
record CostClaims(List<Claim> claims, Set<String> doubtedIds, boolean allDoubted) {

    /** One claimed element, at its place in the Service Doc as written. */
    record Claim(CostElement element, YamlDocument doc, String pointer) {
    }

    static final CostClaims NONE = new CostClaims(List.of(), Set.of(), false);
    static final CostClaims UNKNOWN = new CostClaims(List.of(), Set.of(), true);

    private static final String PROPERTY = "cost_elements";

    CostClaims {
        claims = List.copyOf(claims);
        doubtedIds = Set.copyOf(doubtedIds);
    }

    /** The claims of a Service Doc that loaded without problems. */
    static CostClaims of(ServiceDoc record, YamlDocument doc) {
        List<Claim> claims = new ArrayList<>();
        for (int i = 0; i < record.costElements().size(); i++) {
            claims.add(new Claim(record.costElements().get(i), doc, "/" + PROPERTY + "/" + i));
        }
        return new CostClaims(claims, Set.of(), false);
    }

    /**
     * The claims of a Service Doc as written that has problems: every element the schema found
     * nothing wrong in, bound by itself, placed in the original file.
     */
    static CostClaims salvaged(YamlDocument original, Optional<Salvaged<ServiceDoc>> salvaged, ModelBinder binder) {
        JsonNode root = original.root();
        List<Claim> claims = new ArrayList<>();
        Set<String> doubted = new TreeSet<>();
        JsonNode elements = root.path(PROPERTY);
        if (!elements.isMissingNode() && !elements.isArray()) {
            return UNKNOWN;
        }
        for (int i = 0; i < elements.size(); i++) {
            String pointer = "/" + PROPERTY + "/" + i;
            JsonNode element = elements.get(i);
            boolean faulty = salvaged.map(s -> s.hasFaultAtOrUnder(pointer)).orElse(false);
            Optional<CostElement> bound = faulty ? Optional.empty() : binder.bindPart(element, CostElement.class);
            if (bound.isPresent()) {
                claims.add(new Claim(bound.get(), original, pointer));
            } else if (element.path("id").isString()) {
                doubted.add(element.path("id").asString());
            } else {
                return UNKNOWN;
            }
        }
        // a misspelt 'cost_elements' ("cost_element:") is an unknown property: what it lists was meant as claims
        for (String property : root.propertyNames()) {
            if (!property.equals(PROPERTY) && Suggestions.closest(property, List.of(PROPERTY)).isPresent()) {
                JsonNode meant = root.get(property);
                if (!meant.isArray()) {
                    return UNKNOWN;
                }
                for (JsonNode element : meant) {
                    if (!element.path("id").isString()) {
                        return UNKNOWN;
                    }
                    doubted.add(element.path("id").asString());
                }
            }
        }
        return new CostClaims(claims, doubted, false);
    }
}
