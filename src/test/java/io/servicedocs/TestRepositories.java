package io.servicedocs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.stream.Stream;

/** Copies of the test repositories, for tests that break them. */
public final class TestRepositories {

    /** The day every test judges dates against, so results do not change with the calendar. */
    public static final LocalDate AS_OF = LocalDate.of(2026, 11, 24);

    public static final Path MINIMAL = Path.of("src/test/resources/minimal-repo");

    /** The example repository at the root of this project. */
    public static final Path EXAMPLE = Path.of(".");

    private TestRepositories() {
    }

    /** A copy of the minimal repository in {@code dir}. */
    public static Path minimalCopy(Path dir) throws IOException {
        Path target = dir.resolve("repo");
        copy(MINIMAL, target);
        return target;
    }

    /** A copy of the example repository's standards/, products/, schemas/, cost-data/ and slo-data/ in {@code dir}. */
    public static Path exampleCopy(Path dir) throws IOException {
        Path target = dir.resolve("example");
        for (String folder : new String[] {"standards", "products", "schemas", "cost-data", "slo-data"}) {
            if (Files.isDirectory(EXAMPLE.resolve(folder))) {
                copy(EXAMPLE.resolve(folder), target.resolve(folder));
            }
        }
        return target;
    }

    /** The example's site sources (templates/, content/, assets/ and site.yaml) copied into {@code repo}. */
    public static void copySiteSources(Path repo) throws IOException {
        for (String folder : new String[] {"templates", "content", "assets"}) {
            copy(EXAMPLE.resolve(folder), repo.resolve(folder));
        }
        Files.copy(EXAMPLE.resolve("site.yaml"), repo.resolve("site.yaml"), StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * Copies a folder; its top-level target/ is left out: a build of that folder in place (the
     * minimal repository validated where it lies) leaves its cache there, which is no part of a
     * repository and would make the copies depend on the order the tests ran in.
     */
    public static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : (Iterable<Path>) paths::iterator) {
                Path relative = from.relativize(source);
                if (relative.getNameCount() > 0 && relative.getName(0).toString().equals("target")) {
                    continue;
                }
                Path destination = to.resolve(relative.toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(destination);
                } else {
                    Files.copy(source, destination);
                }
            }
        }
    }
}
