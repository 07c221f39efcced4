package io.servicedocs.assess;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.servicedocs.TestRepositories;
import io.servicedocs.assess.CampaignProgress.ProductPart;
import io.servicedocs.assess.CampaignProgress.TeamPart;
import io.servicedocs.load.SchemaValidator;
import io.servicedocs.model.Diagnostic;
import io.servicedocs.model.Repository;
import io.servicedocs.pipeline.StageTimer;
import io.servicedocs.pipeline.ValidatePipeline;
import io.servicedocs.source.WorkingTreeSource;
import io.servicedocs.validate.ValidationResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A campaign judged on the minimal repository: alpha (ga, team-a) meets all four goals; beta-svc
 * (beta, team-b) is at slo 1 and backup-restore 0, answers mfa yes and pentest not-applicable, so
 * it has three goals, one met.
 */
class CampaignProgressTest {

    static final String CAMPAIGN = "title: Restores everywhere\n"
            + "why: Restores were never tested.\n"
            + "owner: team-a\n"
            + "start: 2026-07-01\n"
            + "due: DUE\n"
            + "scope:\n"
            + "  phases: [ga, beta]\n"
            + "goals:\n"
            + "  - item: backup-restore\n    level: 1\n"
            + "  - item: slo\n    level: 2\n"
            + "  - check: mfa\n    answer: \"yes\"\n"
            + "  - check: pentest\n    answer: \"yes\"\n";

    @TempDir
    Path dir;

    private ValidationResult validate(String due, LocalDate asOf) throws IOException {
        Path repo = TestRepositories.minimalCopy(Files.createTempDirectory(dir, "repo"));
        Files.createDirectories(repo.resolve("standards/campaigns"));
        Files.writeString(repo.resolve("standards/campaigns/restores.yaml"), CAMPAIGN.replace("DUE", due));
        return new ValidatePipeline(new SchemaValidator(), new StageTimer(false, new java.io.PrintWriter(java.io.Writer.nullWriter()))).run(new WorkingTreeSource(repo), asOf);
    }

    @Test
    void progressPerProductAndTeamAndWhoIsLate() throws IOException {
        LocalDate asOf = TestRepositories.AS_OF;
        Repository repository = validate("2026-10-31", asOf).repository().orElseThrow();
        CampaignProgress progress = CampaignProgress.of(repository.campaigns().get(0), Assessor.assess(repository, asOf));

        assertEquals(List.of("alpha", "beta-svc"), progress.products().stream().map(ProductPart::product).toList());
        ProductPart alpha = progress.product("alpha").orElseThrow();
        assertEquals(List.of(4, 4, 0), List.of(alpha.met(), alpha.total(), alpha.late() ? 1 : 0));
        ProductPart beta = progress.product("beta-svc").orElseThrow();
        assertEquals(List.of("backup-restore:0:false", "slo:1:false", "mfa:yes:true"), beta.goals().stream()
                .map(g -> g.goal().subject() + ":" + g.current() + ":" + g.met()).toList());
        assertEquals(true, beta.late());
        assertEquals(List.of(5, 7, 71, 1), List.of(progress.goalsMet(), progress.goals(), progress.percent(),
                progress.productsDone()));
        assertEquals(List.of(new TeamPart("team-a", "team-a", 1, 1, 4, 4, 0),
                new TeamPart("team-b", "team-b", 1, 0, 1, 3, 1)), progress.teams());
        assertEquals(List.of("beta-svc"), progress.late().stream().map(ProductPart::product).toList());
        assertEquals(CampaignProgress.Stage.LATE, progress.stage());
    }

    @Test
    void beforeItsDueDateNoProductIsLate() throws IOException {
        LocalDate asOf = TestRepositories.AS_OF;
        Repository repository = validate("2027-03-31", asOf).repository().orElseThrow();
        CampaignProgress progress = CampaignProgress.of(repository.campaigns().get(0), Assessor.assess(repository, asOf));
        assertEquals(List.of(), progress.late());
        assertEquals(CampaignProgress.Stage.ACTIVE, progress.stage());
        assertEquals(true, progress.shown());
    }

    @Test
    void validateWarnsAboutACampaignPastDueWithGoalsUnmet() throws IOException {
        ValidationResult result = validate("2026-10-31", TestRepositories.AS_OF);
        assertEquals(List.of("standards/campaigns/restores.yaml:5:6 WARNING campaign-overdue campaign 'restores' was "
                        + "due on 2026-10-31 and 2 of 7 product x goal pairs are unmet, in 1 of 2 products: beta-svc (2 goals)"),
                result.diagnostics().stream().map(CampaignProgressTest::line).toList());
        assertEquals(List.of(), validate("2026-11-24", TestRepositories.AS_OF).diagnostics(),
                "due today is not overdue");
    }

    private static String line(Diagnostic d) {
        return d.file() + ":" + d.line() + ":" + d.column() + " " + d.severity() + " " + d.rule() + " " + d.message();
    }
}
