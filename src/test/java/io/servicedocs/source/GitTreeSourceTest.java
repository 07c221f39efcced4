package io.servicedocs.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.servicedocs.GitFixture;
import io.servicedocs.TestRepositories;
import io.servicedocs.load.SchemaValidator;
import io.servicedocs.source.SnapshotSource.Entry;
import io.servicedocs.source.SnapshotSource.Kind;
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

    @Test
    void linksInACommitFollowTheRuleOfTheWorkingTree() throws Exception {
        try (GitFixture repo = GitFixture.init(dir.resolve("repo"), TestRepositories.MINIMAL)) {
            Path root = repo.root();
            java.nio.file.Files.createDirectories(root.resolve("docs"));
            java.nio.file.Files.writeString(root.resolve("docs/notes.txt"), "notes\n");
            link(root, "products/alpha/notes.txt", "../../docs/notes.txt");
            link(root, "products/alpha/config", "../../.git/config");
            link(root, "products/escape", "../../outside");
            link(root, "products/gone", "nothing-here");
            link(root, "products/loop", "loop");
            link(root, "products/chain", "alpha/../escape");
            link(root, "cost-data", "/etc");
            RevCommit commit = repo.commit("Links", "Mallory", LocalDate.of(2026, 1, 5));
            GitTreeSource source = new GitTreeSource(repo.git().getRepository(), commit);

            assertEquals("notes\n", new String(source.read("products/alpha/notes.txt", 100)), "a link inside is followed");
            assertEquals(List.of(new Entry("alpha", Kind.FOLDER), new Entry("beta-svc", Kind.FOLDER),
                    new Entry("chain", Kind.LINK_OUTSIDE), new Entry("escape", Kind.LINK_OUTSIDE),
                    new Entry("gone", Kind.LINK_OUTSIDE), new Entry("loop", Kind.LINK_OUTSIDE)), source.list("products"));
            SourceException git = assertThrows(SourceException.class, () -> source.read("products/alpha/config", 1000));
            assertEquals("path-in-git", git.rule());
            assertEquals("products/alpha/config", git.path().orElseThrow());
            assertEquals("path-outside-repository", source.refusal("products/escape").rule());
            assertEquals("path-outside-repository", source.refusal("products/chain").rule());
            assertEquals("products/chain is a symbolic link to 'alpha/../escape' in " + source.describe()
                    + ", which leads out of the repository. Replace the link by the file itself.",
                    source.refusal("products/chain").getMessage());
            assertEquals("link-broken", source.refusal("products/gone").rule());
            assertEquals("link-broken", source.refusal("products/loop").rule());
            RefusedFolderException costData = assertThrows(RefusedFolderException.class, () -> source.list("cost-data"));
            assertEquals("cost-data", costData.refusal().path().orElseThrow());

            var result = new Validation(new SchemaValidator(), TestRepositories.AS_OF).run(source);
            assertEquals(List.of("cost-data path-outside-repository", "products/alpha/config path-in-git",
                            "products/chain path-outside-repository", "products/escape path-outside-repository",
                            "products/gone link-broken", "products/loop link-broken"),
                    result.diagnostics().stream().map(d -> d.file() + " " + d.rule()).sorted().toList());
        }
    }

    private static void link(Path root, String path, String target) throws java.io.IOException {
        java.nio.file.Files.createSymbolicLink(root.resolve(path), Path.of(target));
    }
}
