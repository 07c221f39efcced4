package io.servicedocs.cli;

/** Runs the command line from tests of other packages. */
public final class CliAccess {

    private CliAccess() {
    }

    public record Run(int status, String out, String err) {
    }

    public static Run run(String... args) {
        CliRun run = CliRun.of(args);
        return new Run(run.status(), run.out(), run.err());
    }
}
