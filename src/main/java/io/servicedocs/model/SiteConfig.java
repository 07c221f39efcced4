package io.servicedocs.model;

import java.util.Optional;

/**
 * Settings of the published site (site.yaml): title, language, where it is published, the first
 * month of the fiscal year (improvements are counted per fiscal half-year), and the language the
 * plain texts of the standard and the guides in content/ are written in. Title and company are
 * translatable in site.yaml; here they are already in {@code language}, resolved at load.
 */
public record SiteConfig(String title, String language, Optional<String> baseUrl, Optional<String> company,
                         Optional<Integer> fiscalYearStart, String defaultLanguage) {

    /** The language of plain texts when site.yaml does not say. */
    public static final String DEFAULT_LANGUAGE = "en";

    public static final SiteConfig DEFAULT = new SiteConfig("Production readiness", "en", Optional.empty(),
            Optional.empty(), Optional.empty(), DEFAULT_LANGUAGE);

    public SiteConfig {
        // absent from site.yaml: the binder passes null
        defaultLanguage = defaultLanguage == null ? DEFAULT_LANGUAGE : defaultLanguage;
        // site.yaml's schema allows only codes; a site in another language (withLanguage) is checked here too
        LanguageCode.require("language", language);
        LanguageCode.require("default language", defaultLanguage);
        baseUrl = baseUrl == null ? Optional.empty() : baseUrl;
        company = company == null ? Optional.empty() : company;
        fiscalYearStart = fiscalYearStart == null ? Optional.empty() : fiscalYearStart;
    }

    /**
     * The same settings shown in another language (the command line's --language).
     *
     * @throws IllegalArgumentException when {@code shown} is not a language code
     */
    public SiteConfig withLanguage(String shown) {
        return new SiteConfig(title, shown, baseUrl, company, fiscalYearStart, defaultLanguage);
    }
}
