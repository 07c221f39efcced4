package io.servicedocs.cli;

import io.servicedocs.cost.data.CostDataStore.Outcome;
import io.servicedocs.cost.data.FocusMonths;
import io.servicedocs.cost.data.FocusMonths.WithoutSubAccount;
import io.servicedocs.cost.athena.AthenaFocusReader;
import io.servicedocs.cost.duckdb.DuckDbFocusReader;
import io.servicedocs.cost.focus.CostMetric;
import io.servicedocs.cost.focus.FocusError;
import io.servicedocs.cost.focus.FocusImporter;
import io.servicedocs.cost.focus.FocusInput;
import io.servicedocs.cost.focus.FocusReader;
import io.servicedocs.pipeline.CostsImportPipeline;
import io.servicedocs.source.WorkingTreeSource;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
import software.amazon.awssdk.services.athena.AthenaClient;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Imports FOCUS 1.0-1.2 cost and usage files: CSV, gzip-compressed CSV or Parquet,",
                "single files or export folders (AWS Data Exports, Azure cost exports).",
                "FOCUS is exported by AWS Data Exports, Azure (FocusCost), Google Cloud,",
                "Oracle and SaaS vendors. Writes cost-data/<source>/<YYYY-MM>.yaml with",
                "the cost (EffectiveCost unless --metric) of each sub-account per month",
                "and billing period. An import adds what it brings: the parts of other",
                "billing periods stay, a billing period imported again replaces its own.",
                "Rows without SubAccountId are their BillingAccountId's cost (a Service Doc",
                "claims it with billing_account: true). With --tag-key, each sub-account's",
                "cost is split by the value of that tag in the Tags column (a file without",
                "that column is read without the tag, with a note).",
                "With --engine athena, Amazon Athena reads a FOCUS table in S3 instead of files.",
                "Exit status: 0 written or unchanged; 1 a file cannot be read or mapped,",
                "a final month refused or a cost-data file unreadable (nothing written);",
                "2 usage problems."})
final class CostsImportCommand implements Callable<Integer> {

    @Mixin
    RepositoryOptions repository;

    @Mixin
    CostsWriteOptions writing;

    @Parameters(paramLabel = "FILE", arity = "0..*", description = "FOCUS files (CSV in UTF-8, .csv.gz, Parquet) or "
            + "export folders: AWS Data Exports (<export>/data/BILLING_PERIOD=YYYY-MM/ with their manifests) or Azure "
            + "cost exports (run folders with manifest.json); none with --engine athena.")
    List<Path> files = new ArrayList<>();

    // FOCUS DuckDB engine (issue 14, c14b)
    @Option(names = "--engine", paramLabel = "ENGINE", defaultValue = "duckdb", converter = EngineConverter.class,
            description = "Who reads the FOCUS data: 'duckdb' (default: DuckDB embedded, CSV, gzip CSV, Parquet and "
                    + "export folders, summed in SQL so memory does not grow with the file), 'java' (the Java CSV "
                    + "reader: CSV and gzip CSV files only) or 'athena' (Amazon Athena reads a table: --database, "
                    + "--table, --workgroup, --output-location, --billing-period; AWS credentials and region from "
                    + "the SDK's default chains).")
    Engine engine;

    /** The reading engines of files and folders. */
    enum Engine {
        DUCKDB, JAVA, ATHENA;

        /** The reader of files and folders; Athena's needs a client (see runAthena). */
        FocusReader reader() {
            return this == JAVA ? new FocusImporter() : new DuckDbFocusReader();
        }
    }

    static final class EngineConverter implements ITypeConverter<Engine> {
        @Override
        public Engine convert(String value) {
            try {
                return Engine.valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("'" + value + "' is not an engine; expected duckdb, java or athena");
            }
        }
    }
    // end FOCUS DuckDB engine

    @Option(names = "--source", paramLabel = "ID",
            description = "The source id, the folder under cost-data/ (e.g. azure). Default: from ProviderName "
                    + "when every row has the same (Microsoft -> azure, Google Cloud -> gcp, AWS -> aws, "
                    + "Oracle -> oci, a SaaS vendor -> its name in lowercase with hyphens).")
    String source;

    @Option(names = "--without-sub-account", paramLabel = "POLICY", defaultValue = "billing-account",
            converter = WithoutSubAccountConverter.class,
            description = "Rows without SubAccountId (the norm for SaaS): 'billing-account' (default) books them "
                    + "on their BillingAccountId, which a Service Doc or shared pool claims with billing_account: "
                    + "true; 'error' refuses the import; 'skip' leaves them out and lists each left-out amount.")
    WithoutSubAccount withoutSubAccount;

