package io.servicedocs.site.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.servicedocs.TestRepositories;
import io.servicedocs.assess.Assessor;
import io.servicedocs.assess.Portfolio;
import io.servicedocs.site.render.Exports;
import io.servicedocs.source.WorkingTreeSource;
import io.servicedocs.load.SchemaValidator;
import io.servicedocs.validate.Validation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The page records of the minimal repository: what they copy from the assessment, and the JSON
 * api/products.json makes of them (keys in component order, nulls kept, template look-ups left out).
 */
class ViewsTest {

    private static Portfolio portfolio;
    private static List<ProductView> products;

    @BeforeAll
    static void build() throws IOException {
        var repository = new Validation(new SchemaValidator(), TestRepositories.AS_OF)
                .run(new WorkingTreeSource(TestRepositories.MINIMAL)).repository().orElseThrow();
        portfolio = Assessor.assess(repository, TestRepositories.AS_OF);
        products = new Views(portfolio, (file, pointer, asciidoc) -> "<p>" + asciidoc + "</p>").products();
    }

    private static ProductView product(String id) {
        return products.stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void theProductViewCopiesWhatTheAssessmentDecided() {
        ProductView beta = product("beta-svc");
        FitView ga = beta.next().orElseThrow();
        assertEquals(List.of("slo", "backup-restore"), ga.gaps());
        assertEquals(ga.gaps(), ga.gapItems().stream().map(FitView.ItemView::id).toList());
        assertEquals(ga.gaps().size() + ga.failedChecks().size(), ga.missing());
        assertEquals(List.of("item-slo", "item-backup-restore"),
                ga.missingLinks().stream().map(FitView.MissingLink::anchor).toList());
        assertTrue(ga.moreMissingLinks().isEmpty());
        assertEquals("misses", ga.itemsById().get("slo").displayStatus());
        assertEquals(1, ga.itemsById().get("slo").shortfall());
        assertEquals("none", beta.current().itemsById().get("backup-restore").displayStatus(),
                "beta requires nothing of backups");

        ProductView alpha = product("alpha");
        assertEquals("waived", alpha.current().itemsById().get("backup-restore").status());
        assertEquals(List.of("valid"), alpha.waivers().stream().map(ProductView.WaiverView::status).toList());
        assertEquals(alpha.security(), List.copyOf(alpha.securityById().values()));
    }

    @Test
    void theJsonKeepsTheComponentOrderAndNullsAndLeavesOutTheLookups() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Exports.writeProductJson("2026-11-24", products.get(0), out);
        String json = out.toString(StandardCharsets.UTF_8);
        JsonNode root = JsonMapper.builder().build().readTree(json);
        assertEquals(List.of("schema_version", "generated_on", "product"), names(root));
        JsonNode alpha = root.get("product");
        assertEquals(List.of("id", "name", "summary", "description_html", "tier", "team", "team_name", "owners", "users",
                "links", "slos", "dependencies", "data_stores", "tags", "cost_elements", "demand_metric", "phase", "current", "next", "ready_for_next",
                "assessment", "waivers", "overdue_plans", "overdue_check_plans", "security", "cost"), names(alpha));
        assertTrue(alpha.get("cost").isNull(), "no cost settings: null, not left out");
        assertEquals(List.of("phase", "phase_name", "requirements", "satisfied", "waived", "percent", "meets", "items",
                "gaps", "failed_checks"), names(alpha.get("current")));
        assertEquals(List.of("id", "title", "display_title", "category", "binary", "level", "max_level", "level_title",
                "required", "status", "evidence", "note", "plan"), names(alpha.get("current").get("items").get(0)));
        assertEquals(List.of("id", "title", "display_title", "category", "required", "status", "answer", "reason", "evidence",
                "note", "plan", "waivers"), names(alpha.get("security").get(0)));
        assertTrue(json.startsWith("{\"schema_version\":\"3.0\",\"generated_on\":\"2026-11-24\",\"product\":{"),
                json.substring(0, 60));
        assertEquals(1, json.lines().count(), "compact, on one line");
        assertFalse(json.contains("items_by_id") || json.contains("display_status") || json.contains("security_by_id"));
    }

    @Test
    void theIndexHasOneCompactLinePerProductPointingToItsFile() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Exports.writeProductsIndex("2026-11-24", products, out);
        String json = out.toString(StandardCharsets.UTF_8);
        List<String> lines = json.lines().toList();
        // the header, one line per product, the closing line
        assertEquals(products.size() + 2, lines.size(), json);
        assertEquals("{\"schema_version\": \"3.0\", \"generated_on\": \"2026-11-24\", \"products\": [", lines.get(0));
        assertEquals("]}", lines.get(lines.size() - 1));
        JsonNode root = JsonMapper.builder().build().readTree(json);
        JsonNode alpha = root.get("products").get(0);
        assertEquals(List.of("id", "name", "tier", "team", "team_name", "phase", "phase_name", "meets_phase",
                "percent_satisfied", "next_phase", "next_percent_satisfied", "ready_for_next", "assessment_stale",
                "overdue_plans", "file", "page"), names(alpha));
        ProductView first = products.get(0);
        assertEquals("api/products/" + first.id() + ".json", alpha.get("file").asString());
        assertEquals("products/" + first.id() + ".html", alpha.get("page").asString());
        assertEquals(first.current().percent(), alpha.get("percent_satisfied").asInt());
        assertEquals(first.current().meets(), alpha.get("meets_phase").asBoolean());
    }

    @Test
    void thePagesCountFromTheAssessment() {
        SitePages pages = new SitePages(portfolio, products, (file, pointer, asciidoc) -> asciidoc);
        MatrixPage matrix = pages.matrix();
        assertEquals(new MatrixPage.Summary(2, portfolio.meeting(), portfolio.below(), portfolio.ready()),
                matrix.summary());
        assertEquals(matrix.categories().stream().mapToInt(c -> c.items().size()).sum(), matrix.itemCount());
        assertEquals(List.of("T1", "T2"), pages.standard().tiers().stream().map(StandardPage.TierView::abbreviation)
                .toList().subList(0, 2));
        for (TeamView team : pages.teams()) {
            assertEquals(team.meeting() == team.products().size(), team.allMeeting(), team.id());
        }
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.propertyNames().forEach(names::add);
        return names;
    }
}
