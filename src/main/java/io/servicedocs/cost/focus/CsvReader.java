package io.servicedocs.cost.focus;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads CSV as RFC 4180 defines it, plus what real files do: LF, CRLF or a lone CR end a record,
 * a UTF-8 byte order mark before the first field is dropped, and a quote inside an unquoted field
 * is taken literally. Each record knows the 1-based line on which it starts, counting line breaks
 * inside quoted fields, so that a message can point where a text editor shows the row.
 */
public final class CsvReader implements Closeable {

    /** Longer fields are refused: almost always an unclosed quote swallowing the rest of a file. */
    public static final int MAX_FIELD_LENGTH = 1 << 20;

    private static final int NONE = -2;

    /** One record: its fields, which of them were quoted, and the line it starts on. */
    public record CsvRecord(int line, List<String> fields, List<Boolean> quoted) {
        public CsvRecord {
            fields = List.copyOf(fields);
            quoted = List.copyOf(quoted);
            if (fields.size() != quoted.size()) {
                throw new IllegalArgumentException("fields and quoted differ in size");
            }
        }

        /** A line with nothing on it (one empty, unquoted field). */
        public boolean isBlank() {
            return fields.size() == 1 && fields.get(0).isEmpty() && !quoted.get(0);
        }
    }

    /** A file that is not CSV at some place; reading cannot go on after it. */
    public static final class CsvFormatException extends Exception {
        private final int line;

        public CsvFormatException(int line, String message) {
            super(message);
            this.line = line;
        }

        public int line() {
            return line;
        }
    }

    private final Reader in;
    private final char[] buffer = new char[8192];
    private int position;
    private int length;
    private int pushedBack = NONE;
    private int line = 1;
    private boolean started;

    public CsvReader(Reader in) {
        this.in = Objects.requireNonNull(in, "in");
    }

    /** The next record, or empty at the end of the input. A final line break starts no record. */
    public Optional<CsvRecord> next() throws IOException, CsvFormatException {
        int c = read();
        if (!started) {
            started = true;
            if (c == '\uFEFF') {
                c = read();
            }
        }
        if (c == -1) {
            return Optional.empty();
        }
        int start = line;
        List<String> fields = new ArrayList<>();
        List<Boolean> quoted = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        while (true) {
            field.setLength(0);
            boolean isQuoted = c == '"';
            if (isQuoted) {
                c = readQuoted(field, fields.size() + 1);
                if (c != ',' && c != '\r' && c != '\n' && c != -1) {
                    throw new CsvFormatException(line, "field " + (fields.size() + 1)
                            + ": unexpected character '" + (char) c + "' after the closing quote"
                            + " (a quote inside a quoted field must be doubled)");
                }
            } else {
                while (c != ',' && c != '\r' && c != '\n' && c != -1) {
                    append(field, (char) c, start, fields.size() + 1);
                    c = read();
                }
            }
            fields.add(field.toString());
            quoted.add(isQuoted);
            if (c == ',') {
                c = read();
                continue;
            }
            if (c == '\r') {
                int d = read();
                if (d != '\n') {
                    unread(d);
                }
            }
            if (c != -1) {
                line++;
            }
            return Optional.of(new CsvRecord(start, fields, quoted));
        }
    }

    /** Reads a quoted field after its opening quote; returns the character after the closing quote. */
    private int readQuoted(StringBuilder field, int fieldNumber) throws IOException, CsvFormatException {
        int opened = line;
        while (true) {
            int c = read();
            if (c == -1) {
                throw new CsvFormatException(opened, "field " + fieldNumber
                        + ": the quoted field opened on this line is not closed before the end of the file");
            }
            if (c == '"') {
                int d = read();
                if (d != '"') {
                    return d;
                }
            } else if (c == '\r') {
                int d = read();
                if (d == '\n') {
                    append(field, '\r', opened, fieldNumber);
                    c = '\n';
                } else {
                    unread(d);
                }
                line++;
            } else if (c == '\n') {
                line++;
            }
            append(field, (char) c, opened, fieldNumber);
        }
    }

    private static void append(StringBuilder field, char c, int line, int fieldNumber) throws CsvFormatException {
        if (field.length() >= MAX_FIELD_LENGTH) {
            throw new CsvFormatException(line, "field " + fieldNumber + ": longer than "
                    + MAX_FIELD_LENGTH + " characters (is a quote not closed?)");
        }
        field.append(c);
    }

    private int read() throws IOException {
        if (pushedBack != NONE) {
            int c = pushedBack;
            pushedBack = NONE;
            return c;
        }
        if (position == length) {
            length = in.read(buffer);
            position = 0;
            if (length <= 0) {
                length = 0;
                return -1;
            }
        }
        return buffer[position++];
    }

    private void unread(int c) {
        pushedBack = c;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
