package io.servicedocs.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import picocli.CommandLine.Option;

/** Where the hidden benchmark generators write, and their seed. */
final class GeneratorOutput {

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "An empty or missing folder.")
    Path out;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    /** Whether {@code out} is missing or an empty folder: a generator never writes over anything. */
    boolean isUsable() throws IOException {
        if (!Files.exists(out)) {
            return true;
        }
        if (!Files.isDirectory(out)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(out)) {
            return entries.findAny().isEmpty();
        }
    }
}
