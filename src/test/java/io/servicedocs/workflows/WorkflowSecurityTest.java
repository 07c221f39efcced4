package io.servicedocs.workflows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * What the workflows promise about security, read from the files in .github: every action is
 * pinned to a commit (a tag can be moved to other code, a commit cannot), every job says which
 * permissions its token has, no workflow runs a pull request's code with the base repository's
 * rights ({@code pull_request_target}), and the workflow that comments may do nothing else.
 */
class WorkflowSecurityTest {

    private static final Path GITHUB = Path.of(".github");
    private static final Path COMMENT = GITHUB.resolve("workflows/pull-request-comment.yml");
    private static final Pattern PINNED = Pattern.compile("[\\w.-]+/[\\w./-]+@[0-9a-f]{40} # v\\d+(\\.\\d+)*");
    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.toString().endsWith(".yml") || f.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    private static List<Path> workflows() throws IOException {
        return files(GITHUB.resolve("workflows"));
    }

    @Test
    void everyActionIsPinnedToACommitWithItsVersionInAComment() throws IOException {
        List<String> unpinned = new ArrayList<>();
        int pinned = 0;
        for (Path file : files(GITHUB)) {
            for (String line : Files.readAllLines(file)) {
                String uses = line.strip().replaceFirst("^- ", "");
                if (!uses.startsWith("uses:")) {
                    continue;
                }
                String action = uses.substring("uses:".length()).strip();
                if (action.startsWith("./")) {
                    continue;   // an action of this repository: pinned by the commit that runs it
                }
                if (PINNED.matcher(action).matches()) {
                    pinned++;
                } else {
                    unpinned.add(file + ": " + action);
                }
            }
        }
        assertEquals(List.of(), unpinned, "pin as owner/name@<40 hex> # vX.Y.Z");
        assertTrue(pinned >= 10, "the workflows' actions were found: " + pinned);
    }

    @Test
    void everyJobSaysWhichPermissionsItHas() throws IOException {
        List<String> without = new ArrayList<>();
        for (Path file : workflows()) {
            JsonNode workflow = YAML.readTree(file.toFile());
            assertTrue(workflow.has("permissions"), file + ": a default for jobs added later");
            workflow.path("jobs").properties().forEach(job -> {
                if (!job.getValue().path("permissions").isObject()) {
                    without.add(file + ": " + job.getKey());
                }
            });
        }
        assertEquals(List.of(), without, "jobs without their own permissions");
    }

    @Test
    void noWorkflowRunsOnPullRequestTarget() throws IOException {
        for (Path file : workflows()) {
            JsonNode on = YAML.readTree(file.toFile()).path("on");
            assertFalse(on.has("pull_request_target"), file.toString());
            assertFalse(Files.readString(file).lines().filter(l -> !l.strip().startsWith("#"))
                    .anyMatch(l -> l.contains("pull_request_target")), file + " mentions pull_request_target outside comments");
        }
    }

    @Test
    void thePullRequestWorkflowCannotWriteAndRunsOnePerPullRequest() throws IOException {
        JsonNode workflow = YAML.readTree(GITHUB.resolve("workflows/pull-request.yml").toFile());
        assertTrue(workflow.path("on").has("pull_request"));
        assertEquals(Map.of(), permissions(workflow.path("permissions")));
        workflow.path("jobs").properties().forEach(job -> assertEquals(Map.of("contents", "read"),
                permissions(job.getValue().path("permissions")), job.getKey() + " runs the pull request's code"));
        assertEquals("pull-request-${{ github.event.pull_request.number }}",
                workflow.path("concurrency").path("group").asString());
        assertTrue(workflow.path("concurrency").path("cancel-in-progress").asBoolean());
    }

    @Test
    void theCommentWorkflowOnlyCommentsAndRunsNothingFromTheArtifact() throws IOException {
        JsonNode workflow = YAML.readTree(COMMENT.toFile());
        JsonNode run = workflow.path("on").path("workflow_run");
        assertEquals("Pull request", run.path("workflows").path(0).asString());
        assertEquals("completed", run.path("types").path(0).asString());
        assertEquals(Map.of(), permissions(workflow.path("permissions")));
        JsonNode jobs = workflow.path("jobs");
        assertEquals(1, jobs.size());
        JsonNode comment = jobs.path("comment");
        assertEquals(Map.of("actions", "read", "pull-requests", "write"), permissions(comment.path("permissions")));

        List<String> uses = new ArrayList<>();
        for (JsonNode step : comment.path("steps")) {
            assertFalse(step.has("run"), "no shell step: nothing of the artifact is executed: " + step);
            uses.add(step.path("uses").asString().replaceFirst("@.*", ""));
        }
        assertEquals(List.of("actions/download-artifact", "actions/github-script"), uses, "no checkout of the pull request");
        String script = comment.path("steps").path(1).path("with").path("script").asString();
        assertTrue(script.contains("/^[1-9][0-9]{0,9}$/.test(number)"), "the pull request number is checked: " + script);
        assertTrue(script.contains("pull.head.sha !== process.env.HEAD_SHA"), "and is the pull request reviewed");
        assertFalse(script.contains("eval(") || script.contains("child_process") || script.contains("require(dir"),
                "the artifact is data");
    }

    @Test
    void dependabotKeepsTheActionsAndMavenCurrentWeekly() throws IOException {
        JsonNode config = YAML.readTree(GITHUB.resolve("dependabot.yml").toFile());
        Map<String, String> intervals = new TreeMap<>();
        config.path("updates").forEach(u -> intervals.put(u.path("package-ecosystem").asString(),
                u.path("schedule").path("interval").asString()));
        assertEquals(Map.of("github-actions", "weekly", "maven", "weekly"), intervals);
    }

    @Test
    void theWorkflowsThatDeployPagesConfigureItFirst() throws IOException {
        for (Path file : workflows()) {
            String text = Files.readString(file);
            if (text.contains("actions/deploy-pages@")) {
                int configure = text.indexOf("actions/configure-pages@");
                assertTrue(configure > 0 && configure < text.indexOf("actions/upload-pages-artifact@"), file.toString());
            }
        }
    }

    private static Map<String, String> permissions(JsonNode node) {
        Map<String, String> permissions = new TreeMap<>();
        node.properties().forEach(p -> permissions.put(p.getKey(), p.getValue().asString()));
        return permissions;
    }
}
