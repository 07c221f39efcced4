package io.servicedocs.cli;

import io.servicedocs.model.Diagnostic;
import io.servicedocs.model.Standard;
import io.servicedocs.pipeline.NewProductPipeline;
import io.servicedocs.source.WorkingTreeSource;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
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

    /**
     * The repository's standard, for commands that write products under it; when it is not
     * valid, its diagnostics are printed to {@code err} and the result is empty.
     */
    Optional<Standard> standard(PrintWriter err) throws IOException {
        WorkingTreeSource source = source();
        NewProductPipeline.LoadedStandard loaded = NewProductPipeline.standard(source, today());
        if (loaded.standard().isEmpty()) {
            printInvalidStandard(loaded.diagnostics(), source, err);
        }
        return loaded.standard();
    }

    static void printInvalidStandard(List<Diagnostic> diagnostics, WorkingTreeSource source, PrintWriter err) {
        err.println("servicedocs: the standard in standards/ must be valid first:");
        DiagnosticFormat.TEXT.print(diagnostics, DisplayPath.of(source.root()), "invalid standard", err);
    }
}
