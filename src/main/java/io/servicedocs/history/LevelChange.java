package io.servicedocs.history;

import io.servicedocs.model.QualityItem;
import java.time.LocalDate;

/**
 * A change of the level of one quality item in a product's assessment.
 *
 * @param category the item's category in the standard at that commit, "(unknown)" if the item was not in it
 * @param binary the item was binary (met / not met) in the standard at that commit: its 0 / 1 read
 *               "not met" / "met" wherever people read the change
 */
public record LevelChange(String product, LocalDate date, String commit, String author, String item, String category,
                          boolean binary, int from, int to) {

    public boolean isIncrease() {
        return to > from;
    }

    /** The level before, as people read it: the number, or "not met" / "met" for a binary item. */
    public String fromLabel() {
        return label(from);
    }

    /** The level after, as people read it. */
    public String toLabel() {
        return label(to);
    }

    private String label(int level) {
        return !binary ? Integer.toString(level) : level >= 1 ? QualityItem.MET : QualityItem.NOT_MET;
    }
}
