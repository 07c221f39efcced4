package io.servicedocs.source;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.servicedocs.source.SnapshotSource.Entry;
import io.servicedocs.source.SnapshotSource.Kind;
import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepositoryFilesTest {

    private static final String SECRET = "secret-in-git-config";

    @TempDir
    Path dir;

    private Path repo;
    private Path outside;

    @BeforeEach
    void repository() throws IOException {
        repo = Files.createDirectories(dir.resolve("repo"));
        outside = Files.createDirectories(dir.resolve("outside"));
        Files.writeString(outside.resolve("secret.txt"), SECRET);
        Files.createDirectories(repo.resolve(".git"));
        Files.writeString(repo.resolve(".git/config"), "[core]\n\ttoken = " + SECRET + "\n");
        Files.createDirectories(repo.resolve("content"));
        Files.writeString(repo.resolve("content/logo.svg"), "<svg/>");
        Files.createDirectories(repo.resolve("assets"));
    }

    private SourceException refused(String path) throws IOException {
        return assertThrows(SourceException.class, () -> new RepositoryFiles(repo).read(path, 1000));
    }

    private static void assertNamesAndHides(SourceException e, String link) {
        assertTrue(e.getMessage().startsWith(link + " "), e.getMessage());
        assertEquals(link, e.path().orElseThrow());
        assertFalse(e.getMessage().contains(SECRET), e.getMessage());
    }

    @Test
    void linksThatStayInsideAndOutsideGitAreFollowed() throws Exception {
        Files.createSymbolicLink(repo.resolve("assets/logo.svg"), Path.of("../content/logo.svg"));
        Files.createSymbolicLink(repo.resolve("assets/pictures"), Path.of("../content"));
        RepositoryFiles files = new RepositoryFiles(repo);
        assertArrayEquals("<svg/>".getBytes(), files.read("assets/logo.svg", 100));
        assertArrayEquals("<svg/>".getBytes(), files.read("assets/pictures/logo.svg", 100));
        assertEquals(List.of("assets/logo.svg", "assets/pictures/logo.svg"),
                files.tree("assets").stream().map(RepositoryFiles.Vetted::path).toList());
        assertEquals(repo.toRealPath().resolve("content/logo.svg"), files.tree("assets").get(0).real());
        assertEquals(List.of(new Entry("logo.svg", Kind.FILE), new Entry("pictures", Kind.FOLDER)), files.list("assets"));
    }

    @Test
    void aLinkIntoGitIsRefusedNamingTheLink() throws Exception {
        Files.createSymbolicLink(repo.resolve("assets/config"), Path.of("../.git/config"));
        SourceException e = refused("assets/config");
        assertEquals("path-in-git", e.rule());
        assertNamesAndHides(e, "assets/config");
        assertEquals("assets/config is a symbolic link to '../.git/config', which leads into the repository's .git folder "
                + "(.git/config); files of .git are never read or published. Replace the link by the file itself.",
                e.getMessage());
        assertEquals(List.of(new Entry("config", Kind.LINK_OUTSIDE)), new RepositoryFiles(repo).list("assets"));
        assertEquals("path-in-git", assertThrows(SourceException.class, () -> new RepositoryFiles(repo).tree("assets")).rule());
    }

    @Test
    void aFolderLinkIntoGitIsRefusedInATree() throws Exception {
        Files.createSymbolicLink(repo.resolve("content/g"), Path.of("../.git"));
        SourceException e = assertThrows(SourceException.class, () -> new RepositoryFiles(repo).tree("content"));
        assertEquals("path-in-git", e.rule());
        assertNamesAndHides(e, "content/g");
        assertEquals("path-in-git", refused("content/g/config").rule(), "nor can a file be read through it");
        assertEquals("path-in-git", refused(".git/config").rule(), "nor .git itself");
    }

    @Test
    void gitAsAFileLeadsOutOfTheRepository() throws Exception {
        // A worktree or a submodule: .git is a file naming a git folder elsewhere.
        Path worktree = Files.createDirectories(dir.resolve("worktree"));
        Files.writeString(worktree.resolve(".git"), "gitdir: " + repo.resolve(".git") + "\n");
        Files.createSymbolicLink(worktree.resolve("config"), repo.resolve(".git/config"));
        Files.createSymbolicLink(worktree.resolve("pointer"), Path.of(".git"));
        RepositoryFiles files = new RepositoryFiles(worktree);
        assertEquals("path-outside-repository", assertThrows(SourceException.class, () -> files.read("config", 100)).rule());
        assertEquals("path-in-git", assertThrows(SourceException.class, () -> files.read("pointer", 100)).rule());
        assertEquals("path-in-git", assertThrows(SourceException.class, () -> files.read(".git", 100)).rule());
    }

    /**
     * The workflows check the cost-data branch out as a git worktree in cost-data/, which holds
     * a .git file: git's pointer, not content. It is not listed (nor read); a .git folder is.
     */
    @Test
    void aWorktreesGitFileIsNotContentButAGitFolderIsRefused() throws Exception {
        Files.createDirectories(repo.resolve("cost-data/aws"));
        Files.writeString(repo.resolve("cost-data/.git"), "gitdir: " + repo.resolve(".git/worktrees/cost-data") + "\n");
        Files.createDirectories(repo.resolve("assets/.git"));
        Files.writeString(repo.resolve("assets/.git/config"), SECRET);
        RepositoryFiles files = new RepositoryFiles(repo);
        assertEquals(List.of(new Entry("aws", Kind.FOLDER)), files.list("cost-data"));
        assertEquals(List.of(), files.tree("cost-data"));
        assertEquals("path-in-git", assertThrows(SourceException.class, () -> files.tree("assets")).rule());
    }

    @Test
    void aLinkOutOfTheRepositoryIsRefused() throws Exception {
        Files.createSymbolicLink(repo.resolve("assets/leak.txt"), outside.resolve("secret.txt"));
        SourceException e = refused("assets/leak.txt");
        assertEquals("path-outside-repository", e.rule());
        assertNamesAndHides(e, "assets/leak.txt");
    }

    @Test
    void aChainOfLinksIsJudgedWhereItEnds() throws Exception {
        Files.createSymbolicLink(repo.resolve("assets/first"), Path.of("second"));
        Files.createSymbolicLink(repo.resolve("assets/second"), Path.of("../content/third"));
        Files.createSymbolicLink(repo.resolve("content/third"), outside.resolve("secret.txt"));
        SourceException e = refused("assets/first");
        assertEquals("path-outside-repository", e.rule());
        assertEquals("assets/first is a symbolic link to 'second', which leads out of the repository; only files inside "
                + "the repository are read. Replace the link by the file itself.", e.getMessage());
        assertNamesAndHides(e, "assets/first");
    }

    @Test
    void aDanglingLinkAndALoopAreRefused() throws Exception {
        Files.createSymbolicLink(repo.resolve("assets/gone"), Path.of("nothing-here"));
        Files.createSymbolicLink(repo.resolve("assets/loop"), Path.of("loop"));
        SourceException gone = refused("assets/gone");
        assertEquals("link-broken", gone.rule());
        assertEquals("assets/gone is a symbolic link to 'nothing-here', which leads to nothing. Replace the link by the "
                + "file itself.", gone.getMessage());
        assertEquals("link-broken", refused("assets/loop").rule());
        assertThrows(NoSuchFileException.class, () -> new RepositoryFiles(repo).read("assets/never", 10),
                "a missing file without a link is just missing");
    }

    @Test
    void aFolderLinkThatContainsItselfIsRefusedInATree() throws Exception {
        Files.createDirectories(repo.resolve("assets/css"));
        Files.writeString(repo.resolve("assets/css/site.css"), "body{}");
        Files.createSymbolicLink(repo.resolve("assets/css/again"), Path.of(".."));
        SourceException e = assertThrows(SourceException.class, () -> new RepositoryFiles(repo).tree("assets"));
        assertEquals("link-broken", e.rule());
        assertEquals("assets/css/again", e.path().orElseThrow());
    }

    @Test
    void aFifoIsRefusedWithoutBeingOpened() throws Exception {
        Path fifo = mkfifo(repo.resolve("assets/pipe"));
        Files.createSymbolicLink(repo.resolve("assets/to-pipe"), Path.of("pipe"));
        RepositoryFiles files = new RepositoryFiles(repo);
        // Opening a FIFO for reading blocks until a writer comes: the refusal must come first.
        SourceException e = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> assertThrows(SourceException.class, () -> files.read("assets/pipe", 100)));
        assertEquals("file-unreadable", e.rule());
        assertEquals("assets/pipe is a FIFO, socket or device, not a regular file or folder", e.getMessage());
        SourceException viaLink = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> assertThrows(SourceException.class, () -> files.read("assets/to-pipe", 100)));
        assertEquals("assets/to-pipe is a symbolic link to 'pipe', which leads to a FIFO, socket or device, not a regular "
                + "file or folder", viaLink.getMessage());
        assertEquals("assets/pipe", assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> assertThrows(SourceException.class, () -> files.tree("assets"))).path().orElseThrow());
        assertEquals(List.of(new Entry("pipe", Kind.OTHER), new Entry("to-pipe", Kind.LINK_OUTSIDE)), files.list("assets"));
        assertTrue(Files.exists(fifo));
    }

    @Test
    void aSocketIsRefused() throws Exception {
        Path socket = repo.resolve("assets/s");
        try (ServerSocketChannel server = ServerSocketChannel.open(java.net.StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));
            assertEquals("file-unreadable", refused("assets/s").rule());
        }
    }

    @Test
    void aTopFolderLinkedOutIsRefusedNotEmpty() throws Exception {
        Path products = Files.createDirectories(outside.resolve("products/alpha"));
        Files.writeString(products.resolve("phase.yaml"), "phase: ga\n");
        Files.createSymbolicLink(repo.resolve("products"), outside.resolve("products"));
        WorkingTreeSource source = new WorkingTreeSource(repo);
        RefusedFolderException e = assertThrows(RefusedFolderException.class, () -> source.list("products"));
        assertEquals("products", e.refusal().path().orElseThrow());
        assertEquals("path-outside-repository", e.refusal().rule());
        assertEquals(List.of(), source.list("no-such-folder"), "a folder that is not there is still empty");
        assertEquals(List.of(), source.list("content/logo.svg"), "a file is not a folder");
    }

    @Test
    void pathsCannotClimbOutByThemselves() throws IOException {
        RepositoryFiles files = new RepositoryFiles(repo);
        assertThrows(IllegalArgumentException.class, () -> files.read("../outside/secret.txt", 100));
        assertThrows(IllegalArgumentException.class, () -> files.read("content/../../outside/secret.txt", 100));
    }

    static Path mkfifo(Path path) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
        assertEquals(0, process.waitFor(), "mkfifo " + path);
        return path;
    }
}
