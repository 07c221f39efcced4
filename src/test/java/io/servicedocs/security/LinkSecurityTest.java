package io.servicedocs.security;

import static io.servicedocs.security.AttackRepository.assertNoSecretIn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.servicedocs.TestRepositories;
import io.servicedocs.cli.CliAccess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9: nothing outside the site's own sources is published, including through links that stay
 * inside the repository. Each attack plants a symbolic link (into .git, out of the repository, to
 * nothing, through a chain) or a FIFO, runs validate, build and review, and checks that the
 * refusal names the link, that no secret reached any output and that the previous site is kept.
 */
class LinkSecurityTest {

    /** Every command of an attack must end: a FIFO opened for reading would wait for a writer forever. */
    private static final Duration NO_HANG = Duration.ofMinutes(3);

    @TempDir
    static Path shared;
    /** A site built from the untouched example: every test starts its --out from a copy of it. */
    private static Path previousSite;

    @TempDir
    Path dir;

    private AttackRepository repo;
    private Path out;
    private Map<String, String> before;

    @BeforeAll
    static void buildThePreviousSite() throws Exception {
        try (AttackRepository clean = AttackRepository.create(shared.resolve("clean"))) {
            previousSite = shared.resolve("previous-site");
            CliAccess.Run run = clean.build(previousSite);
            assertEquals(0, run.status(), run.err());
        }
    }

    @BeforeEach
    void attackRepository() throws Exception {
        repo = AttackRepository.create(dir);
        out = repo.outside("site");
        TestRepositories.copy(previousSite, out);
        before = contents(out);
    }

    @AfterEach
    void close() {
        repo.close();
    }

    @Test
    void anAssetLinkToGitConfigIsRefused() throws Exception {
        repo.link("assets/config", Path.of("../.git/config"));
        String refusal = "assets/config:1:1: error: assets/config is a symbolic link to '../.git/config', which leads "
                + "into the repository's .git folder (.git/config)";
        refusedEverywhere(refusal, "[path-in-git]", true);
    }

    @Test
    void anAssetLinkToASecretOutsideIsRefused() throws Exception {
        repo.link("assets/css/leak.txt", repo.outsideSecret());
        refusedEverywhere("assets/css/leak.txt:1:1: error: assets/css/leak.txt is a symbolic link to '"
                + repo.outsideSecret() + "', which leads out of the repository", "[path-outside-repository]", true);
    }

    @Test
    void aContentFolderLinkToGitIsRefused() throws Exception {
        repo.link("content/g", Path.of("../.git"));
        refusedEverywhere("content/g:1:1: error: content/g is a symbolic link to '../.git', which leads into the "
                + "repository's .git folder (.git)", "[path-in-git]", true);
    }

    @Test
    void aTemplateMessagesLinkToGitConfigIsRefused() throws Exception {
        Files.delete(repo.root().resolve("templates/i18n/messages_en.properties"));
        repo.link("templates/i18n/messages_en.properties", Path.of("../../.git/config"));
        refusedEverywhere("templates/i18n/messages_en.properties:1:1: error: templates/i18n/messages_en.properties is a "
                + "symbolic link to '../../.git/config', which leads into the repository's .git folder", "[path-in-git]", true);
    }

    @Test
    void aProductFileLinkIntoGitIsRefused() throws Exception {
        Files.delete(repo.root().resolve("products/data-api/service-doc.yaml"));
        repo.link("products/data-api/service-doc.yaml", Path.of("../../.git/config"));
        refusedEverywhere("products/data-api/service-doc.yaml:1:1: error: products/data-api/service-doc.yaml is a "
                + "symbolic link to '../../.git/config', which leads into the repository's .git folder", "[path-in-git]", true);
    }

    @Test
    void aProductsFolderLinkedOutIsAnErrorNotAnEmptyFolder() throws Exception {
        Path elsewhere = repo.outside("products");
        TestRepositories.copy(repo.root().resolve("products"), elsewhere);
        // What would leak if the folder were read and published.
        Files.writeString(elsewhere.resolve("data-api/service-doc.yaml"), Files.readString(
                elsewhere.resolve("data-api/service-doc.yaml")).replaceFirst("(?m)^name: .*$",
                "name: " + AttackRepository.OUTSIDE_CANARY));
        deleteTree(repo.root().resolve("products"));
        repo.link("products", elsewhere);
        refusedEverywhere("products:1:1: error: products is a symbolic link to '" + elsewhere + "', which leads out of the "
                + "repository", "[path-outside-repository]", true);
    }

    @Test
    void aCostDataFolderLinkedOutIsAnErrorNotAnEmptyFolder() throws Exception {
        Path elsewhere = repo.outside("cost-data");
        TestRepositories.copy(repo.root().resolve("cost-data"), elsewhere);
        deleteTree(repo.root().resolve("cost-data"));
        repo.link("cost-data", elsewhere);
        refusedEverywhere("cost-data:1:1: error: cost-data is a symbolic link to '" + elsewhere + "', which leads out of "
                + "the repository", "[path-outside-repository]", true);
    }

    /** new-product neither writes through nor cleans a products/ folder that is a link into .git. */
    @Test
    void newProductDoesNotWriteThroughAProductsFolderLinkedIntoGit() throws Exception {
        Path inGit = repo.root().resolve(".git/products");
        TestRepositories.copy(repo.root().resolve("products"), inGit);
        deleteTree(repo.root().resolve("products"));
        repo.link("products", Path.of(".git/products"));
        List<String> gitBefore = listing(repo.root().resolve(".git"));
        CliAccess.Run run = CliAccess.run("new-product", "mallory", "--repo", repo.root().toString(),
                "--team", "platform-team", "--as-of", AttackRepository.AS_OF.toString());
        assertEquals(1, run.status(), run.out() + run.err());
        assertTrue(run.err().contains("products is a symbolic link to '.git/products', which leads into the repository's "
                + ".git folder"), run.err());
        assertEquals(gitBefore, listing(repo.root().resolve(".git")), "nothing written into .git");
        assertNoSecretIn(run);
    }

