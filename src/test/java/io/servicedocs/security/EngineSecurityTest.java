package io.servicedocs.security;

import io.servicedocs.site.render.SecureFreemarker;

import static io.servicedocs.security.AttackRepository.assertNoSecretIn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.servicedocs.assess.Assessor;
import io.servicedocs.assess.Portfolio;
import io.servicedocs.cli.CliAccess;
import io.servicedocs.cost.allocation.CostAllocation;
import io.servicedocs.load.SchemaValidator;
import io.servicedocs.model.Repository;
import io.servicedocs.site.render.SiteBuilder;
import io.servicedocs.source.WorkingTreeSource;
import io.servicedocs.validate.Validation;
import io.servicedocs.validate.ValidationResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 9, "No engine configuration from the repository" and "Templates cannot reach Java": a pull
 * request cannot configure JBake, Asciidoctor or FreeMarker with a file, and a template cannot
 * run commands, create Java objects, call methods or read files outside templates/.
 */
class EngineSecurityTest {

    @TempDir
    Path dir;

    /** Settings that, if JBake read them, would publish .git and change every page. */
    private static final String JBAKE_PROPERTIES = """
            template.folder=../../..
            asset.folder=.git
            content.folder=.git
            render.encoding=UTF-16
            template.encoding=UTF-16
            freemarker.outputencoding=UTF-16
            asciidoctor.option.safe=0
            asciidoctor.attributes=docinfo=shared,toc=left,source-highlighter=coderay
            asciidoctor.attributes.export=true
            """;

    @Test
    void engineConfigurationFilesAreErrorsInValidateBuildAndReview() throws Exception {
        try (AttackRepository repo = AttackRepository.create(dir)) {
            repo.write("jbake.properties", JBAKE_PROPERTIES)
                    .write("custom.properties", "asset.folder=.git\n")
                    .write("content/.asciidoctorconfig", ":docinfo: shared\n")
                    .write("content/docinfo.html", "<script>alert(1)</script>\n")
                    .write("products/data-api/jbake.yaml", "asset:\n  folder: .git\n")
                    .write("templates/freemarker.properties", "new_builtin_class_resolver=unrestricted\n")
                    .write("assets/css/.jbakeignore", "")
                    // target/ is Maven's output, not the repository's content: not looked into
                    .write("target/classes/jbake.properties", "asset.folder=.git\n");
            repo.commit("engine configuration");
            List<String> expected = List.of("assets/css/.jbakeignore", "content/.asciidoctorconfig",
                    "content/docinfo.html", "custom.properties", "jbake.properties", "products/data-api/jbake.yaml",
                    "templates/freemarker.properties");

            CliAccess.Run validate = repo.validate();
            assertEquals(1, validate.status(), validate.err());
            assertEquals(expected, reported(validate.out() + validate.err()), validate.out() + validate.err());
            assertTrue((validate.out() + validate.err()).contains("jbake.properties:1:1: error: 'jbake.properties' is "
                    + "JBake's project configuration; it is not read: servicedocs configures JBake, Asciidoctor and "
                    + "FreeMarker in the tool itself. Remove the file. [engine-config-file]"), validate.err());
            assertNoSecretIn(validate);

            Path out = repo.outside("site");
            CliAccess.Run build = repo.build(out);
            assertEquals(1, build.status(), build.err());
            assertEquals(expected, reported(build.out() + build.err()), build.err());
            assertNoSecretIn(build);
            assertNoSecretIn(out);

            // review reads both sides from git trees; the files are on main already, so they are
            // problems of files the pull request does not change: counted in one line, not listed
            CliAccess.Run review = repo.review();
            assertNoSecretIn(review);
            assertTrue(review.out().contains("\n**⚠️ Needs attention:** " + expected.size() + " validation error(s) in "
                    + "files this pull request does not change.\n"), review.out());
            assertTrue(review.out().contains("\n" + expected.size() + " error(s) and "), review.out());
            // in a pull request that brings them, review names each, with its rule
            repo.write("products/data-api/jbake.yaml", "asset:\n  folder: .git/\n");
            CliAccess.Run changed = repo.review();
            assertNoSecretIn(changed);
            assertTrue(changed.out().contains("products/data-api/jbake.yaml"), changed.out());
            assertTrue(changed.out().contains("engine-config-file"), changed.out());
        }
    }

