package io.servicedocs.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The example site shows what real FOCUS imports keep (cost-data/saas-focus/, imported from
 * cost-data/imports/done/saas-focus/): ops-console's Sentry contract, billed without sub-account
 * and claimed as billing account SN-84217, whose final month 2026-09 (63,800 JPY) the billing
 * period 2026-10 corrected by -6,600 JPY, so 2026-09 is 57,200; and its Retool annual licence,
 * 1,250,000 JPY for 2025-12-01 to 2026-11-30, spread over 12 months: 1,250,000 / 12 = 104,166.67,
 * 104,166 x 12 = 1,249,992, the 8 yen left go to the first eight months (2025-12 to 2026-07:
 * 104,167; 2026-08 to 2026-11: 104,166).
 */
class SiteBillingTest {

    private static Path out;

    @BeforeAll
    static void build() throws IOException {
        out = SiteFixture.builtExample().site();
    }

    private static Document page(String path) throws IOException {
        return SiteFixture.builtExample().page(path);
    }

    @Test
    void theProductPageShowsTheBillingAccountTheCorrectionAndThePurchase() throws IOException {
        Document ops = page("products/ops-console.html");
        Element elements = ops.getElementById("cost-elements").nextElementSibling();
        assertTrue(elements.text().contains("SAAS · Sentry billing account SN-84217 (no sub-account) "
                + "Hoshimi Systems (Sentry Business)"), elements.text());
        assertTrue(elements.text().contains("SAAS · Retool RT-HSM-2025-1204 Retool Business (internal tools)"),
                elements.text());

        assertEquals(List.of("2026-09 corrected by billing period 2026-10: -6,600 JPY — Sentry billing account SN-84217 "
                + "(no sub-account) Hoshimi Systems (Sentry Business)"), ops.select("ul.cost-corrections li").eachText());
        assertTrue(ops.selectFirst("ul.cost-corrections li .negative") != null, "a credit is marked negative");

        assertEquals(List.of("Retool Business annual licence, 25 seats, 2025-12 to 2026-11 — Retool RT-HSM-2025-1204 "
                + "Retool Business (internal tools): 1,250,000 JPY, 2025-12-01 – 2026-11-30 (12 months), 104,167 JPY per "
                + "month (104,166 JPY from 2026-08); billing period 2025-12"), ops.select("ul.cost-purchases li").eachText());

        // the month table: the vendors' columns, and the billing periods a month is made of
        Element table = ops.getElementById("cost-months");
        List<String> header = table.select("thead th").eachText();
        int retool = header.indexOf("Retool");
        int sentry = header.indexOf("Sentry");
        Element september = table.select("tbody tr").stream()
                .filter(r -> r.selectFirst("th").text().startsWith("2026-09")).findFirst().orElseThrow();
        assertEquals("2026-09 (billing periods 2025-12, 2026-09, 2026-10)", september.selectFirst("th").text());
        List<String> cells = september.select("th, td").eachText();
        assertEquals("104,166", cells.get(retool));
        assertEquals("57,200", cells.get(sentry), "63,800 billed in 2026-09, -6,600 corrected by 2026-10");
        Element december = table.select("tbody tr").stream()
                .filter(r -> r.selectFirst("th").text().startsWith("2025-12")).findFirst().orElseThrow();
        assertEquals("2025-12", december.selectFirst("th").text(), "one billing period, the month's own: no note");
        assertEquals("104,167", december.select("th, td").eachText().get(retool));
    }

    @Test
    void theCostsPageListsTheCorrectionAndThePurchase() throws IOException {
        Document costs = page("costs.html");
        assertEquals(List.of(List.of("2026-09", "corrected by billing period 2026-10",
                        "Sentry billing account SN-84217 (no sub-account) Hoshimi Systems (Sentry Business)", "Ops Console",
                        "-6,600 JPY", "cost-data/saas-focus/")),
                costs.select("#corrections-table tbody tr").stream().map(r -> r.select("th, td").eachText()).toList());
        assertEquals("products/ops-console.html#costs",
                costs.selectFirst("#corrections-table tbody td a").attr("href"));
        assertEquals(List.of(List.of("Retool Business annual licence, 25 seats, 2025-12 to 2026-11",
                        "Retool RT-HSM-2025-1204 Retool Business (internal tools)", "Ops Console", "1,250,000 JPY",
                        "2025-12-01 – 2026-11-30 (12 months)", "104,167 JPY (104,166 JPY from 2026-08)", "2025-12")),
                costs.select("#purchases-table tbody tr").stream().map(r -> r.select("th, td").eachText()).toList());
        // 2026-09 was final when billing period 2026-10 came: the month kept its total before
        Element revision = costs.select("#revisions-table tbody tr").stream()
                .filter(r -> r.text().startsWith("2026-09 saas-focus") && r.text().contains("final: 167,966 JPY"))
                .findFirst().orElseThrow();
        assertTrue(revision.text().endsWith("Final month completed or corrected by another billing period"),
                revision.text());
    }

    @Test
    void theProductsExportCarriesTheBillingAccountTheCorrectionAndThePurchase() throws IOException {
        JsonNode product = new JsonMapper().readTree(Files.readString(out.resolve("api/products/ops-console.json")))
                .get("product");
        JsonNode sentry = product.get("cost_elements").get(1);
        assertEquals("SN-84217", sentry.get("id").asString());
        assertTrue(sentry.get("billing_account").asBoolean());
        assertTrue(!product.get("cost_elements").get(2).get("billing_account").asBoolean());

        JsonNode billing = product.get("cost").get("billing");
        JsonNode correction = billing.get("corrections").get(0);
        assertEquals(1, billing.get("corrections").size());
        assertEquals(List.of("2026-09", "2026-10", "-6600", "JPY", "saas-focus"), List.of(correction.get("month").asString(),
                correction.get("billing_period").asString(), correction.get("amount").asString(),
                correction.get("currency").asString(), correction.get("source").asString()));
        assertEquals("{\"provider\":\"saas\",\"vendor\":\"Sentry\",\"id\":\"SN-84217\",\"billing_account\":true}",
                correction.get("element").toString());
        JsonNode purchase = billing.get("purchases").get(0);
        assertEquals(1, billing.get("purchases").size());
        assertEquals(List.of("1250000", "JPY", "2025-12-01", "2026-11-30", "12", "2025-12", "2026-11", "104167", "104166",
                "2025-12"), List.of(purchase.get("total").asString(), purchase.get("currency").asString(),
                purchase.get("term_start").asString(), purchase.get("term_end").asString(),
                purchase.get("months").asString(), purchase.get("first_month").asString(),
                purchase.get("last_month").asString(), purchase.get("first_share").asString(),
                purchase.get("last_share").asString(), purchase.get("billing_period").asString()));

        JsonNode agri = new JsonMapper().readTree(Files.readString(out.resolve("api/products/smart-agri.json")))
                .get("product").get("cost").get("billing");
        assertEquals("{\"corrections\":[],\"purchases\":[]}", agri.toString(), "cost data without billing periods");
    }
}
