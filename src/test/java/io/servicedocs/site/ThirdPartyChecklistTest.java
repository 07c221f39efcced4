package io.servicedocs.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.servicedocs.TestRepositories;
import io.servicedocs.cli.CliAccess;
import io.servicedocs.load.SchemaValidator;
import io.servicedocs.model.AppliesIf;
import io.servicedocs.model.Category;
import io.servicedocs.model.Phase;
import io.servicedocs.model.Product;
import io.servicedocs.model.QualityItem;
import io.servicedocs.model.Repository;
import io.servicedocs.model.SecurityCheck;
import io.servicedocs.model.Standard;
import io.servicedocs.model.Tier;
import io.servicedocs.source.WorkingTreeSource;
import io.servicedocs.validate.Validation;
import io.servicedocs.validate.ValidationResult;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 11's "done when": a production-readiness checklist in the shape of published ones
 * (checklist.md: sections of yes/no checks, an SLO level A/B/C picked by the availability SLO,
 * two stages, sections that apply only with a data store or a tag) converted into a standard
 * (repo/) with nothing bent: every check and section is there, by title, with the stage and SLO
 * levels the checklist gives it; the repository validates; and its site shows the conditional
 * sections as not applicable where they do not apply, and assessed where they do.
 *
 * <p>The test reads checklist.md itself, so that a check added to the checklist and not to the
 * standard (or converted with another stage or level) fails here.
 */
class ThirdPartyChecklistTest {

    private static final Path FIXTURE = Path.of("src/test/resources/third-party-checklist");
    private static final List<String> DATA_STORE_SECTIONS = List.of("Databases", "Object storage");
    private static final String PCI_SECTION = "Payment card data";

    /** One SLO level of the checklist's table: availability SLOs from {@code from} (inclusive) to {@code below}. */
    record Level(String letter, BigDecimal from, Optional<BigDecimal> below) {

        boolean picks(BigDecimal availability) {
            return availability.compareTo(from) >= 0 && below.map(b -> availability.compareTo(b) < 0).orElse(true);
        }
    }

    /** A check: its stage is the section's unless the check is marked with another; levels A, B, C when unmarked. */
    record Check(String section, String title, String text, Set<String> levels, String stage) {
    }

    /** @param condition the section's "Applies only ..." line, without its emphasis; empty when it always applies */
    record Section(String title, String stage, Optional<String> condition, List<Check> checks) {
    }

    record Checklist(List<Level> levels, List<String> stages, List<Section> sections) {

        List<Check> checks() {
            return sections.stream().flatMap(s -> s.checks().stream()).toList();
        }
    }

    private static final Pattern LEVEL_ROW = Pattern.compile("^\\| ([A-Z])\\s+\\| (.+?)\\s+\\|.*$");
    private static final Pattern STAGE = Pattern.compile("^- \\*\\*(.+?)\\*\\*: .*$");
    private static final Pattern SECTION = Pattern.compile("^## \\d+\\. (.+)$");
    private static final Pattern SECTION_STAGE = Pattern.compile("^Stage: \\*\\*(.+)\\*\\*$");
    private static final Pattern CONDITION = Pattern.compile("^\\*(Applies only .+)\\*$");
    private static final Pattern CHECK = Pattern.compile(
            "^- \\[ \\] \\*\\*(.+?)\\*\\* — (.+?)(?: \\(([A-C](?:/[A-C])*)\\))?(?: \\[(.+?)\\])?$");

    /** checklist.md as its "How to read this checklist" section explains it. */
    static Checklist parse(String markdown) {
        List<Level> levels = new ArrayList<>();
        List<String> stages = new ArrayList<>();
        List<Section> sections = new ArrayList<>();
        String title = null;
        String stage = null;
        Optional<String> condition = Optional.empty();
        List<Check> checks = new ArrayList<>();
        for (String line : markdown.split("\n")) {
            Matcher m;
            if ((m = LEVEL_ROW.matcher(line)).matches()) {
                levels.add(level(m.group(1), m.group(2)));
            } else if (title == null && (m = STAGE.matcher(line)).matches()) {
                stages.add(m.group(1));
            } else if ((m = SECTION.matcher(line)).matches()) {
                if (title != null) {
                    sections.add(new Section(title, stage, condition, List.copyOf(checks)));
                }
                title = m.group(1);
                stage = null;
                condition = Optional.empty();
                checks.clear();
            } else if (title != null && (m = SECTION_STAGE.matcher(line)).matches()) {
                stage = m.group(1);
            } else if (title != null && (m = CONDITION.matcher(line)).matches()) {
                condition = Optional.of(m.group(1));
            } else if (title != null && (m = CHECK.matcher(line)).matches()) {
                Set<String> marked = m.group(3) == null ? Set.of("A", "B", "C") : Set.of(m.group(3).split("/"));
                checks.add(new Check(title, m.group(1), m.group(2), marked, m.group(4) == null ? stage : m.group(4)));
            } else if (line.startsWith("- [")) {
                throw new IllegalStateException("a check this test cannot read: " + line);
            }
        }
        sections.add(new Section(title, stage, condition, List.copyOf(checks)));
        return new Checklist(levels, stages, sections);
    }

