package io.servicedocs.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.servicedocs.GitFixture;
import io.servicedocs.TestRepositories;
import io.servicedocs.source.SnapshotSource.Entry;
import io.servicedocs.source.SnapshotSource.Kind;
import io.servicedocs.validate.SchemaValidator;
import io.servicedocs.validate.Validation;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitTreeSourceTest {

    @TempDir
    Path dir;

    @Test
    void readsACommitAsItWasWithoutCheckingItOut() throws Exception {
        try (GitFixture repo = GitFixture.init(dir.resolve("repo"), TestRepositories.MINIMAL)) {
            RevCommit first = repo.commit("Initial", "Ann", LocalDate.of(2026, 1, 5));
            repo.replace("products/beta-svc/phase.yaml", "phase: beta", "phase: ga");
            repo.write("products/gamma/phase.yaml", "phase: poc\nsince: 2026-02-01\n");
            repo.commit("Promote beta-svc", "Bob", LocalDate.of(2026, 2, 1));

            GitTreeSource source = new GitTreeSource(repo.git().getRepository(), first);
            assertEquals(List.of(new Entry("alpha", Kind.FOLDER), new Entry("beta-svc", Kind.FOLDER)), source.list("products"));
            assertEquals(List.of(), source.list("no-such-folder"));
            assertEquals(List.of(), source.list("products/alpha/phase.yaml"), "a file is not a folder");
            assertEquals("phase: beta\nsince: 2026-05-01\ntarget:\n  phase: ga\n  date: 2027-01-31\n",
                    new String(source.read("products/beta-svc/phase.yaml", 1000)));
            assertThrows(NoSuchFileException.class, () -> source.read("products/gamma/phase.yaml", 1000));
            SourceException tooLarge = assertThrows(SourceException.class,
                    () -> source.read("products/alpha/assessment.yaml", 10));
            assertEquals("file-too-large", tooLarge.rule());

            var result = new Validation(new SchemaValidator(), TestRepositories.AS_OF).run(source);
            assertEquals(List.of(), result.diagnostics(), "the first commit is the valid minimal repository");
        }
    }
}
