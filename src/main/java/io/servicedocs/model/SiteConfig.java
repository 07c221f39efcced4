package io.servicedocs.model;

import java.util.Optional;

/**
 * Settings of the published site (site.yaml): title, interface language, where it is published,
 * the first month of the fiscal year (improvements are counted per fiscal half-year).
 */
public record SiteConfig(String title, String language, Optional<String> baseUrl, Optional<String> company,
                         Optional<Integer> fiscalYearStart) {

    public static final SiteConfig DEFAULT = new SiteConfig("Production readiness", "en", Optional.empty(),
            Optional.empty(), Optional.empty());
}
