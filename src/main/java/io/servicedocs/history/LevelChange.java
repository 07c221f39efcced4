package io.servicedocs.history;

import java.time.LocalDate;

/**
 * A change of the level of one quality item in a product's assessment.
 *
 * @param category the item's category in the standard at that commit, "(unknown)" if the item was not in it
 */
public record LevelChange(String product, LocalDate date, String commit, String author, String item, String category,
                          int from, int to) {

    public boolean isIncrease() {
        return to > from;
    }
}
