package io.servicedocs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code init}: a clean programme repository (or the example), validated and built in-process. */
class InitCommandTest {

    /** This project's checkout: the tool init copies (the launcher passes its own folder). */
    private static final Path HOME = Path.of(".");

    /** Names only the example company uses: none may be left in a clean start. */
    private static final List<String> EXAMPLE_NAMES = List.of("hoshimi", "iot-platform", "device-management",
            "factory-monitor", "camera-analytics", "remote-support", "legacy-gateway", "smart-agri", "ops-console",
            "crowdstrike", "wxtech");

    @TempDir
    Path dir;

    @Test
    void startsAProgrammeWithTheToolAStarterStandardAndNoExample() throws Exception {
        Path programme = dir.resolve("programme");
        CliRun run = CliRun.of("init", programme.toString(), "--from", HOME.toString());
        assertEquals(0, run.status(), run.err());
        assertEquals("", run.err());
        int files = files(programme).size();
        assertEquals("Created " + programme + " with " + files + " files, a starter standard and no products, "
                + "committed on branch main.\n"
                + "Next: cd " + programme + " && ./servicedocs validate && ./servicedocs build; "
                + "then edit site.yaml and standards/ (README.md says how).\n", run.out());

        // the programme's own files: the starter, and nothing of the example
        assertEquals(List.of("costs.yaml.sample", "phases.yaml", "quality-items.yaml", "security-checklist.yaml",
                "standard.yaml"), names(programme.resolve("standards")));
        assertEquals(List.of("costs.adoc", "editing.adoc", "levels.adoc", "promotion.adoc"),
                names(programme.resolve("content")));
        assertEquals(List.of("README.md"), names(programme.resolve("products")));
        for (String absent : List.of("cost-data", "src/test", "bench", "dev", "target", "standards/costs.yaml")) {
            assertFalse(Files.exists(programme.resolve(absent)), absent);
        }
        String site = Files.readString(programme.resolve("site.yaml"));
        assertTrue(site.contains("\ntitle: Production Readiness\n") && site.contains("\ncompany: Your company\n"), site);
        assertEquals(Files.readString(HOME.resolve("starter/standards/quality-items.yaml")),
                Files.readString(programme.resolve("standards/quality-items.yaml")));

        // the tool, its workflows and what the workflows need
        for (String tool : List.of(".github/CODEOWNERS", ".github/pull_request_template.md", ".github/dependabot.yml",
                ".github/workflows/pull-request.yml", ".github/workflows/pull-request-comment.yml",
                ".github/workflows/publish.yml", ".github/workflows/costs.yml", ".github/actions/cost-data/action.yml",
                "schemas/standard.schema.json", "schemas/service-doc.schema.json", "templates/index.ftl",
                "assets/css/site.css", "pom.xml", "src/main/java/io/servicedocs/cli/Main.java",
                ".mvn/wrapper/maven-wrapper.properties", "mvnw.cmd", ".gitignore", "README.md",
                "starter/standards/standard.yaml")) {
            assertTrue(Files.isRegularFile(programme.resolve(tool)), tool);
        }
        for (String executable : List.of("servicedocs", "mvnw", ".ci/run")) {
            assertTrue(Files.isExecutable(programme.resolve(executable)), executable + " keeps its executable bit");
        }

        // no name of the example company anywhere in a text file
        List<String> leftovers = new ArrayList<>();
        for (Path file : files(programme)) {
            String text = text(file).toLowerCase(Locale.ROOT);
            for (String name : EXAMPLE_NAMES) {
                if (text.contains(name)) {
                    leftovers.add(programme.relativize(file) + ": " + name);
                }
            }
        }
        assertEquals(List.of(), leftovers);

        // one first commit on main holding every file: review and history read git
        try (Git git = Git.open(programme.toFile())) {
            assertEquals("main", git.getRepository().getBranch());
            List<RevCommit> commits = new ArrayList<>();
            git.log().call().forEach(commits::add);
            assertEquals(1, commits.size());
            assertEquals("Start the production-readiness programme (servicedocs init)", commits.get(0).getFullMessage());
            assertTrue(git.status().call().isClean(), "everything is committed");
        }

        CliRun validation = CliRun.of("validate", "--repo", programme.toString(), "--as-of", "2026-11-24");
        assertEquals(0, validation.status(), validation.err());
        assertEquals("valid: 0 error(s), 0 warning(s); 0 product(s) fully loaded\n", validation.out());

        Path out = dir.resolve("site");
        CliRun build = CliRun.of("build", "--repo", programme.toString(), "--out", out.toString(), "--as-of", "2026-11-24");
        assertEquals(0, build.status(), build.err());
        assertTrue(build.out().contains("for 0 products"), build.out());
        String emptyState = "No products yet: add the first one with ./servicedocs new-product ID, and every page "
                + "fills in as products are added. <a href=\"guides/editing.html\">How to add and edit a product</a>";
        String index = Files.readString(out.resolve("index.html"));
        assertTrue(index.contains(emptyState), "the matrix says how to start instead of an empty table");
        assertFalse(index.contains("<table id=\"matrix\""), "no empty matrix table");
        for (String page : List.of("readiness.html", "security.html", "teams.html")) {
            assertTrue(Files.readString(out.resolve(page)).contains("<p class=\"notice\">No products yet: "), page);
        }
        assertTrue(Files.readString(out.resolve("costs.html")).contains("Costs are not set up in this repository"));
        String items = Files.readString(out.resolve("standard/items.html"));
        assertTrue(items.contains("Backup and restore") && items.contains("Runbooks"), "the starter's items are shown");
        assertTrue(Files.readString(out.resolve("standard/phases.html")).contains("Proof of concept"));
        for (String guide : List.of("costs", "editing", "levels", "promotion")) {
            assertTrue(Files.isRegularFile(out.resolve("guides/" + guide + ".html")), guide);
        }
        assertEquals(List.of(), brokenLinks(out), "the starter's guides link only to pages and anchors that exist");
    }

