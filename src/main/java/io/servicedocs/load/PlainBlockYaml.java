package io.servicedocs.load;

import java.math.BigDecimal;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A reader of the plain subset of YAML that Service Docs, generated files and most hand-written
 * ones use: block mappings and sequences indented by spaces, one-line flow mappings such as
 * {@code {amount: 100, currency: USD}}, plain scalars, and quoted scalars without escapes on one
 * line. It gives the very tree and places that {@link YamlReader}'s full path (snakeyaml-engine
 * under Jackson's YAML parser) gives for the same text, about ten times faster: the full path
 * was a third of a validation's time (issue 15: 9 MB of YAML at 1,000 products read at ~4 MB/s).
 * Anything outside the subset is declined, never guessed at: then the full path reads the file,
 * so every syntax error, every unusual form (block scalars, anchors, escapes, multi-line scalars,
 * tags, a scalar that might be a boolean or a number in another YAML schema) and its diagnostic
 * stay exactly what they were. Each file is read by one instance; not thread-safe.
 */
final class PlainBlockYaml {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** The tree and its places, as {@link YamlReader}'s builder makes them. */
    record Tree(JsonNode root, long rootPlace, Places places) {
    }

    /** Thrown to decline the text: the full path reads it. */
    private static final class Declined extends RuntimeException {
        static final Declined INSTANCE = new Declined();

        private Declined() {
            super(null, null, false, false);
        }
    }

    private final String text;
    private final int length;
    /** The current line: its number (1-based), start offset and end offset (before its '\n'). */
    private int line;
    private int lineStart;
    private int lineEnd;
    /** Where the children of the last value read stand. */
    private Places valuePlaces;

    private PlainBlockYaml(String text) {
        this.text = text;
        this.length = text.length();
    }

    /** The tree of a one-document file in the subset, or empty when the full path must read it. */
    static Optional<Tree> read(String text) {
        char[] chars = text.toCharArray();
        if (!plainCharacters(chars, 0, chars.length, Integer.MAX_VALUE)) {
            return Optional.empty();
        }
        return readPlain(text);
    }

    /**
     * As {@link #read}, for a text whose characters {@link #plainCharacters} accepted (the caller
     * scanned them once, for this and for {@link TextCharacters}).
     */
    static Optional<Tree> readPlain(String text) {
        try {
            return Optional.of(new PlainBlockYaml(text).document());
        } catch (Declined e) {
            return Optional.empty();
        }
    }

    /**
     * Whether {@code chars[from, to)} has no character whose handling differs between lines and
     * code points or that the subset never needs: tabs, carriage returns and the other YAML line
     * breaks, surrogates (a column counts code points in the full path, chars here), a byte order
     * mark inside the text, backslashes; nor any character {@link TextCharacters} refuses (the C0
     * and C1 controls, surrogates and noncharacters are all outside the subset), nor a line longer
     * than {@code maxLineLength}. So a text accepted here needs no other check of its characters
     * or lines; one refused is refused or declined by those checks. It reads the decoder's array,
     * not the String (whose charAt cost three calls a character on C1, three scans of 9 MB at
     * 1,000 products: issue 15).
     */
    static boolean plainCharacters(char[] chars, int from, int to, int maxLineLength) {
        int lineStart = from;
        for (int i = from; i < to; i++) {
            char c = chars[i];
            if (c == '\n') {
                if (i - lineStart > maxLineLength) {
                    return false;
                }
                lineStart = i + 1;
            } else if (c < 0x20 || c >= 0x7F && (c <= 0x9F || c >= 0xD800 && c <= 0xDFFF || c == 0x2028
                    || c == 0x2029 || c >= 0xFDD0 && c <= 0xFDEF || c == 0xFEFF || c >= 0xFFF0)) {
                return false;
            }
        }
        return to - lineStart <= maxLineLength;
    }

