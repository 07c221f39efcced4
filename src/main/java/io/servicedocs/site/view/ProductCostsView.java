package io.servicedocs.site.view;

import io.servicedocs.cost.ledger.SplitMethod;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;

/**
 * A product's cost section: every month (direct cost by provider), the KPI of the latest final
 * month, its share of each pool then, the prepaid amounts it carries, the trend, and the charts;
 * the unit of its unit costs in words ({@code unitCostUnit}, e.g. "JPY per device-month"), and
 * growth or savings ({@code costChanges}: month over month, then year over year). The charts are
 * drawn from {@code months} and {@code currency} with the site's messages and the product's id
 * alone ({@link Derived}).
 * Only made for a product the cost report has.
 */
public record ProductCostsView(String currency, List<String> providers, List<Month> months,
                               Optional<String> latestFinalMonth, Optional<Latest> latest, List<Share> shares,
                               List<PrepaidView> prepaid, Optional<String> turnedProfitable,
                               Optional<CostTrendView> trend, @Derived String chartSvg, @Derived Optional<String> unitChartSvg,
                               Optional<String> unitCostUnit, List<CostChangeView> costChanges,
                               /* billing periods, corrections and term purchases (issue 14) */
                               List<CostsPage.LaterPart> corrections, List<CostsPage.Purchase> purchases,
                               /* months whose finance is not reported yet: no labour, MRR or profit */
                               List<String> unreportedMonths) {

    /**
     * One month of the product; {@code average} is the trailing average of the operating cost. A
     * month whose finance is not reported yet has no MRR and profit, and no labour figures
     * ({@code financeReported} false).
     */
    public record Month(String month, boolean provisional, SortedMap<String, Amount> directByProvider, Amount direct,
                        Amount shared, Amount prepaid, boolean financeReported, Amount maintenance, Amount investment,
                        Amount operatingCost, Optional<Amount> mrr, Optional<Amount> profit, Optional<String> demand,
                        Optional<Amount> unitCost,
                        Optional<Amount> average,
                        /* issue 14: the billing periods of the month's direct cost, when not just its own */
                        List<String> billingPeriods) {
    }

    /** The KPI of the latest final month. */
    public record Latest(Amount operatingCost, Amount mrr, Amount profit, boolean profitable,
                         Optional<Amount> unitCost, Amount investment) {
    }

    /** The product's share of a pool: its weight out of the total, as a percentage with one decimal. */
    public record Share(String pool, String poolName, SplitMethod method, String weight, String totalWeight,
                        String percent, Amount amount) {
    }
}
