package io.servicedocs.cli;

import io.servicedocs.model.Standard;
import io.servicedocs.scaffold.SyntheticRepository;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Writes a synthetic repository for benchmarks; hidden from the help of ordinary users. */
@Command(name = "generate", hidden = true, mixinStandardHelpOptions = true,
        description = "Writes a valid repository with N synthetic products, using the standard of --repo.")
final class GenerateCommand implements Callable<Integer> {

    @Mixin
    RepositoryOptions repository;

    @Option(names = "--products", required = true, paramLabel = "N", description = "How many products.")
    int products;

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
        SyntheticRepository.write(standard.get(), repository.source().root(), output.out, products, repository.today(),
                output.seed);
        spec.commandLine().getOut().println("Wrote " + products + " products to " + output.out);
        return 0;
    }
}
