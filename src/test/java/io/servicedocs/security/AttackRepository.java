package io.servicedocs.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.servicedocs.GitFixture;
import io.servicedocs.TestRepositories;
import io.servicedocs.cli.CliAccess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.jgit.api.errors.GitAPIException;

/**
 * A copy of the example repository, in git, with secrets planted where an attacker would look for
 * them: in the environment (set by the build's surefire configuration, as CI sets credentials), in
 * {@code .git/config} (as actions/checkout leaves the token there) and in a file outside the
 * repository. Tests of the {@code security} family plant an attack, run the real commands and
 * assert the refusal and that no secret reached any file the command wrote.
 */
public final class AttackRepository implements AutoCloseable {

    /** The value surefire puts in the environment (pom.xml). */
    public static final String ENV_CANARY = "canary-env-7d3f0a9c";
    public static final String GIT_CONFIG_CANARY = "canary-gitconfig-51be2e07";
    public static final String OUTSIDE_CANARY = "canary-outside-c0ffee42";
    public static final List<String> CANARIES = List.of(ENV_CANARY, GIT_CONFIG_CANARY, OUTSIDE_CANARY);

    public static final LocalDate AS_OF = TestRepositories.AS_OF;

    private final GitFixture git;
    private final Path outsideSecret;
    private final Path workspace;

    private AttackRepository(GitFixture git, Path outsideSecret, Path workspace) {
        this.git = git;
        this.outsideSecret = outsideSecret;
        this.workspace = workspace;
    }

    /** The example repository (data and site sources) committed on main in {@code dir}/repo. */
    public static AttackRepository create(Path dir) throws IOException, GitAPIException {
        if (!ENV_CANARY.equals(System.getenv("SERVICEDOCS_TEST_CANARY_ENV"))) {
            fail("the environment canary is not set: run the tests with Maven (pom.xml sets SERVICEDOCS_TEST_CANARY_ENV)");
        }
        Path example = TestRepositories.exampleCopy(dir.resolve("template"));
        TestRepositories.copySiteSources(example);
        Path root = dir.resolve("repo");
        GitFixture git = GitFixture.init(root, example);
        Path secret = dir.resolve("outside-secret.txt");
        Files.writeString(secret, "token=" + OUTSIDE_CANARY + "\n");
        git.commit("the example", "Ana Admin", AS_OF.minusDays(30));
        // What actions/checkout leaves behind: the token in the repository's git configuration.
        Path config = root.resolve(".git/config");
        Files.writeString(config, Files.readString(config) + "[http \"https://github.com/\"]\n"
                + "\textraheader = AUTHORIZATION: basic " + GIT_CONFIG_CANARY + "\n", StandardCharsets.UTF_8);
        return new AttackRepository(git, secret, dir);
    }

    public Path root() {
        return git.root();
    }

    /** A file outside the repository that holds a secret. */
    public Path outsideSecret() {
        return outsideSecret;
    }

    /** A fresh folder outside the repository, for outputs. */
    public Path outside(String name) throws IOException {
        return Files.createDirectories(workspace.resolve("outside").resolve(name));
    }

    public GitFixture git() {
        return git;
    }

    public AttackRepository write(String path, String content) throws IOException {
        git.write(path, content);
        return this;
    }

    public AttackRepository replace(String path, String from, String to) throws IOException {
        git.replace(path, from, to);
        return this;
    }

    /** A symbolic link at {@code path} (relative to the repository) to {@code target}. */
    public AttackRepository link(String path, Path target) throws IOException {
        Path link = root().resolve(path);
        Files.createDirectories(link.getParent());
        Files.deleteIfExists(link);
        Files.createSymbolicLink(link, target);
        return this;
    }

    public void commit(String message) throws GitAPIException {
        git.commit(message, "Mallory", AS_OF.minusDays(1));
    }

    public CliAccess.Run validate(String... more) {
        return run("validate", more);
    }

    public CliAccess.Run build(Path out, String... more) {
        List<String> args = new ArrayList<>(List.of("--out", out.toString()));
        args.addAll(List.of(more));
        return run("build", args.toArray(String[]::new));
    }

    /** {@code review} of the working tree against the first commit. */
    public CliAccess.Run review(String... more) {
        List<String> args = new ArrayList<>(List.of("--base", "main", "--format", "markdown"));
        args.addAll(List.of(more));
        return run("review", args.toArray(String[]::new));
    }

    private CliAccess.Run run(String command, String... more) {
        List<String> args = new ArrayList<>(List.of(command, "--repo", root().toString(), "--as-of", AS_OF.toString()));
        args.addAll(List.of(more));
        return CliAccess.run(args.toArray(String[]::new));
    }

    /** Fails when any file under {@code folder} (followed or not, text or binary) contains a secret. */
    public static void assertNoSecretIn(Path folder) throws IOException {
        if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                if (Files.isSymbolicLink(file)) {
                    found.add(folder.relativize(file) + " is a symbolic link in the output");
                } else if (Files.isRegularFile(file)) {
                    String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                    for (String canary : CANARIES) {
                        for (String form : forms(canary)) {
                            if (text.contains(form)) {
                                found.add(folder.relativize(file) + " contains " + canary
                                        + (form.equals(canary) ? "" : " (encoded as '" + form + "')"));
                            }
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), found, "secrets reached the output");
    }

    /**
     * The ways a secret can appear in a file, as ISO-8859-1 text: as is (ASCII, UTF-8, URL- and
     * HTML-encoded alike, since the canaries are letters, digits and '-'), in UTF-16 of either
     * byte order, and in base64 (a data: URI) at each of the three alignments, less the edge
     * characters that depend on the bytes around it.
     */
    static List<String> forms(String canary) {
        List<String> forms = new ArrayList<>(List.of(canary,
                new String(canary.getBytes(StandardCharsets.UTF_16LE), StandardCharsets.ISO_8859_1),
                new String(canary.getBytes(StandardCharsets.UTF_16BE), StandardCharsets.ISO_8859_1)));
        for (String prefix : List.of("", "a", "aa")) {
            String encoded = java.util.Base64.getEncoder().withoutPadding()
                    .encodeToString((prefix + canary).getBytes(StandardCharsets.US_ASCII));
            forms.add(encoded.substring(prefix.isEmpty() ? 0 : 4, encoded.length() - 4));
        }
        return forms;
    }

    /** Fails when a command's printed output contains a secret. */
    public static void assertNoSecretIn(CliAccess.Run run) {
        for (String canary : CANARIES) {
            if (run.out().contains(canary) || run.err().contains(canary)) {
                fail("the command printed the secret " + canary + ":\n" + run.out() + run.err());
            }
        }
    }

    @Override
    public void close() {
        git.close();
    }
}
