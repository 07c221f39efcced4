package io.servicedocs.cli;

import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The servicedocs command line. Commands parse options, call a pipeline and print its result;
 * usage errors ({@link UsageException}) and I/O problems end here, as exit status 2.
 */
@Command(name = "servicedocs", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = Main.DESCRIPTION,
        subcommands = {InitCommand.class, ValidateCommand.class, BuildCommand.class, ServeCommand.class, NewProductCommand.class,
                GenerateCommand.class, ReviewCommand.class, HistoryCommand.class, GenerateHistoryCommand.class,
                CostsCommand.class, ImportCommand.class, DigestCommand.class,
                SloCommand.class})
public final class Main {

    static final String DESCRIPTION = "Production Ready documentation as code: validate Service Docs, phases and assessments.";

    /**
     * The command line itself without its commands: {@link #commandLine} adds the one a command
     * line names. The same name, description and standard options as {@link Main}.
     */
    @Command(name = "servicedocs", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
            description = DESCRIPTION)
    static final class WithoutCommands {
    }

    /** Exit status for usage and I/O problems; 1 is reserved for problems in the data. */
    static final int USAGE_OR_IO = 2;

    /** Loggers silenced for the life of the JVM (java.util.logging only keeps weak references). */
    private static final java.util.List<java.util.logging.Logger> SILENCED = new java.util.ArrayList<>();

    public static void main(String[] args) {
        silenceLibraryLogging();
        PrintWriter out = utf8(System.out);
        PrintWriter err = utf8(System.err);
        int status = run(args, out, err);
        out.flush();
        err.flush();
        System.exit(status);
    }

    /**
     * Output is UTF-8 whatever the locale: the review's markdown, the symbols of the reports and
     * names in Japanese are written to files and pull-request comments, and under the POSIX
     * locale (LANG unset, as in many CI containers) Java 17 would print them as '?'.
     */
    private static PrintWriter utf8(PrintStream stream) {
        return new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), true);
    }

    /**
     * JBake's libraries (JRuby, Asciidoctor) log through java.util.logging; the command line prints
     * its own diagnostics instead.
     */
    static void silenceLibraryLogging() {
        System.setProperty("jruby.logger.class", "org.jruby.util.log.SLF4JLogger");
        java.util.logging.LogManager.getLogManager().reset();
        for (String name : java.util.List.of("", "asciidoctor", "org.asciidoctor", "com.orientechnologies")) {
            java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
            logger.setLevel(java.util.logging.Level.OFF);
            SILENCED.add(logger);
        }
    }

    /** Runs a command line and returns its exit status, printing to the given writers. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return run(args, out, err, CommandLine.defaultFactory());
    }

    /** As {@link #run(String[], PrintWriter, PrintWriter)}, commands made by {@code factory}: tests give them their environment. */
    static int run(String[] args, PrintWriter out, PrintWriter err, CommandLine.IFactory factory) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].indexOf('\uFFFD') >= 0) {
                // Java decodes arguments in the locale's character set: under the POSIX locale a
                // non-ASCII tag key or path would silently become something else.
                err.println("servicedocs: argument " + (i + 1) + " ('" + args[i] + "') has characters this system's "
                        + "locale cannot read; run with a UTF-8 locale, e.g. LC_ALL=C.UTF-8");
                return USAGE_OR_IO;
            }
        }
        return run(args, out, err, commandLine(args, factory));
    }

    /** Runs a command line made for {@code args} (tests: with one command or all of them). */
    static int run(String[] args, PrintWriter out, PrintWriter err, CommandLine cli) {
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            // Bad input is reported as data; anything reaching here is a usage or environment problem.
            if (e instanceof UsageException usage) {
                commandLine.getErr().println("servicedocs: " + usage.getMessage());
                if (usage.showUsage()) {
                    commandLine.usage(commandLine.getErr());
                }
            } else if (e instanceof RuntimeException) {
                // A bug, not bad input: say where, so that it can be reported.
                StackTraceElement at = e.getStackTrace().length > 0 ? e.getStackTrace()[0] : null;
                commandLine.getErr().println("servicedocs: internal error: " + e + (at == null ? "" : " at " + at));
            } else {
                commandLine.getErr().println("servicedocs: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            }
            return USAGE_OR_IO;
        });
        return cli.execute(args);
    }

    /**
     * The command line for {@code args}: when the first argument names a command, the command line
     * with that command alone, else with all of them. picocli reads the options of every command
     * (and makes it) when a command line is made: all thirteen cost ~0.1 s of CPU at every start
     * on C1, on the main thread before any work (issue 15). The command named parses and runs
     * exactly as it does among the others (no command uses its parent); a first argument that
     * names none (an option, a misspelt command, none at all) gets them all: the usage lists
     * them and the suggestions come from them.
     */
    static CommandLine commandLine(String[] args, CommandLine.IFactory factory) {
        if (args.length > 0) {
            for (Class<?> command : Main.class.getAnnotation(Command.class).subcommands()) {
                Command annotation = command.getAnnotation(Command.class);
                if (annotation != null && annotation.name().equals(args[0]) && annotation.aliases().length == 0) {
                    CommandLine cli = new CommandLine(new WithoutCommands(), factory);
                    cli.addSubcommand(new CommandLine(command, factory));
                    return cli;
                }
            }
        }
        return new CommandLine(new Main(), factory);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Main.class.getPackage().getImplementationVersion();
            return new String[] {"servicedocs " + (version == null ? "(development build)" : version)};
        }
    }
}
