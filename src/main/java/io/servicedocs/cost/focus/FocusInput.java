package io.servicedocs.cost.focus;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What to read: local files or export folders (CSV, gzip-compressed CSV, Parquet; for folders,
 * the AWS Data Exports and Azure cost export layouts), or a table of an Athena database; an
 * optional tag key to group by; and, for partitioned inputs, the billing periods wanted (empty:
 * all). The engine decides which kinds it accepts.
 */
public record FocusInput(List<Path> paths, Optional<AthenaTable> athena, Optional<String> tagKey,
                         List<YearMonth> billingPeriods) {

    public FocusInput {
        paths = List.copyOf(paths);
        Objects.requireNonNull(athena, "athena");
        Objects.requireNonNull(tagKey, "tagKey");
        billingPeriods = List.copyOf(billingPeriods);
    }

    /** Where an Athena engine finds the export: database, table, workgroup and result location (s3://...). */
    public record AthenaTable(String database, String table, String workgroup, String outputLocation) {
        public AthenaTable {
            Objects.requireNonNull(database, "database");
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(workgroup, "workgroup");
            Objects.requireNonNull(outputLocation, "outputLocation");
        }
    }
}
