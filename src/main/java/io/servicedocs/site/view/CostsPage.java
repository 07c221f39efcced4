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
                        int turnedCount,
                        List<Unallocated> unallocated, List<Pool> pools, List<PrepaidView> prepaid,
                        List<Source> sources, boolean totalsBalanced, boolean anyRevision,
                        Optional<String> firstMonth, Optional<String> lastMonth,
                        List<CostChangeView.Company> costChanges,
                        /* billing periods, corrections and term purchases (issue 14) */
                        List<LaterPart> corrections, List<Purchase> purchases,
                        /* pages that scale (issue 15) */
                        Paging paging,
                        /* months some product has not reported the finance of: no MRR or profit */
                        List<String> unreportedMonths, Optional<Awaited> awaited) {

    /**
     * The latest month whose bills are final, when some product has not reported its finance: that
     * month, how many products have not, and the first {@link #AWAITED} of them by id. Until they
     * report it, the page ranks and compares an earlier month, if any.
     */
    public record Awaited(String month, int count, List<Target> products) {
    }

    /** The products the page names that have not reported their finance: the rest are counted. */
    public static final int AWAITED = 20;

    /**
     * Rows of each products' table (the ranking, each period's growth or savings) a page holds:
     * the first ones on costs.html, the next on costs/2.html, ... (issue 15: at 5,000 products the
     * page held two tables of every product, 8 MB, and took 4.5 to 7.8 s to load in Chromium).
     */
    public static final int ROWS = 100;

    /**
     * The products that turned profitable the page names: the most recent ones (at 5,000
     * generated products 707 did, a list of 67 KB); the ranking gives the month of each product it lists.
     */
    public static final int TURNED = 20;

    /**
     * Which page of the products' tables a page is: {@code number} of {@code count}, holding rows
     * {@code from} to {@code to} (from 1) of the longest of them; {@code longest} is how many rows
     * that one has.
     */
    public record Paging(int number, int count, int from, int to, int longest) {

        /** The path from the site's root of page {@code number}: costs.html, costs/2.html, ... */
        public static String path(int number) {
            return number == 1 ? "costs.html" : "costs/" + number + ".html";
        }

        public String path() {
            return path(number);
        }

        /** Every page of tables whose longest has {@code longest} rows; one page at least. */
        static List<Paging> of(int longest) {
            int count = Math.max(1, (longest + ROWS - 1) / ROWS);
            return java.util.stream.IntStream.rangeClosed(1, count).mapToObj(n -> new Paging(n, count,
                    (n - 1) * ROWS + 1, Math.min(longest, n * ROWS), longest)).toList();
        }

        /** This page's rows of a table. */
        <T> List<T> rows(List<T> all) {
            return List.copyOf(all.subList(Math.min(all.size(), from - 1), Math.min(all.size(), from - 1 + ROWS)));
        }
    }

    /**
     * A further page of the products' tables (costs/2.html, ...): its rows of the ranking and of
     * each period's growth or savings (a period with no rows left is not on it).
     */
    public record More(String currency, Optional<String> latestFinalMonth, List<Ranked> ranking,
                       List<CostChangeView.Company> costChanges, Paging paging) {
    }

    /**
     * The company in one month; its MRR and profit are empty while {@code unreported} products have
     * not reported the month's finance.
     */
    public record Month(String month, boolean provisional, Amount operatingCost, Optional<Amount> mrr,
                        Optional<Amount> profit, Amount unallocated, int unreported) {
    }

    /** A product in the profit ranking, with its KPI of the latest final month. */
    public record Ranked(String id, String name, String phase, Amount operatingCost, Amount mrr, Amount profit,
                         Optional<Amount> unitCost, boolean profitable, Optional<String> turnedProfitable,
                         Optional<CostTrendView> trend, Optional<String> unitCostUnit) {
    }

    /** A product that turned profitable, and the month it did. */
    public record Turned(String id, String name, String month) {
    }

    /** A cost element as declared: printed, never resolved. */
    public record Element(CostElement.Provider provider, String id, Optional<String> name, Optional<String> vendor,
                          Optional<String> tag, boolean billingAccount) {

        static Element of(CostElement element) {
            return new Element(element.provider(), element.id(), element.name(), element.vendor(), element.tag(),
                    element.billingAccount());
        }
    }

    // --- billing periods, corrections and term purchases (issue 14): begin
    /** Who claims a cost element: {@code kind} "product" or "pool", its id and name. */
    public record Owner(String kind, String id, String name) {
    }

    /**
     * The part of {@code month}'s cost of one element that the later billing period
     * {@code billingPeriod} brought (a correction, a true-up, a late charge), in the currency
     * billed; {@code signed} its text with a sign either way ("+1,200", "-6,600").
     */
    public record LaterPart(String source, String month, String billingPeriod, Element element, Optional<String> tag,
                            Amount amount, String signed, Optional<Owner> owner) {
    }

    /**
     * A one-time purchase the import spread over its term: the whole amount, the term's first and
     * last day and months, the share of the first month and, when leftover minor units made the
     * first months one unit more, the smaller share and the month it starts.
     */
    public record Purchase(String source, Element element, String billingPeriod, String description, Amount total,
                           String termStart, String termEnd, int months, String firstMonth, String lastMonth,
                           Amount share, Optional<Amount> smallerShare, Optional<String> smallerFrom,
                           Optional<Owner> owner) {
    }
    // --- billing periods, corrections and term purchases: end

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

    /**
     * The latest final month's split of a pool: every share, or, when the pool splits among more
     * products than a table of {@link #ROWS} rows holds, the largest ones (largest first); {@code
     * total} is how many shares there are (api/costs.csv and the products' pages have every one).
     */
    public record LatestSplit(String month, Amount allocated, List<LatestShare> shares, int total) {
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
