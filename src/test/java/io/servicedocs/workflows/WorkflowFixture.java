package io.servicedocs.workflows;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.servicedocs.TestRepositories;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A repository made from the template as a company would have it (products, standards, site
 * sources, workflows and a {@code ./servicedocs} launcher), pushed to a local bare "origin",
 * and fresh clones of it to run workflow jobs in, as GitHub's runner checks it out. git runs
 * with its own empty HOME, so the machine's git configuration plays no part.
 *
 * <p>The launcher runs this build's classes, as the real launcher runs the jar it builds from
 * the same sources.
 */
final class WorkflowFixture {

    /**
     * The real launcher's options, and two that only make a short JVM start cheaper: each workflow
     * step starts one, and a cold build spends most of its 8 CPU-seconds loading JRuby's classes and
     * booting Asciidoctor. The classes it runs are this build's and Maven's checked jars, so their
     * bytecode is not verified again ({@code BytecodeVerificationRemote}, about 13% of such a JVM's
     * CPU), and JRuby interprets Asciidoctor's Ruby instead of compiling the few methods a build
     * makes hot ({@code jruby.compile.mode=OFF}, about 8%). What the steps do and print is the same.
     */
    private static final List<String> LAUNCHER_JVM_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
            "-XX:+UnlockDiagnosticVMOptions", "-XX:-BytecodeVerificationRemote", "-Djruby.compile.mode=OFF");

    private final Path dir;
    private final Path home;
    private final Path origin;
    private int clones;

    private WorkflowFixture(Path dir) throws IOException {
        this.dir = dir;
        this.home = Files.createDirectories(dir.resolve("home"));
        this.origin = dir.resolve("origin.git");
    }

    /**
     * The minimal test repository with the example's site sources and {@code .github}, cost
     * settings in USD and the launcher, committed on main and cloned bare into origin.git.
     */
    static WorkflowFixture create(Path dir) throws IOException {
        WorkflowFixture fixture = new WorkflowFixture(dir);
        Path repo = TestRepositories.minimalCopy(dir);
        TestRepositories.copySiteSources(repo);
        TestRepositories.copy(TestRepositories.EXAMPLE.resolve(".github"), repo.resolve(".github"));
        // the workflows run on today's date: without the waiver that expires in 2027 it stays valid
        Path assessment = repo.resolve("products/alpha/assessment.yaml");
        String text = Files.readString(assessment);
        Files.writeString(assessment, text.substring(0, text.indexOf("waivers:")));
        Files.writeString(repo.resolve("standards/costs.yaml"), "reporting_currency: USD\n");
        Files.writeString(repo.resolve("standards/exchange-rates.yaml"), """
                source: test
                rates:
                  JPY:
                    "2026-09": 0.0067
                """);
        String classpath = System.getProperty("java.class.path");
        assertTrue(classpath.contains("classes"), "the test class path: " + classpath);
        Path launcher = repo.resolve("servicedocs");
        Files.writeString(launcher, "#!/usr/bin/env bash\nexec '" + Path.of(System.getProperty("java.home"), "bin", "java")
                + "' " + String.join(" ", LAUNCHER_JVM_OPTIONS) + " -cp '" + classpath + "' io.servicedocs.cli.Main \"$@\"\n");
        assertTrue(launcher.toFile().setExecutable(true));
        Files.writeString(repo.resolve(".gitignore"), "_site/\n");
        fixture.git(repo, "init", "-q", "-b", "main");
        fixture.git(repo, "add", "-A");
        fixture.git(repo, "commit", "-q", "-m", "Template with two products");
        fixture.git(dir, "clone", "-q", "--bare", repo.toString(), fixture.origin.toString());
        return fixture;
    }

    /**
     * A fixture whose origin is a copy of {@code from}'s as it is now: a test class sets up a
     * state once (the template pushed, a first run) and each test changes a copy of its own.
     */
    static WorkflowFixture copyOf(WorkflowFixture from, Path dir) throws IOException {
        WorkflowFixture fixture = new WorkflowFixture(Files.createDirectories(dir));
        TestRepositories.copy(from.origin, fixture.origin);
        return fixture;
    }

    Path origin() {
        return origin;
    }

    /** actions/checkout with fetch-depth 0: the whole history, origin as the remote. */
    Path checkout() {
        Path workspace = dir.resolve("run-" + ++clones);
        git(dir, "clone", "-q", origin.toString(), workspace.toString());
        return workspace;
    }

    /** A person's clone of one branch, to push changes to origin as a pull request would. */
    Path cloneBranch(String name, String branch) {
        Path clone = dir.resolve(name);
        git(dir, "clone", "-q", "--branch", branch, origin.toString(), clone.toString());
        return clone;
    }

    /**
     * The variables every runner step sees here: HOME, no system git config, the job summary
     * file, and RUNNER_TEMP (a folder outside the workspace, as on GitHub's runners).
     */
    Map<String, String> environment() {
        Map<String, String> env = new HashMap<>();
        env.put("HOME", home.toString());
        env.put("GIT_CONFIG_NOSYSTEM", "1");
        try {
            env.put("GITHUB_STEP_SUMMARY", Files.createTempFile(dir, "summary-", ".md").toString());
            env.put("RUNNER_TEMP", Files.createTempDirectory(dir, "runner-temp-").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return env;
    }

    /** The job summary the steps wrote, given the environment they ran with. */
    static String summary(Map<String, String> env) throws IOException {
        Path summary = Path.of(env.get("GITHUB_STEP_SUMMARY"));
        return Files.exists(summary) ? Files.readString(summary) : "";
    }

    /** A file of origin's branch. */
    String show(String branch, String path) {
        return git(origin, "show", branch + ":" + path) + "\n";
    }

    /** Runs git in {@code where} and returns its output, stripped; fails the test when git fails. */
    String git(Path where, String... args) {
        try {
            List<String> command = new ArrayList<>(List.of("git", "-c", "user.name=Test", "-c",
                    "user.email=test@example.com", "-c", "init.defaultBranch=main"));
            command.addAll(List.of(args));
            ProcessBuilder builder = new ProcessBuilder(command).directory(where.toFile()).redirectErrorStream(true);
            builder.environment().put("HOME", home.toString());
            builder.environment().put("GIT_CONFIG_NOSYSTEM", "1");
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (process.waitFor() != 0) {
                throw new AssertionError("git " + String.join(" ", args) + " failed:\n" + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static List<String> lines(String text) {
        return text.isEmpty() ? List.of() : text.lines().toList();
    }
}
