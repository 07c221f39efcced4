package io.servicedocs.load;

import io.servicedocs.model.Diagnostic;
import io.servicedocs.model.Position;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLParser;

/**
 * Turns the bytes of a YAML file into a {@link YamlDocument}, or into one diagnostic that says
 * exactly what is wrong and where. Never throws on bad input.
 *
 * <p>The tree is built from Jackson's token stream by hand so that every key and value keeps its
 * position, duplicate keys are reported with both places, and aliases are refused: an alias in
 * Jackson's streaming parser would silently become a string, and expanding aliases is how "YAML
 * bombs" blow up memory. Service Docs have no need for them.
 */
public final class YamlReader {

    /**
     * Larger files are refused before parsing; a Service Doc is a few kilobytes. Cost-data month
     * files have their own, larger limit: {@link FileKind#maxBytes()}.
     */
    public static final long MAX_BYTES = 1024 * 1024;

    /**
     * Longer lines are refused before parsing: the YAML scanner takes time quadratic in the length
     * of a scalar's line (a million-digit number takes seconds), and no Service Doc needs them.
     */
    public static final int MAX_LINE_LENGTH = 64 * 1024;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    // SnakeYAML's own limit (3 Mi code points) would refuse cost-data months that the size
    // limit of their kind accepts: callers check the bytes against FileKind.maxBytes() first.
    // Numbers up to a line long reach NumberBounds, which refuses them with their place and the
    // bounds; Jackson's own limit (1000 characters) would fail without saying where.
    private static final class Full {
        static final YAMLFactory FACTORY = YAMLFactory.builder()
                .loadSettings(LoadSettings.builder().setCodePointLimit((int) FileKind.COST_MONTH_MAX_BYTES)
                        // duplicates are ours to report, with the places of both keys (Builder)
                        .setAllowDuplicateKeys(true).build())
                .streamReadConstraints(StreamReadConstraints.builder().maxNumberLength(MAX_LINE_LENGTH).build())
                .build();
    }

    /**
     * Whether files in the plain subset of YAML are read by {@link PlainBlockYaml} (the same tree
     * and places, ten times faster) before the full path; off only to compare the two in tests.
     * The full path's factory (Jackson's YAML parser over snakeyaml-engine) is made when a file
     * first needs it (holder class {@link Full}): a repository of plain files never loads it.
     */
    private final boolean plainSubset;

    public YamlReader() {
        this(true);
    }

    YamlReader(boolean plainSubset) {
        this.plainSubset = plainSubset;
    }

    /** The parsed document, or the diagnostic explaining why there is none. */
    public record Result(Optional<YamlDocument> document, Optional<Diagnostic> problem) {

        static Result of(YamlDocument document) {
            return new Result(Optional.of(document), Optional.empty());
        }

        static Result of(Diagnostic problem) {
            return new Result(Optional.empty(), Optional.of(problem));
        }
    }

    public Result read(String path, byte[] bytes) {
        return read(path, bytes, false);
    }

    /**
     * A file of several YAML documents separated by '---' (OpenSLO's slos.yaml): the tree's root
     * is a sequence holding each document in file order, so that "/1/spec/service" is the
     * service of the second document and every position is the one in the file, whichever
     * document it stands in. A file of one document gives a sequence of one.
     */
    public Result readDocuments(String path, byte[] bytes) {
        return read(path, bytes, true);
    }

