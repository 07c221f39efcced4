package io.servicedocs.validate;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Size bounds of the AsciiDoc that arrives in a pull request. Some markup makes Asciidoctor's
 * inline substitutions superlinear (long runs of unbalanced {@code xref:a[}, {@code <<a,},
 * {@code footnote:[}...): bounding the size keeps a field's worst case to seconds, and the site's
 * time budget per document (site.SecureAsciidoc) stops the rest. The bounds count UTF-8 bytes.
 */
public final class AsciidocSize {

    /** An AsciiDoc field of a YAML file (a description): 16 KiB. */
    public static final int MAX_FIELD_BYTES = 16 * 1024;

    /** A page of content/: 256 KiB. */
    public static final long MAX_PAGE_BYTES = 256 * 1024;

    private AsciidocSize() {
    }

    /** Why an AsciiDoc field is too long, if it is. */
    public static Optional<String> fieldTooLong(String asciidoc) {
        if (asciidoc == null || asciidoc.length() * 3L <= MAX_FIELD_BYTES) {
            return Optional.empty(); // no UTF-16 unit takes more than 3 bytes of UTF-8
        }
        int bytes = asciidoc.getBytes(StandardCharsets.UTF_8).length;
        if (bytes <= MAX_FIELD_BYTES) {
            return Optional.empty();
        }
        return Optional.of("AsciiDoc field is " + bytes + " bytes long; expected at most " + MAX_FIELD_BYTES
                + " bytes (16 KiB of UTF-8): put long text in a page under content/ and link to it");
    }

    /** Why a content page of {@code bytes} bytes is too long, if it is. */
    public static Optional<String> pageTooLong(long bytes) {
        if (bytes <= MAX_PAGE_BYTES) {
            return Optional.empty();
        }
        return Optional.of("the page is " + bytes + " bytes long; expected at most " + MAX_PAGE_BYTES
                + " bytes (256 KiB): split it into several pages");
    }
}
