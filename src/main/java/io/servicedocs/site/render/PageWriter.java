package io.servicedocs.site.render;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;

/**
 * A page as FreeMarker writes it, to a file in UTF-8: the text is gathered in a buffer of chars
 * and encoded a block at a time. A template writes its page in thousands of small strings, and
 * {@code BufferedWriter} over {@code OutputStreamWriter} took a lock at each one, twice (issue 15:
 * the writers were a tenth of a product page's time, JFR). The encoder is UTF-8's own with its
 * defaults, as {@code Files.newBufferedWriter}'s: an unpaired surrogate is refused
 * ({@link java.nio.charset.MalformedInputException}), never replaced. Not thread-safe: one page,
 * one thread.
 */
final class PageWriter extends Writer {

    private static final int CHARS = 8192;

    private final OutputStream out;
    private final CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder();
    private final char[] chars = new char[CHARS];
    private final CharBuffer pending = CharBuffer.wrap(chars);
    /** Room for a full block of chars in UTF-8 (at most 3 bytes a char; a pair of surrogates makes 4 of 2). */
    private final byte[] bytes = new byte[CHARS * 3];
    private final ByteBuffer encoded = ByteBuffer.wrap(bytes);
    private int filled;
    private boolean closed;

    PageWriter(OutputStream out) {
        this.out = out;
    }

    @Override
    public void write(int c) throws IOException {
        if (filled == CHARS) {
            encode(false);
        }
        chars[filled++] = (char) c;
    }

    @Override
    public void write(String text, int offset, int length) throws IOException {
        while (length > 0) {
            if (filled == CHARS) {
                encode(false);
            }
            int n = Math.min(length, CHARS - filled);
            text.getChars(offset, offset + n, chars, filled);
            filled += n;
            offset += n;
            length -= n;
        }
    }

    @Override
    public void write(char[] text, int offset, int length) throws IOException {
        while (length > 0) {
            if (filled == CHARS) {
                encode(false);
            }
            int n = Math.min(length, CHARS - filled);
            System.arraycopy(text, offset, chars, filled, n);
            filled += n;
            offset += n;
            length -= n;
        }
    }

    @Override
    public Writer append(CharSequence text) throws IOException {
        String string = String.valueOf(text);
        write(string, 0, string.length());
        return this;
    }

    /**
     * Encodes the chars gathered and writes their bytes; a high surrogate at the end of the block
     * stays for the next one (its pair may follow), unless this is the end of the page.
     */
    private void encode(boolean end) throws IOException {
        pending.limit(filled).position(0);
        CoderResult result;
        do {
            encoded.clear();
            result = encoder.encode(pending, encoded, end);
            if (result.isError()) {
                result.throwException();
            }
            out.write(bytes, 0, encoded.position());
        } while (result.isOverflow());
        if (end) {
            encoded.clear();
            result = encoder.flush(encoded);
            if (result.isError()) {
                result.throwException();
            }
            out.write(bytes, 0, encoded.position());
        }
        int left = pending.remaining();
        System.arraycopy(chars, pending.position(), chars, 0, left);
        filled = left;
    }

    /** Writes the bytes of what was written so far, except a high surrogate at the end, which waits for its pair. */
    @Override
    public void flush() throws IOException {
        if (closed) {
            return;
        }
        encode(false);
        out.flush();
    }

    /** Writes the rest (an unpaired surrogate at the end is refused) and closes the stream. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try (out) {
            encode(true);
            if (filled > 0) {
                // the encoder left chars it could not end with: a lone high surrogate
                CoderResult.malformedForLength(filled).throwException();
            }
        }
    }
}
