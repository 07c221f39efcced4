package io.servicedocs.site.view;

import io.servicedocs.model.CostElement;
import io.servicedocs.model.CostSettings;
import java.util.List;
import java.util.Optional;

/**
 * The company's costs page: the months with their totals and chart, the profit ranking of the
 * latest final month, the products that turned profitable, unallocated cost, shared pools,
 * prepaid amounts and cost-data sources, and growth or savings ({@code costChanges}: month over
 * month, then year over year, each when its earlier month is final). Only made when the repository
 * has cost settings.
 */
public record CostsPage(String currency, List<Month> months, String chartSvg, Optional<String> latestFinalMonth,
                        List<String> provisionalMonths, List<Ranked> ranking, List<Turned> turnedProfitable,
                        List<Unallocated> unallocated, List<Pool> pools, List<PrepaidView> prepaid,
                        List<Source> sources, boolean totalsBalanced, boolean anyRevision,
                        Optional<String> firstMonth, Optional<String> lastMonth,
                        List<CostChangeView.Company> costChanges) {

    /** The company in one month. */
    public record Month(String month, boolean provisional, Amount operatingCost, Amount mrr, Amount profit,
                        Amount unallocated) {
    }

    /** A product in the profit ranking, with its KPI of the latest final month. */
    public record Ranked(String id, String name, String phase, Amount operatingCost, Amount mrr, Amount profit,
                         Optional<Amount> unitCost, boolean profitable, Optional<String> turnedProfitable,
                         Optional<CostTrendView> trend, Optional<String> unitCostUnit) {
    }

    public record Turned(String id, String name, String month) {
    }

    /** A cost element as declared: printed, never resolved. */
    public record Element(CostElement.Provider provider, String id, Optional<String> name, Optional<String> vendor,
                          Optional<String> tag) {

        static Element of(CostElement element) {
            return new Element(element.provider(), element.id(), element.name(), element.vendor(), element.tag());
        }
    }

    /** The unallocated cost of one element from one source. */
    public record Unallocated(String source, Element element, Optional<String> tag, int months, String firstMonth,
                              String lastMonth, Amount total, Optional<Amount> latest) {
    }

    /**
     * A shared pool: how it splits, its latest final month's shares and every month's amount;
     * {@code listShares} tells whether each month's shares are listed (only for pools of a
     * readable size; api/costs.csv has them all).
     */
    public record Pool(String id, String name, Optional<String> description, CostSettings.Split.Method method,
                       Optional<String> metric, List<Element> elements, List<Target> targets,
                       Optional<LatestSplit> latest, List<PoolMonth> months, boolean listShares) {
    }

    public record Target(String id, String name) {
    }

    public record LatestSplit(String month, Amount allocated, List<LatestShare> shares) {
    }

    public record LatestShare(String product, String name, String weight, String percent, Amount amount) {
    }

    /** {@code shares} is empty unless the pool lists them. */
    public record PoolMonth(String month, boolean provisional, Amount allocated, Optional<Amount> rounding,
                            List<ProductAmount> shares) {
    }

    public record ProductAmount(String product, Amount amount) {
    }

    public record Source(String source, String basis, String firstMonth, String lastMonth, String retrieved,
                         List<String> provisionalMonths, List<Revision> revisions) {
    }

    /**
     * A month of a source replaced or changed: {@code status} is the status it had before, as
     * cost-data files spell it; {@code reasonCode} the code of a reason the tool wrote (pages
     * translate it), empty for a reason written by hand, which pages show as it is.
     */
    public record Revision(String month, String replaced, String status, String retrieved, String reason,
                           String reasonCode, List<Amount> totals) {
    }

}
