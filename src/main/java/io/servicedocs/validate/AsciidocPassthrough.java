package io.servicedocs.validate;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds AsciiDoc passthrough, which copies raw HTML into the site unchanged: no Asciidoctor safe
 * mode removes it, so a pull request could put a script on a page everyone opens. The site
 * refuses it in AsciiDoc that comes from the repository (description fields and content/ pages).
 */
public final class AsciidocPassthrough {

    private static final List<Pattern> PATTERNS = List.of(
            Pattern.compile("(?m)^\\+{4,}\\s*$"),                // ++++ block (any longer delimiter too)
            Pattern.compile("(?m)^\\[pass(?:[,\\]])"),           // [pass] block style
            Pattern.compile("pass:[a-z,]*\\["),                  // pass:[...] macro
            Pattern.compile("\\+\\+\\+[^+\\n]+\\+\\+\\+"));     // +++inline+++

    private AsciidocPassthrough() {
    }

    /** The first passthrough in the text and its 1-based line within it, if any. */
    public static Optional<Found> find(String asciidoc) {
        Found first = null;
        for (Pattern pattern : PATTERNS) {
            Matcher m = pattern.matcher(asciidoc);
            if (m.find() && (first == null || m.start() < first.offset())) {
                int line = 1 + (int) asciidoc.substring(0, m.start()).chars().filter(c -> c == '\n').count();
                first = new Found(m.start(), line, m.group().trim());
            }
        }
        return Optional.ofNullable(first);
    }

    public record Found(int offset, int line, String text) {

        public String message() {
            return "AsciiDoc passthrough '" + text + "' would copy raw HTML into the site; "
                    + "expected plain AsciiDoc (write the content with AsciiDoc markup instead)";
        }
    }
}
