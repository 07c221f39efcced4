package io.servicedocs.site.view;

/**
 * Converts the AsciiDoc of a YAML field (a product's description, a phase's, an item's) to HTML
 * that is safe to print. The renderer implements it; the file and JSON pointer are what a
 * conversion that fails or runs out of time reports.
 */
@FunctionalInterface
public interface AsciidocFields {

    String toHtml(String file, String pointer, String asciidoc);
}
