package io.servicedocs.site.svg;

import io.servicedocs.assess.ProductReadiness;

/** The SVG badges of api/badges/: one per product, for READMEs. */
public final class Badge {

    private Badge() {
    }

    /**
     * A badge for READMEs, in the usual two-part style: the phase on the left, the share of the
     * phase's requirements satisfied on the right (green when all, amber from 80 %, red below).
     */
    public static String of(ProductReadiness p) {
        String label = p.phase().name();
        String value = p.current().percentSatisfied() + "%";
        String colour = p.current().meets() ? "#2e7d32" : p.current().percentSatisfied() >= 80 ? "#b26a00" : "#c62828";
        int left = 10 + 7 * label.length();
        int right = 10 + 7 * value.length();
        String title = Svg.text(p.product().serviceDoc().name() + ": " + label + ", " + value + " of the phase's requirements met");
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + (left + right) + "\" height=\"20\" role=\"img\" aria-label=\""
                + title + "\">\n<title>" + title + "</title>\n"
                + "<rect width=\"" + left + "\" height=\"20\" fill=\"#555\"/>\n"
                + "<rect x=\"" + left + "\" width=\"" + right + "\" height=\"20\" fill=\"" + colour + "\"/>\n"
                + "<g fill=\"#fff\" font-family=\"Verdana,DejaVu Sans,sans-serif\" font-size=\"11\" text-anchor=\"middle\">\n"
                + "<text x=\"" + left / 2 + "\" y=\"14\">" + Svg.text(label) + "</text>\n"
                + "<text x=\"" + (left + right / 2) + "\" y=\"14\">" + Svg.text(value) + "</text>\n</g>\n</svg>\n";
    }

}
