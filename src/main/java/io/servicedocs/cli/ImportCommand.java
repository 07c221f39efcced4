package io.servicedocs.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "import", mixinStandardHelpOptions = true, subcommands = {ImportBackstageCommand.class},
        description = {"Creates products from another tool's records: 'backstage' from Backstage catalog files.",
                "An existing product is never overwritten."})
final class ImportCommand implements Callable<Integer> {

    @Override
    public Integer call() throws UsageException {
        throw UsageException.withUsage("import needs a subcommand: backstage");
    }
}
