package io.servicedocs.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.servicedocs.TestRepositories;
import io.servicedocs.load.SchemaValidator;
import io.servicedocs.model.Campaign;
import io.servicedocs.model.Campaign.Goal;
import io.servicedocs.model.Position;
import io.servicedocs.source.WorkingTreeSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** standards/campaigns/&lt;id&gt;.yaml: optional; each file is checked against its schema and the standard. */
class CampaignRulesTest {

    private static SchemaValidator schemas;

    @TempDir
    Path dir;

    @BeforeAll
    static void schemas() {
        schemas = new SchemaValidator();
    }

    static final String GOOD = "title: {en: Restores everywhere, ja: どこでも復元}\n"
            + "why: Restores were never tested.\n"
            + "owner: team-a\n"
            + "start: 2026-10-01\n"
            + "due: 2027-03-31\n"
            + "scope:\n"
            + "  phases: [ga, beta]\n"
            + "goals:\n"
            + "  - item: backup-restore\n"
            + "    level: 2\n"
            + "  - check: mfa\n"
            + "    answer: \"yes\"\n";

    private static ValidationResult validate(Path repo) throws IOException {
        return new Validation(schemas, TestRepositories.AS_OF).run(new WorkingTreeSource(repo));
    }

    private static List<String> found(ValidationResult result) {
        return result.diagnostics().stream()
                .map(d -> d.file() + ":" + d.line() + ":" + d.column() + " " + d.rule() + " " + d.message()).toList();
    }

    private Path repoWith(String name, String campaign) throws IOException {
        Path repo = TestRepositories.minimalCopy(dir);
        Files.createDirectories(repo.resolve("standards/campaigns"));
        Files.writeString(repo.resolve("standards/campaigns/" + name), campaign);
        return repo;
    }

    @Test
    void aCampaignBindsWithItsIdFromTheFileName() throws IOException {
        ValidationResult result = validate(repoWith("restores.yaml", GOOD));
        assertEquals(List.of(), found(result));
        assertEquals(List.of(new Campaign("restores", "standards/campaigns/restores.yaml", new Position(5, 6),
                "Restores everywhere", "Restores were never tested.", "team-a", LocalDate.of(2026, 10, 1),
                LocalDate.of(2027, 3, 31), new Campaign.Scope(List.of("ga", "beta"), null, null, null),
                List.of(Goal.itemAt("backup-restore", 2), Goal.checkYes("mfa")))),
                result.repository().orElseThrow().campaigns());
    }

    @Test
    void titleAndWhyAreReadInTheSiteLanguageAndAMissingTranslationIsSaid() throws IOException {
        ValidationResult result = new Validation(schemas, TestRepositories.AS_OF, Optional.of("ja"))
                .run(new WorkingTreeSource(repoWith("restores.yaml", GOOD)));
        assertEquals("どこでも復元", result.repository().orElseThrow().campaigns().get(0).title());
        assertEquals(List.of("standards/campaigns/restores.yaml:2:6 translation-missing 1 text has no 'ja' translation "
                + "and shows in 'en': why"), found(result).stream()
                .filter(f -> f.startsWith("standards/campaigns")).toList());
    }

    @Test
    void withoutTheFolderThereAreNoCampaigns() throws IOException {
        ValidationResult result = validate(TestRepositories.minimalCopy(dir));
        assertEquals(List.of(), found(result));
        assertEquals(List.of(), result.repository().orElseThrow().campaigns());
    }

