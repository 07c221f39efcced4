package io.servicedocs.cli;

import io.servicedocs.cost.data.CostDataStore.Outcome;
import io.servicedocs.cost.data.FocusMonths;
import io.servicedocs.cost.data.FocusMonths.WithoutSubAccount;
import io.servicedocs.cost.duckdb.DuckDbFocusReader;
import io.servicedocs.cost.focus.FocusError;
import io.servicedocs.cost.focus.FocusImporter;
import io.servicedocs.cost.focus.FocusReader;
import io.servicedocs.pipeline.CostsImportPipeline;
import io.servicedocs.source.WorkingTreeSource;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Imports FOCUS 1.0-1.2 cost and usage files: CSV, gzip-compressed CSV or Parquet,",
                "single files or export folders (AWS Data Exports, Azure cost exports).",
                "FOCUS is exported by AWS Data Exports, Azure (FocusCost), Google Cloud,",
                "Oracle and SaaS vendors. Writes cost-data/<source>/<YYYY-MM>.yaml with",
                "the EffectiveCost of each sub-account per month. Files of the same month",
                "are added up. Every row needs a SubAccountId: rows without one are an",
                "error unless --without-sub-account=skip. With --tag-key, each sub-account's",
                "cost is split by the value of that tag in the Tags column (a file without",
                "that column is read without the tag, with a note).",
                "Exit status: 0 written or unchanged; 1 a file cannot be read or mapped,",
                "a final month refused or a cost-data file unreadable (nothing written);",
                "2 usage problems."})
final class CostsImportCommand implements Callable<Integer> {

    @Mixin
    RepositoryOptions repository;

