package io.servicedocs.cli;

import io.servicedocs.cost.data.CostDataException;
import io.servicedocs.cost.data.CostDataStore;
import io.servicedocs.cost.data.CostDataStore.Outcome;
import io.servicedocs.cost.data.CostDataStore.WritePolicy;
import io.servicedocs.cost.data.FocusMappingException;
import io.servicedocs.cost.data.FocusMonths;
import io.servicedocs.cost.data.FocusMonths.Conversion;
import io.servicedocs.cost.data.FocusMonths.WithoutSubAccount;
import io.servicedocs.cost.focus.FocusError;
import io.servicedocs.cost.focus.FocusImport;
import io.servicedocs.cost.focus.FocusImportException;
import io.servicedocs.cost.focus.FocusImporter;
import io.servicedocs.source.WorkingTreeSource;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
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

@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Imports FOCUS 1.0-1.2 cost and usage CSV files.",
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

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "FOCUS CSV files (UTF-8).")
    List<Path> files;

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
            err.println("servicedocs: --source '" + source + "' is not a valid id; expected lowercase letters, "
                    + "digits and hyphens, starting with a letter, e.g. azure");
            return Main.USAGE_OR_IO;
        }
        if (tagKey != null && tagKey.isBlank()) {
            err.println("servicedocs: --tag-key is blank; give the tag's key, e.g. --tag-key application");
            return Main.USAGE_OR_IO;
        }
        Map<Path, Path> seen = new HashMap<>();
        for (Path file : files) {
            Path key = Files.exists(file) ? file.toRealPath() : file.toAbsolutePath().normalize();
            Path previous = seen.putIfAbsent(key, file);
            if (previous != null) {
                err.println("servicedocs: " + file + " is given twice (also as " + previous + "); each file's "
                        + "costs would be counted twice");
                return Main.USAGE_OR_IO;
            }
        }
        Optional<WorkingTreeSource> tree = CostsWriteOptions.repository(repository, err);
        if (tree.isEmpty()) {
            return Main.USAGE_OR_IO;
        }
        UnaryOperator<String> displayPath = ValidateCommand.displayPath(tree.get().root());
        Clock clock = writing.clock();
        LocalDate today = writing.today(repository);

        List<FocusImport> imports = new ArrayList<>();
        int failed = 0;
        FocusImporter importer = new FocusImporter(FocusImporter.DEFAULT_MAX_ERRORS, Optional.ofNullable(tagKey));
        for (Path file : files) {
            try {
                FocusImport read = importer.read(file);
                imports.add(read);
                read.notes().forEach(note -> err.println("servicedocs: note: " + note));
            } catch (FocusImportException e) {
                failed++;
                for (FocusError error : e.errors()) {
                    err.println(error);
                }
                if (e.truncated()) {
                    err.println(file + ": stopped after " + e.errors().size() + " errors");
                }
            }
        }
        if (failed > 0) {
            err.println("servicedocs: " + failed + " of " + files.size() + " file(s) cannot be imported; nothing was written");
            return 1;
        }
        String chosen = source;
        if (chosen == null) {
            Optional<String> derived = FocusMonths.derivedSource(imports);
            if (derived.isEmpty()) {
                err.println("servicedocs: cannot tell the source from ProviderName " + FocusMonths.providerNames(imports)
                        + "; give it with --source ID (e.g. --source azure)");
                return Main.USAGE_OR_IO;
            }
            chosen = derived.get();
        }
        Conversion conversion;
        try {
            conversion = new FocusMonths(clock).convert(imports, chosen, withoutSubAccount, today);
        } catch (FocusMappingException e) {
            e.problems().forEach(err::println);
            err.println("servicedocs: the rows above cannot be attributed to a cost element; nothing was written");
            return 1;
        }
        conversion.notes().forEach(note -> err.println("servicedocs: note: " + note));
        if (conversion.months().isEmpty()) {
            out.println("No cost rows to import; nothing was written.");
            return 0;
        }
        CostDataStore store = CostsWriteOptions.store(tree.get(), clock);
        Outcome outcome;
        try {
            outcome = store.save(conversion.months(), WritePolicy.importing(writing.acceptFinalChanges));
        } catch (CostDataException e) {
            CostsWriteOptions.printUnreadable(e, displayPath, err);
            return 1;
        }
        CostsWriteOptions.print(outcome, displayPath, out, err);
        int rows = imports.stream().mapToInt(i -> i.rows().used()).sum();
        out.println("Imported " + rows + " row(s) of " + files.size() + " file(s) as source '" + chosen + "'; "
                + CostsWriteOptions.summary(outcome) + (outcome.refused().isEmpty() ? "" : " (nothing written)"));
        return outcome.refused().isEmpty() ? 0 : 1;
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
