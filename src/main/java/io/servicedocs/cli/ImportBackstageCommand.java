package io.servicedocs.cli;

import io.servicedocs.pipeline.BackstageImportPipeline;
import io.servicedocs.scaffold.backstage.CatalogImport;
import io.servicedocs.source.WorkingTreeSource;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "backstage", mixinStandardHelpOptions = true,
        description = {"Creates products from Backstage catalog entities.",
                "Each Component (and System with --include-systems) becomes products/ID/:",
                "what new-product writes (every level 0, every check 'no'), with",
                "the entity's title, description, owner (team), lifecycle (phase), links and the",
                "annotations that are URLs filled in, and TODO placeholders for the rest.",
                "Reads every YAML document of each file, and *.yaml / *.yml under folders.",
                "An existing product is never overwritten; every entity not imported is listed",
                "with its file:line and why. All products are written or none.",
                "Exit status: 0 done (also when entities were skipped); 1 a catalog file cannot",
                "be read (nothing written) or the standard is not valid; 2 usage problems."})
final class ImportBackstageCommand implements Callable<Integer> {

    @Mixin
    RepositoryOptions repository;

    @Parameters(paramLabel = "FILE-OR-FOLDER", arity = "1..*", description = "Catalog files (catalog-info.yaml) or folders.")
    List<Path> catalog;

    @Option(names = "--lifecycle", paramLabel = "LIFECYCLE=PHASE", split = ",", required = true,
            description = "Backstage spec.lifecycle -> phase of the standard, e.g. "
                    + "experimental=poc,production=ga,deprecated=sunset. An entity whose lifecycle has no mapping is skipped.")
    Map<String, String> lifecycles;

    @Option(names = "--team", paramLabel = "OWNER=TEAM", split = ",",
            description = "spec.owner (as written, e.g. group:default/platform, or its name) -> team id. "
                    + "Default: the owner group's name (group:default/platform-team -> platform-team).")
    Map<String, String> teams;

    @Option(names = "--include-systems", description = "Import kind System too; its components that are products (imported now or already there) become its dependencies.")
    boolean includeSystems;

    @Option(names = "--pagerduty", paramLabel = "URL",
            description = "The PagerDuty account, e.g. https://acme.pagerduty.com: pagerduty.com/service-id becomes links.on_call.")
    String pagerDuty;

    @Option(names = "--dry-run", description = "Print what would be created and skipped; write nothing.")
    boolean dryRun;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Map<String, String> teamMap = teams == null ? Map.of() : new LinkedHashMap<>(teams);
        for (Map.Entry<String, String> team : teamMap.entrySet()) {
            if (!CatalogImport.ID.matcher(team.getValue()).matches()) {
                throw new UsageException("--team " + team.getKey() + "=" + team.getValue() + ": '" + team.getValue()
                        + "' is not a valid team id; expected lowercase letters, digits and hyphens, starting with a letter");
            }
        }
        if (pagerDuty != null && !pagerDuty.matches("^https://[A-Za-z0-9.-]+$")) {
            throw new UsageException("--pagerduty '" + pagerDuty + "' is not an account URL such as https://acme.pagerduty.com");
        }
        WorkingTreeSource source = repository.source();
        BackstageImportPipeline.Outcome outcome = new BackstageImportPipeline().run(source, repository.today(),
                new BackstageImportPipeline.Request(catalog, new LinkedHashMap<>(lifecycles), teamMap, includeSystems,
                        Optional.ofNullable(pagerDuty), dryRun));
        if (outcome instanceof BackstageImportPipeline.InvalidStandard invalid) {
            RepositoryOptions.printInvalidStandard(invalid.diagnostics(), source, err);
            return 1;
        }
        if (outcome instanceof BackstageImportPipeline.UnknownPhase unknown) {
            throw new UsageException(unknown.message());
        }
        if (outcome instanceof BackstageImportPipeline.BadCatalog bad) {
            DiagnosticFormat.TEXT.print(bad.problems(), file -> file, "servicedocs: " + bad.problems().size()
                    + " catalog problem(s); nothing was written.", err);
            return 1;
        }
        if (outcome instanceof BackstageImportPipeline.Refused refused) {
            err.println("servicedocs: " + refused.reason().getMessage() + " Nothing was written.");
            return 1;
        }
        print((BackstageImportPipeline.Done) outcome, out);
        return 0;
    }

    private static void print(BackstageImportPipeline.Done done, PrintWriter out) {
        List<CatalogImport.Planned> products = done.plan().products();
        out.println((done.written() ? "Created " : "Would create ") + products.size() + " product(s)"
                + (products.isEmpty() ? "." : ":"));
        for (CatalogImport.Planned product : products) {
            out.println("  products/" + product.draft().id() + "/: phase " + product.draft().phase() + ", team "
                    + product.draft().team() + " (" + oneLine(product.source().file()) + ":" + product.source().line()
                    + ", " + oneLine(product.source().reference()) + ")");
        }
        List<CatalogImport.Skipped> skipped = done.plan().skipped();
        out.println("Skipped " + skipped.size() + (skipped.isEmpty() ? "." : ":"));
        for (CatalogImport.Skipped skip : skipped) {
            out.println("  " + oneLine(skip.file()) + ":" + skip.line() + ": " + oneLine(skip.entity()) + ": "
                    + oneLine(skip.reason()));
        }
        List<String> strict = done.productsWithPlaceholderErrors();
        if (!strict.isEmpty()) {
            out.println("Note: the standard makes TODO placeholders errors from phase " + done.placeholdersErrorFrom().get()
                    + " on (findings.placeholders_error_from); until their TODO values are filled in, validate reports "
                    + "errors for: " + String.join(", ", strict) + ".");
        }
        if (done.written()) {
            out.println("Next: fill in the TODO values in service-doc.yaml, assess every item in assessment.yaml, "
                    + "answer the checks in security.yaml, then run 'servicedocs validate'.");
        } else if (!products.isEmpty()) {
            out.println("Dry run: nothing was written.");
        }
    }

    /** Catalog text on one line of the report: a line break in a name cannot forge a line. */
    private static String oneLine(String text) {
        return text.replaceAll("[\\s\\u0085\\u2028\\u2029]+", " ");
    }
}
