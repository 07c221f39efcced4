package io.servicedocs.review;

import io.servicedocs.model.Product;
import io.servicedocs.model.QualityItem;
import io.servicedocs.model.Repository;
import io.servicedocs.model.SecurityCheck;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What a reviewer reads beside an id: the product's name, the item's or check's title, and where
 * its page is on the published site.
 *
 * <p>Names come from the head (a renamed product shows its new name), else from the base (a
 * removed product). Links are made only from the base: the published site is built from the main
 * branch, so its address ({@code base_url} of site.yaml) and the pages it has are the base's. A
 * pull request thus cannot point the comment's links elsewhere by changing {@code base_url}, and
 * a product it adds gets no link to a page that does not exist yet.
 *
 * @param products product id → name
 * @param items quality item id → display title: "Backups (Storage)" when another item of that
 *              side's standard is also titled "Backups" ({@link io.servicedocs.model.Standard#itemDisplayTitle})
 * @param checks security check id → display title, likewise
 * @param linkBase the published site's address, ending with '/', made safe for a markdown link
 *                 destination ({@link #linkBase(String)}); empty without {@code base_url}
 * @param publishedProducts products with a page on the published site ({@code products/<id>.html})
 * @param publishedItems items with an anchor on {@code standard/items.html}
 * @param publishedChecks checks with an anchor on {@code standard/checklist.html}
 * @param binaryItems items that are binary (met / not met) at the head, else the base: their
 *                    levels read "not met" / "met"
 */
public record ReviewNames(Map<String, String> products, Map<String, String> items, Map<String, String> checks,
                          Optional<String> linkBase, Set<String> publishedProducts, Set<String> publishedItems,
                          Set<String> publishedChecks, Set<String> binaryItems) {

    public static final ReviewNames NONE = new ReviewNames(Map.of(), Map.of(), Map.of(), Optional.empty(), Set.of(),
            Set.of(), Set.of(), Set.of());

    /**
     * scheme, host name (no user info, no IPv6 brackets), port, path; no query or fragment. The
     * host must be followed by a port, a path or nothing, so "https://good.example@evil.example"
     * does not match.
     */
    private static final Pattern ADDRESS = Pattern.compile("(?i)(https?)://([a-z0-9.-]+)(:[0-9]{1,5})?(/[^?#]*)?");

    public ReviewNames {
        products = Map.copyOf(products);
        items = Map.copyOf(items);
        checks = Map.copyOf(checks);
        publishedProducts = Set.copyOf(publishedProducts);
        publishedItems = Set.copyOf(publishedItems);
        publishedChecks = Set.copyOf(publishedChecks);
        binaryItems = Set.copyOf(binaryItems);
    }

    /** A level of an item as a reviewer reads it: the number, or "not met" / "met" for a binary item. */
    public String level(String item, int level) {
        if (!binaryItems.contains(item)) {
            return Integer.toString(level);
        }
        return level >= 1 ? QualityItem.MET : QualityItem.NOT_MET;
    }

    /** A required level as a reviewer reads it: the number, or "not required" / "must be met" for a binary item. */
    public String requiredLevel(String item, int level) {
        if (!binaryItems.contains(item)) {
            return Integer.toString(level);
        }
        return level >= 1 ? "must be met" : "not required";
    }

    /** Names from the head, else the base; links from the base's site settings and pages. */
    public static ReviewNames of(Optional<Repository> base, Optional<Repository> head) {
        Map<String, String> products = new TreeMap<>();
        Map<String, String> items = new TreeMap<>();
        Map<String, String> checks = new TreeMap<>();
        Map<String, Boolean> binary = new TreeMap<>();
        // the base first, so that the head's names replace it
        for (Optional<Repository> side : java.util.List.of(base, head)) {
            side.ifPresent(r -> {
                r.products().forEach(p -> products.put(p.id(), p.serviceDoc().name()));
                r.standard().items().forEach(i -> items.put(i.id(), r.standard().itemDisplayTitle(i)));
                r.standard().items().forEach(i -> binary.put(i.id(), i.isBinary()));
                r.standard().checks().forEach(c -> checks.put(c.id(), r.standard().checkDisplayTitle(c)));
            });
        }
        Optional<String> linkBase = base.flatMap(r -> r.site().baseUrl()).flatMap(ReviewNames::linkBase);
        return new ReviewNames(products, items, checks, linkBase,
                base.map(r -> ids(r.products().stream().map(Product::id))).orElse(Set.of()),
                base.map(r -> ids(r.standard().items().stream().map(QualityItem::id))).orElse(Set.of()),
                base.map(r -> ids(r.standard().checks().stream().map(SecurityCheck::id))).orElse(Set.of()),
                ids(binary.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey)));
    }

    public Optional<String> productName(String id) {
        return Optional.ofNullable(products.get(id));
    }

    public Optional<String> itemTitle(String id) {
        return Optional.ofNullable(items.get(id));
    }

    public Optional<String> checkTitle(String id) {
        return Optional.ofNullable(checks.get(id));
    }

    /** {@code <base>products/<id>.html}, when the published site has that page. */
    public Optional<String> productUrl(String id) {
        return link(publishedProducts, id, "products/" + pathSegment(id) + ".html");
    }

    /** {@code <base>standard/items.html#<id>}: the item's card on the standard's items page. */
    public Optional<String> itemUrl(String id) {
        return link(publishedItems, id, "standard/items.html#" + pathSegment(id));
    }

    /** {@code <base>standard/checklist.html#<id>}: the check's card on the security checklist page. */
    public Optional<String> checkUrl(String id) {
        return link(publishedChecks, id, "standard/checklist.html#" + pathSegment(id));
    }

    private Optional<String> link(Set<String> published, String id, String page) {
        return published.contains(id) ? linkBase.map(b -> b + page) : Optional.empty();
    }

    /**
     * The configured address as the base of links in markdown, or empty when it cannot be one.
     * site.yaml is repository data: its schema asks only for "http(s)://" and no blank, so the
     * address is taken apart and rebuilt from parts that cannot end a link destination or a
     * table cell: an http(s) scheme, a plain host name, a port, and the path with every
     * character but letters, digits, {@code - . _ ~ /} and valid {@code %XX} escapes
     * percent-encoded. User info ({@code https://good@evil}), a query or a fragment (which
     * would swallow the page's path) give no links.
     */
    static Optional<String> linkBase(String configured) {
        java.util.regex.Matcher m = ADDRESS.matcher(configured.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        String path = m.group(4) == null ? "/" : encode(m.group(4), "/");
        return Optional.of(m.group(1).toLowerCase(java.util.Locale.ROOT) + "://" + m.group(2)
                + (m.group(3) == null ? "" : m.group(3)) + path + (path.endsWith("/") ? "" : "/"));
    }

    /** An id as one segment of a path or a fragment: ids are schema-checked, but the schema is not the only guard. */
    static String pathSegment(String id) {
        return encode(id, "");
    }

    private static String encode(String value, String alsoKept) {
        StringBuilder out = new StringBuilder();
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xff;
            boolean escape = b == '%' && i + 2 < bytes.length && hex(bytes[i + 1]) && hex(bytes[i + 2]);
            if (b < 0x80 && (Character.isLetterOrDigit(b) || "-._~".indexOf(b) >= 0 || alsoKept.indexOf(b) >= 0)
                    || escape) {
                out.append((char) b);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(b >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
            }
        }
        return out.toString();
    }

    private static boolean hex(byte b) {
        return b >= '0' && b <= '9' || b >= 'a' && b <= 'f' || b >= 'A' && b <= 'F';
    }

    private static Set<String> ids(java.util.stream.Stream<String> ids) {
        return ids.collect(java.util.stream.Collectors.toCollection(TreeSet::new));
    }
}
