package io.servicedocs.cli;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How {@code history} prints: {@link HistoryText} for people, or the whole {@code History} as JSON. */
enum HistoryFormat {
    TEXT, JSON;

    /** The format of this lower-case name (as typed after --format); empty for any other text. */
    static Optional<HistoryFormat> named(String name) {
        return Arrays.stream(values()).filter(f -> f.name().toLowerCase(Locale.ROOT).equals(name)).findFirst();
    }
}
