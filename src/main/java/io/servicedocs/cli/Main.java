package io.servicedocs.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The servicedocs command line. Commands only wire the pipeline's stages together. */
@Command(name = "servicedocs", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Production Ready documentation as code: validate Service Docs, phases and assessments.",
        subcommands = {ValidateCommand.class, NewProductCommand.class, GenerateCommand.class})
public final class Main {

    /** Exit status for usage and I/O problems; 1 is reserved for problems in the data. */
    static final int USAGE_OR_IO = 2;

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs a command line and returns its exit status, printing to the given writers. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            // Bad input is reported as data; anything reaching here is an environment problem.
            commandLine.getErr().println("servicedocs: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return USAGE_OR_IO;
        });
        return cli.execute(args);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Main.class.getPackage().getImplementationVersion();
            return new String[] {"servicedocs " + (version == null ? "(development build)" : version)};
        }
    }
}
