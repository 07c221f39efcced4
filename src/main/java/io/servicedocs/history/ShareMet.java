package io.servicedocs.history;

import io.servicedocs.assess.Assessor;
import io.servicedocs.assess.PhaseFit;
import io.servicedocs.model.Product;
import io.servicedocs.model.Standard;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The share of requirements of their current phase the products met at the end of a period:
 * the repository as of the period's last commit, assessed as of the period's last day (or the
 * "as of" day when that comes first).
 *
 * @param commit the abbreviated id of the commit sampled
 * @param overall met and required summed over all products
 */
public record ShareMet(Period period, LocalDate judgedOn, String commit, Map<String, Share> byProduct, Share overall) {

    public ShareMet {
        byProduct = Collections.unmodifiableMap(new TreeMap<>(byProduct));
    }

    /** One sample per period that has a commit at or before its end; products that are not whole are left out. */
    static List<ShareMet> of(Snapshots snapshots, List<Period> periods, LocalDate asOf, List<HistoryWarning> warnings) {
        List<ShareMet> samples = new ArrayList<>();
        for (Period period : periods) {
            int last = -1;
            for (int i = 0; i < snapshots.commits().size(); i++) {
                if (!snapshots.commits().get(i).date().isAfter(period.end())) {
                    last = i;
                }
            }
            Optional<Standard> standard = snapshots.standardAt(last);
            if (last < 0 || standard.isEmpty()) {
                continue;
            }
            LocalDate judgedOn = asOf.isBefore(period.end()) ? asOf : period.end();
            Assessor assessor = new Assessor(standard.get(), judgedOn);
            Map<String, Share> byProduct = new TreeMap<>();
            Share overall = Share.of(0, 0);
            for (String id : snapshots.products().keySet()) {
                Optional<Product> product = snapshots.stateAt(id, last).flatMap(ProductState::product);
                if (product.isEmpty()) {
                    continue;
                }
                try {
                    PhaseFit fit = assessor.assess(product.get()).current();
                    Share share = Share.of(fit.satisfied(), fit.requirements());
                    byProduct.put(id, share);
                    overall = overall.plus(share);
                } catch (IllegalArgumentException e) {
                    // A phase the standard of that day does not know: the product cannot be judged then.
                    warnings.add(new HistoryWarning(snapshots.commits().get(last).shortId(), "products/" + id,
                            "not assessed for " + period.name() + ": " + e.getMessage()));
                }
            }
            samples.add(new ShareMet(period, judgedOn, snapshots.commits().get(last).shortId(), byProduct, overall));
        }
        return samples;
    }
}
