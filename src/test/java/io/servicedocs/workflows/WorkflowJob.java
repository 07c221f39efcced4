package io.servicedocs.workflows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The {@code run:} steps of one job of a GitHub Actions workflow (or of a composite action),
 * run as the runner runs them: each script written to a file and run with
 * {@code bash --noprofile --norc -eo pipefail}, in the step's {@code working-directory}, with
 * the environment the test gives. This lets tests run a workflow's own shell code instead of a
 * copy of it.
 *
 * <p>What GitHub does and this does not: {@code uses:} steps are skipped (the test does their
 * part itself, e.g. the checkout), and of an {@code if:} only {@code failure()} is understood:
 * a step whose condition mentions it runs only after a failed step, every other step only while
 * none has failed (the test plays a repository whose variables make the other conditions
 * true). A {@code ${{ }}} expression in a script is refused: it cannot run outside GitHub, and
 * expressions in scripts are where script injection comes from; a workflow passes such values
 * through {@code env:}.
 */
final class WorkflowJob {

    /** One step that ran or was skipped. */
    record StepRun(String name, boolean ran, int exit, String output) {
        boolean failed() {
            return ran && exit != 0;
        }
    }

    /** What the job did, step by step. */
    record Result(List<StepRun> steps) {
        boolean succeeded() {
            return steps.stream().noneMatch(StepRun::failed);
        }

        StepRun step(String name) {
            return steps.stream().filter(s -> s.name().equals(name)).findFirst()
                    .orElseThrow(() -> new AssertionError("no step '" + name + "' in " + names()));
        }

        List<String> ran() {
            return steps.stream().filter(StepRun::ran).map(StepRun::name).toList();
        }

        private List<String> names() {
            return steps.stream().map(StepRun::name).toList();
        }

        /** Every step's name, exit status and output, for assertion messages. */
        String log() {
            StringBuilder log = new StringBuilder();
            for (StepRun step : steps) {
                log.append("## ").append(step.name()).append(step.ran() ? " (exit " + step.exit() + ")" : " (skipped)")
                        .append('\n').append(step.output());
            }
            return log.toString();
        }
    }

    private record Step(String name, Optional<String> script, Optional<String> condition,
            Optional<String> workingDirectory, Map<String, String> env) {
    }

    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    private final List<Step> steps;

    private WorkflowJob(List<Step> steps) {
        this.steps = steps;
    }

    /** The job {@code job} of a workflow file. */
    static WorkflowJob of(Path workflow, String job) {
        JsonNode jobNode = read(workflow).path("jobs").path(job);
        if (jobNode.isMissingNode()) {
            throw new IllegalArgumentException(workflow + " has no job " + job);
        }
        return new WorkflowJob(steps(workflow, jobNode.path("steps")));
    }

    /** The steps of a composite action ({@code action.yml}). */
    static WorkflowJob ofAction(Path action) {
        return new WorkflowJob(steps(action, read(action).path("runs").path("steps")));
    }

    /** Runs the steps in order in {@code workspace}, with only {@code env} (plus PATH) set. */
    Result run(Path workspace, Map<String, String> env) {
        List<StepRun> runs = new ArrayList<>();
        boolean failed = false;
        for (Step step : steps) {
            boolean afterFailure = step.condition().map(c -> c.contains("failure()")).orElse(false);
            if (step.script().isEmpty() || afterFailure != failed) {
                runs.add(new StepRun(step.name(), false, 0, ""));
                continue;
            }
            StepRun run = runScript(step, workspace, env);
            runs.add(run);
            failed |= run.failed();
        }
        return new Result(runs);
    }

    private static StepRun runScript(Step step, Path workspace, Map<String, String> env) {
        try {
            Path script = Files.createTempFile("step-", ".sh");
            try {
                Files.writeString(script, step.script().orElseThrow(), StandardCharsets.UTF_8);
                Path directory = step.workingDirectory().map(workspace::resolve).orElse(workspace);
                Path output = Files.createTempFile("step-", ".log");
                ProcessBuilder builder = new ProcessBuilder("bash", "--noprofile", "--norc", "-eo", "pipefail",
                        script.toString())
                        .directory(directory.toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(output.toFile());
                Map<String, String> environment = builder.environment();
                String path = environment.getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin");
                environment.clear();
                environment.put("PATH", path);
                environment.putAll(env);
                environment.putAll(step.env());
                Process process = builder.start();
                if (!process.waitFor(5, TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                    throw new AssertionError("step '" + step.name() + "' did not end within 5 minutes");
                }
                String text = Files.readString(output);
                Files.delete(output);
                return new StepRun(step.name(), true, process.exitValue(), text);
            } finally {
                Files.deleteIfExists(script);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode read(Path file) {
        return YAML.readTree(file.toFile());
    }

    private static List<Step> steps(Path file, JsonNode list) {
        List<Step> steps = new ArrayList<>();
        for (JsonNode node : list) {
            String name = text(node, "name").orElseGet(() -> text(node, "uses").orElse("step " + (steps.size() + 1)));
            Optional<String> script = text(node, "run");
            script.filter(s -> s.contains("${{")).ifPresent(s -> {
                throw new IllegalArgumentException(file + ": step '" + name
                        + "' has a ${{ }} expression in its script: pass the value through env:");
            });
            Map<String, String> env = new LinkedHashMap<>();
            node.path("env").properties().forEach(e -> env.put(e.getKey(), e.getValue().asString()));
            env.values().stream().filter(v -> v.contains("${{")).findAny().ifPresent(v -> {
                throw new IllegalArgumentException(file + ": step '" + name + "' sets env from an expression (" + v
                        + "): the test cannot evaluate it");
            });
            steps.add(new Step(name, script, text(node, "if"), text(node, "working-directory"), env));
        }
        return steps;
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asString());
    }
}