    /** "99.95% or higher", "99.9% to 99.95%", "below 99.9%". */
    private static Level level(String letter, String range) {
        Matcher m;
        if ((m = Pattern.compile("^([0-9.]+)% or higher$").matcher(range)).matches()) {
            return new Level(letter, new BigDecimal(m.group(1)), Optional.empty());
        }
        if ((m = Pattern.compile("^([0-9.]+)% to ([0-9.]+)%$").matcher(range)).matches()) {
            return new Level(letter, new BigDecimal(m.group(1)), Optional.of(new BigDecimal(m.group(2))));
        }
        if ((m = Pattern.compile("^below ([0-9.]+)%$").matcher(range)).matches()) {
            return new Level(letter, BigDecimal.ZERO, Optional.of(new BigDecimal(m.group(1))));
        }
        throw new IllegalStateException("an SLO level range this test cannot read: " + range);
    }

    private static Checklist checklist;
    private static Path repo;
    private static Path out;
    private static Repository converted;
    private static ValidationResult validation;

    @BeforeAll
    static void convertedRepositoryBuilt(@TempDir Path dir) throws IOException {
        checklist = parse(Files.readString(FIXTURE.resolve("checklist.md")));
        repo = dir.resolve("repo");
        TestRepositories.copy(FIXTURE.resolve("repo"), repo);
        // what `servicedocs init` gives every programme: the schemas, the site's templates and assets, the starter guides
        for (String folder : List.of("schemas", "templates", "assets")) {
            TestRepositories.copy(TestRepositories.EXAMPLE.resolve(folder), repo.resolve(folder));
        }
        TestRepositories.copy(TestRepositories.EXAMPLE.resolve("starter/content"), repo.resolve("content"));
        validation = new Validation(new SchemaValidator(), TestRepositories.AS_OF).run(new WorkingTreeSource(repo));
        converted = validation.repository().orElseThrow();
        out = dir.resolve("site");
        CliAccess.Run build = SiteFixture.build(repo, out);
        assertEquals(0, build.status(), build.err());
    }

    @Test
    void theChecklistHasThePublishedShape() {
        assertEquals(List.of("A", "B", "C"), checklist.levels().stream().map(Level::letter).toList());
        assertEquals(List.of("Design review", "Pre-production"), checklist.stages());
        assertEquals(List.of("Architecture", "Service level objectives", "Observability", "Incident response",
                "Change management", "Resilience", "Security", "Databases", "Object storage", "Payment card data"),
                checklist.sections().stream().map(Section::title).toList());
        assertEquals(43, checklist.checks().size());
        assertEquals(Set.of("Design review", "Pre-production"),
                checklist.checks().stream().map(Check::stage).collect(Collectors.toSet()));
        assertEquals(Set.of(Set.of("A"), Set.of("A", "B"), Set.of("A", "B", "C")),
                checklist.checks().stream().map(Check::levels).collect(Collectors.toSet()));
        assertEquals(4, checklist.checks().stream().filter(c -> !c.stage().equals(sectionOf(c).stage())).count(),
                "checks due at the design review in later sections");
    }

    @Test
    void theRepositoryValidatesWithoutAFinding() {
        assertEquals(List.of(), validation.diagnostics());
        assertEquals(List.of("checkout", "mail-relay", "storefront"),
                converted.products().stream().map(p -> p.serviceDoc().id()).sorted().toList());
    }

    /** The stages are the first phases, in order, and the SLO levels the tiers, by name; nothing else was added. */
    @Test
    void stagesArePhasesAndSloLevelsAreTiers() {
        Standard standard = converted.standard();
        assertEquals(checklist.stages(), standard.phases().stream().map(Phase::name).toList().subList(0, 2));
        assertEquals(List.of("Production"), standard.phases().stream().map(Phase::name).toList().subList(2, 3),
                "and production, where every check stays required");
        assertEquals(checklist.levels().stream().map(l -> "SLO level " + l.letter()).toList(),
                standard.info().tiers().stream().map(Tier::name).toList());
    }

