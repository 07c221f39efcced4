package io.servicedocs.cli;

import io.servicedocs.model.Diagnostic;
import io.servicedocs.serve.LiveBuild;
import io.servicedocs.serve.PreviewServer;
import io.servicedocs.pipeline.BuildPipeline;
import io.servicedocs.pipeline.StageTimer;
import io.servicedocs.serve.SourceWatcher;
import io.servicedocs.source.WorkingTreeSource;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Builds the site, serves it on localhost and rebuilds it whenever a file changes.",
                "Open pages reload by themselves after each rebuild; a failed rebuild shows its errors in the browser",
                "(and prints them) until the next build succeeds. Stop with Ctrl-C."})
final class ServeCommand implements Callable<Integer> {

    @Mixin
    RepositoryOptions repository;

    @Option(names = "--port", defaultValue = "8000", description = "Port on localhost (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Mixin
    SiteOutput site;

    @Mixin
    LanguageOption language;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        WorkingTreeSource source = repository.source();
        Path output = site.resolve(source.root());
        var shown = language.checked(source.root());
        BuildPipeline pipeline = new BuildPipeline(StageTimer.fromSystemProperties(err));
        LiveBuild live = new LiveBuild();
        tell(live, pipeline.run(source, output, repository.today(), shown), source, output, stdout, err);
        try (SourceWatcher watcher = new SourceWatcher(source.root());
             PreviewServer server = new PreviewServer(output, port, live)) {
            stdout.println("Serving " + server.uri() + "index.html (Ctrl-C to stop); rebuilding on every change.");
            stdout.flush();
            while (!Thread.currentThread().isInterrupted()) {
                watcher.awaitChange(150);
                long start = System.nanoTime();
                BuildPipeline.Outcome outcome = pipeline.run(source, output, repository.today(), shown);
                if (tell(live, outcome, source, output, stdout, err) == 0) {
                    stdout.printf("Rebuilt in %d ms%n", (System.nanoTime() - start) / 1_000_000);
                    stdout.flush();
                }
            }
        }
        return 0;
    }

    /**
     * Tells the open pages what a build did (they reload, or show the errors), then prints it: by the
     * time the terminal says a build failed, the browser already shows why.
     */
    private static int tell(LiveBuild live, BuildPipeline.Outcome outcome, WorkingTreeSource source, Path output,
                            PrintWriter stdout, PrintWriter err) {
        boolean succeeded = outcome.built() && outcome.diagnostics().stream().noneMatch(Diagnostic::isError);
        if (succeeded) {
            live.succeeded();
        } else {
            live.failed("The build stopped: " + outcome.failure().orElse("it failed") + ". Fix the sources and save.",
                    outcome.diagnostics(), DisplayPath.of(source.root()));
        }
        return BuildCommand.report(outcome, source, output, stdout, err);
    }
}
