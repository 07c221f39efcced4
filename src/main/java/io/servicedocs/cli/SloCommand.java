package io.servicedocs.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "slo", mixinStandardHelpOptions = true, subcommands = {SloFetchCommand.class},
        description = {"Writes slo-data/<source>/<YYYY-MM>.yaml: 'fetch' measures each SLO of the",
                "products' slos.yaml per calendar month from Prometheus or Datadog. The running",
                "month is provisional and replaced by a later fetch; a final month is never",
                "rewritten without --accept-final-changes."})
final class SloCommand implements Callable<Integer> {

    @Override
    public Integer call() throws UsageException {
        throw UsageException.withUsage("slo needs a subcommand: fetch");
    }
}
