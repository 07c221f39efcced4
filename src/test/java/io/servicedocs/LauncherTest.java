package io.servicedocs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher, ./servicedocs, as it chooses the JVM's options: which class-data archive a command
 * maps or records, when a recorded one is kept, and the huge-pages option. It runs the real script
 * from a copy of its folder, with a jar that is newer than its (absent) sources so that nothing is
 * built, and a {@code java} first on the PATH that writes down its arguments, makes the archive it
 * is asked to record, and exits with the status it is told.
 */
class LauncherTest {

    @TempDir
    Path dir;
    private Path home;
    private Path bin;
    private Path log;

    @BeforeEach
    void launcherBesideAJarAndARecordingJava() throws IOException {
        home = Files.createDirectories(dir.resolve("home"));
        Files.createDirectories(home.resolve("target"));
        Files.copy(Path.of("servicedocs"), home.resolve("servicedocs"));
        assertTrue(home.resolve("servicedocs").toFile().setExecutable(true));
        Files.writeString(home.resolve("target/servicedocs.jar"), "a jar");
        bin = Files.createDirectories(dir.resolve("bin"));
        log = dir.resolve("java-arguments");
        Files.writeString(bin.resolve("java"), """
                #!/usr/bin/env bash
                printf '%s\\n' "$@" > "$FAKE_JAVA_LOG"
                for argument in "$@"; do
                  case $argument in -XX:ArchiveClassesAtExit=*) printf 'classes' > "${argument#-XX:ArchiveClassesAtExit=}" ;; esac
                done
                exit "${FAKE_JAVA_STATUS:-0}"
                """);
        assertTrue(bin.resolve("java").toFile().setExecutable(true));
    }

    /** The launcher's exit status, the java it ran having exited with {@code status}; its arguments are then in {@link #arguments}. */
    private int launch(int status, Map<String, String> environment, String... command) throws Exception {
        List<String> line = new ArrayList<>(List.of("bash", home.resolve("servicedocs").toString()));
        line.addAll(List.of(command));
        ProcessBuilder builder = new ProcessBuilder(line).redirectErrorStream(true)
                .redirectOutput(dir.resolve("launcher-output").toFile());
        builder.environment().remove("CI");
        builder.environment().remove("SERVICEDOCS_CDS");
        builder.environment().remove("SERVICEDOCS_JAVA_OPTS");
        builder.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        builder.environment().put("FAKE_JAVA_LOG", log.toString());
        builder.environment().put("FAKE_JAVA_STATUS", Integer.toString(status));
        builder.environment().putAll(environment);
        return builder.start().waitFor();
    }

    private List<String> arguments() throws IOException {
        return Files.readAllLines(log, StandardCharsets.UTF_8);
    }

    private boolean recordsInto(String archive) throws IOException {
        return arguments().stream().anyMatch(a -> a.startsWith("-XX:ArchiveClassesAtExit=" + home.resolve("target/" + archive) + "."));
    }

    private boolean maps(String archive) throws IOException {
        return arguments().contains("-XX:SharedArchiveFile=" + home.resolve("target/" + archive));
    }

    private List<String> targetFiles() throws IOException {
        try (Stream<Path> files = Files.list(home.resolve("target"))) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void validateAndBuildEachRecordTheirOwnArchiveOnceAndTheOtherCommandsMapTheBuilds() throws Exception {
        assertEquals(0, launch(0, Map.of(), "validate"));
        assertTrue(recordsInto("servicedocs-validate.jsa"), arguments().toString());
        assertEquals(List.of("servicedocs-validate.jsa", "servicedocs.jar"), targetFiles());

        assertEquals(0, launch(0, Map.of(), "validate", "--repo", "x"));
        assertTrue(maps("servicedocs-validate.jsa"), arguments().toString());
        assertFalse(arguments().stream().anyMatch(a -> a.startsWith("-XX:ArchiveClassesAtExit")), arguments().toString());

        // a command other than build and validate records nothing, and maps the build's archive once there is one
        assertEquals(0, launch(0, Map.of(), "history"));
        assertFalse(arguments().stream().anyMatch(a -> a.startsWith("-XX:ArchiveClassesAtExit")
                || a.startsWith("-XX:SharedArchiveFile")), arguments().toString());
        assertEquals(0, launch(0, Map.of(), "build"));
        assertTrue(recordsInto("servicedocs.jsa"), arguments().toString());
        assertEquals(0, launch(0, Map.of(), "history"));
        assertTrue(maps("servicedocs.jsa"), arguments().toString());
        assertEquals(List.of("servicedocs-validate.jsa", "servicedocs.jar", "servicedocs.jsa"), targetFiles());

        // a jar newer than the archive: recorded again
        Files.setLastModifiedTime(home.resolve("target/servicedocs.jar"), FileTime.from(Instant.now().plusSeconds(60)));
        assertEquals(0, launch(0, Map.of(), "validate"));
        assertTrue(recordsInto("servicedocs-validate.jsa"), arguments().toString());
    }

    @Test
    void anArchiveIsKeptOnlyFromARunThatDidTheCommandsWork() throws Exception {
        assertEquals(2, launch(2, Map.of(), "validate", "--repoo", "x")); // a usage error
        assertEquals(0, launch(0, Map.of(), "validate", "--help"));
        assertEquals(0, launch(0, Map.of(), "build", "-h"));
        assertEquals(List.of("servicedocs.jar"), targetFiles(), "no archive, and no partial one left");

        assertEquals(1, launch(1, Map.of(), "validate")); // invalid data: the command's whole work was done
        assertEquals(List.of("servicedocs-validate.jsa", "servicedocs.jar"), targetFiles());
    }

    @Test
    void nothingIsRecordedWhereCiIsSetNorWithClassDataSharingOff() throws Exception {
        assertEquals(0, launch(0, Map.of("CI", "true"), "build"));
        assertFalse(arguments().stream().anyMatch(a -> a.startsWith("-XX:ArchiveClassesAtExit")), arguments().toString());
        assertEquals(0, launch(0, Map.of("SERVICEDOCS_CDS", "off"), "validate"));
        assertFalse(arguments().stream().anyMatch(a -> a.contains("Archive") || a.startsWith("-Xlog:cds")), arguments().toString());
        assertEquals(List.of("servicedocs.jar"), targetFiles());
    }

    @Test
    void hugePagesAreAskedForOnlyWhereTheKernelGivesThemOnRequest() throws Exception {
        Path setting = Path.of("/sys/kernel/mm/transparent_hugepage/enabled");
        boolean madvise = Files.isReadable(setting) && Files.readString(setting).contains("[madvise]");
        assertEquals(0, launch(0, Map.of(), "validate"));
        assertEquals(madvise, arguments().contains("-XX:+UseTransparentHugePages"), arguments().toString());
        assertTrue(arguments().containsAll(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar",
                home.resolve("target/servicedocs.jar").toString(), "validate")), arguments().toString());
    }
}