    @Test
    void aNewProductInTheStarterValidatesWithOnlyItsPlaceholdersLeft() throws IOException {
        Path programme = dir.resolve("programme");
        assertEquals(0, CliRun.of("init", programme.toString(), "--from", HOME.toString(), "--no-git").status());
        assertFalse(Files.exists(programme.resolve(".git")), "--no-git");
        CliRun created = CliRun.of("new-product", "payments-api", "--repo", programme.toString(), "--team", "payments",
                "--as-of", "2026-11-24");
        assertEquals(0, created.status(), created.err());
        CliRun validation = CliRun.of("validate", "--repo", programme.toString(), "--as-of", "2026-11-24");
        assertTrue(validation.out().endsWith("valid: 0 error(s), 5 warning(s); 1 product(s) fully loaded\n"),
                validation.out());
        assertEquals(4, validation.out().split("\\[placeholder]\n", -1).length - 1, validation.out());
        // the starter requires admin MFA from the first phase on: a new product answers it "no" and must plan it
        assertTrue(validation.out().contains("security.yaml:4:3: warning: 'admin-mfa' is answered no but phase 'poc' "
                + "requires it for tier-3; add a plan (due) or a waiver [gap-without-plan]"), validation.out());
    }

    @Test
    void exampleIsTheCheckoutWithTheExampleCompany() throws IOException {
        Path programme = dir.resolve("example");
        CliRun run = CliRun.of("init", programme.toString(), "--from", HOME.toString(), "--example", "--no-git");
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains(", the example company.\n"), run.out());
        assertEquals(names(HOME.resolve("products")), names(programme.resolve("products")));
        assertEquals(Files.readString(HOME.resolve("standards/standard.yaml")),
                Files.readString(programme.resolve("standards/standard.yaml")));
        assertTrue(Files.isDirectory(programme.resolve("cost-data/aws")));

