package io.servicedocs.cost.duckdb;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Objects;
import java.util.Optional;

/**
 * One data file of a FOCUS input: where it is, how messages name it, how it is stored, and the
 * billing period of the export partition it belongs to (empty for a file given on its own).
 */
record FocusFile(Path path, String name, Format format, Optional<YearMonth> billingPeriod) {

    /** How a file is stored; told by its first bytes, not its name. */
    enum Format {
        CSV, CSV_GZIP, PARQUET
    }

    FocusFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(billingPeriod, "billingPeriod");
    }
}
