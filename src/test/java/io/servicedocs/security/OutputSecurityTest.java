package io.servicedocs.security;

import io.servicedocs.site.render.SitePublisher;

import static io.servicedocs.security.AttackRepository.assertNoSecretIn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.servicedocs.cli.CliAccess;
import io.servicedocs.site.render.OutputFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * --out: a site replaces its output folder whole, so the repository, a folder holding it, .git,
 * /, the home folder and someone else's folder are refused, untouched; leftovers of killed builds
 * are removed by the next one, but never those of a build still running.
 */
class OutputSecurityTest {

    @TempDir
    Path dir;

    @Test
    void theRepositoryAFolderHoldingItAndGitAreRefusedUntouched() throws Exception {
        try (AttackRepository attack = AttackRepository.create(dir)) {
            Path repo = attack.root();
            Path linkToRepo = attack.outside("links").resolve("repo-link");
            Files.createSymbolicLink(linkToRepo, repo);
            Map<String, String> refusals = new java.util.LinkedHashMap<>();
            refusals.put(repo.toString(), "it is the repository itself");
            refusals.put(repo + "/../repo", "it is the repository itself");
            refusals.put(repo + "/products/..", "it is the repository itself");
            refusals.put(linkToRepo.toString(), "it is the repository itself");
            refusals.put(dir.toString(), "it contains the repository");
            refusals.put(linkToRepo + "/..", "it contains the repository"); // .. of the link's target
            refusals.put(repo.resolve(".git").toString(), "it is inside the repository's git folder");
            refusals.put(repo.resolve(".git/objects").toString(), "it is inside the repository's git folder");
            refusals.put(repo.resolve(".git/site").toString(), "it is inside the repository's git folder");
            refusals.put(linkToRepo.resolve(".git/hooks").toString(), "it is inside the repository's git folder");
            refusals.put(repo.resolve("products").toString(), "it already holds files that servicedocs did not write");
            refusals.put(repo.resolve("site.yaml").toString(), "it is a file, not a folder");

            Map<String, String> before = snapshot(dir);
            for (var refusal : refusals.entrySet()) {
                for (String command : List.of("build", "serve")) {
                    CliAccess.Run run = run(attack, command, refusal.getKey());
                    assertRefused(run, refusal.getKey(), refusal.getValue());
                }
            }
            // --force does not open the repository, .git or a folder holding them
            CliAccess.Run forced = attack.build(repo, "--force");
            assertRefused(forced, repo.toString(), "it is the repository itself");
            forced = attack.build(repo.resolve(".git"), "--force");
            assertRefused(forced, repo.resolve(".git").toString(), "it is inside the repository's git folder");
            assertEquals(before, snapshot(dir), "nothing was written, moved or deleted");
        }
    }

    @Test
    void theRootAndTheHomeFolderAreRefusedUntouched() throws Exception {
        try (AttackRepository attack = AttackRepository.create(dir)) {
            Path fakeHome = attack.outside("home");
            Files.writeString(fakeHome.resolve(".bashrc"), "export PATH\n");
            Files.createDirectories(fakeHome.resolve(".ssh"));
            Files.writeString(fakeHome.resolve(".ssh/id_ed25519"), "private\n");
            Path homeLink = attack.outside("links").resolve("home-link");
            Files.createSymbolicLink(homeLink, fakeHome);
            List<String> rootBefore = names(Path.of("/"));
            Map<String, String> homeBefore = snapshot(fakeHome);
            // never the real home folder: a regression would replace it
            String realHome = System.getProperty("user.home");
            System.setProperty("user.home", fakeHome.toString());
            try {
                for (String command : List.of("build", "serve")) {
                    assertRefused(run(attack, command, "/"), "/", "it is the root of the file system");
                    assertRefused(run(attack, command, "/", "--force"), "/", "it is the root of the file system");
                    assertRefused(run(attack, command, fakeHome.toString()), fakeHome.toString(), "it is the home folder");
                    assertRefused(run(attack, command, fakeHome.toString(), "--force"), fakeHome.toString(),
                            "it is the home folder");
                    assertRefused(run(attack, command, homeLink.toString()), homeLink.toString(), "it is the home folder");
                    assertRefused(run(attack, command, fakeHome.getParent().toString()), fakeHome.getParent().toString(),
                            "it contains the home folder");
                }
            } finally {
                System.setProperty("user.home", realHome);
            }
            assertEquals(rootBefore, names(Path.of("/")));
            assertEquals(homeBefore, snapshot(fakeHome));
        }
    }

