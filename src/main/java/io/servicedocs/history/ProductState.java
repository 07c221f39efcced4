package io.servicedocs.history;

import io.servicedocs.model.Product;
import java.util.Map;
import java.util.Optional;

/**
 * A product as it stood after one commit: what its files said, as far as they were valid. A file
 * that was invalid at that commit keeps its last valid content (see {@link SnapshotFold}).
 *
 * @param id the id of service-doc.yaml, else the folder name: a renamed folder stays the same product
 * @param phase the phase of phase.yaml
 * @param levels level per quality item from assessment.yaml
 * @param product the whole product, when all five files are valid (needed to assess it)
 */
public record ProductState(String id, String folder, Optional<String> phase, Optional<Map<String, Integer>> levels,
                           Optional<Product> product) {

    public ProductState {
        levels = levels.map(Map::copyOf);
    }
}
