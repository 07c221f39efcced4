package io.servicedocs.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.servicedocs.GitFixture;
import io.servicedocs.TestRepositories;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Set;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The paths a pull request changes, between two commits and against the working tree. */
class ChangedFilesTest {

    @TempDir
    Path dir;

    @Test
    void modifiedAddedDeletedAndRenamedFilesAreChangedOthersAreNot() throws Exception {
        try (GitFixture repo = GitFixture.init(dir.resolve("repo"), TestRepositories.MINIMAL)) {
            RevCommit base = repo.commit("Initial", "Ann", LocalDate.of(2026, 10, 1));
            repo.replace("products/alpha/phase.yaml", "phase: ga", "phase: beta");
            repo.write("products/gamma/phase.yaml", "phase: poc\n");
            Files.delete(repo.root().resolve("products/beta-svc/finance.yaml"));
            Files.move(repo.root().resolve("standards/security-checklist.yaml"),
                    repo.root().resolve("standards/checklist.yaml"));
            RevCommit head = repo.commit("Changes", "Bo", LocalDate.of(2026, 11, 20));
            Set<String> expected = Set.of("products/alpha/phase.yaml", "products/gamma/phase.yaml",
                    "products/beta-svc/finance.yaml", "standards/security-checklist.yaml", "standards/checklist.yaml");
            assertEquals(expected, ChangedFiles.between(repo.git().getRepository(), base, head));
            assertEquals(expected, ChangedFiles.againstWorkingTree(repo.git().getRepository(), base),
                    "the working tree is the head's");
        }
    }

    @Test
    void theWorkingTreeCountsNewFilesButNotIgnoredOnes() throws Exception {
        try (GitFixture repo = GitFixture.init(dir.resolve("repo"), TestRepositories.MINIMAL)) {
            repo.write(".gitignore", "_site/\n*.tmp\n");
            RevCommit base = repo.commit("Initial", "Ann", LocalDate.of(2026, 10, 1));
            repo.write("_site/index.html", "<html></html>");
            repo.write("products/alpha/notes.tmp", "scratch");
            repo.write("products/delta/service-doc.yaml", "id: delta\n");
            repo.replace("products/beta-svc/assessment.yaml", "level: 0", "level: 1");
            assertEquals(Set.of("products/delta/service-doc.yaml", "products/beta-svc/assessment.yaml"),
                    ChangedFiles.againstWorkingTree(repo.git().getRepository(), base));
            assertEquals(Set.of(), ChangedFiles.between(repo.git().getRepository(), base, base));
        }
    }
}
