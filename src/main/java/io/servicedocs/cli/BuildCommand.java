package io.servicedocs.cli;

import io.servicedocs.model.Diagnostic;
import io.servicedocs.pipeline.BuildPipeline;
import io.servicedocs.pipeline.StageTimer;
import io.servicedocs.source.WorkingTreeSource;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "build", mixinStandardHelpOptions = true,
        description = {"Validates the repository and renders the static site.",
                "The site is written beside the output folder and replaces it only when complete.",
                "Exit status: 0 built, 1 invalid data or templates (the previous site is kept), 2 usage or I/O problems."})
final class BuildCommand implements Callable<Integer> {

    @Mixin
    RepositoryOptions repository;

    @Mixin
    SiteOutput site;

    @Mixin
    LanguageOption language;

    @Mixin
    CacheOption cache;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        WorkingTreeSource source = repository.source();
        Path output = site.resolve(source.root());
        var shown = language.checked(source.root());
        BuildPipeline.Outcome outcome = new BuildPipeline(StageTimer.fromSystemProperties(spec.commandLine().getErr()),
                cache.build(source.root()))
                .run(source, output, repository.today(), shown);
        return report(outcome, source, output, spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    /** Prints what a build did; returns the exit status. Shared with serve. */
    static int report(BuildPipeline.Outcome outcome, WorkingTreeSource source, Path output, PrintWriter out,
                      PrintWriter err) {
        var displayPath = DisplayPath.of(source.root());
        boolean invalidData = outcome.diagnostics().stream().anyMatch(Diagnostic::isError);
        if (invalidData) {
            DiagnosticFormat.TEXT.print(outcome.diagnostics(), displayPath,
                    "build stopped: " + DiagnosticFormat.oneLine(outcome.failure().orElseThrow()) + "; the previous site is kept", err);
            err.flush();
            return 1;
        }
        outcome.diagnostics().forEach(d -> err.printf("%s:%d:%d: warning: %s [%s]%n",
                DiagnosticFormat.oneLine(displayPath.apply(d.file())), d.line(), d.column(),
                DiagnosticFormat.oneLine(d.message()), d.rule()));
        outcome.notes().forEach(note -> err.println("servicedocs: note: " + DiagnosticFormat.oneLine(note)));
        if (!outcome.built()) {
            err.println("servicedocs: build failed: " + DiagnosticFormat.oneLine(outcome.failure().get())
                    + "; the previous site is kept");
            err.flush();
            return 1;
        }
        String where = output.startsWith(source.root()) ? displayPath.apply(source.root().relativize(output).toString())
                : output.toString();
        out.printf("Built %d files for %d products into %s%n", outcome.files(), outcome.products(), where);
        out.flush();
        return 0;
    }
}
