package io.servicedocs.scaffold.backstage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.servicedocs.scaffold.ProductDraft;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogImportTest {

    @TempDir
    Path dir;

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);

    private List<CatalogEntity> catalog(String yaml) throws IOException {
        Path file = Files.writeString(dir.resolve("catalog-info.yaml"), yaml);
        CatalogReader.Catalog catalog = new CatalogReader().read(List.of(file));
        assertEquals(List.of(), catalog.problems());
        return catalog.entities();
    }

    private static CatalogImport.Rules rules(Map<String, String> teams, boolean systems) {
        return new CatalogImport.Rules(Map.of("production", "ga", "experimental", "poc"), teams, systems,
                List.of("poc", "beta", "ga", "sunset"), Optional.of("tier-3"), Set.of("existing"), Optional.empty(), TODAY);
    }

    private static List<String> skipped(CatalogImport.Plan plan) {
        return plan.skipped().stream().map(s -> s.line() + " " + s.entity() + ": " + s.reason()).toList();
    }

    @Test
    void withTeamsYamlOnlyDeclaredTeamsAreImported() throws IOException {
        CatalogImport.Plan plan = CatalogImport.plan(catalog("""
                kind: Component
                metadata: {name: declared}
                spec: {lifecycle: production, owner: group:default/platform-team}
                ---
                kind: Component
                metadata: {name: undeclared}
                spec: {lifecycle: production, owner: group:default/platfrom-team}
                ---
                kind: Component
                metadata: {name: mapped}
                spec: {lifecycle: production, owner: group:default/web}
                """), new CatalogImport.Rules(Map.of("production", "ga"), Map.of("web", "cx-team"), false,
                List.of("poc", "beta", "ga", "sunset"), Optional.of("tier-3"), Set.of(), Optional.empty(), TODAY,
                Set.of("platform-team", "cx-team")));
        assertEquals(List.of("declared platform-team", "mapped cx-team"),
                plan.products().stream().map(p -> p.draft().id() + " " + p.draft().team()).toList());
        assertEquals(List.of("5 component:default/undeclared: team 'platfrom-team' (owner 'group:default/platfrom-team') "
                + "is not in standards/teams.yaml; declare it there or give its team with --team platfrom-team=TEAM; "
                + "did you mean 'platform-team'? expected one of: cx-team, platform-team"), skipped(plan));
    }

    /** Backstage tags that are slugs become the Service Doc's tags, once each; the others are skipped and kept as a note. */
    @Test
    void tagsThatAreSlugsBecomeTheServiceDocsTags() throws IOException {
        CatalogImport.Plan plan = CatalogImport.plan(catalog("""
                kind: Component
                metadata:
                  name: cards
                  tags: [pci, java, c++, pci, k8s:prod, payments-eu]
                spec: {lifecycle: production, owner: group:default/platform-team}
                """), rules(Map.of(), false));
        ProductDraft cards = plan.products().get(0).draft();
        assertEquals(List.of("pci", "java", "payments-eu"), cards.details().tags());
        assertTrue(cards.details().notes().contains("Backstage tags that are not valid Service Doc tags (a tag is lowercase letters and "
                + "digits, words joined by single hyphens): c++, k8s:prod."), cards.details().notes().toString());
        assertEquals(List.of(
                "1 component:default/cards: tag 'c++' is not a valid Service Doc tag (a tag is lowercase letters and digits, words "
                        + "joined by single hyphens); the product keeps it in the notes of service-doc.yaml",
                "1 component:default/cards: tag 'k8s:prod' is not a valid Service Doc tag (a tag is lowercase letters and digits, "
                        + "words joined by single hyphens); the product keeps it in the notes of service-doc.yaml"), skipped(plan));
    }

    @Test
    void ownersBecomeTeams() throws IOException {
        CatalogImport.Plan plan = CatalogImport.plan(catalog("""
                kind: Component
                metadata: {name: by-group}
                spec: {lifecycle: production, owner: group:default/platform-team}
                ---
                kind: Component
                metadata: {name: by-name}
                spec: {lifecycle: production, owner: sre}
                ---
                kind: Component
                metadata: {name: by-map}
                spec: {lifecycle: production, owner: "group:ops/Ops_Team"}
                ---
                kind: Component
                metadata: {name: by-user}
                spec: {lifecycle: production, owner: user:default/kim}
                ---
                kind: Component
                metadata: {name: no-owner}
                spec: {lifecycle: production}
                ---
                kind: Component
                metadata: {name: bad-team}
                spec: {lifecycle: production, owner: group:default/Bad.Team}
                """), rules(Map.of("group:ops/Ops_Team", "ops"), false));
        assertEquals(List.of("by-group platform-team", "by-name sre", "by-map ops"),
                plan.products().stream().map(p -> p.draft().id() + " " + p.draft().team()).toList());
        assertEquals(List.of(
                "13 component:default/by-user: owner 'user:default/kim' is a user, not a group; give its team with --team kim=TEAM",
                "17 component:default/no-owner: no spec.owner; a product needs an owning team",
                "21 component:default/bad-team: owner 'group:default/Bad.Team' is not a valid team id; give its team "
                        + "with --team Bad.Team=TEAM"), skipped(plan));
    }

    @Test
    void aSystemTakesItsOwnLifecycleOrTheEarliestPhaseOfItsComponents() throws IOException {
        String components = """
                kind: Component
                metadata: {name: web}
                spec: {lifecycle: production, owner: shop, system: shop}
                ---
                kind: Component
                metadata: {name: cart}
                spec: {lifecycle: experimental, owner: shop, system: system:default/shop}
                ---
                kind: Component
                metadata: {name: other}
                spec: {lifecycle: production, owner: shop, system: elsewhere}
                ---
                kind: Component
                metadata: {name: existing}
                spec: {lifecycle: production, owner: shop, system: shop}
                ---
                """;
        CatalogImport.Plan derived = CatalogImport.plan(catalog(components + """
                kind: System
                metadata: {name: shop}
                spec: {owner: shop}
                ---
                kind: System
                metadata: {name: empty}
                spec: {owner: shop}
                """), rules(Map.of(), true));
        ProductDraft shop = derived.products().get(3).draft();
        assertEquals("shop poc [web, cart, existing]", shop.id() + " " + shop.phase() + " "
                + shop.details().dependencies().stream().map(ProductDraft.DependencyDraft::id).toList());
        assertEquals(List.of("13 component:default/existing: products/existing exists, not overwritten",
                "21 system:default/empty: a System has no spec.lifecycle and none of its components is "
                + "imported with a phase; give it a spec.lifecycle"), skipped(derived));

        CatalogImport.Plan own = CatalogImport.plan(catalog(components + """
                kind: System
                metadata: {name: shop}
                spec: {owner: shop, lifecycle: production}
                """), rules(Map.of(), true));
        assertEquals("ga", own.products().get(3).draft().phase());
    }

    @Test
    void aLongDescriptionGivesTheSummaryItsFirstSentence() {
        String sentence = "Takes payments. ";
        assertEquals("Takes payments.", CatalogImport.summary(sentence.repeat(20).strip()));
        String words = "word ".repeat(60).strip();
        String summary = CatalogImport.summary(words);
        assertEquals(200, summary.length());
        assertEquals("…", summary.substring(199));
        assertEquals("Short.", CatalogImport.summary("Short."));
        String emoji = "\uD83D\uDE80".repeat(250);
        String cut = CatalogImport.summary(emoji);
        assertEquals(200, cut.codePointCount(0, cut.length()), "the schema counts code points: no emoji is cut in half");
        assertEquals("\uD83D\uDE80".repeat(199) + "…", cut);
    }

    @Test
    void notEntitiesAreSkippedWithTheReason() throws IOException {
        CatalogImport.Plan plan = CatalogImport.plan(catalog("""
                - just
                - a list
                ---
                kind: Component
                metadata: {title: No name}
                ---
                kind: Component
                metadata: {name: existing}
                spec: {lifecycle: production, owner: shop}
                """), rules(Map.of(), false));
        assertEquals(List.of(
                "1 (no entity): not a Backstage entity: expected a mapping with apiVersion, kind, metadata and spec",
                "4 (no entity): not a Backstage entity: kind and metadata.name are required",
                "7 component:default/existing: products/existing exists, not overwritten"), skipped(plan));
    }
}
