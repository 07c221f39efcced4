package io.servicedocs.site.render;

import io.servicedocs.site.SiteFixture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.servicedocs.TestRepositories;
import io.servicedocs.assess.Assessor;
import io.servicedocs.assess.Portfolio;
import io.servicedocs.load.SchemaValidator;
import io.servicedocs.model.Repository;
import io.servicedocs.source.WorkingTreeSource;
import io.servicedocs.validate.Validation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The site builder vets its sources itself (serve and any other caller may skip validation):
 * templates, i18n messages, content and assets are read or copied only as regular files inside
 * the repository and outside .git.
 */
class SiteBuilderLinksTest {

    private static final String SECRET = "secret-of-git-config";

    @TempDir
    Path dir;

    private Path repo;
    private Repository repository;
    private Portfolio portfolio;

    @BeforeEach
    void validExample() throws Exception {
        repo = SiteFixture.exampleWithSite(dir);
        Files.createDirectories(repo.resolve(".git"));
        Files.writeString(repo.resolve(".git/config"), "[http]\n\textraheader = " + SECRET + "\n");
        repository = new Validation(new SchemaValidator(), TestRepositories.AS_OF).run(new WorkingTreeSource(repo))
                .repository().orElseThrow();
        portfolio = Assessor.assess(repository, TestRepositories.AS_OF);
    }

    private SiteException refused() {
        Path out = dir.resolve("out");
        SiteException e = assertTimeoutPreemptively(Duration.ofMinutes(3), () -> assertThrows(SiteException.class,
                () -> new SiteBuilder(repo).build(repository, portfolio, Optional.empty(), Optional.empty(), out)));
        assertTrue(!e.getMessage().contains(SECRET), e.getMessage());
        return e;
    }

    @Test
    void anAssetLinkIntoGitIsNotCopied() throws Exception {
        Files.createSymbolicLink(repo.resolve("assets/config"), Path.of("../.git/config"));
        assertEquals("assets/config is a symbolic link to '../.git/config', which leads into the repository's .git folder "
                + "(.git/config); files of .git are never read or published. Replace the link by the file itself",
                refused().getMessage());
    }

    @Test
    void aTemplateLinkIntoGitIsRefusedBeforeRendering() throws Exception {
        Files.delete(repo.resolve("templates/teams.ftl"));
        Files.createSymbolicLink(repo.resolve("templates/teams.ftl"), Path.of("../.git/config"));
        assertTrue(refused().getMessage().startsWith("templates/teams.ftl is a symbolic link to '../.git/config'"));
    }

    @Test
    void messagesLinkedIntoGitAreNotRead() throws Exception {
        Path messages = repo.resolve("templates/i18n/messages_en.properties");
        Files.delete(messages);
        Files.createSymbolicLink(messages, Path.of("../../.git/config"));
        assertTrue(refused().getMessage().startsWith("templates/i18n/messages_en.properties is a symbolic link"));
    }

    @Test
    void aContentFolderLinkedToGitIsRefused() throws Exception {
        Files.createSymbolicLink(repo.resolve("content/g"), Path.of("../.git"));
        assertTrue(refused().getMessage().startsWith("content/g is a symbolic link to '../.git', which leads into"));
    }

    @Test
    void aFifoPageIsRefusedWithoutHanging() throws Exception {
        Process mkfifo = new ProcessBuilder("mkfifo", repo.resolve("content/pipe.adoc").toString()).inheritIO().start();
        assertEquals(0, mkfifo.waitFor());
        assertEquals("content/pipe.adoc is a FIFO, socket or device, not a regular file or folder",
                refused().getMessage());
    }

    @Test
    void theTemplatesFolderLinkedOutIsRefused() throws Exception {
        Path elsewhere = dir.resolve("elsewhere-templates");
        Files.move(repo.resolve("templates"), elsewhere);
        Files.createSymbolicLink(repo.resolve("templates"), elsewhere);
        assertTrue(refused().getMessage().startsWith("templates is a symbolic link to '" + elsewhere
                + "', which leads out of the repository"));
    }

    @Test
    void linksInsideThePublishedTreesAreFollowed() throws Exception {
        Files.writeString(repo.resolve("content/picture.svg"), "<svg/>");
        Files.createSymbolicLink(repo.resolve("assets/picture.svg"), Path.of("../content/picture.svg"));
        Path out = dir.resolve("out");
        new SiteBuilder(repo).build(repository, portfolio, Optional.empty(), Optional.empty(), out);
        assertEquals("<svg/>", Files.readString(out.resolve("picture.svg")));
        assertTrue(!Files.isSymbolicLink(out.resolve("picture.svg")), "the file is copied, not the link");
    }
}