    @Mixin
    CostsWriteOptions writing;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "FOCUS files (CSV in UTF-8, .csv.gz, Parquet) or "
            + "export folders: AWS Data Exports (<export>/data/BILLING_PERIOD=YYYY-MM/ with their manifests) or Azure "
            + "cost exports (run folders with manifest.json).")
    List<Path> files;

    // FOCUS DuckDB engine (issue 14, c14b)
    @Option(names = "--engine", paramLabel = "ENGINE", defaultValue = "duckdb", converter = EngineConverter.class,
            description = "How files are read: 'duckdb' (default: DuckDB embedded, CSV, gzip CSV, Parquet and export "
                    + "folders, summed in SQL so memory does not grow with the file) or 'java' (the Java CSV reader: "
                    + "CSV and gzip CSV files only).")
    Engine engine;

    /** The reading engines of files and folders. */
    enum Engine {
        DUCKDB, JAVA;

        FocusReader reader() {
            return this == DUCKDB ? new DuckDbFocusReader() : new FocusImporter();
        }
    }

    static final class EngineConverter implements ITypeConverter<Engine> {
        @Override
        public Engine convert(String value) {
            try {
                return Engine.valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("'" + value + "' is not an engine; expected duckdb or java");
            }
        }
    }
    // end FOCUS DuckDB engine

    @Option(names = "--source", paramLabel = "ID",
            description = "The source id, the folder under cost-data/ (e.g. azure). Default: from ProviderName "
                    + "when every row has the same (Microsoft -> azure, Google Cloud -> gcp, AWS -> aws, "
                    + "Oracle -> oci, a SaaS vendor -> its name in lowercase with hyphens).")
    String source;

    @Option(names = "--without-sub-account", paramLabel = "POLICY", defaultValue = "error",
            converter = WithoutSubAccountConverter.class,
            description = "Rows without SubAccountId cannot be attributed to a product: 'error' (default) refuses "
                    + "the import; 'skip' leaves them out and lists each left-out amount.")
    WithoutSubAccount withoutSubAccount;

    @Option(names = "--tag-key", paramLabel = "KEY",
            description = "Also group by this tag of the Tags column: one line per sub-account and tag value (the "
                    + "empty value for rows without the tag), so that a Service Doc can claim a tagged part. A file "
                    + "without a Tags column is read without the tag (a note says so).")
    String tagKey;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (source != null && !FocusMonths.isValidSource(source)) {
            throw new UsageException("--source '" + source + "' is not a valid id; expected lowercase letters, "
                    + "digits and hyphens, starting with a letter, e.g. azure");
        }
        if (tagKey != null && tagKey.isBlank()) {
            throw new UsageException("--tag-key is blank; give the tag's key, e.g. --tag-key application");
        }
        Map<Path, Path> seen = new HashMap<>();
        for (Path file : files) {
            Path key = Files.exists(file) ? file.toRealPath() : file.toAbsolutePath().normalize();
            Path previous = seen.putIfAbsent(key, file);
            if (previous != null) {
                throw new UsageException(file + " is given twice (also as " + previous + "); each file's "
                        + "costs would be counted twice");
            }
        }
        WorkingTreeSource tree = CostsWriteOptions.repository(repository);
        UnaryOperator<String> displayPath = DisplayPath.of(tree.root());
        CostsImportPipeline.Result result = new CostsImportPipeline(engine.reader()).run(new CostsImportPipeline.Request(tree.root(),
                files, Optional.ofNullable(source), withoutSubAccount, Optional.ofNullable(tagKey),
                writing.acceptFinalChanges, writing.clock(), writing.today(repository)));
        if (result instanceof CostsImportPipeline.Unread unread) {
            printReads(unread.files(), err);
            err.println("servicedocs: " + unread.failed() + " of " + files.size() + " file(s) cannot be imported; "
                    + "nothing was written");
            return 1;
        }
        if (result instanceof CostsImportPipeline.NoSource noSource) {
            printReads(noSource.files(), err);
            throw new UsageException("cannot tell the source from ProviderName " + noSource.providerNames()
                    + "; give it with --source ID (e.g. --source azure)");
        }
        if (result instanceof CostsImportPipeline.Unmapped unmapped) {
            printReads(unmapped.files(), err);
            unmapped.problem().problems().forEach(err::println);
            err.println("servicedocs: the rows above cannot be attributed to a cost element; nothing was written");
            return 1;
        }
        CostsImportPipeline.Converted converted = (CostsImportPipeline.Converted) result;
        printReads(converted.files(), err);
        converted.notes().forEach(note -> err.println("servicedocs: note: " + note));
        if (converted.unreadable().isPresent()) {
            CostsWriteOptions.printUnreadable(converted.unreadable().get(), displayPath, err);
            return 1;
        }
        if (converted.outcome().isEmpty()) {
            out.println("No cost rows to import; nothing was written.");
            return 0;
        }
        Outcome outcome = converted.outcome().get();
        CostsWriteOptions.print(outcome, displayPath, out, err);
        out.println("Imported " + converted.rows() + " row(s) of " + files.size() + " file(s) as source '"
                + converted.source() + "'; " + CostsWriteOptions.summary(outcome)
                + (outcome.refused().isEmpty() ? "" : " (nothing written)"));
        return outcome.refused().isEmpty() ? 0 : 1;
    }

    /** Each file's notes, or its errors, in the order the files were given. */
    private static void printReads(List<CostsImportPipeline.FileRead> reads, PrintWriter err) {
        for (CostsImportPipeline.FileRead read : reads) {
            read.read().ifPresent(r -> r.notes().forEach(note -> err.println("servicedocs: note: " + note)));
            read.problem().ifPresent(e -> {
                for (FocusError error : e.errors()) {
                    err.println(error);
                }
                if (e.truncated()) {
                    err.println(read.file() + ": stopped after " + e.errors().size() + " errors");
                }
            });
        }
    }

    static final class WithoutSubAccountConverter implements ITypeConverter<WithoutSubAccount> {
        @Override
        public WithoutSubAccount convert(String value) {
            try {
                return WithoutSubAccount.valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("'" + value + "' is not a policy; expected error or skip");
            }
        }
    }
}
