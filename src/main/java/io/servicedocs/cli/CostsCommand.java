package io.servicedocs.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "costs", mixinStandardHelpOptions = true,
        subcommands = {CostsFetchCommand.class, CostsImportCommand.class},
        description = {"Writes cost-data/<source>/<YYYY-MM>.yaml: 'fetch' from AWS Cost Explorer,",
                "'import' from FOCUS files. A later run replaces a provisional month and",
                "keeps the replaced totals under 'revisions'; a final month is never",
                "rewritten without --accept-final-changes. Every month is decided first:",
                "when one is refused, nothing is written."})
final class CostsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("servicedocs: costs needs a subcommand: fetch or import");
        spec.commandLine().usage(spec.commandLine().getErr());
        return Main.USAGE_OR_IO;
    }
}
