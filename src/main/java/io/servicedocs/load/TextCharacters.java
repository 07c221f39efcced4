package io.servicedocs.load;

import java.util.Locale;

/**
 * The characters text from repository files (YAML) and imported files (FOCUS CSV) may not contain,
 * so that every page and image the site is made of stays well-formed XML and HTML whatever the
 * text: control characters other than tab, line feed and carriage return (C0, DEL and C1,
 * including U+0085), unpaired surrogates (half a character, e.g. from the YAML escape
 * {@code "\ud800"}) and the Unicode noncharacters (U+FFFE, U+FFFF, U+FDD0..U+FDEF and the last two
 * code points of every plane). Everything else is allowed: markup characters, emoji, right-to-left
 * marks, U+2028; the templates escape them.
 */
public final class TextCharacters {

    /** The rule id of diagnostics about such characters. */
    public static final String RULE = "control-character";

    private TextCharacters() {
    }

    /** The index of the first character {@code text} may not contain, or -1 when there is none. */
    public static int firstRefused(CharSequence text) {
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c < 0x20) {
                if (c != '\t' && c != '\n' && c != '\r') {
                    return i;
                }
            } else if (c < 0x7F) {
                continue;
            } else if (c <= 0x9F) {
                return i;
            } else if (Character.isHighSurrogate(c)) {
                if (i + 1 == n || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return i;
                }
                if (isNoncharacter(Character.toCodePoint(c, text.charAt(i + 1)))) {
                    return i;
                }
                i++;
            } else if (Character.isLowSurrogate(c) || isNoncharacter(c)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * What the refused character at {@code index} is, for a message: e.g. "control character
     * U+0001", "unpaired surrogate U+D800", "noncharacter U+FFFE".
     */
    public static String describe(CharSequence text, int index) {
        char c = text.charAt(index);
        if (Character.isSurrogate(c)) {
            if (Character.isHighSurrogate(c) && index + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(index + 1))) {
                return "noncharacter " + codePoint(Character.toCodePoint(c, text.charAt(index + 1)));
            }
            return "unpaired surrogate " + codePoint(c);
        }
        return (isNoncharacter(c) ? "noncharacter " : "control character ") + codePoint(c);
    }

    /**
     * The message for the refused character at {@code index} of a text found in {@code where},
     * e.g. "control character U+0001 in a string is not allowed in text; remove it (...)".
     */
    public static String message(CharSequence text, int index, String where) {
        String what = describe(text, index);
        return what + " in " + where + " is not allowed in text; remove it"
                + (what.startsWith("control") ? " (tab, line feed and carriage return are the only control characters"
                        + " allowed)" : "");
    }

    /** U+0001, U+FFFE, U+10FFFF. */
    public static String codePoint(int codePoint) {
        return String.format(Locale.ROOT, "U+%04X", codePoint);
    }

    private static boolean isNoncharacter(int codePoint) {
        return (codePoint >= 0xFDD0 && codePoint <= 0xFDEF) || (codePoint & 0xFFFE) == 0xFFFE;
    }
}
