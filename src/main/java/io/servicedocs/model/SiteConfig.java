package io.servicedocs.model;

import java.util.Optional;

/** Settings of the published site (site.yaml): title, interface language, where it is published. */
public record SiteConfig(String title, String language, Optional<String> baseUrl, Optional<String> company) {

    public static final SiteConfig DEFAULT = new SiteConfig("Production readiness", "en", Optional.empty(), Optional.empty());
}