    /** Every section is a category and every check an item (or a security check) of it, with its stage and levels. */
    @Test
    void everySectionAndCheckIsInTheStandardWithItsStageAndLevels() {
        Standard standard = converted.standard();
        List<String> categories = new ArrayList<>(standard.categories().stream().map(Category::title).toList());
        categories.addAll(standard.securityCategories().stream().map(Category::title).toList());
        assertEquals(new TreeSet<>(checklist.sections().stream().map(Section::title).toList()), new TreeSet<>(categories),
                "one category per section, no other");
        assertEquals(checklist.checks().size(), standard.items().size() + standard.checks().size(),
                "one item or security check per check, no other");
        List<String> wrong = new ArrayList<>();
        for (Check check : checklist.checks()) {
            Optional<QualityItem> item = standard.items().stream().filter(i -> i.title().equals(check.title())).findFirst();
            Optional<SecurityCheck> securityCheck = standard.checks().stream()
                    .filter(c -> c.title().equals(check.title())).findFirst();
            String category;
            String requiredFrom;
            List<String> tiers;
            if (item.isPresent()) {
                assertTrue(item.get().isBinary(), check.title() + " is a yes/no check");
                category = categoryTitle(standard.categories(), item.get().category());
                requiredFrom = item.get().requiredFrom().orElseThrow();
                tiers = item.get().tiers();
            } else if (securityCheck.isPresent()) {
                category = categoryTitle(standard.securityCategories(), securityCheck.get().category());
                requiredFrom = securityCheck.get().requiredFrom();
                tiers = securityCheck.get().tiers();
            } else {
                wrong.add(check.title() + ": not in the standard");
                continue;
            }
            String stage = standard.phases().get(standard.phaseIndex(requiredFrom)).name();
            Set<String> levels = (tiers.isEmpty() ? standard.info().tiers().stream().map(Tier::id).toList() : tiers).stream()
                    .map(t -> standard.info().tiers().stream().filter(x -> x.id().equals(t)).findFirst().orElseThrow().name()
                            .substring("SLO level ".length()))
                    .collect(Collectors.toSet());
            if (!category.equals(check.section()) || !stage.equals(check.stage()) || !levels.equals(check.levels())) {
                wrong.add(check.title() + ": in '" + category + "', from '" + stage + "', levels " + new TreeSet<>(levels)
                        + "; the checklist says '" + check.section() + "', '" + check.stage() + "', "
                        + new TreeSet<>(check.levels()));
            }
        }
        assertEquals(List.of(), wrong);
    }

    /** "Applies only if the service has a data store" and "only to services tagged `pci`" are closed conditions. */
    @Test
    void conditionalSectionsAreCategoriesWithTheirCondition() {
        Standard standard = converted.standard();
        for (Section section : checklist.sections()) {
            Optional<AppliesIf> expected = section.condition().map(text -> switch (text) {
                case "Applies only if the service has a data store." -> AppliesIf.field(AppliesIf.Field.DATA_STORES);
                case "Applies only to services tagged `pci`." -> AppliesIf.tagged("pci");
                default -> throw new IllegalStateException("a condition the conversion has no form for: " + text);
            });
            Optional<Category> category = standard.categories().stream().filter(c -> c.title().equals(section.title()))
                    .findFirst();
            assertEquals(expected, category.flatMap(Category::appliesIf), section.title());
            if (category.isPresent()) {
                assertTrue(standard.items().stream().filter(i -> i.category().equals(category.get().id()))
                        .allMatch(i -> i.appliesIf().isEmpty()), "the items carry no condition of their own");
            }
        }
        assertEquals(List.of("Databases", "Object storage", PCI_SECTION), checklist.sections().stream()
                .filter(s -> s.condition().isPresent()).map(Section::title).toList());
    }

    /** Each product's tier is the SLO level the checklist's table picks for its availability SLO. */
    @Test
    void eachProductsTierIsTheLevelItsAvailabilitySloPicks() {
        for (Product product : converted.products()) {
            // the availability SLO is declared in slos.yaml; its target is a ratio, the table's levels are percents
            BigDecimal availability = product.slos().stream().filter(s -> s.name().equals("availability"))
                    .findFirst().orElseThrow().target().movePointRight(2);
            List<Level> picked = checklist.levels().stream().filter(l -> l.picks(availability)).toList();
            assertEquals(1, picked.size(), product.serviceDoc().id() + " " + availability);
            assertEquals(Optional.of("slo-" + picked.get(0).letter().toLowerCase()), product.serviceDoc().tier(),
                    product.serviceDoc().id() + " " + availability);
        }
        assertEquals(Set.of("slo-a", "slo-b", "slo-c"), converted.products().stream()
                .map(p -> p.serviceDoc().tier().orElseThrow()).collect(Collectors.toSet()), "one product per level");
    }

