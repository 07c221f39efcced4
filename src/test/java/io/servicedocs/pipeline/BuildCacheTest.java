package io.servicedocs.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.servicedocs.TestRepositories;
import io.servicedocs.cache.CacheFolder;
import io.servicedocs.cache.ToolIdentity;
import io.servicedocs.site.SiteFixture;
import io.servicedocs.source.WorkingTreeSource;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A build with the cache: the same inputs into an untouched output give the same outcome without
 * building again, and the site of any cached build is byte for byte the site of a build without
 * cache, including after a change to one product (its page and the pages that list it change).
 */
class BuildCacheTest {

    private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final ToolIdentity TOOL = ToolIdentity.of("test", new byte[] {1}, new byte[] {2});

    private static BuildPipeline.Outcome build(Path repo, Path out, boolean cached, StringWriter timing) throws IOException {
        Optional<CacheFolder> cache = cached ? CacheFolder.open(repo, TOOL, SECRET) : Optional.empty();
        assertEquals(cached, cache.isPresent());
        return new BuildPipeline(new StageTimer(true, new PrintWriter(timing, true)), cache)
                .run(new WorkingTreeSource(repo), out, TestRepositories.AS_OF);
    }

    private static Map<String, byte[]> files(Path site) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(site)) {
            for (Path file : paths.filter(Files::isRegularFile).toList()) {
                files.put(site.relativize(file).toString(), Files.readAllBytes(file));
            }
        }
        return files;
    }

    private static void assertSameSite(Path expected, Path actual) throws IOException {
        Map<String, byte[]> want = files(expected);
        Map<String, byte[]> got = files(actual);
        assertEquals(want.keySet(), got.keySet());
        want.forEach((path, bytes) -> assertArrayEquals(bytes, got.get(path), path));
    }

    private static Object fileKey(Path file) throws IOException {
        Object key = Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
        assertNotNull(key, "this file system tells files apart");
        return key;
    }

    @Test
    void anUnchangedBuildIsNotDoneAgainAndEveryCachedSiteIsTheUncachedOne(@TempDir Path dir) throws IOException {
        Path repo = SiteFixture.exampleWithSite(dir);
        Path out = dir.resolve("site");
        Path reference = dir.resolve("reference");

        StringWriter cold = new StringWriter();
        BuildPipeline.Outcome first = build(repo, out, true, cold);
        assertTrue(first.built(), first.failure().toString());
        assertTrue(cold.toString().contains("stage render"), cold.toString());
        assertTrue(cold.toString().contains("servicedocs timing: pages reused 0\n"), cold.toString());
        assertTrue(build(repo, reference, false, new StringWriter()).built());
        assertSameSite(reference, out);

        // nothing changed: the outcome again, with its warnings, and no stage but the key ran
        Map<String, byte[]> before = files(out);
        long modified = Files.getLastModifiedTime(out.resolve("index.html")).toMillis();
        StringWriter warm = new StringWriter();
        BuildPipeline.Outcome second = build(repo, out, true, warm);
        assertEquals(first, second);
        assertEquals(0, warm.toString().lines().filter(l -> !l.contains(" cache-key")).count(), warm.toString());
        assertEquals(modified, Files.getLastModifiedTime(out.resolve("index.html")).toMillis());
        assertEquals(before.keySet(), files(out).keySet());

        // one product changes: a full build (its files parsed again, the others from the cache)
        Path doc = repo.resolve("products/data-api/service-doc.yaml");
        String text = Files.readString(doc);
        String name = text.lines().filter(l -> l.startsWith("name: ")).findFirst().orElseThrow();
        Files.writeString(doc, text.replace(name, "name: Data API renamed"));
        Object keptFile = fileKey(out.resolve("products/legacy-gateway.html"));
        Object renderedFile = fileKey(out.resolve("products/data-api.html"));
        StringWriter changed = new StringWriter();
        assertTrue(build(repo, out, true, changed).built());
        // a page reused is the published file itself, linked into the new site, not a copy; the
        // old site is gone, so it has no other link left
        assertEquals(keptFile, fileKey(out.resolve("products/legacy-gateway.html")));
        assertEquals(1, Files.getAttribute(out.resolve("products/legacy-gateway.html"), "unix:nlink"));
        assertNotEquals(renderedFile, fileKey(out.resolve("products/data-api.html")));
        assertTrue(changed.toString().contains("stage render"), changed.toString());
        // of the 9 product pages, data-api's and those of the two products that depend on it
        // (factory-monitor, smart-agri: their pages name it) are rendered, the 6 others copied, and
        // so are the exports (api/products/<id>.json) of the same 6; the security and readiness
        // pages list data-api, so they are rendered
        assertTrue(changed.toString().contains("servicedocs timing: pages reused 12\n"), changed.toString());
        assertTrue(build(repo, reference, false, new StringWriter()).built());
        assertSameSite(reference, out);
        Map<String, byte[]> after = files(out);
        for (String page : new String[] {"products/data-api.html", "index.html"}) {
            assertNotEquals(new String(before.get(page), StandardCharsets.UTF_8), new String(after.get(page), StandardCharsets.UTF_8), page);
            assertTrue(new String(after.get(page), StandardCharsets.UTF_8).contains("Data API renamed"), page);
        }

        // a published product page and export written over by hand (the same bytes again: a new stamp): rendered, not copied
        Files.write(out.resolve("products/data-api.html"), Files.readAllBytes(out.resolve("products/data-api.html")));
        Files.writeString(out.resolve("products/smart-agri.html"), "edited by hand");
        Files.writeString(out.resolve("api/products/legacy-gateway.json"), "{}");
        StringWriter edited = new StringWriter();
        assertTrue(build(repo, out, true, edited).built());
        // the 7 other product pages, the 8 other exports, and the pages of the security matrix and
        // of readiness (their models are the last build's) are copied
        assertTrue(edited.toString().contains("servicedocs timing: pages reused 17\n"), edited.toString());
        assertSameSite(reference, out);

        // the output touched by hand: built again, not trusted
        Files.delete(out.resolve("index.html"));
        StringWriter touched = new StringWriter();
        assertTrue(build(repo, out, true, touched).built());
        assertTrue(touched.toString().contains("stage render"), touched.toString());
        // every product page and export copied, and the security and readiness pages
        assertTrue(touched.toString().contains("servicedocs timing: pages reused 20\n"), touched.toString());
        assertSameSite(reference, out);
    }

    /**
     * The key reads a linked file only when the link leads to a file of the repository: one that
     * leads outside (a pull request may add it, pointing at a file that blocks when read, such as
     * /proc/kmsg) is named in the key with its target, never opened. A link to a file inside is read.
     */
    @Test
    void theKeyNeverReadsAFileALinkLeadsToOutsideTheRepository(@TempDir Path dir) throws IOException {
        Path repo = SiteFixture.exampleWithSite(dir);
        Path outside = Files.writeString(dir.resolve("outside.txt"), "not the repository's\n");
        Files.createSymbolicLink(repo.resolve("notes-outside.txt"), outside);
        Files.createSymbolicLink(repo.resolve("notes-inside.txt"), repo.resolve("site.yaml"));
        long files;
        try (Stream<Path> paths = Files.walk(repo)) {
            files = paths.filter(p -> !p.startsWith(repo.resolve("target")) && !p.startsWith(repo.resolve(".git")))
                    .filter(p -> Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)).count();
        }
        StringWriter timing = new StringWriter();
        build(repo, dir.resolve("site"), true, timing);
        // every regular file, and the link to site.yaml; not the link to outside.txt
        assertTrue(timing.toString().contains("servicedocs timing: cache-key files read " + (files + 1) + "\n"),
                files + " files: " + timing);
    }

    /**
     * A file changed after the walk took the repository's stamp, while the build and the key read
     * the files: the site is published, but not remembered under the key, since it may hold some of
     * both states. The next build runs again and shows the file as it is now. Both ways a key is
     * made: hashed beside the build (no site published yet in that folder, so none to give again)
     * and before it (a site there).
     */
    @Test
    void aFileChangedWhileTheBuildRunsIsNotRemembered(@TempDir Path dir) throws IOException {
        Path repo = SiteFixture.exampleWithSite(dir);
        Path doc = repo.resolve("products/data-api/service-doc.yaml");
        String text = Files.readString(doc);
        String name = text.lines().filter(l -> l.startsWith("name: ")).findFirst().orElseThrow();
        Path out = dir.resolve("site");
        for (String renamed : List.of("Data API edited during the first build", "Data API edited during the second")) {
            // the timer's line for the walk is written (and flushed) after the walk, before anything reads a file
            StringWriter during = new StringWriter() {
                private boolean edited;

                @Override
                public void flush() {
                    if (!edited && toString().contains("stage cache-key walk")) {
                        edited = true;
                        try {
                            Files.writeString(doc, text.replace(name, "name: " + renamed));
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }
                }
            };
            assertTrue(build(repo, out, true, during).built());
            assertTrue(Files.readString(doc).contains(renamed), "edited during the build: " + during);

            StringWriter next = new StringWriter();
            assertTrue(build(repo, out, true, next).built());
            assertTrue(next.toString().contains("stage render"), "not given again: " + next);
            assertTrue(Files.readString(out.resolve("products/data-api.html")).contains(renamed), renamed);

            StringWriter again = new StringWriter();
            assertTrue(build(repo, out, true, again).built());
            assertFalse(again.toString().contains("stage render"), "a build of unchanged files is remembered: " + again);
        }
    }

    /**
     * The key reads a file again only when its stamp (size, time, inode, change time) is not the
     * one its digest was taken with: none at a build with nothing changed; one after one file is
     * rewritten in place to the same size and given back its exact modification time (as tar or
     * cp -p would), since its change time moved; and a file that has not settled (here: dated in
     * the future) is read at every build, its digest never kept.
     */
    @Test
    void theKeyReadsOnlyFilesWhoseStampChangedOrHasNotSettled(@TempDir Path dir) throws Exception {
        Path repo = SiteFixture.exampleWithSite(dir);
        Path out = dir.resolve("site");
        java.nio.file.attribute.FileTime hourAgo = java.nio.file.attribute.FileTime.from(
                java.time.Instant.now().minus(java.time.Duration.ofHours(1)));
        long files;
        try (Stream<Path> paths = Files.walk(repo)) {
            List<Path> all = paths.filter(p -> !p.startsWith(repo.resolve("target")) && !p.startsWith(repo.resolve(".git")))
                    .filter(Files::isRegularFile).toList();
            for (Path file : all) {
                Files.setLastModifiedTime(file, hourAgo);
            }
            files = all.size();
        }
        // setting the times changed the files' change times: they settle after FileStamp.SETTLED
        Thread.sleep(io.servicedocs.cache.FileStamp.SETTLED.toMillis() + 200);
        StringWriter cold = new StringWriter();
        assertTrue(build(repo, out, true, cold).built());
        assertTrue(cold.toString().contains("servicedocs timing: cache-key files read " + files + "\n"), cold.toString());

        StringWriter warm = new StringWriter();
        assertTrue(build(repo, out, true, warm).built());
        assertTrue(warm.toString().contains("servicedocs timing: cache-key files read 0\n"), warm.toString());
        assertFalse(warm.toString().contains("stage render"), warm.toString());

        // one file rewritten in place (same inode), to the same size, and given back its exact time
        Path doc = repo.resolve("products/data-api/service-doc.yaml");
        String text = Files.readString(doc);
        String name = text.lines().filter(l -> l.startsWith("name: ")).findFirst().orElseThrow();
        String renamed = name.substring(0, name.length() - 1) + (name.endsWith("X") ? "Y" : "X");
        Object inode = Files.readAttributes(doc, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
        Files.writeString(doc, text.replace(name, renamed));
        Files.setLastModifiedTime(doc, hourAgo);
        assertEquals(inode, Files.readAttributes(doc, java.nio.file.attribute.BasicFileAttributes.class).fileKey());
        assertEquals(hourAgo, Files.getLastModifiedTime(doc));
        StringWriter changed = new StringWriter();
        assertTrue(build(repo, out, true, changed).built());
        assertTrue(changed.toString().contains("servicedocs timing: cache-key files read 1\n"), changed.toString());
        assertTrue(changed.toString().contains("stage render"), changed.toString());
        assertTrue(Files.readString(out.resolve("products/data-api.html")).contains(renamed.substring("name: ".length())));

        // a file dated in the future has not settled: read at this build and the next, though unchanged
        Files.setLastModifiedTime(doc, java.nio.file.attribute.FileTime.from(
                java.time.Instant.now().plus(java.time.Duration.ofHours(1))));
        for (int i = 0; i < 2; i++) {
            StringWriter unsettled = new StringWriter();
            assertTrue(build(repo, out, true, unsettled).built());
            assertTrue(unsettled.toString().contains("servicedocs timing: cache-key files read 1\n"), unsettled.toString());
        }
    }
}
