package io.servicedocs.site.view;

import io.servicedocs.site.view.MatrixPage.Column;
import java.util.List;

/** Products x security checks: checks grouped by category (empty ones left out). */
public record SecurityMatrixPage(List<CheckGroup> categories, List<ProductView> products) {

    public record CheckGroup(String id, String title, List<Column> checks) {
    }
}