    private Result read(String path, byte[] bytes, boolean documents) {
        int nul = indexOf(bytes, (byte) 0);
        if (nul >= 0) {
            return Result.of(Diagnostic.error(path, positionOfByte(bytes, nul), "file-binary",
                    "file contains a NUL byte: it is binary, not YAML text"));
        }
        CharBuffer decoded;
        try {
            decoded = decodeUtf8(bytes);
        } catch (NotUtf8 e) {
            return Result.of(Diagnostic.error(path, e.at, "file-encoding", String.format(
                    "byte 0x%02X is not valid UTF-8; expected the file to be saved as UTF-8", e.badByte)));
        }
        char[] chars = decoded.array();
        int from = decoded.limit() > 0 && chars[0] == '\uFEFF' ? 1 : 0;
        String text = new String(chars, from, decoded.limit() - from);
        // one scan of the characters: a text of the plain subset has none refused and no line too long
        boolean plainCharacters = plainSubset && !documents
                && PlainBlockYaml.plainCharacters(chars, from, decoded.limit(), MAX_LINE_LENGTH);
        if (!plainCharacters) {
            Optional<Diagnostic> characters = checkCharacters(path, text);
            if (characters.isPresent()) {
                return Result.of(characters.get());
            }
        } else {
            Optional<PlainBlockYaml.Tree> plain = PlainBlockYaml.readPlain(text);
            if (plain.isPresent()) {
                return Result.of(new YamlDocument(path, plain.get().root(), plain.get().rootPlace(), plain.get().places()));
            }
        }
        try (JsonParser parser = Full.FACTORY.createParser(text)) {
            Builder builder = new Builder((YAMLParser) parser);
            if (builder.next() == null) {
                return Result.of(Diagnostic.error(path, Position.START, "yaml-empty",
                        "file is empty; expected a YAML mapping (see the schema named on the first line)"));
            }
            if (documents) {
                // each document is read as the one of a single-document file, under its index
                long first = place(parser.currentTokenLocation());
                ArrayNode all = NODES.arrayNode();
                Places.Builder places = new Places.Builder(false);
                do {
                    all.add(builder.value());
                    places.add(builder.valueAt, builder.valuePlaces);
                } while (builder.next() != null);
                return Result.of(new YamlDocument(path, all, first, places.build()));
            }
            JsonNode root = builder.value();
            if (builder.next() != null) {
                return Result.of(Diagnostic.error(path, position(parser.currentTokenLocation()),
                        "yaml-multiple-documents", "a second YAML document starts here; expected one document per file"));
            }
            return Result.of(new YamlDocument(path, root, builder.valueAt, builder.valuePlaces));
        } catch (YamlProblem e) {
            return Result.of(Diagnostic.error(path, e.at, e.rule, e.getMessage()));
        } catch (StreamReadException e) {
            return Result.of(syntaxError(path, e));
        } catch (JacksonException e) {
            TokenStreamLocation location = e.getLocation();
            return Result.of(Diagnostic.error(path, location == null ? Position.START : position(location),
                    "yaml-syntax", "invalid YAML: " + e.getOriginalMessage()));
        }
    }

