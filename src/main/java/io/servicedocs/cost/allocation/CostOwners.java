package io.servicedocs.cost.allocation;

import io.servicedocs.model.CostElement;
import io.servicedocs.model.CostMonth;
import io.servicedocs.model.CostSettings;
import io.servicedocs.model.Product;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who each cost element belongs to: the product whose Service Doc lists it, or the shared pool
 * of standards/costs.yaml. Validation has made sure no element has two owners.
 */
final class CostOwners {

    /** A product or a pool. */
    record Owner(OwnerKind kind, String id) {
        boolean pool() {
            return kind == OwnerKind.POOL;
        }
    }

    private final Map<String, Owner> byElement = new HashMap<>();

    CostOwners(List<Product> products, CostSettings settings) {
        for (Product product : products) {
            for (CostElement element : product.serviceDoc().costElements()) {
                byElement.putIfAbsent(element.key(), new Owner(OwnerKind.PRODUCT, product.id()));
            }
        }
        for (CostSettings.SharedPool pool : settings.sharedPools()) {
            for (CostElement element : pool.costElements()) {
                byElement.putIfAbsent(element.key(), new Owner(OwnerKind.POOL, pool.id()));
            }
        }
    }

    /** The owner of exactly this element (with its tag, if it has one). */
    Optional<Owner> of(CostElement element) {
        return Optional.ofNullable(byElement.get(element.key()));
    }

    /** The owner of a cost line: whoever claims its tagged part, else whoever claims the whole unit. */
    Optional<Owner> of(CostMonth.CostLine line) {
        for (String key : line.claimKeys()) { // asked of every cost line: a loop, not a stream
            Owner owner = byElement.get(key);
            if (owner != null) {
                return Optional.of(owner);
            }
        }
        return Optional.empty();
    }

    /** What a product's page calls the bill a direct cost came from: the cloud, or the SaaS vendor. */
    static String providerLabel(CostElement element) {
        return switch (element.provider()) {
            case AWS -> "AWS";
            case AZURE -> "Azure";
            case GCP -> "Google Cloud";
            case OCI -> "Oracle Cloud";
            case SAAS -> element.vendor().orElse("SaaS");
        };
    }
}