    @Test
    void unknownIdsAndLevelsOutOfRangeAreNamedWhereTheyAreWritten() throws IOException {
        String bad = GOOD.replace("phases: [ga, beta]", "phases: [ga, betta]\n  tiers: [tier-3]\n  products: [alpah]")
                .replace("level: 2", "level: 7")
                .replace("check: mfa", "check: mfaa")
                + "  - item: backpu-restore\n    level: 1\n"
                + "  - item: slo\n    met: true\n"
                + "  - item: backup-restore\n    level: 7\n";
        ValidationResult result = validate(repoWith("restores.yaml", bad));
        assertEquals(List.of(
                "standards/campaigns/restores.yaml:7:16 unknown-phase unknown phase 'betta'; did you mean 'beta'? "
                        + "expected one of: poc, beta, ga, sunset",
                "standards/campaigns/restores.yaml:8:11 unknown-tier unknown tier 'tier-3'; did you mean 'tier-1'? "
                        + "expected one of: tier-1, tier-2",
                "standards/campaigns/restores.yaml:9:14 unknown-product unknown product 'alpah' (the id of a folder "
                        + "under products/); did you mean 'alpha'? expected one of: alpha, beta-svc",
                "standards/campaigns/restores.yaml:12:12 level-out-of-range level 7 is out of range for "
                        + "'backup-restore'; its levels are 0 to 2",
                "standards/campaigns/restores.yaml:13:12 unknown-check unknown security check 'mfaa' "
                        + "(standards/security-checklist.yaml); did you mean 'mfa'? expected one of: mfa, pentest",
                "standards/campaigns/restores.yaml:15:11 unknown-item unknown quality item 'backpu-restore' "
                        + "(standards/quality-items.yaml); did you mean 'backup-restore'? expected one of: slo, backup-restore",
                "standards/campaigns/restores.yaml:18:10 goal-kind 'slo' has levels 0 to 2; write 'level: N' instead "
                        + "of 'met: true'",
                "standards/campaigns/restores.yaml:19:5 duplicate-goal goal 5 repeats goal 1 (backup-restore)"),
                found(result));
        assertEquals(List.of(), result.repository().orElseThrow().campaigns());
    }

    @Test
    void aListedProductOutsideTheOtherListsIsOutOfScope() throws IOException {
        String outside = GOOD.replace("phases: [ga, beta]", "phases: [ga]\n  teams: [team-a]\n  products: [alpha, beta-svc]");
        assertEquals(List.of("standards/campaigns/restores.yaml:9:21 campaign-scope product 'beta-svc' is out of the "
                        + "campaign's scope: its phase 'beta' is not one of phases: ga; its team 'team-b' is not one of "
                        + "teams: team-a; the campaign does not count it"),
                found(validate(repoWith("restores.yaml", outside))));
        // a warning: a promotion that moves a listed product out of the scoped phases fails nothing
        ValidationResult result = validate(dir.resolve("repo"));
        assertEquals(0, result.errorCount());
        assertEquals(1, result.repository().orElseThrow().campaigns().size(), "the campaign stays on the site");
    }

    @Test
    void twoFilesOfOneIdAreAnErrorAndTheSecondStaysOut() throws IOException {
        Path repo = repoWith("restores.yaml", GOOD);
        Files.writeString(repo.resolve("standards/campaigns/restores.yml"), GOOD);
        ValidationResult result = validate(repo);
        assertEquals(List.of("standards/campaigns/restores.yml:1:1 duplicate-campaign campaign id 'restores' is also the "
                + "id of standards/campaigns/restores.yaml (a campaign's id is its file's name); rename or merge one"),
                found(result));
        assertEquals(1, result.repository().orElseThrow().campaigns().size());
    }

    @Test
    void dueBeforeStartAndABadFileNameAreErrors() throws IOException {
        ValidationResult result = validate(repoWith("Restores.yaml", GOOD.replace("due: 2027-03-31", "due: 2026-09-30")));
        assertEquals(List.of(
                "standards/campaigns/Restores.yaml:1:1 campaign-id 'Restores' is not a campaign id: the file's name "
                        + "(without .yaml) is the campaign's id, lowercase letters, digits and hyphens, e.g. "
                        + "runbooks-for-ga.yaml",
                "standards/campaigns/Restores.yaml:5:6 campaign-dates due 2026-09-30 is before start 2026-10-01; "
                        + "a campaign ends on or after the day it starts"),
                found(result));
    }

    @Test
    void aGoalWithBothLevelAndMetIsOneSchemaProblem() throws IOException {
        List<String> found = found(validate(repoWith("restores.yaml", GOOD.replace("    level: 2\n", "    level: 2\n    met: true\n"))));
        assertEquals(List.of("standards/campaigns/restores.yaml:10:5 schema-not-allowed property 'level' does not apply here "
                + "in goals.0; it depends on another value here (e.g. the provider of a cost element, the method of a "
                + "split): see the schema's description"), found);
    }
}
