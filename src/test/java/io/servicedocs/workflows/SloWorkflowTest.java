package io.servicedocs.workflows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The daily SLO workflow, {@code .github/workflows/slo.yml}, run step by step as the runner would
 * ({@link WorkflowJob}) on a clone of a local origin. It is off until the repository variable
 * SLO_FETCH is 'on'; the Datadog keys reach the measuring step only; the run starts the slo-data
 * branch; a failed measurement commits nothing and explains itself. {@link WorkflowFixture}'s
 * repository declares no SLO, so its measurement fails as a usage problem (exit 2): what a
 * repository that switched the workflow on without slos.yaml gets.
 */
class SloWorkflowTest {

    private static final Path WORKFLOW = Path.of(".github/workflows/slo.yml");
    private static final String CHECKOUT = "Check out the slo-data branch into slo-data/";
    private static final String FETCH = "Measure the SLOs (the last 3 months and this one)";
    private static final String COMMIT = "Commit and push the changed months to the slo-data branch";
    private static final String EXPLAIN = "Explain a failed measurement";

    @TempDir
    Path dir;

    @Test
    void offUntilConfiguredOnSchedule() throws IOException {
        WorkflowFixture fixture = WorkflowFixture.create(dir.resolve("repo"));
        Map<String, Object> context = new HashMap<>();
        context.put("github.event_name", "schedule");
        WorkflowJob.Result result = WorkflowJob.of(WORKFLOW, "refresh").run(fixture.checkout(), fixture.environment(),
                context);
        assertEquals(List.of(), result.ran());
    }

    @Test
    void aRunStartsTheBranchAndAFailedMeasurementCommitsNothing() throws IOException {
        WorkflowFixture fixture = WorkflowFixture.create(dir.resolve("repo"));
        Map<String, Object> context = new HashMap<>();
        context.put("github.event_name", "schedule");
        context.put("vars.SLO_FETCH", "on");
        context.put("secrets.DD_API_KEY", "api-key");
        context.put("secrets.DD_APP_KEY", "app-key");
        Map<String, String> env = fixture.environment();
        WorkflowJob.Result result = WorkflowJob.of(WORKFLOW, "refresh").run(fixture.checkout(), env, context);
        assertEquals(List.of(CHECKOUT, FETCH, EXPLAIN), result.ran(), result.log());
        assertFalse(result.succeeded());
        assertEquals(2, result.step(FETCH).exit(), result.log());
        assertTrue(result.step(FETCH).output().contains("servicedocs: no SLO to measure: no product declares SLOs in "
                + "products/<id>/slos.yaml"), result.log());
        assertTrue(WorkflowFixture.summary(env).contains("### SLO data not updated"), WorkflowFixture.summary(env));
        // nothing reached origin: no slo-data branch there
        assertEquals("", fixture.git(fixture.origin(), "branch", "--list", "slo-data").strip());
    }

    @Test
    void theDatadogKeysReachTheMeasuringStepOnlyAndTheJobMayOnlyWriteContents() throws IOException {
        JsonNode job = YAMLMapper.builder().build().readTree(WORKFLOW.toFile()).path("jobs").path("refresh");
        assertEquals("{\"contents\":\"write\"}", job.path("permissions").toString());
        for (JsonNode step : job.path("steps")) {
            String text = step.toString();
            boolean measuring = step.path("name").asString("").equals(FETCH);
            assertEquals(measuring, text.contains("secrets."), step.path("name").asString("") + ": " + text);
        }
        assertTrue(Files.readString(WORKFLOW).contains("if: vars.SLO_FETCH == 'on' || github.event_name == "
                + "'workflow_dispatch'"));
    }
}
