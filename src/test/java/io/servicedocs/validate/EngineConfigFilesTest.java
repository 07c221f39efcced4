package io.servicedocs.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.servicedocs.GitFixture;
import io.servicedocs.model.Diagnostic;
import io.servicedocs.source.GitTreeSource;
import io.servicedocs.source.WorkingTreeSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineConfigFilesTest {

    @TempDir
    Path dir;

    private static final List<String> PLANTED = List.of(
            "JBake.Properties", "custom.properties", "jbake.yml", "products/a/jbake.yaml", "products/a/docs/jbake.properties",
            "content/.asciidoctorconfig", "content/.asciidoctorconfig.adoc", "content/docinfo.html",
            "content/docinfo-footer.html", "content/guide-docinfo-head.html", "content/docinfo.xml",
            "templates/freemarker.properties", "assets/img/.jbakeignore",
            // a product may be called target: only the root's target/ is Maven's
            "products/target/jbake.properties");

    private static final List<String> NOT_REPORTED = List.of(
            "products/a/custom.properties", // JBake's legacy name is only read at the root
            "target/classes/jbake.properties", "target/jbake.properties", // Maven's output
            "content/docinformation.txt", "content/info.html", "templates/i18n/messages_en.properties",
            "assets/jbake.properties.txt");

    private Path repository() throws IOException {
        Path root = Files.createDirectories(dir.resolve("repo"));
        for (String path : PLANTED) {
            write(root, path);
        }
        for (String path : NOT_REPORTED) {
            write(root, path);
        }
        return root;
    }

    private static void write(Path root, String path) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "template.folder=../..\n");
    }

    private static List<String> reported(List<Diagnostic> diagnostics) {
        diagnostics.forEach(d -> {
            assertTrue(d.isError(), d.toString());
            assertEquals(EngineConfigFiles.RULE, d.rule());
        });
        return diagnostics.stream().map(Diagnostic::file).sorted().toList();
    }

    @Test
    void reportsEveryEngineConfigurationFileOfTheWorkingTree() throws IOException {
        Path root = repository();
        Files.createDirectories(root.resolve(".git"));
        Files.writeString(root.resolve(".git/jbake.properties"), "x=1\n");
        List<Diagnostic> found = EngineConfigFiles.find(new WorkingTreeSource(root));
        assertEquals(PLANTED.stream().sorted().toList(), reported(found));
        Diagnostic first = found.stream().filter(d -> d.file().equals("JBake.Properties")).findFirst().orElseThrow();
        assertEquals("'JBake.Properties' is JBake's project configuration; it is not read: servicedocs configures "
                + "JBake, Asciidoctor and FreeMarker in the tool itself. Remove the file.", first.message());
    }

    @Test
    void reportsEveryEngineConfigurationFileOfAGitTree() throws Exception {
        Path template = repository();
        try (GitFixture git = GitFixture.init(dir.resolve("git"), template)) {
            RevCommit commit = git.commit("planted", "Mallory", LocalDate.of(2026, 11, 1));
            List<Diagnostic> found = EngineConfigFiles.find(new GitTreeSource(git.git().getRepository(), commit));
            assertEquals(PLANTED.stream().sorted().toList(), reported(found));
        }
    }

    @Test
    void linksAreNotFollowedSoALoopEnds() throws IOException {
        Path root = Files.createDirectories(dir.resolve("loop"));
        Files.createDirectories(root.resolve("content"));
        Files.createSymbolicLink(root.resolve("content/a"), Path.of(".."));
        Files.createSymbolicLink(root.resolve("content/b"), Path.of(".."));
        Files.writeString(root.resolve("content/jbake.properties"), "x=1\n");
        // a link is reported by its own name
        Files.createSymbolicLink(root.resolve("content/freemarker.properties"), Path.of("jbake.properties"));
        List<Diagnostic> found = EngineConfigFiles.find(new WorkingTreeSource(root));
        assertEquals(List.of("content/freemarker.properties", "content/jbake.properties"), reported(found));
    }
}
