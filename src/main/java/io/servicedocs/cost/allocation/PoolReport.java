package io.servicedocs.cost.allocation;

import io.servicedocs.cost.ledger.PoolSplit;
import io.servicedocs.model.CostSettings;
import java.util.List;

/** A shared pool as declared and its split in every month it had a cost, in month order. */
public record PoolReport(CostSettings.SharedPool pool, List<PoolSplit> splits) {

    public PoolReport {
        splits = List.copyOf(splits);
    }
}
