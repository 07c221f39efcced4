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
 */
public record MatrixPage(Summary summary, List<PhaseGroup> phases, List<ColumnGroup> categories, int itemCount,
                         List<TierView> tiers, Map<String, String> tierNames, List<Named> teams,
                         List<Named> phaseList, Risks risks) {

    /** How many products meet their phase, how many are below it, how many are ready for the next. */
    public record Summary(int products, int meeting, int below, int ready) {
    }

    public record PhaseGroup(String id, String name, List<ProductView> products) {
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
