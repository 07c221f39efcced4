package io.servicedocs.model;

import java.util.Optional;

/**
 * A category of quality items or security checks, in display order.
 *
 * @param appliesIf for a quality category: when its items apply to a product; empty: always
 */
public record Category(String id, String title, Optional<String> description, Optional<AppliesIf> appliesIf) {

    public Category {
        appliesIf = appliesIf == null ? Optional.empty() : appliesIf;
    }

    public Category(String id, String title, Optional<String> description) {
        this(id, title, description, Optional.empty());
    }
}
