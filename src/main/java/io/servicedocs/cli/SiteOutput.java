package io.servicedocs.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where build and serve write the site. */
final class SiteOutput {

    @Option(names = "--out", paramLabel = "DIR", description = "Where the site goes (default: target/site in the repository).")
    Path out;

    Path resolve(Path repositoryRoot) {
        return out != null ? out.toAbsolutePath() : repositoryRoot.resolve("target/site");
    }
}
