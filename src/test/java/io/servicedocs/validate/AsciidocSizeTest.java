package io.servicedocs.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class AsciidocSizeTest {

    @Test
    void aFieldMayHave16KiBOfUtf8AndNotOneByteMore() {
        assertEquals(Optional.empty(), AsciidocSize.fieldTooLong("a".repeat(16384)));
        assertTrue(AsciidocSize.fieldTooLong("a".repeat(16385)).orElseThrow().contains("16385 bytes long"));
    }

    @Test
    void bytesAreCountedNotCharacters() {
        // 5461 euro signs are 16383 bytes; one more and a 2-byte e-acute go past the bound
        assertEquals(Optional.empty(), AsciidocSize.fieldTooLong("\u20ac".repeat(5461)));
        assertEquals(Optional.empty(), AsciidocSize.fieldTooLong("\u20ac".repeat(5461) + "a"));
        assertTrue(AsciidocSize.fieldTooLong("\u20ac".repeat(5461) + "\u00e9").isPresent());
        // a character outside the BMP is 4 bytes in UTF-8 (two UTF-16 units)
        assertEquals(Optional.empty(), AsciidocSize.fieldTooLong("\ud83d\ude00".repeat(4096)));
        assertTrue(AsciidocSize.fieldTooLong("\ud83d\ude00".repeat(4096) + "a").isPresent());
    }

    @Test
    void aPageMayHave256KiB() {
        assertEquals(Optional.empty(), AsciidocSize.pageTooLong(256 * 1024));
        assertTrue(AsciidocSize.pageTooLong(256 * 1024 + 1).orElseThrow().contains("expected at most 262144 bytes"));
    }
}
