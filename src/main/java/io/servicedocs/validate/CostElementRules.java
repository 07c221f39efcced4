package io.servicedocs.validate;

import io.servicedocs.load.YamlDocument;
import io.servicedocs.model.CostElement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A cost element belongs to one product: its cost would otherwise be counted twice. */
final class CostElementRules {

    private CostElementRules() {
    }

    /** @param products in the order diagnostics should favour: the first claim wins */
    static void check(List<LoadedProduct> products, Findings findings) {
        record Claim(String product, YamlDocument doc, String pointer) {
        }
        Map<String, Claim> claims = new HashMap<>();
        for (LoadedProduct product : products) {
            // the claims as far as they can be read: a Service Doc with a problem elsewhere still claims
            for (CostClaims.Claim claim : product.claims().claims()) {
                CostElement element = claim.element();
                YamlDocument yaml = claim.doc();
                String pointer = claim.pointer() + "/id";
                Claim first = claims.putIfAbsent(element.key(), new Claim(product.id(), yaml, pointer));
                if (first != null) {
                    String where = first.doc().path() + ":" + first.doc().locate(first.pointer()).line();
                    findings.error(yaml, pointer, "cost-element-claimed-twice", element.provider().name().toLowerCase(
                            java.util.Locale.ROOT) + " cost element '" + element.id() + "' is already claimed by "
                            + (first.product().equals(product.id()) ? "this product" : "product '" + first.product() + "'")
                            + " (" + where + "); expected each cost element in one product only");
                }
            }
        }
    }
}