    @Test
    void aFifoInAssetsIsRefusedWithoutHanging() throws Exception {
        mkfifo(repo.root().resolve("assets/pipe"));
        refusedEverywhere("assets/pipe:1:1: error: assets/pipe is a FIFO, socket or device, not a regular file or folder",
                "[file-unreadable]", true);
    }

    @Test
    void aFifoInAProductFolderIsRefusedWithoutHanging() throws Exception {
        Files.delete(repo.root().resolve("products/data-api/finance.yaml"));
        mkfifo(repo.root().resolve("products/data-api/finance.yaml"));
        mkfifo(repo.root().resolve("products/data-api/notes"));
        refusedEverywhere("products/data-api/finance.yaml:1:1: error: products/data-api/finance.yaml is a FIFO, socket or "
                + "device, not a regular file or folder", "[file-unreadable]", true);
        CliAccess.Run validate = repo.validate();
        assertTrue(validate.out().contains("products/data-api/notes:1:1: error: products/data-api/notes is a FIFO"),
                "a FIFO that is not read is reported too:\n" + validate.out());
    }

    @Test
    void aDanglingLinkIsRefused() throws Exception {
        repo.link("assets/img/gone.svg", Path.of("../../content/nothing-here.svg"));
        refusedEverywhere("assets/img/gone.svg:1:1: error: assets/img/gone.svg is a symbolic link to "
                + "'../../content/nothing-here.svg', which leads to nothing", "[link-broken]", true);
    }

    @Test
    void aChainOfLinksThatEndsOutsideIsRefusedAtItsFirstLink() throws Exception {
        repo.link("assets/img/first.svg", Path.of("second.svg"));
        repo.link("assets/img/second.svg", Path.of("../../content/third.svg"));
        repo.link("content/third.svg", repo.outsideSecret());
        refusedEverywhere("assets/img/first.svg:1:1: error: assets/img/first.svg is a symbolic link to 'second.svg', which "
                + "leads out of the repository", "[path-outside-repository]", true);
    }

    @Test
    void linksThatStayInsideTheRepositoryAndOutsideGitKeepWorking() throws Exception {
        Files.writeString(repo.root().resolve("content/logo.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n");
        repo.link("assets/img/linked.svg", Path.of("../../content/logo.svg"));
        repo.link("assets/shared", Path.of("../content"));
        Path site = repo.outside("fresh");
        Files.delete(site);
        CliAccess.Run build = repo.build(site);
        assertEquals(0, build.status(), build.err());
        assertEquals("<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n", Files.readString(site.resolve("img/linked.svg")));
        assertEquals("<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n", Files.readString(site.resolve("shared/logo.svg")));
        assertTrue(Files.isRegularFile(site.resolve("css/site.css")));
        assertNoSecretIn(site);
        CliAccess.Run validate = repo.validate();
        assertEquals(0, validate.status(), validate.err());
    }

    /**
     * Runs validate, build (into the previous site) and, when {@code review}, review; each must
     * refuse with {@code refusal} and {@code rule}, print no secret, and leave the previous site as it was.
     */
    private void refusedEverywhere(String refusal, String rule, boolean review) throws Exception {
        CliAccess.Run validate = noHang(() -> repo.validate());
        assertRefused(validate, validate.out() + validate.err(), refusal, rule);
        CliAccess.Run build = noHang(() -> repo.build(out));
        assertRefused(build, build.err(), refusal, rule);
        assertTrue(build.err().contains("the previous site is kept"), build.err());
        assertEquals(before, contents(out), "the previous site was changed");
        assertNoSecretIn(out);
        if (review) {
            CliAccess.Run run = noHang(() -> repo.review());
            assertEquals(1, run.status(), run.out() + run.err());
            String path = refusal.substring(0, refusal.indexOf(':'));
            assertTrue(run.out().contains(path), "review names " + path + ":\n" + run.out());
            assertTrue(run.out().contains(rule.substring(1, rule.length() - 1)), "review gives the rule:\n" + run.out());
            assertNoSecretIn(run);
        }
    }

    private static void assertRefused(CliAccess.Run run, String printed, String refusal, String rule) {
        assertEquals(1, run.status(), run.out() + run.err());
        String line = printed.lines().filter(l -> l.contains(refusal)).findFirst().orElse(null);
        assertTrue(line != null, "expected '" + refusal + "' in:\n" + printed);
        assertTrue(line.endsWith(rule), line);
        assertNoSecretIn(run);
    }

    private static CliAccess.Run noHang(Supplier<CliAccess.Run> command) {
        return assertTimeoutPreemptively(NO_HANG, command::get, "the command hung (a FIFO opened for reading?)");
    }

    private static Map<String, String> contents(Path folder) throws Exception {
        Map<String, String> files = new TreeMap<>();
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path file : (Iterable<Path>) walk::iterator) {
                if (Files.isRegularFile(file)) {
                    files.put(folder.relativize(file).toString(), HexFormat.of().formatHex(sha.digest(Files.readAllBytes(file))));
                }
            }
        }
        assertTrue(files.containsKey("index.html"), "a previous site is there");
        return files;
    }

    private static List<String> listing(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.map(path -> folder.relativize(path).toString()).sorted().toList();
        }
    }

    private static void mkfifo(Path path) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
        assertEquals(0, process.waitFor(), "mkfifo " + path);
    }

    private static void deleteTree(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path path : (Iterable<Path>) walk.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.delete(path);
            }
        }
    }
}
