package io.servicedocs.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.servicedocs.GitFixture;
import io.servicedocs.cli.CliAccess;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example's campaign "Runbooks for every GA product" (2026-10-01 to 2027-03-31; ga products:
 * runbooks level 3 and admin-mfa yes). iot-platform has runbooks 3 since before the campaign;
 * in the scripted history factory-monitor reaches 3 on 2026-11-10; device-management stays at 2;
 * all three answer admin-mfa yes, which counts from today (2026-11-24). Six pairs, five met.
 */
class CampaignSiteTest {

    @TempDir
    Path dir;

    @Test
    void campaignPageIndexHomeAndProductPages() throws Exception {
        Path template = SiteFixture.exampleWithSite(dir.resolve("template"));
        try (GitFixture repo = GitFixture.init(dir.resolve("repo"), template)) {
            repo.commit("Hoshimi's products", "Ann", LocalDate.of(2026, 9, 1));
            repo.replace("products/factory-monitor/assessment.yaml", "  runbooks:\n    level: 2\n",
                    "  runbooks:\n    level: 3\n");
            repo.commit("factory-monitor: tested runbooks", "Dee", LocalDate.of(2026, 11, 10));
            Path out = dir.resolve("site");
            CliAccess.Run run = SiteFixture.build(repo.root(), out);
            assertEquals(0, run.status(), run.err());

            Document page = Jsoup.parse(out.resolve("campaigns/runbooks-for-ga.html").toFile());
            assertEquals("Runbooks for every GA product", page.selectFirst("h1").text());
            assertEquals("Active", page.getElementById("campaign-stage").text());
            assertEquals("5/6 (83%) · Products done 2/3", page.getElementById("campaign-progress").text());
            assertEquals(List.of("2026-10-01 1/6 16%", "2026-11-10 2/6 33%", "2026-11-24 5/6 83%"),
                    page.select("#burn-up-table tbody tr").eachText(), "the burn-up's numbers beside its chart");
            assertEquals(1, page.select("#burn-up svg.burn-up polyline").size());
            assertEquals(3, page.select("#burn-up svg circle.point").size());
            assertTrue(page.select("#no-history").isEmpty());
            assertEquals(List.of("Hoshimi Device Management Edge & Devices ✗Not met 2 ✓Met 1/2",
                            "Hoshimi Factory Monitor Smart Factory ✓Met 3 ✓Met 2/2",
                            "Hoshimi IoT Platform IoT Platform ✓Met 3 ✓Met 2/2"),
                    page.select("#campaign-products tbody tr").eachText());
            assertEquals(List.of("Edge & Devices 0/1 1/2 (50%) 0", "IoT Platform 1/1 2/2 (100%) 0",
                    "Smart Factory 1/1 2/2 (100%) 0"), page.select("#campaign-teams tbody tr").eachText());
            assertEquals("No product is late.", page.select("#late p").text());

            Document index = Jsoup.parse(out.resolve("campaigns.html").toFile());
            assertEquals(List.of("Runbooks for every GA product IoT Platform 2026-10-01 – 2027-03-31 Active 5/6 (83%) 2/3 0"),
                    index.select("#campaigns-table tbody tr").eachText());

            Document home = Jsoup.parse(out.resolve("index.html").toFile());
            Element active = home.selectFirst("section.campaigns-active");
            assertEquals("Active campaigns Runbooks for every GA product Active Due 2027-03-31 83% 5/6 (83%)",
                    active.text());
            // then the link that skips the matrix (issue 15), then the matrix
            assertTrue(active.nextElementSibling().is("a.skip-past"), "the matrix's skip link next");
            assertTrue(active.nextElementSibling().nextElementSibling().selectFirst("table#matrix") != null, "right before the matrix");
            assertEquals("campaigns.html", home.select("nav.site-nav a:contains(Campaigns)").attr("href"));

            Document product = Jsoup.parse(out.resolve("products/device-management.html").toFile());
            Element part = product.getElementById("campaigns");
            assertEquals("Campaigns Runbooks for every GA product Due 2027-03-31 1/2 Still to meet: Runbooks: level ≥ 3",
                    part.text());
            assertEquals("security", part.nextElementSibling().id(), "right before the security section");
            assertTrue(Jsoup.parse(out.resolve("products/smart-agri.html").toFile()).getElementById("campaigns") == null,
                    "a product out of scope has no part");

            // each team's card says its part, as the campaign's team table counts it
            Document teams = Jsoup.parse(out.resolve("teams.html").toFile());
            assertEquals("Campaigns Runbooks for every GA product 1/2 (50%)",
                    teams.select("#team-edge-team .team-campaigns").text());
            assertEquals("campaigns/runbooks-for-ga.html",
                    teams.select("#team-edge-team .team-campaigns a").attr("href"));
            assertEquals("Campaigns Runbooks for every GA product 2/2 (100%)",
                    teams.select("#team-platform-team .team-campaigns").text());
            assertTrue(teams.select("#team-agri-team .team-campaigns, #team-internal-tools .team-campaigns").isEmpty(),
                    "a team with no product in scope has no campaign line");
        }
    }

    @Test
    void withoutHistoryOnlyTodayIsShownAndSaidSo() throws Exception {
        // the example copied out of git and built, once per test JVM
        Document page = SiteFixture.builtExample().page("campaigns/runbooks-for-ga.html");
        assertEquals("No git history here: only today's state is shown. Build from a git clone to see the burn-up "
                + "over time.", page.getElementById("no-history").text());
        assertEquals(List.of("2026-11-24 4/6 66%"), page.select("#burn-up-table tbody tr").eachText());
    }
}