    @Option(names = "--metric", paramLabel = "COLUMN", defaultValue = "EffectiveCost",
            converter = MetricConverter.class,
            description = "The FOCUS cost column kept: EffectiveCost (default: amortised, after discounts), "
                    + "BilledCost (as invoiced) or ListCost. The month file's basis names it; a month keeps one.")
    CostMetric metric;

    @Option(names = "--tag-key", paramLabel = "KEY",
            description = "Also group by this tag of the Tags column: one line per sub-account and tag value (the "
                    + "empty value for rows without the tag), so that a Service Doc can claim a tagged part. A file "
                    + "without a Tags column is read without the tag (a note says so).")
    String tagKey;

    // --- costs import --engine athena (issue 14) ---
    @Mixin
    AthenaImportOptions athena;

    /** The Athena table to read, when --engine athena; usage errors for options that do not go together. */
    private Optional<FocusInput> athenaInput() throws UsageException {
        boolean athenaEngine = engine == Engine.ATHENA;
        if (!athenaEngine) {
            if (!athena.given().isEmpty()) {
                throw new UsageException(String.join(", ", athena.given())
                        + (athena.given().size() == 1 ? " goes" : " go") + " with --engine athena only; "
                        + "add --engine athena to read an Athena table, or give FILE arguments without them");
            }
            if (files.isEmpty()) {
                throw new UsageException("no FILE given; give the FOCUS files to import, or --engine athena with "
                        + "--database, --table, --workgroup and --output-location");
            }
            return Optional.empty();
        }
        if (!files.isEmpty()) {
            throw new UsageException("--engine athena reads the table of --database and --table, not files; remove "
                    + files.stream().map(Path::toString).collect(java.util.stream.Collectors.joining(" ")));
        }
        return Optional.of(athena.input(Optional.ofNullable(tagKey)));
    }

    private CostsImportPipeline.Result runAthena(CostsImportPipeline.Request request, FocusInput input)
            throws UsageException, java.io.IOException {
        try (AthenaClient client = athena.client()) {
            return new CostsImportPipeline().run(request, athena.reader(client), input);
        }
    }
    // --- end costs import --engine athena ---

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
        Optional<FocusInput> athenaInput = athenaInput();
        String inputs = athenaInput.flatMap(FocusInput::athena).map(AthenaFocusReader::inputName)
                .orElse(files.size() + " file(s)");
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
        CostsImportPipeline.Request request = new CostsImportPipeline.Request(tree.root(),
                files, Optional.ofNullable(source), withoutSubAccount, Optional.ofNullable(tagKey),
                writing.acceptFinalChanges, writing.clock(), writing.today(repository), metric);
        // --billing-period: one option for both engines that read partitions (c14e)
        if (engine == Engine.JAVA && !athena.billingPeriods.isEmpty()) {
            throw new UsageException("--billing-period goes with --engine duckdb (export folders) or athena; the java "
                    + "reader reads whole files");
        }
        CostsImportPipeline.Result result = athenaInput.isPresent() ? runAthena(request, athenaInput.get())
                : new CostsImportPipeline(engine.reader(), athena.billingPeriods).run(request);
        if (result instanceof CostsImportPipeline.Unread unread) {
            printReads(unread.files(), err);
            err.println("servicedocs: " + (athenaInput.isPresent() ? inputs + " cannot be imported"
                    : unread.failed() + " of " + inputs + " cannot be imported") + "; nothing was written");
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
        // a note that is a warning (all-zero EffectiveCost, a purchase booked in one month) says so
        converted.notes().forEach(note -> err.println(note.startsWith("warning: ")
                ? "servicedocs: " + note : "servicedocs: note: " + note));
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
        out.println("Imported " + converted.rows() + " row(s) of " + inputs + " as source '"
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
                return WithoutSubAccount.valueOf(value.toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("'" + value + "' is not a policy; expected billing-account, "
                        + "error or skip");
            }
        }
    }

    static final class MetricConverter implements ITypeConverter<CostMetric> {
        @Override
        public CostMetric convert(String value) {
            return CostMetric.ofColumn(value).orElseThrow(() -> new TypeConversionException("'" + value
                    + "' is not a cost metric; expected EffectiveCost, BilledCost or ListCost"));
        }
    }
}
