package io.servicedocs.cli;

import io.servicedocs.load.SchemaValidator;
import io.servicedocs.model.Product;
import io.servicedocs.model.SloMonth;
import io.servicedocs.pipeline.SloFetchPipeline;
import io.servicedocs.slo.DatadogSloFetcher;
import io.servicedocs.slo.ProductSlo;
import io.servicedocs.slo.SloDataStore.FileOutcome;
import io.servicedocs.slo.SloDataStore.Outcome;
import io.servicedocs.source.WorkingTreeSource;
import io.servicedocs.validate.Validation;
import io.servicedocs.validate.ValidationResult;
import java.io.PrintWriter;
import java.net.URI;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "fetch", mixinStandardHelpOptions = true,
        description = {"Measures every SLO declared in products/<id>/slos.yaml, per calendar month (UTC).",
                "Prometheus: the SLI's counters at the month's two ends, subtracted (the data",
                "source's url); Datadog: the SLO's history (DD_API_KEY, DD_APP_KEY, DD_SITE from",
                "the environment). Writes slo-data/<source>/<YYYY-MM>.yaml. A month without data",
                "(or partial, or past the retention) is written without attainment, with a note.",
                "Exit status: 0 written or unchanged; 1 a final month refused or an slo-data",
                "file unreadable (nothing written); 2 usage problems, or the fetch failed",
                "(network, HTTP error, keys, timeout, deadline)."})
final class SloFetchCommand implements Callable<Integer> {

    @Mixin
    RepositoryOptions repository;

    @Mixin
    CostsWriteOptions writing;

    @Mixin
    NetworkOptions network;

    @Option(names = "--from", required = true, paramLabel = "YYYY-MM", converter = MonthRange.Converter.class,
            description = "The first month to measure.")
    YearMonth from;

    @Option(names = "--to", paramLabel = "YYYY-MM", converter = MonthRange.Converter.class,
            description = "The last month to measure (default: the current month, provisional).")
    YearMonth to;

    @Option(names = "--source", paramLabel = "NAME",
            description = "Only the SLOs of this data source (the DataSource's name, e.g. prometheus).")
    String source;

    @Option(names = "--product", paramLabel = "ID", description = "Only the SLOs of this product.")
    String product;

    @Option(names = "--datadog-endpoint", paramLabel = "URL", hidden = true,
            description = "Send Datadog requests here instead of https://api.<DD_SITE> (tests).")
    URI datadogEndpoint;

    @Spec
    CommandSpec spec;

    /** The process environment; tests give their own. */
    Map<String, String> environment = System.getenv();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        LocalDate today = writing.today(repository);
        YearMonth last = MonthRange.last(from, to, today, "a month to come has nothing to measure");
        WorkingTreeSource tree = CostsWriteOptions.repository(repository);
        ValidationResult validation = new Validation(new SchemaValidator(), today).run(tree);
        if (validation.repository().isEmpty()) {
            throw new UsageException("the repository's standard cannot be read; run 'servicedocs validate' and fix "
                    + "its errors first");
        }
        List<ProductSlo> slos = new ArrayList<>();
        TreeSet<String> sources = new TreeSet<>();
        TreeSet<String> products = new TreeSet<>();
        for (Product p : validation.repository().get().products()) {
            p.slos().forEach(d -> {
                ProductSlo slo = new ProductSlo(p.id(), d);
                sources.add(slo.source());
                products.add(p.id());
                if ((source == null || source.equals(slo.source())) && (product == null || product.equals(p.id()))) {
                    slos.add(slo);
                }
            });
        }
        if (product != null && !products.contains(product)) {
            throw new UsageException("--product " + product + ": no product declares SLOs under that id; "
                    + io.servicedocs.load.Suggestions.expectedOneOf(product, products));
        }
        if (source != null && !sources.contains(source)) {
            throw new UsageException("--source " + source + ": no SLO is measured from a data source of that name; "
                    + io.servicedocs.load.Suggestions.expectedOneOf(source, sources));
        }
        if (slos.isEmpty()) {
            throw new UsageException("no SLO to measure: no product declares SLOs in products/<id>/slos.yaml"
                    + (source != null && product != null ? " from source " + source + " for " + product : ""));
        }
        UnaryOperator<String> displayPath = DisplayPath.of(tree.root());
        SloFetchPipeline.Result result = new SloFetchPipeline().run(new SloFetchPipeline.Request(tree.root(), slos,
                from, last, Optional.ofNullable(datadogEndpoint), environment, network.limits(),
                DatadogSloFetcher.RateLimitWaits.DEFAULT, writing.acceptFinalChanges, writing.clock()));
        if (result instanceof SloFetchPipeline.Unreadable unreadable) {
            CostsWriteOptions.printUnreadable(unreadable.problem(), displayPath, err);
            return 1;
        }
        if (result instanceof SloFetchPipeline.FetchFailed failed) {
            err.println("servicedocs: " + failed.problem().getMessage());
            err.println("Nothing was written.");
            return Main.USAGE_OR_IO;
        }
        SloFetchPipeline.Saved saved = (SloFetchPipeline.Saved) result;
        print(saved.outcome(), displayPath, out, err);
        for (SloMonth note : saved.notes()) {
            err.println("servicedocs: warning: " + note.product() + " SLO '" + note.slo() + "' in " + note.month()
                    + " is not measured: " + note.note().orElseThrow());
        }
        return saved.outcome().refused().isEmpty() ? 0 : 1;
    }

    static void print(Outcome outcome, UnaryOperator<String> displayPath, PrintWriter out, PrintWriter err) {
        boolean written = outcome.refused().isEmpty();
        for (FileOutcome file : outcome.files()) {
            out.println(displayPath.apply(file.path()) + ": " + describe(file, written));
        }
        if (!written) {
            err.println("servicedocs: " + outcome.refused().size() + " final month(s) refused; nothing was written. "
                    + "If the new figures are right (e.g. a data source corrected after the month), run again with "
                    + "--accept-final-changes: the old attainments are kept under 'revisions'.");
        }
    }

    private static String describe(FileOutcome file, boolean written) {
        String status = file.after().status().yamlName();
        String old = file.before().map(b -> b.status().yamlName()).orElse("");
        int n = file.after().slos().size();
        return switch (file.action()) {
            case CREATED -> (written ? "created" : "would be created") + " (" + status + ", " + n + " SLO(s))";
            case REPLACED -> (written ? "replaced" : "would be replaced") + " (" + old + " -> " + status + ", " + n
                    + " SLO(s))";
            case UNCHANGED -> "unchanged (" + old + ", " + n + " SLO(s))";
            case REFUSED -> "refused: " + file.refusal().orElse("the final month would change") + " (" + old + " -> "
                    + status + ")";
        };
    }
}
