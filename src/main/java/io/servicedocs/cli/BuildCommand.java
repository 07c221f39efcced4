package io.servicedocs.cli;

import io.servicedocs.assess.Assessor;
import io.servicedocs.assess.Portfolio;
import io.servicedocs.site.SecureAsciidoc;
import io.servicedocs.site.SiteBuilder;
import io.servicedocs.site.SiteException;
import io.servicedocs.site.SitePublisher;
import io.servicedocs.source.WorkingTreeSource;
import io.servicedocs.validate.SchemaValidator;
import io.servicedocs.validate.Validation;
import io.servicedocs.validate.ValidationResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "build", mixinStandardHelpOptions = true,
        description = {"Validates the repository and renders the static site.",
                "The site is written beside the output folder and replaces it only when complete.",
                "Exit status: 0 built, 1 invalid data or templates (the previous site is kept), 2 usage or I/O problems."})
final class BuildCommand implements Callable<Integer> {

    @Mixin
    RepositoryOptions repository;

    @Option(names = "--out", paramLabel = "DIR", description = "Where the site goes (default: target/site in the repository).")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        SecureAsciidoc.warmUp(); // JRuby starts while the data is validated
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        WorkingTreeSource source = repository.source();
        ValidationResult result = new Validation(new SchemaValidator(), repository.today()).run(source);
        if (result.hasErrors()) {
            DiagnosticFormat.TEXT.print(result.diagnostics(), ValidateCommand.displayPath(source.root()),
                    "build stopped: the data has " + result.errorCount() + " error(s); the previous site is kept", err);
            return 1;
        }
        Portfolio portfolio = Assessor.assess(result.repository().orElseThrow(), repository.today());
        Path output = this.out != null ? this.out : source.root().resolve("target/site");
        Path staging = SitePublisher.stagingFolder(output);
        int files;
        try {
            files = new SiteBuilder(source.root()).build(result.repository().get(), portfolio, staging);
            SitePublisher.publish(staging, output);
        } catch (SiteException e) {
            err.println("servicedocs: build failed: " + e.getMessage() + "; the previous site is kept");
            return 1;
        } finally {
            SitePublisher.deleteTree(staging);
        }
        out.printf("Built %d files for %d products into %s%n", files, portfolio.products().size(),
                ValidateCommand.displayPath(source.root()).apply(source.root().relativize(output.toAbsolutePath()).toString()));
        return 0;
    }
}
