package io.servicedocs.cli;

import io.servicedocs.history.FiscalCalendar;
import io.servicedocs.history.History;
import io.servicedocs.history.HistoryAnalysis;
import io.servicedocs.history.HistoryWalker;
import io.servicedocs.history.HistoryWarning;
import io.servicedocs.history.Snapshots;
import io.servicedocs.load.SchemaValidator;
import java.io.PrintWriter;
import java.time.Month;
import java.util.List;
import java.util.concurrent.Callable;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.errors.RepositoryNotFoundException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
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
            err.println("servicedocs: --fiscal-year-start must be a month from 1 to 12, not " + fiscalYearStart);
            return Main.USAGE_OR_IO;
        }
        if (!format.equals("text") && !format.equals("json")) {
            err.println("servicedocs: '" + format + "' is not a format; expected text or json");
            return Main.USAGE_OR_IO;
        }
        Git git;
        try {
            git = Git.open(repository.repo.toFile());
        } catch (RepositoryNotFoundException e) {
            err.println("servicedocs: " + repository.repo + " is not a git repository; the history is read from git "
                    + "(use --repo DIR to point at a clone)");
            return Main.USAGE_OR_IO;
        }
        try (git; Repository repo = git.getRepository()) {
            List<String> candidates = ref != null ? List.of(ref) : List.of("main", "origin/main", "HEAD");
            ObjectId head = null;
            for (String candidate : candidates) {
                head = head != null ? head : repo.resolve(candidate + "^{commit}");
            }
            if (head == null) {
                err.println("servicedocs: no commit found at " + String.join(", ", candidates) + " in " + repository.repo);
                return Main.USAGE_OR_IO;
            }
            Snapshots snapshots = new HistoryWalker(repo, new SchemaValidator()).walk(head);
            History history = HistoryAnalysis.analyse(snapshots, repository.today(),
                    new FiscalCalendar(Month.of(fiscalYearStart)));
            history.incomplete().ifPresent(why -> err.println("servicedocs: warning: " + why));
            for (HistoryWarning warning : history.warnings()) {
                err.println("servicedocs: warning: " + warning);
            }
            if (format.equals("json")) {
                out.println(JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build()
                        .writeValueAsString(history));
            } else {
                HistoryText.print(history, out);
            }
        }
        out.flush();
        if (Boolean.getBoolean("servicedocs.timing")) {
            // For bench/history.sh: the time the JVM spent from its start to here.
            long sinceStart = System.currentTimeMillis()
                    - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
            err.println("servicedocs timing: after JVM start: " + sinceStart + " ms");
        }
        return 0;
    }
}
