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
 * One job of a GitHub Actions workflow (or a composite action) run the way the runner runs it, so
 * that tests exercise a workflow's own shell code instead of a copy of it:
 * <ul>
 *   <li>each {@code run:} script is written to a file and run with the step's shell: without
 *       {@code shell:} (here and in {@code defaults.run}) {@code bash -e}, with
 *       {@code shell: bash} {@code bash --noprofile --norc -eo pipefail}; other shells are
 *       refused;</li>
 *   <li>in the step's {@code working-directory} (or {@code defaults.run}'s);</li>
 *   <li>with the environment the test gives, the workflow's, job's and step's {@code env:}, what
 *       earlier steps wrote to {@code GITHUB_ENV}, and a fresh {@code GITHUB_OUTPUT} file whose
 *       {@code name=value} and {@code name<<DELIMITER} entries become
 *       {@code steps.<id>.outputs};</li>
 *   <li>{@code if:} of the job and of each step evaluated by {@link Expression} (a condition
 *       without a status function means {@code success() && (...)}), {@code continue-on-error}
 *       honoured, {@code steps.<id>.outcome} and {@code conclusion} kept;</li>
 *   <li>a step that {@code uses:} a composite action of the repository ({@code ./...}) runs that
 *       action's steps; any other {@code uses:} step is the test's part (e.g. the checkout): it
 *       is not run, and counts as a success when its condition holds.</li>
 * </ul>
 * Expressions see {@code steps}, {@code vars} (an unset variable is "", as on GitHub),
 * {@code inputs} (null when not given, as on a scheduled run), and the values the test gives for
 * {@code github.*} and others; a name it does not
 * give, or a step id that does not exist (yet), is an error rather than a guess. Expressions in
 * scripts are refused: they cannot run outside GitHub, and they are where script injection comes
 * from; a workflow passes such values through {@code env:}.
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

        /** The steps that ran, by name (the steps of a local action as "outer / inner"). */
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
                log.append("## ").append(step.name()).append(step.ran() ? " (exit " + step.exit() + ")" : " (not run)")
                        .append('\n').append(step.output());
            }
            return log.toString();
        }
    }

    private record Step(String name, Optional<String> id, Optional<String> script, Optional<String> uses,
            Optional<String> condition, Optional<String> workingDirectory, Optional<String> shell,
            Map<String, String> env, boolean continueOnError) {
    }

    /** What a job or action sets for all its steps. */
    private record Frame(Optional<String> condition, Map<String, String> env, Optional<String> shell,
            Optional<String> workingDirectory) {
    }

    private static final YAMLMapper YAML = YAMLMapper.builder().build();
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{\\{(.*?)}}", Pattern.DOTALL);

    private final Frame frame;
    private final List<Step> steps;

    private WorkflowJob(Frame frame, List<Step> steps) {
        this.frame = frame;
        this.steps = steps;
    }

    /** The job {@code job} of a workflow file. */
    static WorkflowJob of(Path workflow, String job) {
        JsonNode root = read(workflow);
        JsonNode jobNode = root.path("jobs").path(job);
        if (jobNode.isMissingNode()) {
            throw new IllegalArgumentException(workflow + " has no job " + job);
        }
        Map<String, String> env = new LinkedHashMap<>(map(root.path("env")));
        env.putAll(map(jobNode.path("env")));
        JsonNode run = jobNode.path("defaults").path("run");
        JsonNode workflowRun = root.path("defaults").path("run");
        Frame frame = new Frame(text(jobNode, "if"), env,
                text(run, "shell").or(() -> text(workflowRun, "shell")),
                text(run, "working-directory").or(() -> text(workflowRun, "working-directory")));
        return new WorkflowJob(frame, steps(workflow, jobNode.path("steps")));
    }

    /** The steps of a composite action ({@code action.yml}). */
    static WorkflowJob ofAction(Path action) {
        return new WorkflowJob(new Frame(Optional.empty(), Map.of(), Optional.empty(), Optional.empty()),
                steps(action, read(action).path("runs").path("steps")));
    }

    /** Runs the steps in {@code workspace} with only {@code env} (plus PATH) set, and no expression values. */
    Result run(Path workspace, Map<String, String> env) {
        return run(workspace, env, Map.of());
    }

    /**
     * Runs the steps in {@code workspace}, with only {@code env} (plus PATH) set; {@code context}
     * gives the values of expression names such as {@code github.base_ref} or
     * {@code inputs.accept_final_changes} (a Boolean for a boolean input).
     */
    Result run(Path workspace, Map<String, String> env, Map<String, Object> context) {
        Execution execution = new Execution(workspace, context);
        if (frame.condition().isPresent()
                && !Expression.truthy(Expression.evaluate(frame.condition().get(), execution))) {
            return new Result(List.of());
        }
        Map<String, String> jobEnv = new LinkedHashMap<>(env);
        frame.env().forEach((key, value) -> jobEnv.put(key, execution.interpolate(value)));
        execution.runAll(steps, "", jobEnv, frame);
        return new Result(List.copyOf(execution.runs));
    }

    /** The state of one job run: the steps so far, whether one failed, their outputs and outcomes. */
    private static final class Execution implements Expression.Context {
        private final Path workspace;
        private final Map<String, Object> context;
        private final List<StepRun> runs = new ArrayList<>();
        private final Map<String, Map<String, String>> outputs = new HashMap<>();
        private final Map<String, String> outcomes = new HashMap<>();
        private final Map<String, String> conclusions = new HashMap<>();
        private final Map<String, String> exported = new LinkedHashMap<>();
        private boolean failed;

        Execution(Path workspace, Map<String, Object> context) {
            this.workspace = workspace;
            this.context = context;
        }

        void runAll(List<Step> steps, String prefix, Map<String, String> env, Frame frame) {
            for (Step step : steps) {
                String name = prefix + step.name();
                String condition = step.condition().orElse("success()");
                boolean runs = Expression.truthy(Expression.evaluate(
                        Expression.hasStatusFunction(condition) ? condition : "success() && (" + unwrap(condition) + ")",
                        this));
                boolean local = step.uses().filter(u -> u.startsWith("./")).isPresent();
                if (!runs) {
                    record(step, new StepRun(name, false, 0, "", step.continueOnError()), "skipped");
                } else if (local) {
                    Path action = workspace.resolve(step.uses().orElseThrow()).resolve("action.yml");
                    runAll(steps(action, read(action).path("runs").path("steps")), name + " / ", env,
                            new Frame(Optional.empty(), Map.of(), Optional.empty(), Optional.empty()));
                } else if (step.script().isEmpty()) {
                    record(step, new StepRun(name, false, 0, "(the test's part)\n", step.continueOnError()), "success");
                } else {
                    StepRun run = runScript(step, name, env, frame);
                    failed |= run.failedTheJob();
                    record(step, run, run.failed() ? "failure" : "success");
                }
            }
        }

        private void record(Step step, StepRun run, String outcome) {
            runs.add(run);
            step.id().ifPresent(id -> {
                outcomes.put(id, outcome);
                conclusions.put(id, outcome.equals("failure") && step.continueOnError() ? "success" : outcome);
            });
        }

        @Override
        public boolean status(String function) {
            return Expression.status(function, failed);
        }

        @Override
        public Object property(String path) {
            String[] parts = path.split("\\.");
            if (parts[0].equals("steps")) {
                if (parts.length < 3 || !outcomes.containsKey(parts[1])) {
                    throw new IllegalArgumentException("no step with id '" + (parts.length > 1 ? parts[1] : "")
                            + "' has run or been skipped before: " + path);
                }
                return switch (parts[2]) {
                    case "outcome" -> outcomes.get(parts[1]);
                    case "conclusion" -> conclusions.get(parts[1]);
                    case "outputs" -> parts.length == 4 ? outputs.getOrDefault(parts[1], Map.of()).get(parts[3]) : null;
                    default -> throw new IllegalArgumentException("unknown step property: " + path);
                };
            }
            if (context.containsKey(path)) {
                return context.get(path);
            }
            if (parts[0].equals("vars") && parts.length == 2) {
                return ""; // as on GitHub: a variable that is not set is empty
            }
            if (parts[0].equals("inputs") && parts.length == 2) {
                return null; // as on GitHub: no such input in this event (e.g. on schedule)
            }
            throw new IllegalArgumentException("the test gives no value for " + path);
        }

        String interpolate(String value) {
            Matcher expression = EXPRESSION.matcher(value);
            StringBuilder result = new StringBuilder();
            while (expression.find()) {
                expression.appendReplacement(result,
                        Matcher.quoteReplacement(Expression.asString(Expression.evaluate(expression.group(1), this))));
            }
            return expression.appendTail(result).toString();
        }

        private StepRun runScript(Step step, String name, Map<String, String> env, Frame frame) {
            try {
                Path output = Files.createTempFile("step-output-", ".txt");
                Path exports = Files.createTempFile("step-env-", ".txt");
                try {
                    Map<String, String> stepEnv = new LinkedHashMap<>(env);
                    stepEnv.putAll(exported);
                    step.env().forEach((key, value) -> stepEnv.put(key, interpolate(value)));
                    stepEnv.put("GITHUB_OUTPUT", output.toString());
                    stepEnv.put("GITHUB_ENV", exports.toString());
                    Optional<String> shell = step.shell().or(frame::shell);
                    Path directory = step.workingDirectory().or(frame::workingDirectory)
                            .map(workspace::resolve).orElse(workspace);
                    StepRun run = WorkflowJob.runScript(step, name, shell, directory, stepEnv);
                    if (step.id().isPresent()) {
                        outputs.put(step.id().get(), entries(output));
                    }
                    exported.putAll(entries(exports));
                    return run;
                } finally {
                    Files.deleteIfExists(output);
                    Files.deleteIfExists(exports);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** The entries of a GITHUB_OUTPUT or GITHUB_ENV file: name=value, or name<<DELIMITER lines DELIMITER. */
        private static Map<String, String> entries(Path file) throws IOException {
            Map<String, String> values = new LinkedHashMap<>();
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                int heredoc = line.indexOf("<<");
                int equals = line.indexOf('=');
                if (heredoc > 0 && (equals < 0 || heredoc < equals)) {
                    String delimiter = line.substring(heredoc + 2);
                    StringBuilder value = new StringBuilder();
                    int end = i + 1;
                    while (end < lines.size() && !lines.get(end).equals(delimiter)) {
                        value.append(value.isEmpty() ? "" : "\n").append(lines.get(end++));
                    }
                    if (end == lines.size()) {
                        throw new IllegalStateException(file + ": no closing " + delimiter + " for " + line);
                    }
                    values.put(line.substring(0, heredoc), value.toString());
                    i = end;
                } else if (equals > 0) {
                    values.put(line.substring(0, equals), line.substring(equals + 1));
                } else if (!line.isBlank()) {
                    throw new IllegalStateException(file + ": cannot read the line '" + line + "'");
                }
            }
            return values;
        }
    }

    private static String unwrap(String condition) {
        String inner = condition.strip();
        return inner.startsWith("${{") && inner.endsWith("}}") ? inner.substring(3, inner.length() - 2) : inner;
    }

    private static StepRun runScript(Step step, String name, Optional<String> shell, Path directory,
                                     Map<String, String> env) {
        List<String> command = switch (shell.orElse("")) {
            case "" -> new ArrayList<>(List.of("bash", "-e"));
            case "bash" -> new ArrayList<>(List.of("bash", "--noprofile", "--norc", "-eo", "pipefail"));
            default -> throw new IllegalArgumentException("step '" + name + "': shell '" + shell.get()
                    + "' is not supported here");
        };
        try {
            Path script = Files.createTempFile("step-", ".sh");
            Path output = Files.createTempFile("step-", ".log");
            try {
                Files.writeString(script, step.script().orElseThrow(), StandardCharsets.UTF_8);
                command.add(script.toString());
                ProcessBuilder builder = new ProcessBuilder(command)
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
                return new StepRun(name, true, process.exitValue(), Files.readString(output), step.continueOnError());
            } finally {
                Files.deleteIfExists(script);
                Files.deleteIfExists(output);
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
            steps.add(new Step(name, text(node, "id"), script, text(node, "uses"), text(node, "if"),
                    text(node, "working-directory"), text(node, "shell"), map(node.path("env")),
                    node.path("continue-on-error").asBoolean(false)));
        }
        return steps;
    }

    private static Map<String, String> map(JsonNode node) {
        Map<String, String> values = new LinkedHashMap<>();
        node.properties().forEach(e -> values.put(e.getKey(), e.getValue().asString()));
        return values;
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asString());
    }
}
