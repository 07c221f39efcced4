package io.servicedocs.workflows;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The pull-request workflow, {@code .github/workflows/pull-request.yml}, job {@code review}, run
 * step by step (see {@link WorkflowJob}) on a clone checked out at a pull request's branch: one
 * run of {@code servicedocs review} gives the annotations (each problem once, within GitHub's 10
 * of each level per step), the review as job summary and comment file and as JSON; the files kept for
 * pull-request-comment.yml (the review and the pull request's number), its exit status through
 * the step's output, and the step that fails the check. Uploading the files and posting the
 * comment are GitHub's part and not run (WorkflowSecurityTest checks what the comment workflow
 * may do).
 */
class PullRequestWorkflowTest {

    private static final Path WORKFLOW = Path.of(".github/workflows/pull-request.yml");
    private static final String FORGET = "Forget the checkout's token";
    private static final String TOOL = "Take servicedocs from the base branch";
    private static final String REVIEW = "Review against the base branch";
    private static final String KEEP = "Keep the review for the comment";
    private static final String FAIL = "Fail when the review blocks the pull request";

    private static final String CHECKOUT_TOKEN = "eC1hY2Nlc3MtdG9rZW46Z2hzX2NhbmFyeQ==";

    /** The template pushed to origin, made once: each test pushes its pull request to a copy of it. */
    @TempDir
    static Path shared;

    private static WorkflowFixture template;

    @TempDir
    Path dir;

    private WorkflowFixture fixture;

    @BeforeAll
    static void pushTheTemplate() throws IOException {
        template = WorkflowFixture.create(shared);
    }

    @BeforeEach
    void setUp() throws IOException {
        fixture = WorkflowFixture.copyOf(template, dir);
    }

    @Test
    void aPromotionThatDoesNotMeetItsPhaseIsReportedAndFailsTheCheck() throws IOException {
        pullRequest("promote-beta-svc", "products/beta-svc/phase.yaml", "phase: ga\nsince: 2026-11-01\n");

        Review review = review("promote-beta-svc");
        WorkflowJob.Result result = review.result();

        String markdown = Files.readString(review.workspace().resolve("review.md"));
        String summary = WorkflowFixture.summary(review.env());
        assertAll(
                () -> assertFalse(result.succeeded(), result.log()),
                () -> assertEquals(0, result.step(REVIEW).exit(), "the review step itself goes on: " + result.log()),
                () -> assertEquals(List.of("::error file=products/beta-svc/phase.yaml,line=1,col=8,title=servicedocs "
                                + "promotion::beta-svc does not meet ga (1/3 requirements); unmet: slo 1/2, backup-restore 0/1"),
                        annotations(result), "one annotation for the one problem, in the whole job: " + result.log()),
                () -> assertEquals(markdown, summary, "the job summary is the review"),
                () -> assertTrue(markdown.contains("**❌ Blocked:** 1 promotion(s) do not meet their new phase."), markdown),
                () -> assertTrue(markdown.contains("| Beta service (`beta-svc`) | beta → ga (promotion) |"), markdown),
                () -> assertTrue(summary.contains(markdown), "the job summary carries the review"),
                () -> assertEquals(markdown, Files.readString(review.workspace().resolve("pr-review/review.md")),
                        "the comment workflow gets the review"),
                () -> assertEquals("42\n", Files.readString(review.workspace().resolve("pr-review/pr-number")),
                        "and the number of the pull request, which a fork's workflow_run event lacks"),
                () -> assertTrue(Files.readString(review.workspace().resolve("pr-review/review.json"))
                        .contains("\"beta-svc\""), "and the whole report as JSON, which is never cut"),
                () -> assertEquals(Files.readString(review.workspace().resolve("review.json")),
                        Files.readString(review.workspace().resolve("pr-review/review.json"))),
                () -> assertEquals(1, result.step(FAIL).exit(), result.log()),
                () -> assertTrue(result.step(FAIL).output().contains("found a blocking problem"), result.log()));
    }

