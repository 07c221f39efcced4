package io.servicedocs.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.servicedocs.GitFixture;
import io.servicedocs.TestRepositories;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.eclipse.jgit.lib.Repository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Review and the site's history read products/ and standards/ at the top of a working tree: only there. */
class GitWorkTreeTest {

    @TempDir
    Path dir;

    @Test
    void theTopOfAWorkTreeOpensItsRepository() throws Exception {
        try (GitFixture fixture = GitFixture.init(dir.resolve("repo"), TestRepositories.MINIMAL)) {
            fixture.commit("Initial", "Ann", LocalDate.of(2026, 10, 1));
            try (Repository git = GitWorkTree.open(fixture.root())) {
                assertEquals(fixture.root().toRealPath(), git.getWorkTree().toPath().toRealPath());
            }
        }
    }

    @Test
    void aFolderInsideAWorkTreeOrOutsideGitIsRefusedSayingWhich() throws Exception {
        try (GitFixture fixture = GitFixture.init(dir.resolve("repo"), TestRepositories.MINIMAL)) {
            Path inside = fixture.root().resolve("products");
            assertEquals(GitWorkTree.Problem.NOT_THE_TOP, assertThrows(GitWorkTree.NotAWorkTreeException.class,
                    () -> GitWorkTree.open(inside)).problem());
        }
        Path outside = Files.createDirectory(dir.resolve("plain"));
        assertEquals(GitWorkTree.Problem.NOT_IN_GIT, assertThrows(GitWorkTree.NotAWorkTreeException.class,
                () -> GitWorkTree.open(outside)).problem());
    }
}
