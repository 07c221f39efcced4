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
                      List<ProductHistory> products, LeadTimes leadTimes, List<Improvements> improvements,
                      List<ShareMet> shareMet, List<HistoryWarning> warnings) {

    /** What to do about a shallow clone, for users and CI logs. */
    public static final String SHALLOW_FIX = "the clone is shallow, so the history is incomplete; fetch the whole "
            + "history (git fetch --unshallow), or in GitHub Actions set 'fetch-depth: 0' on actions/checkout";

    public History {
        products = List.copyOf(products);
        improvements = List.copyOf(improvements);
        shareMet = List.copyOf(shareMet);
        warnings = List.copyOf(warnings);
    }

    public Optional<ProductHistory> product(String id) {
        return products.stream().filter(p -> p.product().equals(id)).findFirst();
    }
}
