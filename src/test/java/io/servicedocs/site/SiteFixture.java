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

    public static CliAccess.Run build(Path repo, Path out) {
        return CliAccess.run("build", "--repo", repo.toString(), "--out", out.toString(), "--as-of", "2026-11-24");
    }
}
