package io.servicedocs.site.svg;

/** What every SVG of the site shares. */
public final class Svg {

    private Svg() {
    }

    /** Text (element content or attribute value) escaped for SVG. */
    public static String text(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
