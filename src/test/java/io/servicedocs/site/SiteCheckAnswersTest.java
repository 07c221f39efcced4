package io.servicedocs.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checklist answers on the site, on a copy of the example built for 2026-11-24: legacy-gateway
 * (sunset) has penetration-test answered no with a waiver, here made to expire on 2026-12-10
 * (within the standard's 30 days' notice), and vulnerability-sla answered no with a plan;
 * smart-agri's plan for secrets-vault is made overdue (due 2026-11-01).
 */
class SiteCheckAnswersTest {

    @TempDir
    static Path dir;

    private static Path out;

    @BeforeAll
    static void build() throws IOException {
        Path repo = SiteFixture.exampleWithSite(dir);
        replace(repo.resolve("products/legacy-gateway/security.yaml"), "expires: 2027-09-30", "expires: 2026-12-10");
        replace(repo.resolve("products/smart-agri/security.yaml"), "due: 2027-02-26", "due: 2026-11-01");
        out = dir.resolve("site");
        assertEquals(0, SiteFixture.build(repo, out).status());
    }

    private static void replace(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        assertTrue(text.contains(from), file + " has " + from);
        Files.writeString(file, text.replace(from, to));
    }

    private static Document page(String path) throws IOException {
        return Jsoup.parse(out.resolve(path).toFile(), "UTF-8");
    }

    @Test
    void theProductPageShowsEachAnswersNotePlanAndWaiver() throws IOException {
        Document legacy = page("products/legacy-gateway.html");
        Element pentest = legacy.getElementById("check-penetration-test");
        assertEquals("row-c-waived", pentest.className());
        assertEquals("◐ Waived", pentest.select("td .status").text());
        assertEquals("#check-waiver-penetration-test-sunset", pentest.select("td a.small").attr("href"));
        Element waiver = legacy.getElementById("check-waiver-penetration-test-sunset");
        assertEquals("Waiver: Sunset: Risk accepted until end of life: the gateways sit on the SORACOM Canal private"
                + " network with no internet-facing endpoint, and the 2024-09 test found no open issue. Approved:"
                + " Production Readiness Review Board (2026-10-20) · Expires: 2026-12-10 ! Expires soon",
                waiver.text());
        assertTrue(waiver.hasClass("row-waiver-expiring"), waiver.className());
        assertEquals("Last test 2024-09. No new test planned for a product that ends on 2027-09-30; risk acceptance"
                + " requested.", pentest.select("p.check-note").text());

        Element sla = legacy.getElementById("check-vulnerability-sla");
        assertEquals("✗ Failed", sla.select("td .status").text());
        assertEquals("Plan: met by 2027-01-29 OpenSSL 3.0 in the bridge image once the HG-2 firmware 4.8 regression"
                + " tests pass.", sla.select("p.plan").text());
        assertTrue(sla.select("p.plan.is-bad").isEmpty(), "not overdue");

        Element vault = page("products/smart-agri.html").getElementById("check-secrets-vault");
        assertEquals("Plan: met by 2026-11-01 ! Overdue Key Vault with managed identities for the ingest VM and the"
                + " dashboard (AGRI-212).", vault.select("p.plan.is-bad").text());
    }

    @Test
    void promotionReadinessShowsAMissingChecksPlanAsItShowsAnItems() throws IOException {
        Document readiness = page("readiness.html");
        Element vault = readiness.selectFirst("a[href=products/smart-agri.html#check-secrets-vault]").parent();
        assertEquals("✗ Secrets in a vault Answer: No met by 2026-11-01 ! Overdue", vault.text());
        Element threatModel = readiness.select("a[href$=#check-threat-model]").first().parent();
        assertTrue(threatModel.text().endsWith("No plan yet"), threatModel.text());
    }

    @Test
    void theExportListsTheChecksWhosePlanIsOverdue() throws IOException {
        JsonNode products = SiteFixture.exportedProducts(out);
        Map<String, String> overdue = new java.util.TreeMap<>();
        products.forEach(p -> overdue.put(p.get("id").asString(), p.get("overdue_check_plans").toString()));
        // smart-agri's secrets-vault plan is made due 2026-11-01, before the build's day; legacy-gateway's is not due yet
        assertEquals("[\"secrets-vault\"]", overdue.get("smart-agri"));
        assertEquals("[]", overdue.get("legacy-gateway"));
    }

    @Test
    void theSecurityMatrixShowsWaivedAndPlannedCellsWithALegend() throws IOException {
        Document matrix = page("security.html");
        Element legacy = matrix.selectFirst("tr[data-product=legacy-gateway]");
        Element waived = legacy.selectFirst("a[href$=#check-penetration-test]").parent();
        assertTrue(waived.hasClass("c-waived") && waived.hasClass("req-yes"), waived.className());
        assertEquals("◐", waived.selectFirst(".cell-link > .sym").text());
        assertTrue(waived.selectFirst(".sr-only").text().startsWith("Penetration test: Waived, required in this phase"),
                waived.selectFirst(".sr-only").text());

        Element planned = legacy.selectFirst("a[href$=#check-vulnerability-sla]").parent();
        assertTrue(planned.hasClass("c-planned"), planned.className());
        assertEquals("◔", planned.selectFirst(".cell-link > .sym").text());
        assertTrue(planned.selectFirst(".sr-only").text().contains("Failed, with a plan (met by 2027-01-29)"),
                planned.selectFirst(".sr-only").text());

        Element overdue = matrix.selectFirst("tr[data-product=smart-agri]")
                .selectFirst("a[href$=#check-secrets-vault]").parent();
        assertTrue(overdue.selectFirst(".tip").text().contains("Plan: met by 2026-11-01 (Overdue)"),
                overdue.selectFirst(".tip").text());

        List<String> legend = matrix.select(".legend li").eachText();
        assertTrue(legend.contains("◐ Answered no, covered by an approved waiver"), legend.toString());
        assertTrue(legend.contains("◔ Failed, with a plan to meet it by a date"), legend.toString());
        // the waived check counts among the satisfied ones, as a waived item counts as met; the planned one does not
        assertEquals("✗ 16/17", legacy.selectFirst(".col-met").text());
    }
}
