package io.servicedocs.review;

import java.util.regex.Pattern;

/**
 * Text from the repository (names, ids, waiver reasons, messages that quote values) in the
 * review's markdown, which GitHub renders as a pull-request comment and a job summary. Such text
 * is data: it must not add images, links, HTML (including {@code <details>} and hidden
 * {@code <!-- -->} comments), headings, lists, tables or code fences, nor notify anyone.
 *
 * <p>{@link #text} is the escaping function for every repository value; it
 * <ul>
 * <li>turns line breaks and every other control character (and U+0085, U+2028, U+2029) into a
 * space, so a value stays inside its table cell or list item: no block (heading, fence, table
 * row, HTML block, setext underline) can start;</li>
 * <li>removes the bidirectional overrides and isolates (U+202A..U+202E, U+2066..U+2069), which
 * can make a reviewer read text in another order than it is, and leading blanks;</li>
 * <li>puts a backslash before each character that can start inline markup anywhere in a line:
 * {@code \ ` * _ ~ [ ] < > & | $} (escape, code span, emphasis, strike-through, link, image and
 * footnote, raw HTML and {@code <>} autolink, entity, table cell, math). CommonMark renders an
 * escaped punctuation character as itself and nothing else; GFM tables honour {@code \|}. Other
 * punctuation has meaning only at the start of a line (heading {@code #}, list {@code - + 1.},
 * blockquote {@code >}, fence, thematic break), and a value starts a line only right after our
 * own {@code "- "}: so the first character of a value is escaped when it is any ASCII
 * punctuation, and the {@code .} or {@code )} after leading digits too ({@code 1. } would start a
 * list);</li>
 * <li>puts an invisible WORD JOINER (U+2060) after every {@code @} and {@code #}, after the
 * {@code :} of {@code ://}, after {@code www} before a dot and after the {@code -} of
 * {@code GH-}. GitHub finds mentions ({@code @user}, {@code @org/team}), issue references
 * ({@code #123}, {@code owner/repo#123}, {@code GH-123}) and bare links ({@code https://...},
 * {@code www.example.com}, e-mail addresses) in the rendered text, where a backslash is gone;
 * the joiner keeps the text as it reads but matches none of those patterns. A URL from the
 * repository is therefore shown as plain text, never as a link: a reviewer copies it
 * deliberately.</li>
 * </ul>
 * The only mentions in a review are thus those of servicedocs' own text (there are none today).
 *
 * <p>{@link #code} puts a value in a code span, where nothing is active, when nothing in it can
 * end the span or the table cell (no backtick, {@code |} or control character); other values go
 * through {@link #text}. {@link #html} is for the one place the report writes HTML
 * ({@code <summary>}): entities instead of backslashes, and the same joiners.
 */
public final class MarkdownText {

    /** U+2060 WORD JOINER: invisible, not a letter or digit, so it breaks mentions, references and links. */
    static final char JOINER = '\u2060';

    /** Characters that start inline markup wherever they are. */
    private static final String MARKUP = "\\`*_~[]<>&|$";

    private static final Pattern CODE_SAFE = Pattern.compile("[^`|\\p{Cntrl}\\u0085\\u2028\\u2029\\u202A-\\u202E\\u2066-\\u2069]+");

    private MarkdownText() {
    }

    /** {@code value} as plain text in markdown (a table cell, a list item, a paragraph). */
    public static String text(String value) {
        return escape(value, false);
    }

    /** {@code value} as inline code when it can be, else as {@link #text}. */
    public static String code(String value) {
        return CODE_SAFE.matcher(value).matches() && !value.isBlank() ? "`" + value + "`" : text(value);
    }

    /** {@code value} as text inside an HTML element of the markdown. */
    public static String html(String value) {
        return escape(value, true);
    }

    private static String escape(String raw, boolean html) {
        StringBuilder flat = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                flat.append(' ');
            } else if (!(c >= '\u202A' && c <= '\u202E' || c >= '\u2066' && c <= '\u2069')) {
                flat.append(c);
            }
        }
        // leading blanks would let a list item's text start a code block, a heading, a quote...
        String value = html ? flat.toString() : flat.toString().stripLeading();
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (html) {
                switch (c) {
                    case '&' -> out.append("&amp;");
                    case '<' -> out.append("&lt;");
                    case '>' -> out.append("&gt;");
                    case '"' -> out.append("&quot;");
                    case '\'' -> out.append("&#39;");
                    default -> out.append(c);
                }
            } else if (MARKUP.indexOf(c) >= 0 || i == 0 && c < 0x80 && isPunctuation(c)
                    || (c == '.' || c == ')') && i > 0 && i <= 9 && value.substring(0, i).chars().allMatch(Character::isDigit)) {
                out.append('\\').append(c);
            } else {
                out.append(c);
            }
            if (c == '@' || c == '#'
                    || c == ':' && value.startsWith("//", i + 1)
                    || c == '-' && i >= 2 && value.regionMatches(true, i - 2, "GH", 0, 2)
                    || (c == 'w' || c == 'W') && i >= 2 && value.regionMatches(true, i - 2, "www", 0, 3)
                    && value.startsWith(".", i + 1)) {
                out.append(JOINER);
            }
        }
        return out.toString();
    }

    /** ASCII punctuation as CommonMark defines it: every character that a backslash can escape. */
    private static boolean isPunctuation(char c) {
        return c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`' || c >= '{' && c <= '~';
    }
}