    /**
     * Refuses, at their place, the characters text may not contain ({@link TextCharacters}; the
     * YAML scanner would only say "special characters are not allowed" at line 1), and lines
     * longer than {@link #MAX_LINE_LENGTH}.
     */
    private static Optional<Diagnostic> checkCharacters(String path, String text) {
        int refused = TextCharacters.firstRefused(text);
        int end = refused < 0 ? text.length() : refused;
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < end; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            } else if (i - lineStart == MAX_LINE_LENGTH) {
                return Optional.of(Diagnostic.error(path, new Position(line, MAX_LINE_LENGTH + 1), "yaml-line-too-long",
                        "line " + line + " is longer than " + MAX_LINE_LENGTH + " characters; break it"
                                + " (e.g. a block scalar with '|' for long text)"));
            }
        }
        if (refused >= 0) {
            return Optional.of(Diagnostic.error(path, new Position(line, refused - lineStart + 1), TextCharacters.RULE,
                    TextCharacters.message(text, refused, "the file")));
        }
        return Optional.empty();
    }

    private static Diagnostic syntaxError(String path, StreamReadException e) {
        if (e.getCause() instanceof MarkedYamlEngineException marked) {
            Position at = marked.getProblemMark().map(YamlReader::position).orElse(Position.START);
            String problem = marked.getProblem() == null ? "" : marked.getProblem();
            if (problem.contains("\\t(TAB)")) {
                return Diagnostic.error(path, at, "yaml-tab",
                        "tab character used for indentation; YAML indentation must use spaces");
            }
            // where the construct that failed began, when it is not where the scanner stopped: an
            // unclosed '[' is found lines later, at the next key
            Optional<Position> began = marked.getContextMark().map(YamlReader::position).filter(p -> !p.equals(at));
            String context = marked.getContext() == null ? "" : marked.getContext()
                    + began.map(p -> " that began at line " + p.line() + ", column " + p.column()).orElse("") + ": ";
            // the scanner names a key by its token, "?", which the file need not hold
            problem = problem.endsWith(" but got ?") ? problem.substring(0, problem.length() - 1) + "the next key" : problem;
            return Diagnostic.error(path, at, "yaml-syntax", "invalid YAML: " + context + problem);
        }
        TokenStreamLocation location = e.getLocation();
        Position at = location == null ? Position.START : position(location);
        return Diagnostic.error(path, at, "yaml-syntax", "invalid YAML: " + e.getOriginalMessage());
    }

    /**
     * Builds the node tree from the token stream, and beside it the tree of places ({@link Places}):
     * after {@link #value()}, {@link #valueAt} is where the value stands and {@link #valuePlaces}
     * where its children do.
     */
    private static final class Builder {
        final YAMLParser parser;
        long valueAt;
        Places valuePlaces;

        Builder(YAMLParser parser) {
            this.parser = parser;
        }

        JsonToken next() {
            JsonToken token = parser.nextToken();
            if (parser.isCurrentAlias()) {
                throw new YamlProblem(position(parser.currentTokenLocation()), "yaml-alias",
                        "YAML alias '*" + parser.getText() + "' is not supported; write the value out in full");
            }
            return token;
        }

        JsonNode value() {
            long at = place(parser.currentTokenLocation());
            JsonNode node = node(at);
            valueAt = at;
            return node;
        }

        private JsonNode node(long place) {
            valuePlaces = Places.NONE;
            JsonToken token = parser.currentToken();
            switch (token) {
                case START_OBJECT:
                    ObjectNode object = NODES.objectNode();
                    Places.Builder children = new Places.Builder(true);
                    while (next() == JsonToken.PROPERTY_NAME) {
                        String name = parser.currentName();
                        long keyAt = place(parser.currentTokenLocation());
                        checkText(name, keyAt, "a key");
                        if (object.has(name)) {
                            Position first = Places.position(children.key(name));
                            throw new YamlProblem(Places.position(keyAt), "yaml-duplicate-key", "duplicate key '" + name
                                    + "'; it is already defined at line " + first.line() + ", column " + first.column());
                        }
                        next();
                        object.set(name, value());
                        children.add(name, keyAt, valueAt, valuePlaces);
                    }
                    valuePlaces = children.build();
                    return object;
                case START_ARRAY:
                    ArrayNode array = NODES.arrayNode();
                    Places.Builder elements = new Places.Builder(false);
                    while (next() != JsonToken.END_ARRAY) {
                        array.add(value());
                        elements.add(valueAt, valuePlaces);
                    }
                    valuePlaces = elements.build();
                    return array;
                case VALUE_STRING:
                    String string = parser.getString();
                    checkText(string, place, "a string");
                    return NODES.stringNode(string);
                case VALUE_NUMBER_INT:
                    // Within the bounds, an integer has at most 18 digits: it fits a long.
                    long integer = number(place).longValueExact();
                    return integer == (int) integer ? NODES.numberNode((int) integer) : NODES.numberNode(integer);
                case VALUE_NUMBER_FLOAT:
                    // Exact decimals: money and percentages must not pass through double.
                    return NODES.numberNode(number(place));
                case VALUE_TRUE:
                    return NODES.booleanNode(true);
                case VALUE_FALSE:
                    return NODES.booleanNode(false);
                case VALUE_NULL:
                    return NODES.nullNode();
                default:
                    throw new YamlProblem(Places.position(place), "yaml-syntax", "unexpected YAML content (" + token + ")");
            }
        }

        /** The number at the current token, judged from its text before it is converted. */
        private BigDecimal number(long at) {
            try {
                return NumberBounds.parse(parser.getText());
            } catch (NumberBounds.Refused e) {
                throw new YamlProblem(Places.position(at), NumberBounds.RULE, e.getMessage());
            }
        }

        /** Refuses a key or string (after its escapes are decoded, e.g. "\x01") with a refused character. */
        private static void checkText(String text, long at, String what) {
            int refused = TextCharacters.firstRefused(text);
            if (refused >= 0) {
                throw new YamlProblem(Places.position(at), TextCharacters.RULE, TextCharacters.message(text, refused,
                        what + " (from an escape such as \"\\x01\")"));
            }
        }
    }

    private static final class YamlProblem extends RuntimeException {
        final Position at;
        final String rule;

        YamlProblem(Position at, String rule, String message) {
            super(message, null, false, false);
            this.at = at;
            this.rule = rule;
        }
    }

    private static final class NotUtf8 extends Exception {
        final Position at;
        final int badByte;

        NotUtf8(Position at, int badByte) {
            super(null, null, false, false);
            this.at = at;
            this.badByte = badByte;
        }
    }

    /** The characters of the bytes, from the start of the buffer's array to its limit. */
    private static CharBuffer decodeUtf8(byte[] bytes) throws NotUtf8 {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            out.flip();
            throw new NotUtf8(positionAfter(out), bytes[in.position()] & 0xFF);
        }
        out.flip();
        return out;
    }

    /** Line and column of the byte at {@code offset}, counting characters of the text before it. */
    private static Position positionOfByte(byte[] bytes, int offset) {
        String before = new String(bytes, 0, offset, StandardCharsets.UTF_8);
        return positionAfter(before);
    }

    private static Position positionAfter(CharSequence text) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new Position(line, column);
    }

    private static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private static long place(TokenStreamLocation location) {
        return Places.pack(Math.max(1, location.getLineNr()), Math.max(1, location.getColumnNr()));
    }

    private static Position position(TokenStreamLocation location) {
        return new Position(Math.max(1, location.getLineNr()), Math.max(1, location.getColumnNr()));
    }

    private static Position position(Mark mark) {
        return new Position(mark.getLine() + 1, mark.getColumn() + 1);
    }
}
