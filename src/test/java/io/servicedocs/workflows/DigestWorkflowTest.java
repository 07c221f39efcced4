package io.servicedocs.workflows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The weekly digest workflow, {@code .github/workflows/digest.yml}, read statically: it does
 * nothing until the repository variable DIGEST_ENABLED is 'true', its token can only read, and
 * the webhook's secret reaches the tool only through the environment of the one step that posts,
 * named to the tool by the variable's name (never on a command line, where logs would show it).
 */
class DigestWorkflowTest {

    private static final Path WORKFLOW = Path.of(".github/workflows/digest.yml");
    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    private static JsonNode workflow() throws IOException {
        return YAML.readTree(WORKFLOW.toFile());
    }

    @Test
    void runsWeeklyOrByHandAndOnlyWhenEnabled() throws IOException {
        JsonNode workflow = workflow();
        List<String> triggers = new ArrayList<>();
        workflow.path("on").propertyNames().forEach(triggers::add);
        assertEquals(List.of("schedule", "workflow_dispatch"), triggers);
        assertEquals("0 0 * * 1", workflow.at("/on/schedule/0/cron").asString());
        assertEquals(1, workflow.path("jobs").size());
        String condition = workflow.at("/jobs/post/if").asString();
        for (Object value : java.util.Arrays.asList(null, "", "false", "yes", "1")) {
            Map<String, Object> vars = new HashMap<>();
            vars.put("vars.DIGEST_ENABLED", value);
            assertFalse(Expression.truthy(Expression.evaluate(condition, Expression.of(vars::get, false))),
                    "DIGEST_ENABLED=" + value);
        }
        assertTrue(Expression.truthy(Expression.evaluate(condition,
                Expression.of(Map.<String, Object>of("vars.DIGEST_ENABLED", "true")::get, false))));
    }

    @Test
    void readsOnlyAndKeepsNoToken() throws IOException {
        JsonNode workflow = workflow();
        assertEquals(0, workflow.path("permissions").size());
        Map<String, String> permissions = new TreeMap<>();
        workflow.at("/jobs/post/permissions").properties().forEach(p -> permissions.put(p.getKey(), p.getValue().asString()));
        assertEquals(Map.of("contents", "read"), permissions);
        JsonNode checkout = workflow.at("/jobs/post/steps/0");
        assertTrue(checkout.path("uses").asString().startsWith("actions/checkout@"));
        assertFalse(checkout.at("/with/persist-credentials").asBoolean(true));
        assertEquals(0, checkout.at("/with/fetch-depth").asInt(-1), "the digest reads the history");
    }

    @Test
    void theSecretReachesTheToolOnlyThroughTheEnvironment() throws IOException {
        String text = Files.readString(WORKFLOW);
        List<String> secretLines = text.lines().filter(l -> !l.strip().startsWith("#") && l.contains("secrets."))
                .toList();
        assertEquals(List.of("          SERVICEDOCS_DIGEST_WEBHOOK: ${{ secrets.DIGEST_WEBHOOK_URL }}"), secretLines);
        JsonNode post = workflow().at("/jobs/post/steps/2");
        assertEquals("${{ secrets.DIGEST_WEBHOOK_URL }}", post.at("/env/SERVICEDOCS_DIGEST_WEBHOOK").asString());
        String run = post.path("run").asString();
        assertTrue(run.startsWith("./servicedocs digest --post-to-env SERVICEDOCS_DIGEST_WEBHOOK"), run);
        assertFalse(run.contains("${{") || run.contains("$SERVICEDOCS_DIGEST_WEBHOOK"), "the URL is not on the command line: " + run);
        assertEquals("bash", post.path("shell").asString(), "pipefail: a failed post fails the step despite tee");
    }
}
