package io.servicedocs.cli;

import io.servicedocs.site.render.OutputFolder;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where build and serve write the site. */
final class SiteOutput {

    @Option(names = "--out", paramLabel = "DIR", description = "Where the site goes (default: target/site in the repository).")
    Path out;

    @Option(names = "--force", description = "Replace --out even when it holds files that servicedocs did not write.")
    boolean force;

    /**
     * The folder the site replaces, as a real path, after checking that it may be replaced.
     *
     * @throws OutputFolder.RefusedException (exit status 2) when it is the repository, a folder
     *                                       holding it, inside .git, the home folder, / or someone else's files
     */
    Path resolve(Path repositoryRoot) throws IOException {
        boolean isDefault = out == null;
        Path requested = isDefault ? repositoryRoot.resolve("target/site") : out.toAbsolutePath();
        return OutputFolder.check(requested, repositoryRoot, force, isDefault);
    }
}
