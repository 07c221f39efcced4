package io.servicedocs.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One file of SLO measurements, slo-data/&lt;source&gt;/&lt;YYYY-MM&gt;.yaml: every SLO measured
 * from one data source in one month, with the month's status (provisional while the month runs,
 * final after) and the earlier contents a later fetch replaced ({@code revisions}, oldest first).
 * Each of {@code slos} carries the same source, month, status and retrieval time as the file.
 */
public record SloDataFile(String source, YearMonth month, CostMonth.Status status, Instant retrieved,
                          List<SloMonth> slos, List<Revision> revisions) {

    /** The folder, relative to the repository root, that holds the SLO measurements. */
    public static final String FOLDER = "slo-data";

    public SloDataFile {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(month, "month");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(retrieved, "retrieved");
        slos = List.copyOf(slos);
        revisions = List.copyOf(revisions);
    }

    public String path() {
        return pathOf(source, month);
    }

    public static String pathOf(String source, YearMonth month) {
        return FOLDER + "/" + source + "/" + month + ".yaml";
    }

    /** What a replaced content said: its status, when it was retrieved, and each SLO's attainment then. */
    public record Revision(Instant replaced, CostMonth.Status status, Instant retrieved, String reason,
                           List<Attained> slos) {
        public Revision {
            Objects.requireNonNull(replaced, "replaced");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(retrieved, "retrieved");
            Objects.requireNonNull(reason, "reason");
            slos = List.copyOf(slos);
        }
    }

    /** One SLO's attainment in a replaced content; empty when it had no measurement. */
    public record Attained(String product, String slo, Optional<BigDecimal> attainment) {
        public Attained {
            Objects.requireNonNull(product, "product");
            Objects.requireNonNull(slo, "slo");
            Objects.requireNonNull(attainment, "attainment");
        }
    }
}
