package io.servicedocs.site.view;

import io.servicedocs.assess.Portfolio;
import io.servicedocs.model.Standard;
import io.servicedocs.site.view.SiteInfo.GuideLink;
import java.util.ArrayList;
import java.util.List;

/**
 * What the header's search box searches: the name and page of every product, quality item,
 * security check, owner team and guide, in the site's language (the standard's names are already
 * translated when it is loaded; guides are those of the language). Written at build time as
 * search-index.json, and as search-index.js for pages opened from file:// where a script cannot
 * fetch a file.
 *
 * @param language the site's language
 * @param entries products first, then items, checks, teams and guides, each in the site's order
 */
public record SearchIndex(String language, List<Entry> entries) {

    /**
     * @param kind product, item, check, team or guide
     * @param url relative to the site's root
     */
    public record Entry(String kind, String name, String url) {
    }

    public static SearchIndex of(Portfolio portfolio, List<GuideLink> guides, String language) {
        Standard standard = portfolio.standard();
        List<Entry> entries = new ArrayList<>();
        portfolio.products().forEach(p -> entries.add(new Entry("product", p.product().serviceDoc().name(),
                "products/" + p.id() + ".html")));
        standard.items().forEach(i -> entries.add(new Entry("item", standard.itemDisplayTitle(i),
                "standard/items.html#" + i.id())));
        standard.checks().forEach(c -> entries.add(new Entry("check", standard.checkDisplayTitle(c),
                "standard/checklist.html#" + c.id())));
        portfolio.teams().forEach(t -> entries.add(new Entry("team", t.name(), "teams.html#team-" + t.id())));
        guides.forEach(g -> entries.add(new Entry("guide", g.title(), g.url())));
        return new SearchIndex(language, List.copyOf(entries));
    }
}
