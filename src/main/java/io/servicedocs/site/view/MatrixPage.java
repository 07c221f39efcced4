package io.servicedocs.site.view;

import io.servicedocs.site.view.StandardPage.TierView;
import java.util.List;
import java.util.Map;

/**
 * The maturity matrix: products grouped by phase (lifecycle order, phases without products left
 * out), items grouped by category (empty categories left out).
 *
 * @param itemCount the item columns: every item of the listed categories
 * @param teams the owner teams (id and display name), sorted by name, for the filter
 * @param phaseList every phase, for the filter
 * @param risks what needs attention: the tiles above the matrix and each row's marks
 * @param phases the groups of the first screen: the page prints the first {@link #FIRST_SCREEN}
 *               products (a page of thousands of rows opens in no browser comfortably); the
 *               script renders the rest from matrix-data.js, and {@code listPages} list every
 *               product without it
 * @param shown how many products the page prints
 * @param listPages every product in pages of {@link #LIST_PAGE_SIZE}, for readers without
 *                  JavaScript; empty when the page prints every product
 */
public record MatrixPage(Summary summary, List<PhaseGroup> phases, List<ColumnGroup> categories, int itemCount,
                         List<TierView> tiers, Map<String, String> tierNames, List<Named> teams,
                         List<Named> phaseList, Risks risks, int shown, List<ListPage> listPages) {

    /** The rows the home page prints: a first screen, and a few more. */
    public static final int FIRST_SCREEN = 50;

    /** Products per page of the lists without JavaScript (matrix/N.html). */
    public static final int LIST_PAGE_SIZE = 250;

    /**
     * One page of the list of every product (matrix/&lt;number&gt;.html).
     *
     * @param from the first product's position, from 1
     * @param to the last product's position
     * @param pageCount how many list pages there are
     */
    public record ListPage(int number, int from, int to, int pageCount, List<ProductView> products) {
    }

    /** How many products meet their phase, how many are below it, how many are ready for the next. */
    public record Summary(int products, int meeting, int below, int ready) {
    }

    /**
     * @param products the group's products the page prints
     * @param total all of the phase's products
     */
    public record PhaseGroup(String id, String name, List<ProductView> products, int total) {
    }

    /** A category and its columns (quality items, or security checks). */
    public record ColumnGroup(String id, String title, List<Column> items) {
    }

    /** @param title the item's or check's display title ({@link io.servicedocs.model.Standard#itemDisplayTitle}) */
    public record Column(String id, String title) {
    }

    public record Named(String id, String name) {
    }
}