    private Tree document() {
        line = 0;
        lineEnd = -1;
        if (!nextContentLine()) {
            throw Declined.INSTANCE; // empty: the full path says so
        }
        int indent = indentOf();
        if (indent != 0) {
            throw Declined.INSTANCE;
        }
        long at = place(lineStart);
        JsonNode root = isSequenceItem(lineStart) ? sequence(0) : mapping(0, lineStart);
        if (lineStart < length) {
            throw Declined.INSTANCE; // content after the root's end
        }
        return new Tree(root, at, valuePlaces);
    }

    // --- lines

    /** Moves to the next line; false at the end of the text. */
    private boolean nextLine() {
        if (lineEnd >= length) {
            return false;
        }
        lineStart = lineEnd + 1;
        int end = text.indexOf('\n', lineStart);
        lineEnd = end < 0 ? length : end;
        line++;
        return true;
    }

    /**
     * Moves to the next line holding content (not blank, not only a comment), from the current
     * one's end; false at the end of the text. Document markers and directives are declined.
     */
    private boolean nextContentLine() {
        while (nextLine()) {
            int at = skipSpaces(lineStart);
            if (at == lineEnd || text.charAt(at) == '#') {
                continue;
            }
            if (at == lineStart && (text.startsWith("---", at) || text.startsWith("...", at) || text.charAt(at) == '%')) {
                throw Declined.INSTANCE;
            }
            return true;
        }
        lineStart = length;
        lineEnd = length;
        return false;
    }

    /**
     * Whether the lines after the current one, up to the next content line, leave the value that
     * ends the current line complete: any line (a comment included) indented deeper than
     * {@code owner} could continue a plain scalar, so the text is declined.
     */
    private void requireEndOfValue(int owner) {
        int savedLine = line;
        int savedStart = lineStart;
        int savedEnd = lineEnd;
        while (nextLine()) {
            int at = skipSpaces(lineStart);
            if (at == lineEnd) {
                continue;
            }
            if (at - lineStart > owner) {
                throw Declined.INSTANCE;
            }
            break;
        }
        line = savedLine;
        lineStart = savedStart;
        lineEnd = savedEnd;
    }

    private int indentOf() {
        return skipSpaces(lineStart) - lineStart;
    }

    private int skipSpaces(int at) {
        while (at < lineEnd && text.charAt(at) == ' ') {
            at++;
        }
        return at;
    }

    private long place(int offset) {
        return Places.pack(line, offset - lineStart + 1);
    }

    private boolean isSequenceItem(int at) {
        return text.charAt(at) == '-' && (at + 1 == lineEnd || text.charAt(at + 1) == ' ');
    }

    // --- block collections

    /**
     * A block mapping whose keys stand at column {@code indent} (0-based), its first key at
     * {@code first} on the current line. Ends before the first content line indented less.
     */
    private ObjectNode mapping(int indent, int first) {
        ObjectNode object = NODES.objectNode();
        Places.Builder children = new Places.Builder(true);
        int at = first;
        while (true) {
            int keyStart = at;
            int keyEnd;
            String name;
            if (text.charAt(at) == '"' || text.charAt(at) == '\'') {
                keyEnd = quotedEnd(at);
                name = text.substring(at + 1, keyEnd - 1);
            } else {
                keyEnd = plainKeyEnd(at);
                name = text.substring(at, keyEnd);
            }
            if (keyEnd >= lineEnd || text.charAt(keyEnd) != ':'
                    || keyEnd + 1 < lineEnd && text.charAt(keyEnd + 1) != ' ') {
                throw Declined.INSTANCE; // not a simple key: a scalar where a key should be, or a complex key
            }
            if (object.has(name)) {
                throw Declined.INSTANCE; // the full path reports it with both places
            }
            long keyAt = place(keyStart);
            int valueStart = skipSpaces(keyEnd + 1);
            long valueAt;
            JsonNode value;
            if (valueStart == lineEnd || text.charAt(valueStart) == '#') {
                if (valueStart < lineEnd && valueStart == keyEnd + 1) {
                    throw Declined.INSTANCE;
                }
                // the value is on the lines below, or empty (null)
                long colonEnd = place(keyEnd + 1);
                if (nextContentLine() && (indentOf() > indent
                        || indentOf() == indent && isSequenceItem(lineStart + indent))) {
                    int childIndent = indentOf();
                    valueAt = place(lineStart + childIndent);
                    value = isSequenceItem(lineStart + childIndent) ? sequence(childIndent)
                            : mapping(childIndent, lineStart + childIndent);
                } else {
                    valueAt = colonEnd;
                    value = NODES.stringNode(""); // the full path reads an empty value as an empty text
                    valuePlaces = Places.NONE;
                }
            } else {
                valueAt = place(valueStart);
                value = inlineValue(valueStart, indent);
            }
            object.set(name, value);
            children.add(name, keyAt, valueAt, valuePlaces);
            if (lineStart >= length) {
                break;
            }
            int next = indentOf();
            if (next < indent) {
                break;
            }
            if (next > indent || isSequenceItem(lineStart + next)) {
                throw Declined.INSTANCE;
            }
            at = lineStart + next;
        }
        valuePlaces = children.build();
        return object;
    }