        CliRun here = CliRun.of("validate", "--repo", HOME.toString(), "--as-of", "2026-11-24");
        CliRun copy = CliRun.of("validate", "--repo", programme.toString(), "--as-of", "2026-11-24");
        assertEquals(here.status(), copy.status(), copy.out());
        assertEquals(lastLine(here.out()), lastLine(copy.out()));
        assertTrue(lastLine(copy.out()).startsWith("valid: 0 error(s), "), copy.out());
    }

    @Test
    void inPlaceTurnsAForkOfTheTemplateIntoWhatInitWrites() throws IOException {
        Path fork = dir.resolve("fork");
        assertEquals(0, CliRun.of("init", fork.toString(), "--from", HOME.toString(), "--example").status());
        Path fresh = dir.resolve("fresh");
        assertEquals(0, CliRun.of("init", fresh.toString(), "--from", fork.toString(), "--no-git").status());

        Files.writeString(fork.resolve("site.yaml"), "title: changed\n");
        CliRun dirty = CliRun.of("init", "--in-place", "--from", fork.toString());
        assertEquals(2, dirty.status());
        assertEquals("servicedocs: " + fork.toAbsolutePath().normalize() + " has uncommitted changes or untracked files; "
                + "commit or stash them first, so that git shows exactly what init changes. Nothing was changed.\n",
                dirty.err());
        assertTrue(Files.isDirectory(fork.resolve("products/data-api")), "nothing was removed");
        Files.copy(HOME.resolve("site.yaml"), fork.resolve("site.yaml"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        CliRun run = CliRun.of("init", "--in-place", "--from", fork.toString());
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().startsWith("Removed the example's "), run.out());
        assertTrue(run.out().contains(" and wrote the starter's 12: README.md, content/costs.adoc, content/editing.adoc, "
                + "content/levels.adoc, content/promotion.adoc, products/README.md, site.yaml, standards/costs.yaml.sample, "
                + "standards/phases.yaml, standards/quality-items.yaml, standards/security-checklist.yaml, "
                + "standards/standard.yaml.\n"), run.out());
        List<String> inPlace = relative(fork);
        assertEquals(relative(fresh), inPlace, "the same files as init DIR");
        for (String path : inPlace) {
            assertEquals(Files.readString(fresh.resolve(path)), Files.readString(fork.resolve(path)), path);
        }
        assertEquals("valid: 0 error(s), 0 warning(s); 0 product(s) fully loaded\n",
                CliRun.of("validate", "--repo", fork.toString(), "--as-of", "2026-11-24").out());

        CliRun both = CliRun.of("init", fresh.toString(), "--in-place", "--from", fork.toString());
        assertEquals(2, both.status());
        assertTrue(both.err().startsWith("servicedocs: give either DIR or --in-place, not both\n"), both.err());
    }

    @Test
    void refusesAFolderThatIsNotEmptyAndWritesNothing() throws IOException {
        Path programme = Files.createDirectory(dir.resolve("programme"));
        Files.writeString(programme.resolve("notes.txt"), "mine");
        CliRun run = CliRun.of("init", programme.toString(), "--from", HOME.toString());
        assertEquals(2, run.status());
        assertEquals("servicedocs: " + programme.toAbsolutePath().normalize()
                + " is not empty; give a new or empty folder. Nothing was written.\n", run.err());
        assertEquals(List.of("notes.txt"), names(programme));
        assertEquals(List.of("programme"), names(dir), "no staging folder left beside it");

        Path file = Files.writeString(dir.resolve("a-file"), "x");
        CliRun onFile = CliRun.of("init", file.toString(), "--from", HOME.toString());
        assertEquals(2, onFile.status());
        assertEquals("servicedocs: " + file.toAbsolutePath().normalize()
                + " exists and is not a folder; give a new or empty folder. Nothing was written.\n", onFile.err());
    }

    @Test
    void anEmptyFolderIsFilledAndAFolderThatIsNoCheckoutIsRefused() throws IOException {
        Path programme = Files.createDirectory(dir.resolve("empty"));
        assertEquals(0, CliRun.of("init", programme.toString(), "--from", HOME.toString(), "--no-git").status());
        assertTrue(Files.isRegularFile(programme.resolve("standards/standard.yaml")));
        // a checkout without git (a downloaded archive): every file but the build output is the tool
        Files.createDirectories(programme.resolve("target"));
        Files.writeString(programme.resolve("target/servicedocs.jar"), "built");
        Path again = dir.resolve("again");
        assertEquals(0, CliRun.of("init", again.toString(), "--from", programme.toString(), "--no-git").status());
        assertEquals(relative(programme).stream().filter(p -> !p.startsWith("target/")).toList(), relative(again));

        CliRun noCheckout = CliRun.of("init", dir.resolve("other").toString(), "--from", dir.resolve("empty/products").toString());
        assertEquals(2, noCheckout.status());
        assertTrue(noCheckout.err().endsWith(" is not a servicedocs checkout (no pom.xml and src/main there). "
                + "Nothing was written.\n"), noCheckout.err());
        assertFalse(Files.exists(dir.resolve("other")));

        CliRun noHome = CliRun.of("init", dir.resolve("other").toString());
        assertEquals(2, noHome.status());
        assertEquals("servicedocs: no servicedocs checkout to copy: run init through the ./servicedocs launcher "
                + "of a checkout, or give --from CHECKOUT\n", noHome.err());
    }

    @Test
    void theLauncherAndCiBuildWithTheMavenWrapper() throws IOException {
        String launcher = Files.readString(HOME.resolve("servicedocs"));
        assertTrue(launcher.contains("\"$here/mvnw\" -B -ntp"), "the launcher builds with the wrapper");
        assertFalse(launcher.contains("&& mvn "), "and not with an installed Maven");
        assertTrue(launcher.contains("-Dservicedocs.home=\"$here\""), "and tells init which checkout to copy");
        String ci = Files.readString(HOME.resolve(".ci/run"));
        assertTrue(ci.contains("\n./mvnw -B -ntp verify\n"), ci);
        assertFalse(ci.contains("need_install+=(maven)"), "Debian's Maven is not installed any more");
        assertTrue(ci.contains("need_install+=(unzip)"), "the wrapper's pinned checksum is the .zip's");
        assertTrue(Files.readString(HOME.resolve(".github/workflows/pull-request.yml")).contains("./mvnw -B -ntp verify"));
        assertTrue(Files.isExecutable(HOME.resolve("mvnw")));
        String wrapper = Files.readString(HOME.resolve(".mvn/wrapper/maven-wrapper.properties"));
        assertTrue(wrapper.contains("/apache-maven/3.9.16/apache-maven-3.9.16-bin.zip\n"), wrapper);
        assertTrue(wrapper.contains("\ndistributionSha256Sum=5af3b743dd8b876b5c45da33b676251e5f1687712644abb4ee519ca56e1d89ce"),
                wrapper);
    }

    private static final Pattern LINK = Pattern.compile("(?:href|src)=\"([^\"]*)\"");
    private static final Pattern ID = Pattern.compile("\\sid=\"([^\"]+)\"");

    /** Internal links of the site (href and src) whose file or anchor does not exist. */
    private static List<String> brokenLinks(Path site) throws IOException {
        List<String> broken = new ArrayList<>();
        for (Path page : files(site)) {
            if (!page.toString().endsWith(".html")) {
                continue;
            }
            Matcher link = LINK.matcher(Files.readString(page));
            while (link.find()) {
                String href = link.group(1).replace("&amp;", "&");
                if (href.isEmpty() || href.matches("^[a-zA-Z][a-zA-Z+.-]*:.*") || href.startsWith("//")) {
                    continue; // external
                }
                int hash = href.indexOf('#');
                String file = hash < 0 ? href : href.substring(0, hash);
                Path target = file.isEmpty() ? page : page.getParent().resolve(file).normalize();
                if (!target.startsWith(site) || !Files.isRegularFile(target)) {
                    broken.add(site.relativize(page) + " -> " + href + " (no such file)");
                } else if (hash >= 0 && hash < href.length() - 1 && target.toString().endsWith(".html")) {
                    Matcher id = ID.matcher(Files.readString(target));
                    List<String> ids = new ArrayList<>();
                    while (id.find()) {
                        ids.add(id.group(1));
                    }
                    if (!ids.contains(href.substring(hash + 1))) {
                        broken.add(site.relativize(page) + " -> " + href + " (no such anchor)");
                    }
                }
            }
        }
        return broken;
    }

    private static String lastLine(String output) {
        String[] lines = output.split("\n");
        return lines[lines.length - 1];
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** The files outside .git, relative and sorted. */
    private static List<String> relative(Path root) throws IOException {
        return files(root).stream().map(p -> root.relativize(p).toString()).toList();
    }

    /** Every file outside .git. */
    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).filter(p -> !root.relativize(p).startsWith(".git")).sorted().toList();
        }
    }

    /** A file's text, or "" for a binary file (images): those cannot name the example in words. */
    private static String text(Path file) throws IOException {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (CharacterCodingException e) {
            return "";
        }
    }
}
