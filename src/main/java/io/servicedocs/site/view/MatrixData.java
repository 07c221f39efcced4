package io.servicedocs.site.view;

import java.util.List;
import java.util.Map;

/**
 * The maturity matrix as compact data, for the home page's script (matrix-data.js): the page
 * prints only its first screen of rows, and the script renders any other view (a filter, the
 * readiness sort, the next rows) from this. Short keys on purpose: at 5,000 products every byte
 * of a row is five kilobytes of the file.
 *
 * @param items the matrix's columns, in order
 * @param phases every phase, in lifecycle order: rows name theirs by index
 * @param teams team id to display name
 * @param tiers tier id to name
 * @param links what products lack for their next phase (anchor, title, check); rows name them by index
 * @param products one row per product, in the matrix's order
 * @param messages the interface strings the rows print, by key
 */
public record MatrixData(List<Column> items, List<MatrixPage.Named> phases, Map<String, String> teams,
                         Map<String, String> tiers, List<List<Object>> links, List<Row> products,
                         Map<String, String> messages) {

    /**
     * A column: a quality item.
     *
     * @param levels the title of each level, by level
     */
    public record Column(String id, String title, String category, boolean binary, int max, List<String> levels) {
    }

    /**
     * One product's row (keys as the script reads them).
     *
     * @param i id
     * @param n name
     * @param p its phase, an index into {@code phases}
     * @param t tier id, empty when none
     * @param m owner team id
     * @param pc percent of the current phase met
     * @param s satisfied requirements of the current phase
     * @param q requirements of the current phase
     * @param w waived requirements
     * @param b below its phase
     * @param x the next phase, an index into {@code phases}; -1 in the last phase
     * @param np percent of the next phase met; -1 in the last phase
     * @param r ready for the next phase
     * @param g the missing count for the next phase
     * @param gl what is missing, indexes into {@code links} (the first few, then the rest)
     * @param gs how many of {@code gl} the row shows before "more"
     * @param c the cells: three characters per column, the display status (e exceeds, m meets,
     *          w waived, x misses, n none, a not applicable, - no such item), the level and the
     *          required level in base 36
     * @param na the not-applicable cells by column index: applicability code and the team's reason
     * @param k the risk marks: risk code, count, names
     */
    public record Row(String i, String n, int p, String t, String m, int pc, int s, int q, int w, boolean b, int x,
                      int np, boolean r, int g, List<Integer> gl, int gs, String c, Map<Integer, List<String>> na,
                      List<List<Object>> k) {
    }

    /** The single character of a display status in {@link Row#c}. */
    public static char statusCode(String displayStatus) {
        return switch (displayStatus) {
            case "exceeds" -> 'e';
            case "meets" -> 'm';
            case "waived" -> 'w';
            case "misses" -> 'x';
            case "not-applicable" -> 'a';
            default -> 'n';
        };
    }

    /** A level as one base-36 digit (levels run from 0 to a few; 35 is the most a cell can say). */
    public static char digit(int level) {
        return Character.forDigit(Math.max(0, Math.min(35, level)), 36);
    }
}
