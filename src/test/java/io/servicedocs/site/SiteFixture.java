package io.servicedocs.site;

import io.servicedocs.TestRepositories;
import io.servicedocs.cli.CliAccess;
import java.io.IOException;
import java.nio.file.Path;

/** A copy of the example repository with its site sources, to build and to break. */
public final class SiteFixture {

    private SiteFixture() {
    }

    public static Path exampleWithSite(Path dir) throws IOException {
        Path repo = TestRepositories.exampleCopy(dir);
        TestRepositories.copySiteSources(repo); // exampleCopy brings slo-data/: the site shows the measured SLOs
        return repo;
    }

    /**
     * Every product's full record of a built site's export, in the index's order: api/products.json
     * names each product's file (api/products/&lt;id&gt;.json), whose "product" is the record.
     */
    public static tools.jackson.databind.node.ArrayNode exportedProducts(Path site) throws IOException {
        tools.jackson.databind.json.JsonMapper json = tools.jackson.databind.json.JsonMapper.builder().build();
        tools.jackson.databind.JsonNode index = json.readTree(java.nio.file.Files.readString(site.resolve("api/products.json")));
        tools.jackson.databind.node.ArrayNode records = json.createArrayNode();
        for (tools.jackson.databind.JsonNode entry : index.get("products")) {
            records.add(json.readTree(java.nio.file.Files.readString(site.resolve(entry.get("file").asString())))
                    .get("product"));
        }
        return records;
    }

    /**
     * The example with its site sources and the site built from it (as of 2026-11-24), and what the
     * build wrote to its error stream (warnings): read it, never change it.
     */
    public record BuiltExample(Path repo, Path site, String buildErrors) {

        /** A page of the built site, parsed. */
        public org.jsoup.nodes.Document page(String path) throws IOException {
            return org.jsoup.Jsoup.parse(java.nio.file.Files.readString(site.resolve(path)));
        }
    }

    /**
     * The example built once per test JVM for the classes that only read its pages (each used to
     * copy and build the same example in its own {@code @BeforeAll}). Deleted when the JVM ends.
     */
    public static BuiltExample builtExample() {
        return SharedExample.EXAMPLE;
    }

    /**
     * The example with {@code language: ja} in its site.yaml (only that line: its
     * {@code default_language}, the language of its plain texts and guides, stays English), built
     * once per test JVM for the classes that only read the Japanese site (three classes each built
     * the same one). Deleted when the JVM ends.
     */
    public static BuiltExample builtJapaneseExample() {
        return SharedJapaneseExample.EXAMPLE;
    }

    private static final class SharedJapaneseExample {
        static final BuiltExample EXAMPLE = SharedExample.buildOnce("servicedocs-example-site-ja", repo -> {
            Path siteYaml = repo.resolve("site.yaml");
            String text = java.nio.file.Files.readString(siteYaml);
            if (!text.contains("\nlanguage: en\n")) {
                throw new AssertionError("the example's site.yaml has no line 'language: en':\n" + text);
            }
            java.nio.file.Files.writeString(siteYaml, text.replace("\nlanguage: en\n", "\nlanguage: ja\n"));
        });
    }

    /** A change made to the copy of the example before it is built. */
    private interface RepositoryChange {
        void apply(Path repo) throws IOException;
    }

    private static final class SharedExample {
        static final BuiltExample EXAMPLE = buildOnce("servicedocs-example-site", repo -> { });

        static BuiltExample buildOnce(String name, RepositoryChange change) {
            try {
                Path dir = java.nio.file.Files.createTempDirectory(name);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(dir)));
                Path repo = exampleWithSite(dir);
                change.apply(repo);
                Path site = dir.resolve("site");
                CliAccess.Run run = build(repo, site);
                if (run.status() != 0) {
                    throw new AssertionError("the example did not build: " + run.err());
                }
                return new BuiltExample(repo, site, run.err());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        private static void deleteQuietly(Path dir) {
            try (var paths = java.nio.file.Files.walk(dir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException | RuntimeException e) {
                // a temporary folder left behind is no failure of the tests
            }
        }
    }

    public static CliAccess.Run build(Path repo, Path out) {
        return CliAccess.run("build", "--repo", repo.toString(), "--out", out.toString(), "--as-of", "2026-11-24");
    }
}