    /** The paths reported under the rule, sorted. */
    private static List<String> reported(String text) {
        return text.lines().filter(l -> l.endsWith("[engine-config-file]"))
                .map(l -> l.substring(0, l.indexOf(":1:1: error:")))
                .map(l -> l.substring(l.indexOf("/repo/") + "/repo/".length())).sorted().toList();
    }

    /**
     * Even past validation, the files change nothing: the site rendered with them is byte for
     * byte the site rendered without them, and .git is not published.
     */
    @Test
    void engineConfigurationFilesHaveNoEffectOnTheSite() throws Exception {
        try (AttackRepository repo = AttackRepository.create(dir)) {
            Path root = repo.root();
            ValidationResult validated = new Validation(new SchemaValidator(), AttackRepository.AS_OF)
                    .run(new WorkingTreeSource(root));
            assertFalse(validated.hasErrors(), validated.diagnostics().toString());
            Repository data = validated.repository().orElseThrow();
            Portfolio portfolio = Assessor.assess(data, AttackRepository.AS_OF);
            Path clean = repo.outside("clean");
            new SiteBuilder(root).build(data, portfolio, Optional.empty(), CostAllocation.compute(data), clean);

            String secret = repo.outsideSecret().toString();
            repo.write("jbake.properties", JBAKE_PROPERTIES)
                    .write("custom.properties", JBAKE_PROPERTIES)
                    .write("content/jbake.properties", JBAKE_PROPERTIES)
                    .write("templates/jbake.properties", JBAKE_PROPERTIES)
                    .write("content/.asciidoctorconfig", ":docinfo: shared\n:attribute-missing: warn\n")
                    .write("content/docinfo.html", "<p>" + AttackRepository.GIT_CONFIG_CANARY + "</p>\n")
                    .write("content/editing-docinfo.html", "<p>" + AttackRepository.GIT_CONFIG_CANARY + "</p>\n")
                    .write("content/docinfo-footer.html", "<p>" + AttackRepository.GIT_CONFIG_CANARY + "</p>\n")
                    .write("templates/freemarker.properties", "template_loader=file:///\nlocale=fr_FR\n"
                            + "number_format=0.000\nnew_builtin_class_resolver=unrestricted\napi_builtin_enabled=true\n")
                    .write("freemarker.properties", "number_format=0.000\n")
                    .write(".asciidoctorconfig", ":docinfo: shared\n:docinfodir: " + secret + "\n");
            // A page asking for docinfo: its header attributes are not shown, so the page is unchanged.
            repo.replace("content/editing.adoc", "= How to edit a Service Doc\n",
                    "= How to edit a Service Doc\n:docinfo: shared,private\n");
            Path attacked = repo.outside("attacked");
            new SiteBuilder(root).build(data, portfolio, Optional.empty(), CostAllocation.compute(data), attacked);

            assertEquals(files(clean), files(attacked));
            assertNoSecretIn(attacked);
        }
    }

