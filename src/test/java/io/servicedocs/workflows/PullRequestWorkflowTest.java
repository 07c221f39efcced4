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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pull-request workflow, {@code .github/workflows/pull-request.yml}, job {@code review}, run
 * step by step (see {@link WorkflowJob}) on a clone checked out at a pull request's branch: the
 * annotations, the review as job summary and comment file, the files kept for
 * pull-request-comment.yml (the review and the pull request's number), its exit status through
 * the step's output, and the step that fails the check. Uploading the files and posting the
 * comment are GitHub's part and not run (WorkflowSecurityTest checks what the comment workflow
 * may do).
 */
class PullRequestWorkflowTest {

    private static final Path WORKFLOW = Path.of(".github/workflows/pull-request.yml");
    private static final String FORGET = "Forget the checkout's token";
    private static final String VALIDATE = "Validate (annotations)";
    private static final String REVIEW = "Review against the base branch";
    private static final String KEEP = "Keep the review for the comment";
    private static final String FAIL = "Fail when a promotion does not meet its new phase";

    private static final String CHECKOUT_TOKEN = "eC1hY2Nlc3MtdG9rZW46Z2hzX2NhbmFyeQ==";

    @TempDir
    Path dir;

    private WorkflowFixture fixture;

    @BeforeEach
    void setUp() throws IOException {
        fixture = WorkflowFixture.create(dir);
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
                () -> assertTrue(result.step(REVIEW).output().contains(
                        "::error file=products/beta-svc/phase.yaml,line=1,col=8,title=servicedocs promotion::beta-svc"
                                + " does not meet ga"), result.step(REVIEW).output()),
                () -> assertTrue(markdown.contains("**❌ Blocked:** 1 promotion(s) do not meet their new phase."), markdown),
                () -> assertTrue(markdown.contains("| Beta service (`beta-svc`) | beta → ga (promotion) |"), markdown),
                () -> assertTrue(summary.contains(markdown), "the job summary carries the review"),
                () -> assertEquals(markdown, Files.readString(review.workspace().resolve("pr-review/review.md")),
                        "the comment workflow gets the review"),
                () -> assertEquals("42\n", Files.readString(review.workspace().resolve("pr-review/pr-number")),
                        "and the number of the pull request, which a fork's workflow_run event lacks"),
                () -> assertTrue(Files.readString(review.workspace().resolve("pr-review/review.json"))
                        .contains("\"beta-svc\""), "and the whole report as JSON, which is never cut"),
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
                () -> assertEquals(List.of(FORGET, VALIDATE, REVIEW, KEEP), result.ran().stream()
                        .filter(name -> !name.contains(" / ")).toList(), result.log()),
                () -> assertFalse(Files.readString(review.workspace().resolve("review.md")).contains("Blocked"),
                        Files.readString(review.workspace().resolve("review.md"))));
    }

    @Test
    void anInvalidFileIsAnnotatedAndTheJobStillWritesTheReview() throws IOException {
        pullRequest("typo", "products/beta-svc/phase.yaml", "phase: gaa\nsince: 2026-11-01\n");

        Review review = review("typo");
        WorkflowJob.Result result = review.result();

        assertAll(
                () -> assertEquals(1, result.step(VALIDATE).exit(), result.log()),
                () -> assertTrue(result.step(VALIDATE).output().contains("::error file=products/beta-svc/phase.yaml,line=1"),
                        result.step(VALIDATE).output()),
                () -> assertTrue(result.step(REVIEW).ran(), "validation failing does not stop the review"),
                () -> assertTrue(Files.exists(review.workspace().resolve("review.md"))),
                () -> assertEquals(1, result.step(FAIL).exit(), "an invalid head blocks: " + result.log()));
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