    /** A block sequence whose dashes stand at column {@code indent}, from the current line. */
    private ArrayNode sequence(int indent) {
        ArrayNode array = NODES.arrayNode();
        Places.Builder elements = new Places.Builder(false);
        while (true) {
            int dash = lineStart + indent;
            int itemStart = skipSpaces(dash + 1);
            if (itemStart == lineEnd || itemStart == dash + 1 || text.charAt(itemStart) == '#'
                    || isSequenceItem(itemStart)) {
                throw Declined.INSTANCE; // an item on the lines below, or nested dashes
            }
            long valueAt = place(itemStart);
            JsonNode value;
            if (isKey(itemStart)) {
                value = mapping(itemStart - lineStart, itemStart);
            } else {
                value = inlineValue(itemStart, indent);
            }
            array.add(value);
            elements.add(valueAt, valuePlaces);
            if (lineStart >= length) {
                break;
            }
            int next = indentOf();
            if (next < indent || next == indent && !isSequenceItem(lineStart + next)) {
                break;
            }
            if (next > indent) {
                throw Declined.INSTANCE;
            }
        }
        valuePlaces = elements.build();
        return array;
    }

    /** Whether a simple key followed by ': ' (or ':' at the line's end) starts at {@code at}. */
    private boolean isKey(int at) {
        char c = text.charAt(at);
        int end;
        if (c == '"' || c == '\'') {
            int close = onLine(c, at + 1);
            if (close < 0) {
                return false;
            }
            end = close + 1;
        } else {
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_')) {
                return false; // no plain key starts so: a scalar (plainKeyEnd would decline)
            }
            end = plainKeyEnd(at);
        }
        return end < lineEnd && text.charAt(end) == ':' && (end + 1 == lineEnd || text.charAt(end + 1) == ' ');
    }

    /** The end of a plain key of letters, digits, '_', '-', '.' and '/' starting at {@code at}. */
    private int plainKeyEnd(int at) {
        int i = at;
        while (i < lineEnd) {
            char c = text.charAt(i);
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_'
                    || i > at && (c == '-' || c == '.' || c == '/')) {
                i++;
            } else {
                break;
            }
        }
        if (i == at) {
            throw Declined.INSTANCE;
        }
        return i;
    }

    /** The end (after the closing quote) of a quoted scalar on this line, without escapes. */
    private int quotedEnd(int at) {
        char quote = text.charAt(at);
        int close = onLine(quote, at + 1);
        if (close < 0 || close == at + 1) {
            throw Declined.INSTANCE; // multi-line, or empty (which a YAML feature may read as null)
        }
        if (quote == '"' && hasBackslash(at + 1, close)
                || quote == '\'' && close + 1 < lineEnd && text.charAt(close + 1) == '\'') {
            throw Declined.INSTANCE; // escapes
        }
        return close + 1;
    }

    /**
     * Where {@code c} next stands on this line from {@code from}, or -1: never searched past the
     * line, so that lines opening a quote they do not close cost their own length only.
     */
    private int onLine(char c, int from) {
        for (int i = from; i < lineEnd; i++) {
            if (text.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }

    private boolean hasBackslash(int from, int to) {
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == '\\') {
                return true;
            }
        }
        return false;
    }

    // --- values on one line

    /**
     * The value starting at {@code at}: a scalar or a one-line flow collection ending the current
     * line, or a block scalar on the lines below; owned by a key or dash at column {@code owner}.
     * Leaves the current line at the next content line after the value.
     */
    private JsonNode inlineValue(int at, int owner) {
        valuePlaces = Places.NONE;
        char c = text.charAt(at);
        JsonNode value;
        int end;
        if (c == '|' || c == '>') {
            return blockScalar(at, owner);
        }
        if (c == '{') {
            end = flowMapping(at);
            value = flowValue;
        } else if (c == '[') {
            end = flowSequence(at);
            value = flowValue;
        } else if (c == '"' || c == '\'') {
            end = quotedEnd(at);
            value = NODES.stringNode(text.substring(at + 1, end - 1));
        } else {
            end = plainEnd(at, false);
            value = plain(text.substring(at, end));
        }
        int rest = skipSpaces(end);
        if (rest < lineEnd && (text.charAt(rest) != '#' || rest == end)) {
            throw Declined.INSTANCE; // more on the line than a value and a comment
        }
        requireEndOfValue(owner);
        nextContentLine();
        return value;
    }

    /** The end of a plain scalar at {@code at}: before " #", ": ", the line's end, or in flow before ',', '}'. */
    private int plainEnd(int at, boolean flow) {
        int i = at;
        int end = at;
        while (i < lineEnd) {
            char c = text.charAt(i);
            if (c == ' ') {
                if (i + 1 < lineEnd && text.charAt(i + 1) == '#') {
                    break;
                }
            } else if (c == ':') {
                if (i + 1 == lineEnd || text.charAt(i + 1) == ' ' || flow) {
                    throw Declined.INSTANCE; // a mapping inside a value, or an indicator in flow
                }
                end = i + 1;
            } else if (flow && (c == ',' || c == '}' || c == ']' || c == '{' || c == '[')) {
                break;
            } else if (c == '#' && i == at) {
                throw Declined.INSTANCE;
            } else {
                end = i + 1;
            }
            i++;
        }
        if (end == at) {
            throw Declined.INSTANCE;
        }
        return end;
    }

    private JsonNode flowValue;

    /** A flow mapping of simple keys and scalar values on this line; returns the end after its '}'. */
    private int flowMapping(int open) {
        ObjectNode object = NODES.objectNode();
        Places.Builder children = new Places.Builder(true);
        int at = skipSpaces(open + 1);
        if (at < lineEnd && text.charAt(at) == '}') {
            flowValue = object;
            valuePlaces = children.build();
            return at + 1;
        }
        while (true) {
            if (at >= lineEnd) {
                throw Declined.INSTANCE;
            }
            int keyEnd = plainKeyEnd(at);
            if (keyEnd + 1 >= lineEnd || text.charAt(keyEnd) != ':' || text.charAt(keyEnd + 1) != ' ') {
                throw Declined.INSTANCE;
            }
            String name = text.substring(at, keyEnd);
            if (object.has(name)) {
                throw Declined.INSTANCE;
            }
            long keyAt = place(at);
            int valueStart = skipSpaces(keyEnd + 1);
            if (valueStart >= lineEnd) {
                throw Declined.INSTANCE;
            }
            char c = text.charAt(valueStart);
            JsonNode value;
            int valueEnd;
            if (c == '"' || c == '\'') {
                valueEnd = quotedEnd(valueStart);
                value = NODES.stringNode(text.substring(valueStart + 1, valueEnd - 1));
            } else {
                valueEnd = plainEnd(valueStart, true);
                value = plain(text.substring(valueStart, valueEnd));
            }
            object.set(name, value);
            children.add(name, keyAt, place(valueStart), Places.NONE);
            int after = skipSpaces(valueEnd);
            if (after >= lineEnd) {
                throw Declined.INSTANCE;
            }
            if (text.charAt(after) == '}') {
                flowValue = object;
                valuePlaces = children.build();
                return after + 1;
            }
            if (text.charAt(after) != ',') {
                throw Declined.INSTANCE;
            }
            at = skipSpaces(after + 1);
        }
    }

    /**
     * A literal ('|') or folded ('>') block scalar whose header is at {@code at}, its lines below
     * indented deeper than {@code owner}; only the forms whose text is plain to compute: clip or
     * strip chomping ('-'), the indentation found from the first line (no indicator), no line
     * indented deeper than the first in a folded scalar, no blank line holding more spaces than
     * the indentation, no blank line before the first. Leaves the current line at the next
     * content line after the scalar, as a block collection does.
     */
    private JsonNode blockScalar(int at, int owner) {
        boolean folded = text.charAt(at) == '>';
        int header = at + 1;
        boolean strip = header < lineEnd && text.charAt(header) == '-';
        if (strip) {
            header++;
        }
        int rest = skipSpaces(header);
        if (rest < lineEnd && (text.charAt(rest) != '#' || rest == header)) {
            throw Declined.INSTANCE; // an indentation indicator, '+' chomping, or text after the header
        }
        valuePlaces = Places.NONE;
        if (!nextLine() || skipSpaces(lineStart) == lineEnd) {
            throw Declined.INSTANCE; // empty, or a blank line first
        }
        int indent = indentOf();
        if (indent <= owner) {
            throw Declined.INSTANCE; // an empty scalar
        }
        StringBuilder value = new StringBuilder();
        int blankLines = 0;
        boolean first = true;
        while (true) {
            int content = skipSpaces(lineStart);
            if (content == lineEnd) {
                if (content - lineStart > indent) {
                    throw Declined.INSTANCE; // spaces that would be text
                }
                blankLines++;
            } else {
                int lineIndent = content - lineStart;
                if (lineIndent < indent) {
                    if (lineIndent > owner) {
                        throw Declined.INSTANCE; // neither the scalar's nor its owner's level
                    }
                    break;
                }
                if (folded && lineIndent > indent) {
                    throw Declined.INSTANCE; // a more indented line keeps its breaks: not plain folding
                }
                if (!first) {
                    if (folded && blankLines == 0) {
                        value.append(' ');
                    } else {
                        value.append('\n');
                        for (int i = 0; i < blankLines; i++) {
                            value.append('\n');
                        }
                        if (folded) {
                            value.setLength(value.length() - 1); // the break before blank lines folds away
                        }
                    }
                }
                value.append(text, lineStart + indent, lineEnd);
                first = false;
                blankLines = 0;
            }
            if (!nextLine()) {
                lineStart = length;
                lineEnd = length;
                break;
            }
        }
        if (!strip) {
            value.append('\n');
        }
        if (lineStart < length) {
            // back on a content line (comments and blank lines after the scalar are skipped)
            int content = skipSpaces(lineStart);
            if (text.charAt(content) == '#') {
                nextContentLine();
            } else if (content == lineStart && (text.startsWith("---", content) || text.startsWith("...", content)
                    || text.charAt(content) == '%')) {
                throw Declined.INSTANCE;
            }
        }
        return NODES.stringNode(value.toString());
    }

    /** A flow sequence of scalars on this line; returns the end after its ']'. */
    private int flowSequence(int open) {
        ArrayNode array = NODES.arrayNode();
        Places.Builder elements = new Places.Builder(false);
        int at = skipSpaces(open + 1);
        if (at < lineEnd && text.charAt(at) == ']') {
            flowValue = array;
            valuePlaces = elements.build();
            return at + 1;
        }
        while (true) {
            if (at >= lineEnd) {
                throw Declined.INSTANCE;
            }
            char c = text.charAt(at);
            JsonNode value;
            int valueEnd;
            if (c == '"' || c == '\'') {
                valueEnd = quotedEnd(at);
                value = NODES.stringNode(text.substring(at + 1, valueEnd - 1));
            } else {
                valueEnd = plainEnd(at, true);
                value = plain(text.substring(at, valueEnd));
            }
            array.add(value);
            elements.add(place(at), Places.NONE);
            int after = skipSpaces(valueEnd);
            if (after >= lineEnd) {
                throw Declined.INSTANCE;
            }
            if (text.charAt(after) == ']') {
                flowValue = array;
                valuePlaces = elements.build();
                return after + 1;
            }
            if (text.charAt(after) != ',') {
                throw Declined.INSTANCE;
            }
            at = skipSpaces(after + 1);
        }
    }

    // --- scalars

    /**
     * A plain scalar as the full path types it: only forms whose type no YAML schema disputes are
     * taken (text starting with a letter that is no boolean or null word, decimal integers and
     * decimals, dates, UTC times and text starting with a digit that holds a character no number
     * can hold as text, true and false); any other is declined.
     */
    private static JsonNode plain(String scalar) {
        char first = scalar.charAt(0);
        if (Character.isLetter(first)) {
            if (scalar.equals("true")) {
                return NODES.booleanNode(true);
            }
            if (scalar.equals("false")) {
                return NODES.booleanNode(false);
            }
            if (scalar.length() <= 8 && reserved(scalar)) {
                throw Declined.INSTANCE;
            }
            return NODES.stringNode(scalar);
        }
        if (first >= '0' && first <= '9' || first == '-' && scalar.length() > 1 && scalar.charAt(1) >= '1'
                && scalar.charAt(1) <= '9' || scalar.startsWith("-0.")) {
            return numberOrDate(scalar);
        }
        throw Declined.INSTANCE;
    }

    private static boolean reserved(String scalar) {
        switch (scalar.toLowerCase(java.util.Locale.ROOT)) {
            case "true", "false", "yes", "no", "on", "off", "y", "n", "null", "nan", "inf", "infinity":
                return true;
            default:
                return false;
        }
    }

    private static JsonNode numberOrDate(String scalar) {
        int i = scalar.charAt(0) == '-' ? 1 : 0;
        int digits = i;
        while (digits < scalar.length() && scalar.charAt(digits) >= '0' && scalar.charAt(digits) <= '9') {
            digits++;
        }
        if (digits - i > 1 && scalar.charAt(i) == '0') {
            throw Declined.INSTANCE; // leading zeros: octal in another schema
        }
        try {
            if (digits == scalar.length()) {
                // Within the bounds, an integer has at most 18 digits: it fits a long.
                long integer = NumberBounds.parse(scalar).longValueExact();
                return integer == (int) integer ? NODES.numberNode((int) integer) : NODES.numberNode(integer);
            }
            if (scalar.charAt(digits) == '.') {
                int fraction = digits + 1;
                while (fraction < scalar.length() && scalar.charAt(fraction) >= '0' && scalar.charAt(fraction) <= '9') {
                    fraction++;
                }
                if (fraction == scalar.length() && fraction > digits + 1) {
                    // Exact decimals: money and percentages must not pass through double.
                    BigDecimal decimal = NumberBounds.parse(scalar);
                    return NODES.numberNode(decimal);
                }
                throw Declined.INSTANCE;
            }
        } catch (NumberBounds.Refused e) {
            throw Declined.INSTANCE; // the full path reports it at its place
        }
        // no number, boolean or null of any YAML schema holds a space or a character outside
        // [0-9A-Za-z_.:+-]: "2x peak" and "1回試験済み" are text
        if (i == 0 && (DATE.matcher(scalar).matches() || UTC_TIME.matcher(scalar).matches() || notNumeric(scalar))) {
            return NODES.stringNode(scalar);
        }
        throw Declined.INSTANCE;
    }

    private static boolean notNumeric(String scalar) {
        for (int i = 0; i < scalar.length(); i++) {
            char c = scalar.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == '.'
                    || c == ':' || c == '+' || c == '-')) {
                return true;
            }
        }
        return false;
    }

    private static final java.util.regex.Pattern DATE = java.util.regex.Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    private static final java.util.regex.Pattern UTC_TIME =
            java.util.regex.Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z");
}
