package io.servicedocs.site.render;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * Cleans HTML converted from repository AsciiDoc with an allow-list: the formatting, tables,
 * code and links Asciidoctor produces stay; scripts, event handlers, styles, frames and links
 * other than http, https, mailto or relative ones go. Asciidoctor's SECURE mode stops includes,
 * but no safe mode removes passthrough HTML or a {@code link:javascript:...[]}.
 */
final class HtmlSanitizer {

    private static final Safelist SAFELIST = Safelist.relaxed()
            .addTags("hr", "kbd", "mark", "abbr", "figure", "figcaption", "details", "summary", "s", "del", "ins")
            .addAttributes(":all", "id", "class", "title")
            .addAttributes("td", "colspan", "rowspan")
            .addAttributes("th", "colspan", "rowspan", "scope")
            .addAttributes("ol", "start", "type")
            .removeProtocols("a", "href", "ftp")
            .removeProtocols("img", "src", "http")
            .preserveRelativeLinks(true)
            // a code block wider than the page scrolls in its own box: keyboard users must be able to
            // focus it to scroll it (WCAG 2.1.1; axe-core's scrollable-region-focusable). The value is ours.
            .addEnforcedAttribute("pre", "tabindex", "0");

    private HtmlSanitizer() {
    }

    static String clean(String html) {
        Document.OutputSettings output = new Document.OutputSettings().prettyPrint(false);
        // The base URI only lets relative links and anchors through unchanged; nothing is fetched.
        return Jsoup.clean(html, "https://servicedocs.invalid/", SAFELIST, output);
    }
}
