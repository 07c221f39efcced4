package io.servicedocs.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.servicedocs.TestRepositories;
import io.servicedocs.model.Diagnostic;
import io.servicedocs.source.WorkingTreeSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Links and special files in the data folders become diagnostics that name them; nothing is read through them. */
class RepositoryReaderLinksTest {

    private static final String SECRET = "secret-of-the-build-machine";

    @TempDir
    Path dir;

    private List<String> read(Path repo) throws Exception {
        RepositoryReader reader = new RepositoryReader();
        WorkingTreeSource source = new WorkingTreeSource(repo);
        RawRepository raw = reader.read(source);
        // the product folders are read one by one, as validation checks them
        List<Diagnostic> diagnostics = new java.util.ArrayList<>(raw.diagnostics());
        raw.productFolders().forEach(folder -> diagnostics.addAll(reader.readProduct(source, folder).diagnostics()));
        for (Diagnostic d : diagnostics) {
            assertTrue(!d.message().contains(SECRET), d.message());
        }
        return diagnostics.stream().map(d -> d.file() + " " + d.rule()).sorted().toList();
    }

    @Test
    void theStandardsFolderLinkedOutIsOneErrorNamingIt() throws Exception {
        Path repo = TestRepositories.minimalCopy(dir);
        Path elsewhere = dir.resolve("elsewhere");
        Files.move(repo.resolve("standards"), elsewhere);
        Files.createSymbolicLink(repo.resolve("standards"), elsewhere);
        assertEquals(List.of("standards path-outside-repository"), read(repo));
    }

    @Test
    void siteYamlLinkedIntoGitIsRefused() throws Exception {
        Path repo = TestRepositories.minimalCopy(dir);
        Files.createDirectories(repo.resolve(".git"));
        Files.writeString(repo.resolve(".git/config"), "title: " + SECRET + "\n");
        Files.createSymbolicLink(repo.resolve("site.yaml"), Path.of(".git/config"));
        assertEquals(List.of("site.yaml path-in-git"), read(repo));
    }

    @Test
    void refusedEntriesBesideTheProductsAreNamedEvenWhenNotRead() throws Exception {
        Path repo = TestRepositories.minimalCopy(dir);
        Files.createDirectories(repo.resolve(".git/hooks"));
        Files.writeString(repo.resolve(".git/config"), SECRET);
        Files.createSymbolicLink(repo.resolve("products/alpha/notes.md"), Path.of("../../.git/config"));
        Files.createSymbolicLink(repo.resolve("products/hooks"), Path.of("../.git/hooks"));
        Files.createSymbolicLink(repo.resolve("products/README.md"), Path.of("../nothing-here.md"));
        assertEquals(List.of("products/README.md link-broken", "products/alpha/notes.md path-in-git",
                "products/hooks path-in-git"), read(repo));
    }

    @Test
    void aSiteTemplateLinkedIntoGitIsReported() throws Exception {
        Path repo = TestRepositories.minimalCopy(dir);
        Files.createDirectories(repo.resolve(".git"));
        Files.writeString(repo.resolve(".git/config"), SECRET);
        Files.createDirectories(repo.resolve("templates/partials"));
        Files.createSymbolicLink(repo.resolve("templates/partials/head.ftl"), Path.of("../../.git/config"));
        Files.createDirectories(repo.resolve("assets"));
        Files.createSymbolicLink(repo.resolve("assets/up"), Path.of(".."));
        // assets/up is the whole repository: its .git is refused, and the loop back to assets/ is named.
        assertEquals(List.of("assets/up/.git path-in-git", "assets/up/assets link-broken",
                "assets/up/templates/partials/head.ftl path-in-git", "templates/partials/head.ftl path-in-git"), read(repo));
    }
}
