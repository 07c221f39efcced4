package io.servicedocs.cli;

import io.servicedocs.source.WorkingTreeSource;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import picocli.CommandLine.Option;

/** Options every command that reads a repository shares. */
final class RepositoryOptions {

    @Option(names = "--repo", paramLabel = "DIR", defaultValue = ".",
            description = "The servicedocs repository to read (default: the current folder).")
    Path repo;

    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD",
            description = "Judge expiry, staleness and future dates as of this day (default: today).")
    LocalDate asOf;

    LocalDate today() {
        return asOf != null ? asOf : LocalDate.now();
    }

    WorkingTreeSource source() throws IOException {
        return new WorkingTreeSource(repo);
    }
}
