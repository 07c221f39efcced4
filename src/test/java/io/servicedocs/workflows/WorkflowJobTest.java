package io.servicedocs.workflows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner the workflow tests rely on behaves as GitHub's does, on a workflow made for the purpose. */
class WorkflowJobTest {

    @TempDir
    Path dir;

    private WorkflowJob.Result run(String workflow, Map<String, Object> context) throws IOException {
        Path file = dir.resolve("workflow.yml");
        Files.writeString(file, workflow);
        return WorkflowJob.of(file, "job").run(dir, Map.of("HOME", dir.toString()), context);
    }

    @Test
    void shellsEnvironmentOutputsAndConditions() throws IOException {
        WorkflowJob.Result result = run("""
                env:
                  FROM_WORKFLOW: w
                jobs:
                  job:
                    env:
                      ACCEPT: ${{ inputs.accept && 'true' || 'false' }}
                    steps:
                      - uses: actions/checkout@v4
                      - name: default shell has no pipefail
                        run: |
                          false | true
                          echo "reached $FROM_WORKFLOW $ACCEPT"
                      - name: exports
                        id: exports
                        run: |
                          echo "LATER=from GITHUB_ENV" >> "$GITHUB_ENV"
                          { echo "text<<END"; echo "two"; echo "lines"; echo "END"; echo "status=1"; } >> "$GITHUB_OUTPUT"
                      - name: reads them
                        if: steps.exports.outputs.status != '0' && steps.exports.outputs.status == 1
                        env:
                          TEXT: ${{ steps.exports.outputs.text }}
                        run: echo "$LATER, $TEXT"
                      - name: never
                        id: never
                        if: false
                        run: echo never
                      - name: bash shell has pipefail
                        shell: bash
                        continue-on-error: true
                        run: |
                          false | true
                          echo "not reached"
                      - name: still going
                        if: steps.never.outcome == 'skipped'
                        run: echo "continue-on-error kept the job going"
                      - name: fails
                        run: exit 3
                      - name: skipped after a failure
                        run: echo no
                      - name: always
                        if: always()
                        run: echo always
                """, Map.of());

        assertEquals(List.of("default shell has no pipefail", "exports", "reads them", "bash shell has pipefail", "still going",
                "fails", "always"), result.ran(), result.log());
        assertEquals("reached w false\n", result.step("default shell has no pipefail").output());
        assertEquals("from GITHUB_ENV, two\nlines\n", result.step("reads them").output());
        assertEquals(1, result.step("bash shell has pipefail").exit());
        assertEquals(3, result.step("fails").exit());
        assertFalse(result.succeeded());
    }

    @Test
    void aJobWhoseConditionIsFalseRunsNothing() throws IOException {
        String workflow = """
                jobs:
                  job:
                    if: vars.ROLE != '' || github.event_name == 'workflow_dispatch'
                    steps:
                      - name: echo ran
                        run: echo ran
                """;
        assertEquals(List.of(), run(workflow, Map.of("github.event_name", "schedule")).ran());
        assertEquals(List.of("echo ran"), run(workflow, Map.of("github.event_name", "workflow_dispatch")).ran());
    }

    @Test
    void whatItCannotKnowIsAnErrorNotAGuess() {
        IllegalArgumentException unknownStep = assertThrows(IllegalArgumentException.class, () -> run("""
                jobs:
                  job:
                    steps:
                      - id: fetch
                        run: "true"
                      - if: steps.fetchh.outcome == 'failure'
                        run: echo typo
                """, Map.of()));
        assertTrue(unknownStep.getMessage().contains("no step with id 'fetchh'"), unknownStep.getMessage());
        assertThrows(IllegalArgumentException.class, () -> run("""
                jobs:
                  job:
                    steps:
                      - run: echo "${{ github.base_ref }}"
                """, Map.of("github.base_ref", "main")), "an expression pasted into a script");
        assertThrows(IllegalArgumentException.class, () -> run("""
                jobs:
                  job:
                    steps:
                      - shell: python
                        run: print(1)
                """, Map.of()));
    }
}
