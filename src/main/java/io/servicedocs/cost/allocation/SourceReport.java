package io.servicedocs.cost.allocation;

import io.servicedocs.model.CostMonth;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

/**
 * One cost-data source (aws, azure, ...): its months, when it was last retrieved, which months
 * are still provisional, and the recorded revisions (a provisional month replaced, a final month
 * changed with consent).
 */
public record SourceReport(String source, String basis, YearMonth firstMonth, YearMonth lastMonth, Instant lastRetrieved,
                           List<YearMonth> provisionalMonths, List<MonthRevision> revisions) {

    public SourceReport {
        provisionalMonths = List.copyOf(provisionalMonths);
        revisions = List.copyOf(revisions);
    }

    public record MonthRevision(YearMonth month, CostMonth.Revision revision) {
    }
}
