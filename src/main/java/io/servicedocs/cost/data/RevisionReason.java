package io.servicedocs.cost.data;

import java.util.Arrays;
import java.util.Optional;

/**
 * The reasons the tool itself records when it replaces a month of cost data. The cost-data files
 * keep the English text (the file format does not change with the site's language); the site
 * finds the reason by its text and shows it in the page's language. A reason written by hand
 * into a file is shown as written.
 */
public enum RevisionReason {
    REFETCHED("provisional month re-fetched"),
    REIMPORTED("provisional month re-imported"),
    /** The month's bill closed: the provisional content was replaced by final figures (issue 14, example data). */
    REFETCHED_NOW_FINAL("provisional month re-fetched: now final"),
    REIMPORTED_NOW_FINAL("provisional month re-imported: now final"),
    FINAL_REPLACED_BY_PROVISIONAL("final month replaced by provisional data (--accept-final-changes)"),
    FINAL_REGROUPED("final month divided by tag differently, accepted (--accept-final-changes)"),
    FINAL_CHANGED("final month changed and accepted (--accept-final-changes)"),
    /** A billing period not in the month before brought late charges, a true-up or corrections. */
    BILLING_PERIOD_ADDED("final month completed or corrected by another billing period"),
    /** A billing period that is not closed yet was imported again with other figures. */
    OPEN_BILLING_PERIOD_REIMPORTED("open billing period re-imported");

    private final String text;

    RevisionReason(String text) {
        this.text = text;
    }

    /** The text written into cost-data files. */
    public String text() {
        return text;
    }

    /** The language-neutral code pages translate, e.g. 'final-regrouped'. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    public static Optional<RevisionReason> of(String text) {
        return Arrays.stream(values()).filter(r -> r.text.equals(text)).findFirst();
    }
}
