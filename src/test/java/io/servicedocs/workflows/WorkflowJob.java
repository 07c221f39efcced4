package io.servicedocs.workflows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The {@code run:} steps of one job of a GitHub Actions workflow (or of a composite action),
 * run as the runner runs them: each script written to a file and run with
 * {@code bash --noprofile --norc -eo pipefail}, in the step's {@code working-directory}, with
 * the environment the test gives, the step's {@code env:} and a fresh {@code GITHUB_OUTPUT}
 * file whose {@code name=value} lines become {@code steps.<id>.outputs}. A step that
 * {@code uses:} a composite action of the repository ({@code ./...}) runs that action's steps.
 * This lets tests run a workflow's own shell code instead of a copy of it.
 *
 * <p>What GitHub does and this does not: other {@code uses:} steps are skipped (the test does
 * their part itself, e.g. the checkout). Of an {@code if:}, a condition that mentions
 * {@code failure()} runs the step only after a failed step; {@code steps.<id>.outputs.<name>}
 * or {@code steps.<id>.outcome} compared with {@code ==} or {@code !=} to a quoted string is
 * evaluated; any other condition is taken as true (the test plays a repository whose variables
 * make it so). After a failed step (not {@code continue-on-error}) only {@code failure()} steps
 * run. In step {@code env:} values, a {@code ${{ }}} expression is replaced by the value the
 * test gives for its text (e.g. {@code github.base_ref}), a {@code vars.NAME} the test does not
 * give by "" as on GitHub; in scripts an expression is refused: it cannot
 * run outside GitHub, and expressions pasted into scripts are where script injection comes from.
 */
final class WorkflowJob {

    /** One step that ran or was skipped. */
    record StepRun(String name, boolean ran, int exit, String output, boolean continueOnError) {
        boolean failed() {
            return ran && exit != 0;
        }

        /** Failed, and so failed the job. */
        boolean failedTheJob() {
            return failed() && !continueOnError;
        }
    }

    /** What the job did, step by step. */
    record Result(List<StepRun> steps) {
        boolean succeeded() {
            return steps.stream().noneMatch(StepRun::failedTheJob);
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

    private record Step(String name, Optional<String> id, Optional<String> script, Optional<String> uses,
            Optional<String> condition, Optional<String> workingDirectory, Map<String, String> env,
            boolean continueOnError) {
    }

    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{\\{\\s*(.*?)\\s*}}");
    private static final Pattern COMPARISON = Pattern.compile(
            "steps\\.([\\w-]+)\\.(outputs\\.([\\w-]+)|outcome)\\s*(==|!=)\\s*'([^']*)'");

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
        return run(workspace, env, Map.of());
    }

    /**
     * Runs the steps in order in {@code workspace}, with only {@code env} (plus PATH) set;
     * {@code context} gives the values of the expressions in step {@code env:} values.
     */
    Result run(Path workspace, Map<String, String> env, Map<String, String> context) {
        Execution execution = new Execution(workspace, env, context);
        execution.runAll(steps, "");
        return new Result(List.copyOf(execution.runs));
    }

    /** The state of one job run: the steps so far, whether one failed, the steps' outputs and outcomes. */
    private static final class Execution {
        private final Path workspace;
        private final Map<String, String> env;
        private final Map<String, String> context;
        private final List<StepRun> runs = new ArrayList<>();
        private final Map<String, Map<String, String>> outputs = new HashMap<>();
        private final Map<String, String> outcomes = new HashMap<>();
        private boolean failed;

        Execution(Path workspace, Map<String, String> env, Map<String, String> context) {
            this.workspace = workspace;
            this.env = env;
            this.context = context;
        }

        void runAll(List<Step> steps, String prefix) {
            for (Step step : steps) {
                String name = prefix + step.name();
                boolean local = step.uses().filter(u -> u.startsWith("./")).isPresent();
                if ((step.script().isEmpty() && !local) || !shouldRun(step)) {
                    runs.add(new StepRun(name, false, 0, "", step.continueOnError()));
                    step.id().ifPresent(id -> outcomes.put(id, "skipped"));
                    continue;
                }
                if (local) {
                    Path action = workspace.resolve(step.uses().orElseThrow()).resolve("action.yml");
                    runAll(steps(action, read(action).path("runs").path("steps")), name + " / ");
                    continue;
                }
                StepRun run = runScript(step, name);
                runs.add(run);
                failed |= run.failedTheJob();
                step.id().ifPresent(id -> outcomes.put(id, run.failed() ? "failure" : "success"));
            }
        }

        private boolean shouldRun(Step step) {
            String condition = step.condition().orElse("").strip();
            if (condition.contains("failure()")) {
                return failed;
            }
            if (failed) {
                return false;
            }
            Matcher comparison = COMPARISON.matcher(condition);
            if (!comparison.matches()) {
                return true;
            }
            String id = comparison.group(1);
            String actual = comparison.group(3) != null
                    ? outputs.getOrDefault(id, Map.of()).getOrDefault(comparison.group(3), "")
                    : outcomes.getOrDefault(id, "");
            return comparison.group(4).equals("==") == actual.equals(comparison.group(5));
        }

        private StepRun runScript(Step step, String name) {
            try {
                Path output = Files.createTempFile("step-output-", ".txt");
                try {
                    Map<String, String> stepEnv = new LinkedHashMap<>(env);
                    step.env().forEach((key, value) -> stepEnv.put(key, evaluate(value)));
                    stepEnv.put("GITHUB_OUTPUT", output.toString());
                    StepRun run = WorkflowJob.runScript(step, name, workspace, stepEnv);
                    if (step.id().isPresent()) {
                        outputs.put(step.id().get(), outputs(output));
                    }
                    return run;
                } finally {
                    Files.deleteIfExists(output);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private String evaluate(String value) {
            Matcher expression = EXPRESSION.matcher(value);
            StringBuilder result = new StringBuilder();
            while (expression.find()) {
                String text = expression.group(1);
                String replacement = context.get(text);
                if (replacement == null && text.matches("vars\\.[A-Za-z_][A-Za-z0-9_]*")) {
                    replacement = ""; // as on GitHub: a variable that is not set is empty
                }
                if (replacement == null) {
                    throw new IllegalArgumentException("the test gives no value for ${{ " + text + " }}");
                }
                expression.appendReplacement(result, Matcher.quoteReplacement(replacement));
            }
            return expression.appendTail(result).toString();
        }

        private static Map<String, String> outputs(Path file) throws IOException {
            Map<String, String> values = new HashMap<>();
            for (String line : Files.readAllLines(file)) {
                int equals = line.indexOf('=');
                if (equals > 0) {
                    values.put(line.substring(0, equals), line.substring(equals + 1));
                }
            }
            return values;
        }
    }

    private static StepRun runScript(Step step, String name, Path workspace, Map<String, String> env) {
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
                Process process = builder.start();
                if (!process.waitFor(5, TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                    throw new AssertionError("step '" + name + "' did not end within 5 minutes");
                }
                String text = Files.readString(output);
                Files.delete(output);
                return new StepRun(name, true, process.exitValue(), text, step.continueOnError());
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
            steps.add(new Step(name, text(node, "id"), script, text(node, "uses"), text(node, "if"),
                    text(node, "working-directory"), env, node.path("continue-on-error").asBoolean(false)));
        }
        return steps;
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asString());
    }
}