    /** mail-relay has no data store: the Databases and Object storage items are not applicable, and say why. */
    @Test
    void withoutADataStoreTheDataStoreSectionsAreNotApplicableOnTheProductPage() throws IOException {
        Document relay = page("products/mail-relay.html");
        assertEquals("No data stores declared.", relay.selectFirst("h3#data-stores + p").text());
        for (QualityItem item : itemsOf(DATA_STORE_SECTIONS)) {
            Element row = relay.selectFirst("tr#item-" + item.id());
            assertTrue(row.hasClass("row-not-applicable"), item.id());
            assertEquals("⊘ Not applicable", row.selectFirst(".status.s-not-applicable").text(), item.id());
            assertEquals("The standard says it does not apply (applies when the Service Doc sets data_stores)",
                    row.selectFirst(".applicability-not-applicable-by-standard").text(), item.id());
            assertEquals("data_stores", row.selectFirst(".applicability-not-applicable-by-standard code").text());
        }
        for (QualityItem item : itemsOf(List.of(PCI_SECTION))) {
            assertEquals("The standard says it does not apply (applies when the product is tagged pci)",
                    relay.selectFirst("tr#item-" + item.id() + " .applicability-not-applicable-by-standard").text());
        }
    }

    /** storefront has a database and a bucket: the same items are assessed, met or not, never not applicable. */
    @Test
    void withDataStoresTheSameItemsAreAssessed() throws IOException {
        Document storefront = page("products/storefront.html");
        assertEquals(List.of("catalog-db postgresql Products, prices and stock levels. No personal data",
                        "product-images s3 Product photos in every size the apps use. Not stated"),
                storefront.select("h3#data-stores + div table tbody tr").eachText());
        List<String> statuses = new ArrayList<>();
        for (QualityItem item : itemsOf(DATA_STORE_SECTIONS)) {
            Element row = storefront.selectFirst("tr#item-" + item.id());
            assertFalse(row.hasClass("row-not-applicable"), item.id());
            assertTrue(row.select("[class*=applicability-]").isEmpty(), item.id());
            statuses.add(item.id() + " " + row.selectFirst(".status").className().replace("status ", ""));
        }
        // slo-b: the (A) checks are not required; 'restore-tested' is the open gap, planned
        assertEquals(List.of("backward-compatible-migrations s-meets", "automated-backups s-meets",
                "restore-tested s-misses", "point-in-time-recovery s-none", "standby-replica s-meets",
                "no-public-buckets s-meets", "object-versioning s-meets", "retention-rules s-meets",
                "cross-region-replication s-none"), statuses);
    }

    /** The matrix: n/a cells for mail-relay's data-store sections; the pci section n/a except for checkout. */
    @Test
    void theMatrixShowsNotApplicableCells() throws IOException {
        Document matrix = page("index.html");
        for (String product : List.of("checkout", "mail-relay", "storefront")) {
            Element row = matrix.selectFirst("tr[data-product=" + product + "]");
            for (String section : List.of("databases", "object-storage", "payment-card-data")) {
                List<Element> cells = row.select("td[data-category=" + section + "]");
                assertEquals(itemsOf(List.of(titleOf(section))).size(), cells.size(), product + " " + section);
                boolean applies = section.equals("payment-card-data") ? product.equals("checkout")
                        : !product.equals("mail-relay");
                for (Element cell : cells) {
                    assertEquals(!applies, cell.hasClass("s-not-applicable"), product + " " + cell.selectFirst("a").attr("href"));
                    if (!applies) {
                        assertEquals("⊘n/a", cell.selectFirst(".sym").text() + cell.selectFirst(".lvl").text());
                        assertTrue(cell.selectFirst(".sr-only").text().endsWith(
                                ": Not applicable (The standard says it does not apply)"), cell.text());
                    }
                }
            }
        }
    }

