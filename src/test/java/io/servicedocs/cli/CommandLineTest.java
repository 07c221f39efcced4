package io.servicedocs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * A command line that names a command is made with that command alone (issue 15: making all of
 * them cost ~0.1 s at every start): it prints and ends exactly as the one with all of them.
 */
class CommandLineTest {

    @TempDir
    Path dir;

    private static String run(String[] args, boolean alone) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = alone ? Main.commandLine(args, CommandLine.defaultFactory())
                : new CommandLine(new Main(), CommandLine.defaultFactory());
        int status = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true), cli);
        return status + "\n" + out + "\n" + err;
    }

    @Test
    void eachCommandAloneParsesPrintsAndEndsAsAmongAllOfThem() {
        List<String[]> commandLines = new ArrayList<>();
        for (Class<?> command : Main.class.getAnnotation(Command.class).subcommands()) {
            String name = command.getAnnotation(Command.class).name();
            commandLines.add(new String[] {name, "--help"});
            commandLines.add(new String[] {name, "--version"});
            commandLines.add(new String[] {name, "--no-such-option"});
            commandLines.add(new String[] {name, "--repo"});
            commandLines.add(new String[] {name, "extra", "arguments"});
        }
        String missing = dir.resolve("missing").toString();
        commandLines.addAll(List.of(new String[] {"costs"}, new String[] {"costs", "fetch", "--help"},
                new String[] {"costs", "imprt"}, new String[] {"import", "backstage", "--help"},
                new String[] {"slo", "fetch", "--nope"}, new String[] {"validate", "--repo", missing},
                new String[] {"history", "--repo", missing, "--fiscal-year-start", "13"},
                new String[] {"validte"}, new String[] {"--help"}, new String[] {"--version"}, new String[] {},
                new String[] {"--help", "validate"}, new String[] {"VALIDATE"}));
        int alone = 0;
        for (String[] args : commandLines) {
            assertEquals(run(args, false), run(args, true), String.join(" ", args));
            if (Main.commandLine(args, CommandLine.defaultFactory()).getSubcommands().size() == 1) {
                alone++;
            }
        }
        assertTrue(alone > 60, alone + " command lines made with their command alone");
    }
}
