package io.servicedocs.site.view;

import java.util.Optional;

/**
 * What every page shows of the site: its frame, footer and the standard's name.
 *
 * @param linkBase the base URL ending with '/', for links that must be absolute (badge snippets)
 * @param generatedOn the build's day, ISO-8601
 */
public record SiteInfo(String title, String language, Optional<String> company, Optional<String> baseUrl,
                       Optional<String> linkBase, String generatedOn, String standardName, String standardVersion) {

    public record GuideLink(String title, String url) {
    }
}