    /** The standard's page says when each conditional item applies; the product page shows the tags. */
    @Test
    void theStandardsPageShowsTheConditionsAndTheProductPageTheTags() throws IOException {
        Document items = page("standard/items.html");
        for (QualityItem item : itemsOf(DATA_STORE_SECTIONS)) {
            assertEquals(List.of("Applies only to products whose Service Doc sets data_stores"),
                    items.select("article#" + item.id() + " p.applies-if").eachText());
        }
        for (QualityItem item : itemsOf(List.of(PCI_SECTION))) {
            assertEquals(List.of("Applies only to products tagged pci"),
                    items.select("article#" + item.id() + " p.applies-if").eachText());
        }
        assertTrue(items.select("article#runbook p.applies-if").isEmpty(), "an unconditional item says nothing");

        Document checkout = page("products/checkout.html");
        assertEquals(List.of("pci", "customer-facing"), checkout.select("dd.tags code.tag").eachText());
        assertEquals("orders-db postgresql Orders and the tokens of saved cards. Holds personal data",
                checkout.selectFirst("tr#store-orders-db").text());
        for (QualityItem item : itemsOf(List.of(PCI_SECTION))) {
            assertFalse(checkout.selectFirst("tr#item-" + item.id()).hasClass("row-not-applicable"), item.id());
        }
    }

    @Test
    void theExportCarriesDataStoresAndTags() throws IOException {
        JsonNode index = JsonMapper.builder().build().readTree(Files.readString(out.resolve("api/products.json")));
        assertEquals("3.0", index.get("schema_version").asString()); // 3.0: no profit in a month finance.yaml has not reported
        for (JsonNode product : SiteFixture.exportedProducts(out)) {
            switch (product.get("id").asString()) {
                case "checkout" -> {
                    assertEquals("[\"pci\",\"customer-facing\"]", product.get("tags").toString());
                    assertEquals("{\"id\":\"orders-db\",\"kind\":\"postgresql\",\"description\":\"Orders and the tokens of "
                            + "saved cards.\",\"personal_data\":true}", product.get("data_stores").get(0).toString());
                }
                case "mail-relay" -> {
                    assertEquals("[]", product.get("data_stores").toString());
                    assertEquals("not-applicable", item(product, "automated-backups").get("status").asString());
                }
                case "storefront" -> assertTrue(product.get("data_stores").get(1).get("personal_data").isNull());
                default -> throw new AssertionError(product.get("id"));
            }
        }
    }

    /** The same conditions on the Japanese site, in Japanese around the English field and tag. */
    @Test
    void theJapaneseSiteSaysTheConditionsInJapanese(@TempDir Path dir) throws IOException {
        Path japanese = dir.resolve("repo");
        TestRepositories.copy(repo, japanese);
        Files.writeString(japanese.resolve("site.yaml"),
                Files.readString(japanese.resolve("site.yaml")).replace("language: en", "language: ja"));
        Path site = dir.resolve("site");
        assertEquals(0, SiteFixture.build(japanese, site).status());
        Document relay = Jsoup.parse(Files.readString(site.resolve("products/mail-relay.html")));
        assertEquals("標準の条件により対象外 (Service Doc に次が設定されている場合に適用: data_stores)",
                relay.selectFirst("tr#item-automated-backups .applicability-not-applicable-by-standard").text());
        assertEquals("標準の条件により対象外 (次のタグが付いている場合に適用: pci)",
                relay.selectFirst("tr#item-card-data-encrypted .applicability-not-applicable-by-standard").text());
        Document items = Jsoup.parse(Files.readString(site.resolve("standard/items.html")));
        assertEquals("次のタグが付いたプロダクトにのみ適用: pci", items.selectFirst("article#card-data-encrypted p.applies-if").text());
        Document checkout = Jsoup.parse(Files.readString(site.resolve("products/checkout.html")));
        assertEquals("データストア", checkout.selectFirst("h3#data-stores").text());
        assertEquals("orders-db postgresql Orders and the tokens of saved cards. 個人データを含む",
                checkout.selectFirst("tr#store-orders-db").text());
    }

    private static JsonNode item(JsonNode product, String id) {
        for (JsonNode item : product.get("current").get("items")) {
            if (item.get("id").asString().equals(id)) {
                return item;
            }
        }
        throw new AssertionError(id);
    }

    private static Section sectionOf(Check check) {
        return checklist.sections().stream().filter(s -> s.title().equals(check.section())).findFirst().orElseThrow();
    }

    private static String categoryTitle(List<Category> categories, String id) {
        return categories.stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow().title();
    }

    private static String titleOf(String categoryId) {
        return categoryTitle(converted.standard().categories(), categoryId);
    }

    /** The standard's items of these sections (by category title), in the standard's order. */
    private static List<QualityItem> itemsOf(List<String> sections) {
        Standard standard = converted.standard();
        List<QualityItem> items = standard.items().stream()
                .filter(i -> sections.contains(categoryTitle(standard.categories(), i.category()))).toList();
        assertFalse(items.isEmpty(), sections.toString());
        return items;
    }

    private static Document page(String path) throws IOException {
        return Jsoup.parse(Files.readString(out.resolve(path)));
    }
}
