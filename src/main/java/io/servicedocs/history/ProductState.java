package io.servicedocs.history;

import io.servicedocs.model.Assessment;
import io.servicedocs.model.PhaseStatus;
import io.servicedocs.model.Product;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A product as it stood after one commit: what its files said, as far as they were valid. A file
 * that was invalid at that commit keeps its last valid content (see {@link SnapshotFold}).
 *
 * @param id the id of service-doc.yaml, else the folder name: a renamed folder stays the same product
 * @param phase the phase of phase.yaml
 * @param since the since of phase.yaml: the day the product entered {@code phase}
 * @param declaredTransitions the history of phase.yaml: changes of phase before the repository recorded them
 * @param levels level per quality item from assessment.yaml
 * @param pastResults the history of assessment.yaml: results of past assessments, with their dates
 * @param product the whole product, when all five files are valid (needed to assess it)
 */
public record ProductState(String id, String folder, Optional<String> phase, Optional<LocalDate> since,
                           List<PhaseStatus.PastTransition> declaredTransitions, Optional<Map<String, Integer>> levels,
                           List<Assessment.PastResult> pastResults, Optional<Product> product) {

    public ProductState {
        levels = levels.map(Map::copyOf);
        declaredTransitions = List.copyOf(declaredTransitions);
        pastResults = List.copyOf(pastResults);
    }
}
