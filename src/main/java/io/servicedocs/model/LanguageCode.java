package io.servicedocs.model;

import java.util.regex.Pattern;

/**
 * A language code: a lower-case ISO 639-1 (or 639-2) code, optionally with a region (pt-BR).
 * Language codes name folders (content/&lt;lang&gt;/) and files (messages_&lt;lang&gt;.properties):
 * whatever holds one checks it, so that no value from a file or the command line can make a
 * path such as content/../x.
 */
public final class LanguageCode {

    public static final Pattern PATTERN = Pattern.compile("^[a-z]{2,3}(-[A-Z]{2})?$");

    private LanguageCode() {
    }

    /**
     * {@code code}, when it is a language code.
     *
     * @param role what the code is, for the message: "language", "default language"
     * @throws IllegalArgumentException when it is not
     */
    public static String require(String role, String code) {
        if (code == null || !PATTERN.matcher(code).matches()) {
            throw new IllegalArgumentException(role + " '" + code + "' is not a language code; expected a lower-case "
                    + "ISO 639-1 code, optionally with a region, e.g. en, ja, pt-BR");
        }
        return code;
    }
}
