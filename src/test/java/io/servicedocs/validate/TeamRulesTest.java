package io.servicedocs.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.servicedocs.TestRepositories;
import io.servicedocs.load.SchemaValidator;
import io.servicedocs.model.ChatChannel;
import io.servicedocs.model.Person;
import io.servicedocs.model.Standard;
import io.servicedocs.model.Team;
import io.servicedocs.source.WorkingTreeSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** standards/teams.yaml: optional; when present, a Service Doc's owners.team must be one of its ids. */
class TeamRulesTest {

    private static SchemaValidator schemas;

    @TempDir
    Path dir;

    @BeforeAll
    static void schemas() {
        schemas = new SchemaValidator();
    }

    private static final String TEAMS = "teams:\n"
            + "  - id: team-a\n    name: Team Alpha\n    lead:\n      name: Ann\n      email: ann@example.com\n"
            + "    chat:\n      name: \"#alpha\"\n      url: https://chat.example.com/alpha\n"
            + "    github_team: example/team-a\n"
            + "  - id: team-b\n    name: Team Beta\n    description: Runs beta.\n    lead:\n      name: Cid\n"
            + "    chat: \"#beta\"\n";

    private static ValidationResult validate(Path repo) throws IOException {
        return new Validation(schemas, TestRepositories.AS_OF).run(new WorkingTreeSource(repo));
    }

    private static List<String> found(ValidationResult result) {
        return result.diagnostics().stream()
                .map(d -> d.file() + ":" + d.line() + ":" + d.column() + " " + d.rule() + " " + d.message()).toList();
    }

    @Test
    void withoutTeamsFileTeamsAreFreeIds() throws IOException {
        Path repo = TestRepositories.minimalCopy(dir);
        assertEquals(List.of(), found(validate(repo)));
        Standard standard = validate(repo).repository().orElseThrow().standard();
        assertEquals(List.of(), standard.teams());
        assertEquals(false, standard.declaresTeams());
    }

    @Test
    void theTeamsBindWithTheStandard() throws IOException {
        Path repo = TestRepositories.minimalCopy(dir);
        Files.writeString(repo.resolve("standards/teams.yaml"), TEAMS);
        ValidationResult result = validate(repo);
        assertEquals(List.of(), found(result));
        assertEquals(List.of(
                new Team("team-a", "Team Alpha", Optional.empty(), new Person("Ann", Optional.of("ann@example.com"),
                        Optional.empty()), new ChatChannel("#alpha", Optional.of("https://chat.example.com/alpha")),
                        Optional.of("example/team-a")),
                new Team("team-b", "Team Beta", Optional.of("Runs beta."), new Person("Cid", Optional.empty(),
                        Optional.empty()), new ChatChannel("#beta", Optional.empty()), Optional.empty())),
                result.repository().orElseThrow().standard().teams());
    }

    @Test
    void aServiceDocNamingAnUnknownTeamIsAnErrorWithSuggestions() throws IOException {
        Path repo = TestRepositories.minimalCopy(dir);
        Files.writeString(repo.resolve("standards/teams.yaml"), TEAMS);
        Path alpha = repo.resolve("products/alpha/service-doc.yaml");
        Files.writeString(alpha, Files.readString(alpha).replace("team: team-a", "team: team-c"));
        Path beta = repo.resolve("products/beta-svc/service-doc.yaml");
        Files.writeString(beta, Files.readString(beta).replace("team: team-b", "team: platform"));
        assertEquals(List.of(
                "products/alpha/service-doc.yaml:6:9 unknown-team unknown team 'team-c', not in standards/teams.yaml; "
                        + "did you mean 'team-a'? expected one of: team-a, team-b",
                "products/beta-svc/service-doc.yaml:6:9 unknown-team unknown team 'platform', not in standards/teams.yaml; "
                        + "expected one of: team-a, team-b"),
                found(validate(repo)));
    }

    @Test
    void aTeamIdInTheWrongCaseFailsItsPatternAndIsPointedToTheTeam() throws IOException {
        Path repo = TestRepositories.minimalCopy(dir);
        Files.writeString(repo.resolve("standards/teams.yaml"), TEAMS);
        Path alpha = repo.resolve("products/alpha/service-doc.yaml");
        Files.writeString(alpha, Files.readString(alpha).replace("team: team-a", "team: Team-B"));
        assertEquals(List.of("products/alpha/service-doc.yaml:6:9 schema-pattern 'Team-B' is not valid here; "
                        + "expected lowercase letters, digits and hyphens; starts with a letter, 2 to 63 characters; "
                        + "did you mean 'team-b'? expected one of: team-a, team-b"),
                found(validate(repo)));
    }

    @Test
    void aTeamsFileFailingItsSchemaIsReportedAndLeavesTeamsFree() throws IOException {
        Path repo = TestRepositories.minimalCopy(dir);
        Files.writeString(repo.resolve("standards/teams.yaml"), TEAMS.replace("    chat: \"#beta\"\n", ""));
        Path alpha = repo.resolve("products/alpha/service-doc.yaml");
        Files.writeString(alpha, Files.readString(alpha).replace("team: team-a", "team: team-c"));
        ValidationResult result = validate(repo);
        assertEquals(List.of("standards/teams.yaml:11:5 schema-required missing required property 'chat' in teams.1"), found(result),
                "one problem, at its place: no unknown-team cascade from a teams.yaml that does not load");
        assertEquals(List.of(), result.repository().orElseThrow().standard().teams());
    }

    @Test
    void aTeamIdTwiceIsAnError() throws IOException {
        Path repo = TestRepositories.minimalCopy(dir);
        Files.writeString(repo.resolve("standards/teams.yaml"), TEAMS
                + "  - id: team-a\n    name: Another Alpha\n    lead:\n      name: Eve\n    chat: \"#alpha-2\"\n");
        assertEquals(List.of("standards/teams.yaml:17:9 duplicate-id team id 'team-a' is already used at line 2; "
                + "expected each id once"), found(validate(repo)));
    }

    @Test
    void aMalformedGithubTeamIsASchemaError() throws IOException {
        Path repo = TestRepositories.minimalCopy(dir);
        Files.writeString(repo.resolve("standards/teams.yaml"), TEAMS.replace("example/team-a", "\"@example/team-a\""));
        assertEquals(List.of("standards/teams.yaml:10:18 schema-pattern '@example/team-a' is not valid here; expected the team "
                + "on GitHub as CODEOWNERS names it without the '@': 'organisation/team-slug', e.g. 'acme/platform-team'"),
                found(validate(repo)));
    }
}
