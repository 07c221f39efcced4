package io.servicedocs.review;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How a review is printed: see {@link ReportFormats} for each. */
public enum ReviewFormat {
    /** For the pull-request comment and the job summary. */
    MARKDOWN,
    /** GitHub Actions annotations, one per line. */
    GITHUB,
    JSON;

    /** The format of this lower-case name (as typed after --format); empty for any other text. */
    public static Optional<ReviewFormat> named(String name) {
        return Arrays.stream(values()).filter(f -> f.optionName().equals(name)).findFirst();
    }

    public String optionName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
