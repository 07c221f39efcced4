package io.servicedocs.history;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.servicedocs.GitFixture;
import io.servicedocs.TestRepositories;
import io.servicedocs.assess.Assessor;
import io.servicedocs.assess.CampaignProgress;
import io.servicedocs.history.CampaignBurnUp.Point;
import io.servicedocs.load.SchemaValidator;
import io.servicedocs.model.Repository;
import io.servicedocs.source.WorkingTreeSource;
import io.servicedocs.validate.Validation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Month;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A campaign's burn-up from a scripted git history of the minimal repository. The campaign
 * (2026-09-01 to 2026-12-31) asks ga and beta products for backup-restore 1, slo 2 and mfa yes:
 * six pairs. alpha meets its two item goals since before the campaign; beta-svc reaches
 * backup-restore 1 on 09-15, slo 2 on 10-10, falls back to 1 on 10-20 and reaches 2 again on
 * 11-05; both answer mfa yes, which has no history and counts from today (11-24).
 */
class CampaignBurnUpTest {

    private static final String BETA = "products/beta-svc/assessment.yaml";
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);
    private static final String CAMPAIGN = "title: Restores everywhere\nwhy: Restores were never tested.\n"
            + "owner: team-a\nstart: 2026-09-01\ndue: 2026-12-31\nscope:\n  phases: [ga, beta]\ngoals:\n"
            + "  - item: backup-restore\n    level: 1\n  - item: slo\n    level: 2\n  - check: mfa\n    answer: \"yes\"\n";

    @TempDir
    Path dir;

    @Test
    void eachPairCountsFromTheDayItWasMetAndStayedMet() throws Exception {
        Path template = TestRepositories.minimalCopy(dir.resolve("template"));
        Files.createDirectories(template.resolve("standards/campaigns"));
        Files.writeString(template.resolve("standards/campaigns/restores.yaml"), CAMPAIGN);
        GitFixture repo = GitFixture.init(dir.resolve("repo"), template);
        repo.commit("Initial", "Ann", LocalDate.of(2026, 8, 1));
        repo.replace(BETA, "  backup-restore:\n    level: 0\n", "  backup-restore:\n    level: 1\n");
        repo.commit("beta-svc restores", "Dee", LocalDate.of(2026, 9, 15));
        repo.replace(BETA, "  slo:\n    level: 1\n", "  slo:\n    level: 2\n");
        repo.commit("beta-svc SLO", "Dee", LocalDate.of(2026, 10, 10));
        repo.replace(BETA, "  slo:\n    level: 2\n", "  slo:\n    level: 1\n");
        repo.commit("beta-svc SLO missed", "Dee", LocalDate.of(2026, 10, 20));
        repo.replace(BETA, "  slo:\n    level: 1\n", "  slo:\n    level: 2\n");
        repo.commit("beta-svc SLO again", "Dee", LocalDate.of(2026, 11, 5));

        CampaignProgress progress = progress(repo.root());
        Optional<History> history = new HistoryReader(new SchemaValidator())
                .ofCheckout(repo.root(), TODAY, new FiscalCalendar(Month.APRIL));
        CampaignBurnUp burnUp = CampaignBurnUp.of(progress, history);

        assertEquals(6, burnUp.total());
        assertEquals(true, burnUp.fromHistory());
        assertEquals(List.of(
                new Point(LocalDate.of(2026, 9, 1), 2),
                new Point(LocalDate.of(2026, 9, 15), 3),
                new Point(LocalDate.of(2026, 11, 5), 4),
                new Point(TODAY, 6)), burnUp.points());
    }

    /**
     * Two products already meeting both item goals, neither of which was part of the campaign on
     * its start day. gamma-svc is added to the repository on 10-15, in ga since 2025-03-01 (long
     * before the campaign, but its levels are first known on 10-15: its first assessment is a
     * baseline, with no level change). delta-svc has met both since the first commit (08-01) but
     * was in poc, out of the scope (ga, beta), until promoted to beta on 10-25. beta-svc keeps the
     * template's levels (slo 1, backup-restore 0): only its mfa is met.
     *
     * <p>By hand: 4 products x 3 goals = 12 pairs; met today: alpha 3 + beta-svc 1 + gamma-svc 3
     * + delta-svc 3 = 10.
     * 09-01 (start): alpha's backup-restore and slo, known since 08-01 = 2.
     * 10-15: gamma-svc's backup-restore and slo, from its first commit (not from the start) = 4.
     * 10-25: delta-svc's backup-restore and slo, from entering beta (not from 08-01) = 6.
     * 11-24 (today): the four mfa answers, which have no history = 10.
     * Before the fix gamma-svc and delta-svc counted from the start: 6 on 09-01.
     */
    @Test
    void aProductAddedOrPromotedMidCampaignCountsFromThenNotFromTheStart() throws Exception {
        Path template = TestRepositories.minimalCopy(dir.resolve("template"));
        Files.createDirectories(template.resolve("standards/campaigns"));
        Files.writeString(template.resolve("standards/campaigns/restores.yaml"), CAMPAIGN);
        GitFixture repo = GitFixture.init(dir.resolve("repo"), template);
        writeProduct(repo, "delta-svc", "phase: poc\nsince: 2026-06-01\n");
        repo.commit("Initial", "Ann", LocalDate.of(2026, 8, 1));
        writeProduct(repo, "gamma-svc", "phase: ga\nsince: 2025-03-01\n");
        repo.commit("gamma-svc joins the repository", "Eve", LocalDate.of(2026, 10, 15));
        repo.write("products/delta-svc/phase.yaml", "phase: beta\nsince: 2026-10-25\n");
        repo.commit("delta-svc to beta", "Eve", LocalDate.of(2026, 10, 25));

        CampaignProgress progress = progress(repo.root());
        Optional<History> history = new HistoryReader(new SchemaValidator())
                .ofCheckout(repo.root(), TODAY, new FiscalCalendar(Month.APRIL));
        CampaignBurnUp burnUp = CampaignBurnUp.of(progress, history);

        assertEquals(List.of("alpha", "beta-svc", "delta-svc", "gamma-svc"),
                progress.products().stream().map(CampaignProgress.ProductPart::product).toList());
        assertEquals(Optional.of(LocalDate.of(2026, 10, 15)),
                history.orElseThrow().product("gamma-svc").orElseThrow().levelsKnownFrom());
        assertEquals(12, burnUp.total());
        assertEquals(10, progress.goalsMet());
        assertEquals(List.of(
                new Point(LocalDate.of(2026, 9, 1), 2),
                new Point(LocalDate.of(2026, 10, 15), 4),
                new Point(LocalDate.of(2026, 10, 25), 6),
                new Point(TODAY, 10)), burnUp.points());
    }

    /** A product meeting backup-restore 1 and slo 2, with mfa yes, in the phase given. */
    private static void writeProduct(GitFixture repo, String id, String phase) throws Exception {
        String folder = "products/" + id + "/";
        repo.write(folder + "service-doc.yaml", "id: " + id + "\nname: " + id + "\nsummary: A service.\ntier: tier-2\n"
                + "owners:\n  team: team-b\n  product_manager:\n    name: Cid\n  tech_lead:\n    name: Dee\n"
                + "users:\n  audience: internal\n  description: Staff.\nlinks:\n  repository: https://git.example.com/"
                + id + "\n");
        repo.write(folder + "phase.yaml", phase);
        repo.write(folder + "assessment.yaml", "assessed_on: 2026-07-20\nassessed_by: Dee\nitems:\n  slo:\n    level: 2\n"
                + "  backup-restore:\n    level: 1\n");
        repo.write(folder + "security.yaml", "checks:\n  mfa:\n    answer: \"yes\"\n  pentest:\n"
                + "    answer: not-applicable\n    reason: Internal tool behind the VPN.\n");
        repo.write(folder + "finance.yaml", "months: {}\n");
    }

    @Test
    void withoutHistoryOnlyTodayIsShown() throws Exception {
        Path template = TestRepositories.minimalCopy(dir.resolve("template"));
        Files.createDirectories(template.resolve("standards/campaigns"));
        Files.writeString(template.resolve("standards/campaigns/restores.yaml"), CAMPAIGN);
        CampaignBurnUp burnUp = CampaignBurnUp.of(progress(template), Optional.empty());
        assertEquals(false, burnUp.fromHistory());
        assertEquals(List.of(new Point(TODAY, 4)), burnUp.points(), "alpha's three and beta-svc's mfa");
    }

    private static CampaignProgress progress(Path root) throws Exception {
        Repository repository = new Validation(new SchemaValidator(), TODAY).run(new WorkingTreeSource(root))
                .repository().orElseThrow();
        return CampaignProgress.of(repository.campaigns().get(0), Assessor.assess(repository, TODAY));
    }
}
