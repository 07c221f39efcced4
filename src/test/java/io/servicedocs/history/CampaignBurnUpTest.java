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
