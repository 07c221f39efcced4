package io.servicedocs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.TimeZone;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;

/** A real git repository in a folder, with commits made on chosen days by chosen authors. */
public final class GitFixture implements AutoCloseable {

    private final Git git;
    private final Path root;

    private GitFixture(Git git, Path root) {
        this.git = git;
        this.root = root;
    }

    /** The minimal repository in {@code dir}/repo, committed once on main: where a scripted pull request starts. */
    public static GitFixture minimalOnMain(Path dir) throws IOException, GitAPIException {
        GitFixture fixture = init(dir.resolve("repo"), TestRepositories.MINIMAL);
        fixture.commit("Initial", "Ann", java.time.LocalDate.of(2026, 10, 1));
        return fixture;
    }

    /** A new repository on branch main holding a copy of {@code template}, not yet committed. */
    public static GitFixture init(Path folder, Path template) throws IOException, GitAPIException {
        TestRepositories.copy(template, folder);
        Git git = Git.init().setDirectory(folder.toFile()).setInitialBranch("main").call();
        return new GitFixture(git, folder);
    }

    public Path root() {
        return root;
    }

    public Git git() {
        return git;
    }

    public GitFixture write(String path, String content) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        return this;
    }

    public GitFixture replace(String path, String from, String to) throws IOException {
        Path file = root.resolve(path);
        String text = Files.readString(file);
        if (!text.contains(from)) {
            throw new IllegalArgumentException(path + " has no '" + from + "'");
        }
        Files.writeString(file, text.replace(from, to));
        return this;
    }

    /** Creates branch {@code name} from main and checks it out: the start of a pull request. */
    public GitFixture branch(String name) throws GitAPIException {
        git.checkout().setCreateBranch(true).setName(name).setStartPoint("main").call();
        return this;
    }

    /** Commits every change (additions and deletions) as {@code author} at noon UTC on {@code day}. */
    public RevCommit commit(String message, String author, LocalDate day) throws GitAPIException {
        git.add().addFilepattern(".").call();
        git.add().addFilepattern(".").setUpdate(true).call();
        PersonIdent who = new PersonIdent(author, author.toLowerCase().replace(' ', '.') + "@example.com",
                Date.from(day.atTime(12, 0).toInstant(ZoneOffset.UTC)), TimeZone.getTimeZone("UTC"));
        return git.commit().setMessage(message).setAuthor(who).setCommitter(who).setSign(false).call();
    }

    @Override
    public void close() {
        git.close();
    }
}
