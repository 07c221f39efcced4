package io.servicedocs.cli;

import io.servicedocs.cache.CacheFolder;
import io.servicedocs.load.ParsedFileCache;
import io.servicedocs.pipeline.BuildPipeline;
import io.servicedocs.pipeline.ValidatePipeline;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The --no-cache option of build and validate: the build cache of target/servicedocs-cache/. */
final class CacheOption {

    @Option(names = "--no-cache", description = "Neither read nor write the build cache ("
            + CacheFolder.LOCATION + "/ in the repository: parsed and validated files, and the last builds; "
            + "always safe to delete).")
    boolean noCache;

    Optional<CacheFolder> build(Path repositoryRoot) {
        return noCache ? Optional.empty() : BuildPipeline.cacheOf(repositoryRoot);
    }

    ParsedFileCache files(Path repositoryRoot) {
        return noCache ? ParsedFileCache.NONE : ValidatePipeline.fileCache(repositoryRoot);
    }
}
