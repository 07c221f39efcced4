package io.servicedocs.site.view;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What needs a manager's attention across the portfolio, as the home page's tiles and the
 * matrix rows' marks show it. Every flag is the assessment's (stale, plan overdue, waiver
 * expiring within the standard's review.waivers_expiring_within, objective missed); this record
 * only counts and groups them.
 *
 * @param tiles one per kind of risk, in a fixed order: stale, overdue, expiring, slo
 * @param byProduct the marks of every product, by product id (an empty list for a product without risk)
 * @param expiringWithin the standard's review.waivers_expiring_within, ISO 8601 ("P30D")
 * @param expiringWithinDays the same in days, when the period is given in days (or weeks) only
 */
public record Risks(List<Tile> tiles, Map<String, ProductRisks> byProduct, String expiringWithin,
                    Optional<Integer> expiringWithinDays) {

    /** The kinds of risk, as the page's codes (CSS classes, data-risks, the URL's risk=). */
    public static final List<String> KINDS = List.of("stale", "overdue", "expiring", "slo");

    /**
     * @param risk stale, overdue, expiring or slo
     * @param count how many products have this risk
     * @param products the products with this risk, in the portfolio's order
     */
    public record Tile(String risk, int count, List<MatrixPage.Named> products) {

        public Tile(String risk, List<MatrixPage.Named> products) {
            this(risk, products.size(), List.copyOf(products));
        }
    }

    /**
     * The risks of one product.
     *
     * @param marks one per kind of risk the product has, in the tiles' order
     * @param codes the marks' risks joined by spaces, for the row's data-risks attribute
     * @param any the product has at least one risk
     */
    public record ProductRisks(List<Mark> marks, String codes, boolean any) {

        public ProductRisks(List<Mark> marks) {
            this(List.copyOf(marks), String.join(" ", marks.stream().map(Mark::risk).toList()), !marks.isEmpty());
        }
    }

    /**
     * @param risk stale, overdue, expiring or slo
     * @param count how many: 1 for a stale assessment, else the overdue plans (items and checks),
     *              the expiring waivers (items and checks) or the missed objectives
     * @param names what is overdue, expiring or missed (item, check or objective titles); empty for stale
     */
    public record Mark(String risk, int count, List<String> names) {
    }
}
