package io.servicedocs.site.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PageWriterTest {

    private static byte[] written(String... parts) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PageWriter writer = new PageWriter(bytes)) {
            for (String part : parts) {
                writer.write(part);
            }
        }
        return bytes.toByteArray();
    }

    @Test
    void writesUtf8AsStringGetBytesDoes() throws IOException {
        assertArrayEquals("a ✓ é 𝄞".getBytes(StandardCharsets.UTF_8), written("a ", "✓", " é ", "𝄞"));
        assertEquals(0, written().length);
    }

    @Test
    void aPairOfSurrogatesSplitAtTheEndOfABlockIsOneCharacter() throws IOException {
        // 8,191 chars, then the pair: its high surrogate is the block's last char, its low one the next block's first
        String page = "x".repeat(8191) + "𝄞" + "y".repeat(20_000) + "✓";
        assertArrayEquals(page.getBytes(StandardCharsets.UTF_8), written(page));
        assertArrayEquals(page.getBytes(StandardCharsets.UTF_8), written(page.substring(0, 8192), page.substring(8192)));
    }

    @Test
    void writesCharsAndSingleCharacters() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PageWriter writer = new PageWriter(bytes)) {
            writer.write('<');
            writer.write("ab✓".toCharArray(), 1, 2);
            writer.append(">");
        }
        assertEquals("<b✓>", bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void anUnpairedSurrogateIsRefusedNotReplaced() {
        assertThrows(MalformedInputException.class, () -> written("a\ud800b"));
        assertThrows(MalformedInputException.class, () -> written("a\udfffb"));
        assertThrows(MalformedInputException.class, () -> written("x".repeat(10_000), "\ud800"));
        assertThrows(MalformedInputException.class, () -> written("ends with \ud800"));
    }
}