    @Test
    void aFolderOfSomeoneElseNeedsForceAndAnEmptyOrOwnFolderDoesNot() throws Exception {
        try (AttackRepository attack = AttackRepository.create(dir)) {
            Path docs = attack.outside("docs");
            Files.writeString(docs.resolve("notes.txt"), "my notes\n");
            Map<String, String> before = snapshot(docs.getParent());
            CliAccess.Run refused = attack.build(docs);
            assertRefused(refused, docs.toString(), "it already holds files that servicedocs did not write (there is no "
                    + ".servicedocs-site in it); choose a new or empty folder, or pass --force");
            assertEquals(before, snapshot(docs.getParent()));

            CliAccess.Run forced = attack.build(docs, "--force");
            assertEquals(0, forced.status(), forced.err());
            assertFalse(Files.exists(docs.resolve("notes.txt")), "--force replaces the folder");
            assertTrue(Files.readString(docs.resolve(OutputFolder.MARKER)).contains("written by servicedocs"));
            assertTrue(forced.out().startsWith("Built "), forced.out());
            assertNoSecretIn(docs);
            assertNoSecretIn(forced);

            CliAccess.Run again = attack.build(docs); // our own site: no --force needed
            assertEquals(0, again.status(), again.err());
            assertTrue(Files.isRegularFile(docs.resolve("index.html")));

            Path empty = attack.outside("empty");
            CliAccess.Run intoEmpty = attack.build(empty);
            assertEquals(0, intoEmpty.status(), intoEmpty.err());
            assertTrue(OutputFolder.isSite(empty));
        }
    }

    @Test
    void theDefaultTargetSiteIsReplacedButNotThroughALinkOutOfTheRepository() throws Exception {
        try (AttackRepository attack = AttackRepository.create(dir)) {
            Path repo = attack.root();
            // a site of an older servicedocs, without the marker
            Files.createDirectories(repo.resolve("target/site"));
            Files.writeString(repo.resolve("target/site/index.html"), "old\n");
            CliAccess.Run run = CliAccess.run("build", "--repo", repo.toString(), "--as-of", AttackRepository.AS_OF.toString());
            assertEquals(0, run.status(), run.err());
            assertTrue(OutputFolder.isSite(repo.resolve("target/site")));
            assertNoSecretIn(repo.resolve("target/site"));

            // the pull request makes target/ a link to a folder of the build machine
            Path victim = attack.outside("victim");
            Files.createDirectories(victim.resolve("site"));
            Files.writeString(victim.resolve("site/important.txt"), "keep me\n");
            io.servicedocs.site.render.SitePublisher.deleteTree(repo.resolve("target"));
            attack.link("target", victim);
            Map<String, String> before = snapshot(victim);
            for (String command : List.of("build", "serve")) {
                CliAccess.Run linked = command.equals("serve")
                        ? CliAccess.run(command, "--repo", repo.toString(), "--port", "0", "--as-of", AttackRepository.AS_OF.toString())
                        : CliAccess.run(command, "--repo", repo.toString(), "--as-of", AttackRepository.AS_OF.toString());
                assertRefused(linked, "the output folder " + repo.resolve("target/site"), "it already holds files that servicedocs did not write");
            }
            assertEquals(before, snapshot(victim));

            // ... or into .git
            Files.delete(repo.resolve("target"));
            attack.link("target", repo.resolve(".git"));
            Map<String, String> git = snapshot(repo.resolve(".git"));
            CliAccess.Run intoGit = CliAccess.run("build", "--repo", repo.toString(), "--as-of", AttackRepository.AS_OF.toString());
            assertRefused(intoGit, "the output folder " + repo.resolve("target/site"), "it is inside the repository's git folder");
            assertEquals(git, snapshot(repo.resolve(".git")));
        }
    }

