package io.servicedocs.site.view;

import io.servicedocs.site.view.MatrixPage.Column;
import java.util.List;

/**
 * Products x security checks, one page of them: checks grouped by category (empty ones left out).
 * At thousands of products one page would run to tens of megabytes, so the products come in
 * pages of {@link #PAGE_SIZE}: security.html, then security/2.html, ...
 *
 * @param products this page's products
 * @param number this page's number, from 1
 * @param pageCount how many pages there are
 * @param total how many products there are in all
 */
public record SecurityMatrixPage(List<CheckGroup> categories, List<ProductView> products, int number, int pageCount,
                                 int total) {

    public static final int PAGE_SIZE = 100;

    public record CheckGroup(String id, String title, List<Column> checks) {
    }

    /** The page's path from the site's root: security.html, security/2.html, ... */
    public String path() {
        return number == 1 ? "security.html" : "security/" + number + ".html";
    }
}
