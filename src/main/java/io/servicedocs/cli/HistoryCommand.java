package io.servicedocs.cli;

import io.servicedocs.history.FiscalCalendar;
import io.servicedocs.history.History;
import io.servicedocs.history.HistoryWarning;
import io.servicedocs.pipeline.HistoryPipeline;
import io.servicedocs.pipeline.StageTimer;
import java.io.PrintWriter;
import java.time.Month;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

@Command(name = "history", mixinStandardHelpOptions = true,
        description = {"Reconstructs each product's phases and levels from the git history of a branch "
                + "(first parent only): phase timeline, lead times, improvements per fiscal half-year, "
                + "share of requirements met per period.",
                "Exit status: 0 done (warnings allowed), 2 usage or I/O problems (e.g. not a git repository)."})
final class HistoryCommand implements Callable<Integer> {

    @Mixin
    RepositoryOptions repository;

    @Option(names = "--ref", paramLabel = "REF",
            description = "The branch or commit whose history to read (default: main, else origin/main, else HEAD).")
    String ref;

    @Option(names = "--fiscal-year-start", paramLabel = "MONTH", defaultValue = "4",
            description = "First month of the fiscal year, 1-12 (default: 4, April). FY2026 is the fiscal year "
                    + "that starts in 2026; H1 is its first six months.")
    int fiscalYearStart;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text (default) or json.")
    String format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (fiscalYearStart < 1 || fiscalYearStart > 12) {
            throw new UsageException("--fiscal-year-start must be a month from 1 to 12, not " + fiscalYearStart);
        }
        HistoryFormat chosen = HistoryFormat.named(format).orElseThrow(() -> new UsageException(
                "'" + format + "' is not a format; expected text or json"));
        StageTimer timer = StageTimer.fromSystemProperties(err);
        History history = new HistoryPipeline(timer).run(repository.repo, Optional.ofNullable(ref), repository.today(),
                new FiscalCalendar(Month.of(fiscalYearStart)));
        history.incomplete().ifPresent(why -> err.println("servicedocs: warning: " + why));
        for (HistoryWarning warning : history.warnings()) {
            err.println("servicedocs: warning: " + warning);
        }
        switch (chosen) {
            case JSON -> out.println(JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build()
                    .writeValueAsString(history));
            case TEXT -> HistoryText.print(history, out);
        }
        out.flush();
        timer.sinceJvmStart();
        return 0;
    }
}
