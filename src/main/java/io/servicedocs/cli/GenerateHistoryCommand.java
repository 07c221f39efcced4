package io.servicedocs.cli;

import io.servicedocs.model.Standard;
import io.servicedocs.scaffold.SyntheticHistory;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Writes a git repository with a synthetic history for bench/history.sh; hidden from ordinary users. */
@Command(name = "generate-history", hidden = true, mixinStandardHelpOptions = true,
        description = "Writes a git repository whose main branch adds N products and then changes them, "
                + "one commit each, using the standard of --repo.")
final class GenerateHistoryCommand implements Callable<Integer> {

    @Mixin
    RepositoryOptions repository;

    @Option(names = "--products", defaultValue = "500", paramLabel = "N", description = "How many products.")
    int products;

    @Option(names = "--commits", defaultValue = "10000", paramLabel = "N", description = "How many commits in all.")
    int commits;

    @Option(names = "--start", defaultValue = "2024-04-01", paramLabel = "YYYY-MM-DD",
            description = "Day of the first commit; one commit follows every two hours.")
    LocalDate start;

    @Mixin
    GeneratorOutput output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!output.isUsable()) {
            throw new UsageException(output.out + " is not an empty folder");
        }
        Optional<Standard> standard = repository.standard(spec.commandLine().getErr());
        if (standard.isEmpty()) {
            return 1;
        }
        var head = SyntheticHistory.write(standard.get(), repository.source().root(), output.out, products, commits, start,
                output.seed);
        spec.commandLine().getOut().println("Wrote " + commits + " commits of " + products + " products to " + output.out
                + " (main at " + head.name() + ")");
        return 0;
    }
}
