package io.servicedocs.site.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real paths of --out, component by component, and the folders a site may not replace. */
class OutputFolderTest {

    @TempDir
    Path dir;

    @Test
    void realPathsResolveTheLinksOfTheExistingPart() throws IOException {
        Path repo = Files.createDirectories(dir.resolve("repo"));
        Path link = Files.createSymbolicLink(dir.resolve("link"), repo);
        Path real = dir.toRealPath();
        assertEquals(real.resolve("repo"), OutputFolder.realPath(link));
        assertEquals(real, OutputFolder.realPath(link.resolve("..")));
        assertEquals(real.resolve("repo/new/site"), OutputFolder.realPath(link.resolve("new/site")));
        assertEquals(real.resolve("repo"), OutputFolder.realPath(link.resolve("missing/..")));
        Files.createSymbolicLink(dir.resolve("dangling"), dir.resolve("nowhere"));
        IOException e = assertThrows(OutputFolder.RefusedException.class,
                () -> OutputFolder.realPath(dir.resolve("dangling/site")));
        assertTrue(e.getMessage().contains("is a link to a place that does not exist"), e.getMessage());
    }

    @Test
    void theGitFolderOfALinkedWorkTreeIsRefusedToo() throws IOException {
        Path repo = Files.createDirectories(dir.resolve("worktree"));
        Path gitDir = Files.createDirectories(dir.resolve("main/.git/worktrees/w"));
        Files.writeString(repo.resolve(".git"), "gitdir: " + gitDir + "\n");
        IOException e = assertThrows(OutputFolder.RefusedException.class,
                () -> OutputFolder.check(gitDir.resolve("site"), repo, true, false));
        assertTrue(e.getMessage().contains("refused, it is inside the repository's git folder"), e.getMessage());
        assertEquals(dir.toRealPath().resolve("site"), OutputFolder.check(dir.resolve("site"), repo, false, false));
    }
}