    private static TreeMap<String, String> files(Path folder) throws IOException {
        TreeMap<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path file : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                files.put(folder.relativize(file).toString(),
                        new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
            }
        }
        return files;
    }

    /** One repository for all template attacks: each puts its own templates/index.ftl back. */
    @TempDir
    static Path shared;
    private static AttackRepository templateAttacks;
    private static String indexTemplate;

    @AfterAll
    static void closeTemplateAttacks() {
        if (templateAttacks != null) {
            templateAttacks.close();
        }
    }

    static Stream<Arguments> templateAttacks() {
        String refused = "is not allowed in the template for security reasons";
        return Stream.of(
                // run a command
                Arguments.of("<#assign ex=\"freemarker.template.utility.Execute\"?new()>${ex(\"env\")}", refused),
                // create any object: read a file of the build machine
                Arguments.of("<#assign oc=\"freemarker.template.utility.ObjectConstructor\"?new()>"
                        + "${oc(\"java.util.Scanner\", oc(\"java.io.File\", \"OUTSIDE\")).useDelimiter(\"\\\\Z\").next()}",
                        refused),
                // Jython, and any TemplateModel class at all
                Arguments.of("<#assign jy=\"freemarker.template.utility.JythonRuntime\"?new()><@jy>import os</@jy>", refused),
                Arguments.of("<#assign h=\"freemarker.template.SimpleHash\"?new()>${h?size}", refused),
                // the Java API of model values
                Arguments.of("${site?api.getClass().getName()}", "?api"),
                Arguments.of("${t?api.get(\"nav.guides\")}", "?api"),
                // static methods
                Arguments.of("${statics[\"java.lang.System\"].getenv(\"SERVICEDOCS_TEST_CANARY_ENV\")}", "statics"),
                Arguments.of("${enums[\"java.time.Month\"].JANUARY}", "enums"),
                // methods of model objects, and what JBake's engine put in the model (its content
                // store, a bean-wrapped data helper, its configuration with the system properties)
                Arguments.of("${content.getClass().getName()}", "getClass"),
                Arguments.of("${site.title.getClass()}", "Expected a hash"),
                Arguments.of("${data.getClass().getName()}", "data"),
                Arguments.of("${db.getClass()}", "db"),
                Arguments.of("${config.servicedocs_test_secret}", "config"),
                Arguments.of("${config.class.protectionDomain}", "config"),
                // files outside templates/
                Arguments.of("<#include \"/../.git/config\">", "Backing out from the root directory is not allowed"),
                Arguments.of("<#include \"../.git/config\">", "Backing out from the root directory is not allowed"),
                Arguments.of("<#include \"OUTSIDE\">", "not found"),
                Arguments.of("<#include \"/OUTSIDE\">", "not found"));
    }

    /**
     * Each attack is put on line 2 of templates/index.ftl (line 1 is its {@code <#ftl>} header);
     * the build fails naming that place, and nothing secret is written or printed.
     */
    @ParameterizedTest
    @MethodSource("templateAttacks")
    void aTemplateCannotReachJava(String attack, String refusal) throws Exception {
        if (templateAttacks == null) {
            templateAttacks = AttackRepository.create(shared);
            indexTemplate = Files.readString(templateAttacks.root().resolve("templates/index.ftl"));
        }
        AttackRepository repo = templateAttacks;
        String property = System.setProperty("servicedocs.test.secret", AttackRepository.ENV_CANARY);
        try {
            String line = attack.replace("OUTSIDE", repo.outsideSecret().toString());
            assertTrue(indexTemplate.startsWith("<#ftl output_format=\"HTML\">\n"));
            repo.write("templates/index.ftl", indexTemplate.replaceFirst("\n", "\n" + Matcher.quoteReplacement(line) + "\n"));
            Path out = repo.outside("site-" + Math.abs(attack.hashCode()));
            CliAccess.Run build = repo.build(out);
            assertEquals(1, build.status(), build.out() + build.err());
            assertTrue(build.err().contains("build failed: templates/index.ftl:2: "), build.err());
            assertTrue(build.err().contains(refusal), build.err());
            assertTrue(build.err().contains("(rendering index.html)"), build.err());
            assertNoSecretIn(build);
            assertNoSecretIn(out);
            assertFalse(Files.exists(out.resolve("index.html")), "no site is published");
        } finally {
            if (property == null) {
                System.clearProperty("servicedocs.test.secret");
            } else {
                System.setProperty("servicedocs.test.secret", property);
            }
        }
    }

    @Test
    void theSiteSourcesNeedTheReviewBoard() throws IOException {
        List<String> owned = Files.readAllLines(Path.of(".github/CODEOWNERS")).stream()
                .filter(l -> !l.startsWith("#") && !l.isBlank()).map(l -> l.split("\\s+")[0]).toList();
        for (String path : List.of("/standards/", "/templates/", "/content/", "/assets/", "/site.yaml",
                "/src/", "/pom.xml", "/servicedocs", "/.github/")) {
            assertTrue(owned.contains(path), path + " in CODEOWNERS: " + owned);
        }
    }

    /**
     * A link that stays in the repository but leads into .git: the build refuses the link itself
     * before any template runs (SecureFreemarker's loader refuses it too: SecureFreemarkerTest).
     */
    @Test
    void aTemplateLinkedIntoGitIsRefusedBeforeAnyTemplateRuns(@TempDir Path dir) throws Exception {
        try (AttackRepository repo = AttackRepository.create(dir)) {
            repo.link("templates/git-config.ftl", repo.root().resolve(".git/config"));
            String index = Files.readString(repo.root().resolve("templates/index.ftl"));
            repo.write("templates/index.ftl", index.replaceFirst("\n", "\n<#include \"git-config.ftl\">\n"));
            Path out = repo.outside("site");
            CliAccess.Run build = repo.build(out);
            assertEquals(1, build.status(), build.out() + build.err());
            assertTrue(build.err().contains("templates/git-config.ftl:1:1: error: "), build.err());
            assertTrue(build.err().contains("[path-in-git]"), build.err());
            assertNoSecretIn(build);
            assertNoSecretIn(out);
            assertFalse(Files.exists(out.resolve("index.html")), "no site is published");
        }
    }
}