    @Test
    void aChangeThatBlocksNothingPassesAndTheFailingStepIsSkipped() throws IOException {
        String assessment = fixture.show("main", "products/beta-svc/assessment.yaml");
        pullRequest("more-evidence", "products/beta-svc/assessment.yaml",
                assessment.replace("assessed_by:", "# reviewed with the on-call team\nassessed_by:"));

        Review review = review("more-evidence");
        WorkflowJob.Result result = review.result();

        assertAll(
                () -> assertTrue(result.succeeded(), result.log()),
                () -> assertFalse(Files.readString(review.workspace().resolve(".git/config")).contains(CHECKOUT_TOKEN),
                        "the token actions/checkout leaves is gone before the pull request's files are read"),
                () -> assertEquals(List.of(FORGET, TOOL, REVIEW, KEEP), result.ran().stream()
                        .filter(name -> !name.contains(" / ")).toList(), result.log()),
                () -> assertFalse(Files.readString(review.workspace().resolve("review.md")).contains("Blocked"),
                        Files.readString(review.workspace().resolve("review.md"))));
    }

    @Test
    void anInvalidFileIsAnnotatedOnceAndTheJobStillWritesTheReview() throws IOException {
        pullRequest("typo", "products/beta-svc/phase.yaml", "phase: gaa\nsince: 2026-11-01\n");

        Review review = review("typo");
        WorkflowJob.Result result = review.result();

        List<String> annotations = annotations(result);
        assertAll(
                () -> assertEquals(0, result.step(REVIEW).exit(), result.log()),
                () -> assertEquals(1, annotations.size(), "validation is annotated by the review alone: " + result.log()),
                () -> assertTrue(annotations.get(0).startsWith("::error file=products/beta-svc/phase.yaml,line=1,col=8,"
                        + "title=servicedocs unknown-phase::unknown phase 'gaa'"), annotations.get(0)),
                () -> assertTrue(Files.readString(review.workspace().resolve("review.md")).contains("gaa"),
                        "the review carries the problem"),
                () -> assertEquals(Files.readString(review.workspace().resolve("review.md")),
                        WorkflowFixture.summary(review.env())),
                () -> assertEquals(1, result.step(FAIL).exit(), "an invalid head blocks: " + result.log()));
    }

    /**
     * Twelve new products with a mistyped phase and no other file: more errors than GitHub
     * shows. The first 10 are annotated, one line counts the rest, and review.json has them all.
     */
    @Test
    void pastGitHubsLimitTheRestAreCountedAndTheReviewHasThemAll() throws IOException {
        Path person = fixture.cloneBranch("person-many", "main");
        fixture.git(person, "checkout", "-q", "-b", "many");
        for (int n = 1; n <= 12; n++) {
            Path product = Files.createDirectories(person.resolve("products/new-" + n));
            Files.writeString(product.resolve("phase.yaml"), "phase: gaa\nsince: 2026-11-01\n");
        }
        fixture.git(person, "add", "-A");
        fixture.git(person, "commit", "-q", "-m", "Twelve products");
        fixture.git(person, "push", "-q", "origin", "many");

        Review review = review("many");
        WorkflowJob.Result result = review.result();

        String output = result.step(REVIEW).output();
        List<String> annotations = annotations(result);
        JsonNode json = JsonMapper.builder().build().readTree(review.workspace().resolve("review.json").toFile());
        long errors = json.get("head_diagnostics").valueStream().filter(d -> d.get("severity").asString().equals("error"))
                .count();
        long warnings = json.get("head_diagnostics").size() - errors;
        assertAll(
                () -> assertEquals(0, result.step(REVIEW).exit(), result.log()),
                () -> assertEquals(0, warnings),
                () -> assertEquals(60, errors, "each new product lacks service-doc, assessment, security and finance and "
                        + "has an unknown phase"),
                () -> assertEquals(10, annotations.size(), output),
                () -> assertTrue(annotations.stream().allMatch(a -> a.startsWith("::error ")), output),
                () -> assertEquals(annotations.size(), annotations.stream().distinct().count(), output),
                () -> assertTrue(output.lines().anyMatch(("servicedocs: " + (errors - 10) + " errors are not annotated "
                        + "(GitHub shows at most 10 of each level per step); review.json in the run's pr-review artifact lists all of them.")::equals),
                        output),
                () -> assertEquals(Files.readString(review.workspace().resolve("review.md")),
                        WorkflowFixture.summary(review.env())),
                () -> assertEquals(1, result.step(FAIL).exit(), result.log()));
    }

