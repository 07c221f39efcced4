package io.servicedocs.cost.allocation;

import io.servicedocs.cost.ledger.LedgerException;
import io.servicedocs.load.FileKind;
import io.servicedocs.model.Diagnostic;
import io.servicedocs.model.Position;
import io.servicedocs.model.Repository;
import java.util.List;
import java.util.Optional;

/**
 * What the cost stage gives every command: the report when it can be computed, and the findings
 * when it cannot. Valid cost data can still be impossible to compute without a guess (a
 * proportional split whose targets all have no direct cost in a month); validate, build and
 * review then all see the same {@code cost-ledger} error on standards/costs.yaml.
 *
 * @param report   the cost report; empty when the repository has no cost settings or the costs cannot be computed
 * @param findings why the costs cannot be computed; empty when they can
 */
public record CostResult(Optional<CostReport> report, List<Diagnostic> findings) {

    public static final String RULE = "cost-ledger";

    public CostResult {
        findings = List.copyOf(findings);
    }

    /** Runs the allocation on a valid repository. */
    public static CostResult of(Repository repository) {
        try {
            return new CostResult(CostAllocation.compute(repository), List.of());
        } catch (LedgerException e) {
            return new CostResult(Optional.empty(), List.of(Diagnostic.error(FileKind.COSTS.standardPath(),
                    Position.START, RULE, "the costs cannot be computed: " + e.getMessage())));
        }
    }

    public boolean failed() {
        return !findings.isEmpty();
    }
}
