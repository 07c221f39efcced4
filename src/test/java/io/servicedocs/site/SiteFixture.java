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
        TestRepositories.copySiteSources(repo);
        // the example site shows the measured SLOs (issue 16): its slo-data/ as well
        TestRepositories.copy(TestRepositories.EXAMPLE.resolve("slo-data"), repo.resolve("slo-data"));
        return repo;
    }

    public static CliAccess.Run build(Path repo, Path out) {
        return CliAccess.run("build", "--repo", repo.toString(), "--out", out.toString(), "--as-of", "2026-11-24");
    }
}
