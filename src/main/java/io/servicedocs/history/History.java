package io.servicedocs.history;

import java.time.LocalDate;
import java.time.Month;
import java.util.List;
import java.util.Optional;

/**
 * Everything the history stage tells about a branch.
 *
 * @param head the commit the history ends at
 * @param incomplete why the history does not reach back to the first commit (a shallow clone), if so
 * @param commits the number of commits on the first-parent chain that were read
 */
public record History(String head, LocalDate asOf, Month fiscalYearStart, int commits, Optional<String> incomplete,
                      ProductHistories products, LeadTimes leadTimes, List<Improvements> improvements,
                      List<ShareMet> shareMet, List<HistoryWarning> warnings) {

    /** What to do about a shallow clone, for users and CI logs. */
    public static final String SHALLOW_FIX = "the clone is shallow, so the history is incomplete; fetch the whole "
            + "history (git fetch --unshallow), or in GitHub Actions set 'fetch-depth: 0' on actions/checkout";

    public History {
        java.util.Objects.requireNonNull(products, "products");
        improvements = List.copyOf(improvements);
        shareMet = List.copyOf(shareMet);
        warnings = List.copyOf(warnings);
    }

    public Optional<ProductHistory> product(String id) {
        return products.product(id);
    }

    /** The share of requirements met sampled in this period, if a commit came at or before its end. */
    public Optional<ShareMet> shareMetIn(Period period) {
        return shareMet.stream().filter(s -> s.period().equals(period)).findFirst();
    }
}