    @Test
    void leftoversOfKilledBuildsAreRemovedButNotThoseOfARunningBuild() throws Exception {
        try (AttackRepository attack = AttackRepository.create(dir)) {
            Path parent = attack.outside("leftovers");
            Path out = parent.resolve("site");
            long dead = deadPid();
            ProcessHandle self = ProcessHandle.current();
            long selfStart = self.info().startInstant().map(Instant::toEpochMilli).orElseThrow();
            Path killedBuild = stale(parent, ".site.building-" + dead + "-1700000000000-k1");
            Path killedPublish = stale(parent, ".site.previous-" + dead + "-1700000000000-k2");
            Path reusedPid = stale(parent, ".site.building-" + self.pid() + "-" + (selfStart - 3_600_000) + "-k3");
            Path running = stale(parent, ".site.building-" + self.pid() + "-" + selfStart + "-live");
            Path otherOutput = stale(parent, ".docs.building-" + dead + "-1700000000000-k4");
            Path unrelated = stale(parent, ".site.building-notes");

            CliAccess.Run run = attack.build(out);
            assertEquals(0, run.status(), run.err());
            for (Path gone : List.of(killedBuild, killedPublish, reusedPid)) {
                assertFalse(Files.exists(gone, LinkOption.NOFOLLOW_LINKS), gone + " is removed");
            }
            for (Path kept : List.of(running, otherOutput, unrelated)) {
                assertTrue(Files.isRegularFile(kept.resolve("page.html")), kept + " is kept");
            }
            try (Stream<Path> siblings = Files.list(parent)) {
                assertEquals(List.of(".docs.building-" + dead + "-1700000000000-k4", ".site.building-" + self.pid() + "-"
                        + selfStart + "-live", ".site.building-notes", "site"),
                        siblings.map(p -> p.getFileName().toString()).sorted().toList(), "no folder of this build is left");
            }
            assertNoSecretIn(parent);
        }
    }

    private static CliAccess.Run run(AttackRepository attack, String command, String out, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of(command, "--repo", attack.root().toString(), "--out", out,
                "--as-of", AttackRepository.AS_OF.toString()));
        if (command.equals("serve")) {
            args.addAll(List.of("--port", "0"));
        }
        args.addAll(List.of(more));
        return CliAccess.run(args.toArray(String[]::new));
    }

    private static void assertRefused(CliAccess.Run run, String folder, String why) {
        assertEquals(2, run.status(), "refused with exit status 2: " + run.out() + run.err());
        String shown = folder.startsWith("the output folder ") ? folder : "--out " + folder;
        assertTrue(run.err().contains(shown + ": refused, " + why), run.err());
        assertEquals("", run.out());
        assertNoSecretIn(run);
    }

    /** A process id that is no longer running. */
    static long deadPid() throws IOException, InterruptedException {
        Process process = new ProcessBuilder("sh", "-c", "exit 0").start();
        process.waitFor();
        long pid = process.pid();
        while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            Thread.sleep(10);
        }
        return pid;
    }

    private static Path stale(Path parent, String name) throws IOException {
        Path folder = Files.createDirectories(parent.resolve(name));
        Files.writeString(folder.resolve("page.html"), "<p>half a site</p>\n");
        return folder;
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** Every path under {@code folder} with its kind and contents (links not followed). */
    static Map<String, String> snapshot(Path folder) throws IOException {
        Map<String, String> all = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                String key = folder.relativize(p).toString();
                if (Files.isSymbolicLink(p)) {
                    all.put(key, "link to " + Files.readSymbolicLink(p));
                } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    all.put(key, "folder");
                } else {
                    all.put(key, sha256(Files.readAllBytes(p)) + " " + Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS));
                }
            }
        }
        return all;
    }

    private static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
