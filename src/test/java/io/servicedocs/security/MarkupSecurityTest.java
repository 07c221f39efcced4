package io.servicedocs.security;


import static io.servicedocs.security.AttackRepository.assertNoSecretIn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.servicedocs.cli.CliAccess;
import io.servicedocs.site.render.SecureAsciidoc;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Markup cannot stop the build: AsciiDoc fields are bounded in size, content pages too, and every
 * conversion has a time budget. The pathological input is a run of unbalanced {@code xref:a[}
 * macros, which makes Asciidoctor's inline substitutions superlinear: measured with the
 * project's AsciidoctorJ on a loaded 2-core machine, 4 KiB of it took 38 s, so 15 KiB takes
 * far longer than any budget. The tests lower the budget to a few seconds through its system
 * property; the hang guards are generous and are not speed targets.
 */
class MarkupSecurityTest {

    private static final String SERVICE_DOC = "products/camera-analytics/service-doc.yaml";
    private static final String ITEMS = "standards/quality-items.yaml";
    /** About 15 KiB: under the 16 KiB bound of a field, and minutes of work for Asciidoctor. */
    private static final String PATHOLOGICAL = "xref:a[".repeat(2190);
    private static final String BUDGET = "PT3S";
    private static final Duration HANG_GUARD = Duration.ofSeconds(120);

    @TempDir
    static Path dir;

    private static AttackRepository repo;
    private static Path site;
    private static Map<String, String> previousSite;
    private static String serviceDoc;
    private static String items;
    private String previousBudget;

    /** One repository and one good site for all tests: each attack is undone after its test. */
    @BeforeAll
    static void buildTheGoodSite() throws Exception {
        repo = AttackRepository.create(dir);
        site = repo.outside("site");
        CliAccess.Run built = repo.build(site);
        assertEquals(0, built.status(), built.err());
        previousSite = contents(site);
        serviceDoc = Files.readString(repo.root().resolve(SERVICE_DOC));
        items = Files.readString(repo.root().resolve(ITEMS));
    }

    @AfterAll
    static void close() {
        repo.close();
    }

    @BeforeEach
    void lowerTheBudget() {
        previousBudget = System.getProperty(SecureAsciidoc.BUDGET_PROPERTY);
        System.setProperty(SecureAsciidoc.BUDGET_PROPERTY, BUDGET);
    }

    @AfterEach
    void undoTheAttack() throws IOException {
        if (previousBudget == null) {
            System.clearProperty(SecureAsciidoc.BUDGET_PROPERTY);
        } else {
            System.setProperty(SecureAsciidoc.BUDGET_PROPERTY, previousBudget);
        }
        repo.write(SERVICE_DOC, serviceDoc);
        repo.write(ITEMS, items);
        Files.deleteIfExists(repo.root().resolve("content/x.adoc"));
    }

    @Test
    void aFieldOver16KiBIsRefusedByValidateBuildAndReview() throws IOException {
        repo.replace(SERVICE_DOC, "\ndescription: >-\n", "\ndescription: >-\n  " + "Long text. ".repeat(1600) + "\n");
        String place = SERVICE_DOC + ":" + (lineOf(SERVICE_DOC, "\ndescription: >-") + 1) + ":14";

        CliAccess.Run validated = repo.validate();
        assertEquals(1, validated.status(), validated.out() + validated.err());
        assertTrue(validated.out().contains(place + ": error: AsciiDoc field is 17772 bytes long; expected at most "
                + "16384 bytes") && validated.out().contains("[asciidoc-too-long]"), validated.out());

        CliAccess.Run built = assertTimeoutPreemptively(HANG_GUARD, () -> repo.build(site));
        assertEquals(1, built.status(), built.out() + built.err());
        assertTrue(built.err().contains(place + ": error: AsciiDoc field is 17772 bytes long"), built.err());
        assertTrue(built.err().contains("the previous site is kept"), built.err());

        CliAccess.Run reviewed = repo.review();
        assertEquals(1, reviewed.status(), reviewed.out() + reviewed.err());
        assertTrue(reviewed.out().contains("`" + place + "` AsciiDoc field is 17772 bytes long"), reviewed.out());

        assertTheSiteIsUntouched(validated, built, reviewed);
    }

    @Test
    void aSlowFieldFailsTheBuildWithItsFileLineAndField() throws IOException {
        repo.replace(SERVICE_DOC, "\ndescription: >-\n", "\ndescription: >-\n  " + PATHOLOGICAL + "\n");
        String place = SERVICE_DOC + ":" + (lineOf(SERVICE_DOC, "\ndescription: >-") + 1) + ":14";

        CliAccess.Run validated = repo.validate();
        assertEquals(0, validated.status(), "the field is within its size: " + validated.out());

        CliAccess.Run built = assertTimeoutPreemptively(HANG_GUARD, () -> repo.build(site));
        assertEquals(1, built.status(), built.out() + built.err());
        assertTrue(built.err().contains(place + ": error: the AsciiDoc of field 'description' (/description) took "
                + "longer than 3 s to convert, the time budget of one document"), built.err());
        assertTrue(built.err().contains("[asciidoc-too-slow]"), built.err());
        assertTrue(built.err().contains("build stopped: an AsciiDoc document is over its time budget; "
                + "the previous site is kept"), built.err());

        assertTheSiteIsUntouched(validated, built);
    }

    /**
     * Many documents each under their own budget could still hold a build for hours: the whole
     * build has a budget too. Here it is smaller than one document's, so that one slow document
     * meets it first (SecureAsciidocBudgetTest shows that it adds up across documents).
     */
    @Test
    void theWholeBuildHasABudgetOfItsOwn() throws IOException {
        System.setProperty(SecureAsciidoc.BUDGET_PROPERTY, "PT30S");
        System.setProperty(SecureAsciidoc.BUILD_BUDGET_PROPERTY, "PT5S");
        try {
            repo.replace(SERVICE_DOC, "\ndescription: >-\n", "\ndescription: >-\n  " + PATHOLOGICAL + "\n");
            String place = SERVICE_DOC + ":" + (lineOf(SERVICE_DOC, "\ndescription: >-") + 1) + ":14";

            CliAccess.Run built = assertTimeoutPreemptively(HANG_GUARD, () -> repo.build(site));
            assertEquals(1, built.status(), built.out() + built.err());
            assertTrue(built.err().contains(place + ": error: the AsciiDoc of field 'description' (/description) was "
                    + "being converted when the build's AsciiDoc had taken 5 s in all, the time budget of a whole build"),
                    built.err());
            assertTheSiteIsUntouched(built);
        } finally {
            System.clearProperty(SecureAsciidoc.BUILD_BUDGET_PROPERTY);
        }
    }

    @Test
    void aSlowFieldOfTheStandardFailsTheBuildWithItsFileLineAndField() throws IOException {
        // the English text of a translated description: the site's language is English
        String redundancy = "    title: {en: Redundancy, ja: 冗長化}\n    description:\n      en: >-\n";
        repo.replace(ITEMS, redundancy, redundancy + "        " + PATHOLOGICAL + "\n");
        String place = ITEMS + ":" + (lineOf(ITEMS, redundancy) + 2) + ":11";

        CliAccess.Run built = assertTimeoutPreemptively(HANG_GUARD, () -> repo.build(site));
        assertEquals(1, built.status(), built.out() + built.err());
        assertTrue(built.err().contains(place + ": error: the AsciiDoc of field 'description' (/items/1/description) "
                + "took longer than 3 s to convert"), built.err());

        assertTheSiteIsUntouched(built);
    }

    @Test
    void aSlowContentPageFailsTheBuildNamingIt() throws IOException {
        repo.write("content/x.adoc", "= Cross references\n\nSee " + PATHOLOGICAL + "\n");

        CliAccess.Run built = assertTimeoutPreemptively(HANG_GUARD, () -> repo.build(site));
        assertEquals(1, built.status(), built.out() + built.err());
        assertTrue(built.err().contains("content/x.adoc:1:1: error: the AsciiDoc page took longer than 3 s to convert"),
                built.err());
        assertTrue(built.err().contains("[asciidoc-too-slow]"), built.err());

        assertTheSiteIsUntouched(built);
    }

    /** As in YAML: a control character would make the page ill-formed HTML. */
    @Test
    void aControlCharacterOrBytesThatAreNotUtf8InAContentPageAreRefusedAtTheirPlace() throws IOException {
        repo.write("content/x.adoc", "= Page\n\nText \u0001 here\n");
        CliAccess.Run built = assertTimeoutPreemptively(HANG_GUARD, () -> repo.build(site));
        assertEquals(1, built.status(), built.out() + built.err());
        assertTrue(built.err().contains("build failed: content/x.adoc:3:6: control character U+0001 in the page is not "
                + "allowed in text"), built.err());
        assertTrue(built.err().contains("[control-character]"), built.err());

        Files.write(repo.root().resolve("content/x.adoc"), new byte[] {'=', ' ', 'P', '\n', '\n', (byte) 0xC3, '(', '\n'});
        CliAccess.Run notUtf8 = assertTimeoutPreemptively(HANG_GUARD, () -> repo.build(site));
        assertEquals(1, notUtf8.status(), notUtf8.out() + notUtf8.err());
        assertTrue(notUtf8.err().contains("build failed: content/x.adoc: the page is not valid UTF-8"), notUtf8.err());

        assertTheSiteIsUntouched(built, notUtf8);
    }

    @Test
    void aContentPageOver256KiBIsRefused() throws IOException {
        repo.write("content/x.adoc", "= Big\n\n" + "A line of a long page.\n".repeat(12000));

        CliAccess.Run built = assertTimeoutPreemptively(HANG_GUARD, () -> repo.build(site));
        assertEquals(1, built.status(), built.out() + built.err());
        assertTrue(built.err().contains("build failed: content/x.adoc: the page is 276007 bytes long; expected at most "
                + "262144 bytes (256 KiB)"), built.err());

        assertTheSiteIsUntouched(built);
    }

    private static int lineOf(String path, String text) throws IOException {
        String file = Files.readString(repo.root().resolve(path));
        return 1 + (int) file.substring(0, file.indexOf(text)).chars().filter(c -> c == '\n').count();
    }

    private static void assertTheSiteIsUntouched(CliAccess.Run... runs) throws IOException {
        assertEquals(previousSite, contents(site), "the previous site changed");
        assertNoSecretIn(site);
        for (CliAccess.Run run : runs) {
            assertNoSecretIn(run);
        }
    }

    /** Every file of a folder with a digest of its content. */
    private static Map<String, String> contents(Path folder) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path file : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                files.put(folder.relativize(file).toString(), digest(Files.readAllBytes(file)));
            }
        }
        return files;
    }

    private static String digest(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
