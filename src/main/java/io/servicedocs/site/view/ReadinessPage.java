package io.servicedocs.site.view;

import java.util.List;

/**
 * One page of promotion readiness: products in order of readiness, {@link #PAGE_SIZE} a page
 * (readiness.html, then readiness/2.html, ...), each with its card of what is missing.
 *
 * @param products this page's products
 * @param number this page's number, from 1
 * @param pageCount how many pages there are
 * @param total how many products there are in all
 */
public record ReadinessPage(List<ProductView> products, int number, int pageCount, int total) {

    public static final int PAGE_SIZE = 100;

    /** The path from the site's root of page {@code number}: readiness.html, readiness/2.html, ... */
    public static String path(int number) {
        return number == 1 ? "readiness.html" : "readiness/" + number + ".html";
    }

    public String path() {
        return path(number);
    }
}
