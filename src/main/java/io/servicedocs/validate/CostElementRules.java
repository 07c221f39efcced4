package io.servicedocs.validate;

import io.servicedocs.load.FileKind;
import io.servicedocs.load.YamlDocument;
import io.servicedocs.model.CostElement;
import io.servicedocs.model.ServiceDoc;
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
            if (product.serviceDoc().isEmpty()) {
                continue;
            }
            ServiceDoc doc = product.serviceDoc().get();
            YamlDocument yaml = product.document(FileKind.SERVICE_DOC);
            for (int i = 0; i < doc.costElements().size(); i++) {
                CostElement element = doc.costElements().get(i);
                String pointer = "/cost_elements/" + i + "/id";
                Claim first = claims.putIfAbsent(element.key(), new Claim(doc.id(), yaml, pointer));
                if (first != null) {
                    String where = first.doc().path() + ":" + first.doc().locate(first.pointer()).line();
                    findings.error(yaml, pointer, "cost-element-claimed-twice", element.provider().name().toLowerCase(
                            java.util.Locale.ROOT) + " cost element '" + element.id() + "' is already claimed by "
                            + (first.product().equals(doc.id()) ? "this product" : "product '" + first.product() + "'")
                            + " (" + where + "); expected each cost element in one product only");
                }
            }
        }
    }
}
