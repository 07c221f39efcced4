package io.servicedocs.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "costs", mixinStandardHelpOptions = true,
        subcommands = {CostsFetchCommand.class, CostsImportCommand.class},
        description = {"Writes cost-data/<source>/<YYYY-MM>.yaml: 'fetch' from AWS Cost Explorer,",
                "'import' from FOCUS files. A later run replaces a provisional month and",
                "keeps the replaced totals under 'revisions'; a final month is never",
                "rewritten without --accept-final-changes. Every month is decided first:",
                "when one is refused, nothing is written."})
final class CostsCommand implements Callable<Integer> {

    @Override
    public Integer call() throws UsageException {
        throw UsageException.withUsage("costs needs a subcommand: fetch or import");
    }
}
