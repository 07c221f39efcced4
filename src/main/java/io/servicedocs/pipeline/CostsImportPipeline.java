package io.servicedocs.pipeline;

import io.servicedocs.cost.data.BillingPeriodMerge;
import io.servicedocs.cost.data.CostDataException;
import io.servicedocs.cost.data.CostDataStore;
import io.servicedocs.cost.data.CostDataStore.Outcome;
import io.servicedocs.cost.data.CostDataStore.WritePolicy;
import io.servicedocs.cost.data.FocusMappingException;
import io.servicedocs.cost.data.FocusMonths;
import io.servicedocs.cost.data.FocusMonths.Conversion;
import io.servicedocs.cost.data.FocusMonths.WithoutSubAccount;
import io.servicedocs.cost.athena.AthenaFocusReader;
import io.servicedocs.cost.focus.FocusInput;
import io.servicedocs.cost.focus.FocusRead;
import io.servicedocs.cost.focus.FocusReader;
import io.servicedocs.cost.focus.CostMetric;
import io.servicedocs.cost.focus.FocusImportException;
import io.servicedocs.cost.focus.FocusImporter;
import io.servicedocs.load.SchemaValidator;
import io.servicedocs.model.CostMonth;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code costs import}: read every FOCUS file (all must read), tell the source, convert the rows
 * to months, and save them through {@link CostDataStore}, which decides every month before
 * writing any.
 */
public final class CostsImportPipeline {

    /** Where and how: the repository's root, the files, the source id unless derived, the options. */
    public record Request(Path root, List<Path> files, Optional<String> source, WithoutSubAccount withoutSubAccount,
                          Optional<String> tagKey, boolean acceptFinalChanges, Clock clock, LocalDate today,
                          CostMetric metric) {

        /** A request for EffectiveCost. */
        public Request(Path root, List<Path> files, Optional<String> source, WithoutSubAccount withoutSubAccount,
                       Optional<String> tagKey, boolean acceptFinalChanges, Clock clock, LocalDate today) {
            this(root, files, source, withoutSubAccount, tagKey, acceptFinalChanges, clock, today,
                    CostMetric.EFFECTIVE_COST);
        }
    }

    /** One file read, or why not, in the order given. */
    public record FileRead(Path file, Optional<FocusRead> read, Optional<FocusImportException> problem) {
    }

    /** What a run did; nothing is written unless it is {@link Converted} with an outcome that refused no month. */
    public sealed interface Result permits Unread, NoSource, Unmapped, Converted {
    }

    /** Some files cannot be read: every file's reading, in order. */
    public record Unread(List<FileRead> files, long failed) implements Result {
    }

    /** No --source and the files' ProviderName does not tell one. */
    public record NoSource(List<FileRead> files, String providerNames) implements Result {
    }

    public record Unmapped(List<FileRead> files, FocusMappingException problem) implements Result {
    }

    /**
     * Rows converted, to source {@code source}: {@code outcome} is empty when there was nothing
     * to write, {@code unreadable} when an existing cost-data file cannot be read.
     */
    public record Converted(List<FileRead> files, String source, List<String> notes, long rows,
                            Optional<Outcome> outcome, Optional<CostDataException> unreadable) implements Result {
    }

    private final FocusReader reader;

    /** Reads with the Java CSV reader. */
    public CostsImportPipeline() {
        this(new FocusImporter());
    }

    /** Reads with {@code reader}, one input per file or folder given. */
    public CostsImportPipeline(FocusReader reader) {
        this(reader, List.of());
    }

    /**
     * Reads with {@code reader} only the billing periods given (all when empty): the
     * BILLING_PERIOD=YYYY-MM partitions of export folders, for a reader that knows them.
     */
    public CostsImportPipeline(FocusReader reader, List<java.time.YearMonth> billingPeriods) {
        this.reader = java.util.Objects.requireNonNull(reader, "reader");
        this.billingPeriods = List.copyOf(billingPeriods);
    }

    private final List<java.time.YearMonth> billingPeriods;

    public Result run(Request request) throws IOException {
        List<FileRead> files = new ArrayList<>();
        List<FocusRead> imports = new ArrayList<>();
        for (Path file : request.files()) {
            try {
                FocusRead read = reader.read(new FocusInput(List.of(file), Optional.empty(), request.tagKey(), billingPeriods));
                imports.add(read);
                files.add(new FileRead(file, Optional.of(read), Optional.empty()));
            } catch (FocusImportException e) {
                files.add(new FileRead(file, Optional.empty(), Optional.of(e)));
            }
        }
        return convert(request, files, imports);
    }

    /** From the reads on: tell the source, convert the rows to months, save them. */
    private Result convert(Request request, List<FileRead> files, List<FocusRead> imports) throws IOException {
        long failed = files.stream().filter(f -> f.problem().isPresent()).count();
        if (failed > 0) {
            return new Unread(files, failed);
        }
        Optional<String> source = request.source().or(() -> FocusMonths.derivedSource(imports));
        if (source.isEmpty()) {
            return new NoSource(files, FocusMonths.providerNames(imports).toString());
        }
        Conversion conversion;
        try {
            conversion = new FocusMonths(request.clock()).convert(imports, source.get(), request.withoutSubAccount(),
                    request.today(), request.metric());
        } catch (FocusMappingException e) {
            return new Unmapped(files, e);
        }
        long rows = imports.stream().mapToLong(FocusRead::rows).sum();
        if (conversion.months().isEmpty()) {
            return new Converted(files, source.get(), conversion.notes(), rows, Optional.empty(), Optional.empty());
        }
        CostDataStore store = new CostDataStore(request.root(), request.clock(), new SchemaValidator());
        try {
            // an import adds what it brings: the parts of other billing periods stay (BillingPeriodMerge)
            List<CostMonth> months = BillingPeriodMerge.merge(conversion.months(),
                    store.existing(source.get(), store.months(source.get())));
            Outcome outcome = store.save(months, WritePolicy.importing(request.acceptFinalChanges(), request.today()));
            return new Converted(files, source.get(), conversion.notes(), rows, Optional.of(outcome), Optional.empty());
        } catch (CostDataException e) {
            return new Converted(files, source.get(), conversion.notes(), rows, Optional.empty(), Optional.of(e));
        }
    }

    // --- costs import --engine athena (issue 14): the table's groups go the way the files' rows go ---

    /**
     * {@code costs import --engine athena}: {@code reader} reads {@code input} (an Athena table's
     * billing periods) instead of {@link Request#files()}, which must be empty; the groups are
     * then converted and saved as a file's rows are. The one "file" of the result is named
     * {@link AthenaFocusReader#inputName} ("athena:database.table"), which is also the origin
     * the months record; a group's "line" is its row in the query's results (header: row 1).
     */
    public Result run(Request request, FocusReader reader, FocusInput input) throws IOException {
        if (!request.files().isEmpty()) {
            throw new IllegalArgumentException("an engine that reads a table takes no files: " + request.files());
        }
        Path name = Path.of(input.athena().map(AthenaFocusReader::inputName).orElse("input"));
        try {
            FocusRead read = reader.read(input);
            return convert(request, List.of(new FileRead(name, Optional.of(read), Optional.empty())), List.of(read));
        } catch (FocusImportException e) {
            return convert(request, List.of(new FileRead(name, Optional.empty(), Optional.of(e))), List.of());
        }
    }

    // --- end costs import --engine athena ---
}