    /** A review that cannot run (here: review.md cannot be written) fails its own step; nothing is kept. */
    @Test
    void aReviewThatCannotRunFailsItsStep() throws IOException {
        pullRequest("lost", "products/beta-svc/phase.yaml", "phase: ga\nsince: 2026-11-01\n");
        Path workspace = fixture.checkout();
        fixture.git(workspace, "checkout", "-q", "--detach", "origin/lost");
        Files.createDirectory(workspace.resolve("review.md"));
        Map<String, String> env = fixture.environment();
        WorkflowJob.Result result = WorkflowJob.of(WORKFLOW, "review").run(workspace, env,
                Map.of("github.base_ref", "main", "github.event.pull_request.number", "42"));
        assertAll(
                () -> assertEquals(2, result.step(REVIEW).exit(), result.log()),
                () -> assertTrue(result.step(REVIEW).output().contains("review.md is a folder; expected a file to write"),
                        result.log()),
                () -> assertTrue(result.step(REVIEW).output().contains("servicedocs review could not run (exit status 2)."),
                        result.log()),
                () -> assertFalse(result.step(KEEP).ran(), result.log()),
                () -> assertFalse(Files.exists(workspace.resolve("review.json"))),
                () -> assertEquals("", WorkflowFixture.summary(env)));
    }

    /**
     * A pull request that brings its own tool (here a launcher that always says "clear") is still
     * judged by the base's tool: the check is one the pull request cannot rewrite.
     */
    @Test
    void aPullRequestCannotJudgeItselfWithAToolItBrings() throws IOException {
        Path person = fixture.cloneBranch("person-forged", "main");
        fixture.git(person, "checkout", "-q", "-b", "forged");
        Files.writeString(person.resolve("products/beta-svc/phase.yaml"), "phase: ga\nsince: 2026-11-01\n");
        Files.writeString(person.resolve("servicedocs"), "#!/usr/bin/env bash\necho '**✅ Clear.**' > review.md\n"
                + "echo '{}' > review.json\nexit 0\n");
        fixture.git(person, "commit", "-q", "-am", "Promote beta-svc, and a friendlier tool");
        fixture.git(person, "push", "-q", "origin", "forged");
        Review review = review("forged");
        WorkflowJob.Result result = review.result();
        assertAll(
                () -> assertFalse(result.succeeded(), result.log()),
                () -> assertTrue(Files.readString(review.workspace().resolve("review.md")).contains("**❌ Blocked:**"),
                        Files.readString(review.workspace().resolve("review.md"))),
                () -> assertTrue(result.step(FAIL).ran() && result.step(FAIL).exit() != 0, result.log()));
    }

    /** The annotation lines every step of the job printed. */
    private static List<String> annotations(WorkflowJob.Result result) {
        return result.steps().stream().flatMap(step -> step.output().lines()).filter(line -> line.startsWith("::"))
                .toList();
    }

    /** One run of the review job, in a checkout of the pull request's branch. */
    private record Review(Path workspace, Map<String, String> env, WorkflowJob.Result result) {
    }

    private Review review(String branch) {
        // as actions/checkout on pull_request: the merge of the branch into the base, detached
        Path workspace = fixture.checkout();
        fixture.git(workspace, "checkout", "-q", "--detach", "origin/main");
        fixture.git(workspace, "merge", "-q", "--no-ff", "--no-edit", "origin/" + branch);
        // as actions/checkout@v4 leaves it, with persist-credentials (the default)
        fixture.git(workspace, "config", "--local", "http.https://github.com/.extraheader",
                "AUTHORIZATION: basic " + CHECKOUT_TOKEN);
        Map<String, String> env = fixture.environment();
        return new Review(workspace, env,
                WorkflowJob.of(WORKFLOW, "review").run(workspace, env, Map.of("github.base_ref", "main",
                        "github.event.pull_request.number", "42")));
    }

    /** A branch off main with one file changed, pushed to origin. */
    private void pullRequest(String branch, String path, String content) throws IOException {
        Path person = fixture.cloneBranch("person-" + branch, "main");
        fixture.git(person, "checkout", "-q", "-b", branch);
        Files.writeString(person.resolve(path), content);
        fixture.git(person, "commit", "-q", "-am", "Change " + path);
        fixture.git(person, "push", "-q", "origin", branch);
    }
}
