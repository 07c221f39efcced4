package io.servicedocs.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.servicedocs.TestRepositories;
import io.servicedocs.cache.CacheFolder;
import io.servicedocs.cache.ToolIdentity;
import io.servicedocs.model.Diagnostic;
import io.servicedocs.source.WorkingTreeSource;
import io.servicedocs.validate.Validation;
import io.servicedocs.validate.ValidationResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cache of parsed and validated files, through the validation that uses it: a second run reads
 * every file from it and gives exactly the result of the first; changed bytes, another tool or
 * other schemas, a corrupted or forged entry are all misses, and a file with schema problems is
 * never remembered as conforming.
 */
class ParsedFileCacheTest {

    /** The minimal repository: 4 standard files and 2 products of 5 files. */
    private static final int FILES = 14;
    private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final ToolIdentity TOOL = ToolIdentity.of("1.0", bytes("code"), bytes("schemas"));

    private static SchemaValidator schemas;

    @BeforeAll
    static void load() {
        schemas = new SchemaValidator();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private record Run(ValidationResult result, int hits, int misses) {
    }

    private static Run validate(Path repo, ToolIdentity tool, byte[] secret) throws IOException {
        ParsedFileCache cache = ParsedFileCache.in(CacheFolder.open(repo, tool, secret).orElseThrow());
        ValidationResult result = new Validation(schemas, TestRepositories.AS_OF, Optional.empty(), cache)
                .run(new WorkingTreeSource(repo));
        return new Run(result, cache.hits(), cache.misses());
    }

    private static ValidationResult uncached(Path repo) throws IOException {
        return new Validation(schemas, TestRepositories.AS_OF).run(new WorkingTreeSource(repo));
    }

    @Test
    void aSecondRunReadsEveryFileFromTheCacheAndGivesTheSameResult(@TempDir Path dir) throws IOException {
        Path repo = TestRepositories.minimalCopy(dir);
        Run cold = validate(repo, TOOL, SECRET);
        assertEquals(0, cold.hits());
        assertEquals(FILES, cold.misses());
        Run warm = validate(repo, TOOL, SECRET);
        assertEquals(FILES, warm.hits());
        assertEquals(0, warm.misses());
        ValidationResult fresh = uncached(repo);
        assertEquals(fresh.diagnostics(), warm.result().diagnostics());
        assertEquals(fresh.repository(), warm.result().repository());
        assertTrue(warm.result().repository().isPresent());
    }

    @Test
    void theTreesParsedInARunWaitInAScratchFileThatIsGoneOnceThePackIsWritten(@TempDir Path dir) throws IOException {
        Path repo = TestRepositories.minimalCopy(dir);
        CacheFolder folder = CacheFolder.open(repo, TOOL, SECRET).orElseThrow();
        ParsedFileCache cache = ParsedFileCache.in(folder);
        new Validation(schemas, TestRepositories.AS_OF, Optional.empty(), cache).run(new WorkingTreeSource(repo));
        assertEquals(FILES, cache.misses());
        try (Stream<Path> files = Files.walk(folder.folder())) {
            List<String> names = files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).toList();
            assertEquals(1, names.size(), names.toString()); // the pack alone: no scratch or temporary file
        }
        // the pack written from the spool holds every tree: a second run parses nothing
        Run warm = validate(repo, TOOL, SECRET);
        assertEquals(FILES, warm.hits());
        assertEquals(0, warm.misses());
    }

    @Test
    void aChangedFileIsParsedAgainAndTheOthersAreNot(@TempDir Path dir) throws IOException {
        Path repo = TestRepositories.minimalCopy(dir);
        validate(repo, TOOL, SECRET);
        Path doc = repo.resolve("products/alpha/service-doc.yaml");
        Files.writeString(doc, Files.readString(doc).replaceFirst("(?m)^name: .*$", "name: Alpha renamed"));
        Run changed = validate(repo, TOOL, SECRET);
        assertEquals(1, changed.misses());
        assertEquals(FILES - 1, changed.hits());
        assertEquals("Alpha renamed", changed.result().repository().orElseThrow().products().stream()
                .filter(p -> p.id().equals("alpha")).findFirst().orElseThrow().serviceDoc().name());
        assertEquals(uncached(repo).repository(), changed.result().repository());
    }

    @Test
    void anotherToolVersionOrOtherSchemasNeverReadTheCache(@TempDir Path dir) throws IOException {
        Path repo = TestRepositories.minimalCopy(dir);
        validate(repo, TOOL, SECRET);
        Run newer = validate(repo, ToolIdentity.of("1.1", bytes("code"), bytes("schemas")), SECRET);
        assertEquals(0, newer.hits());
        assertEquals(FILES, newer.misses());
        Run otherSchemas = validate(repo, ToolIdentity.of("1.1", bytes("code"), bytes("schemas changed")), SECRET);
        assertEquals(0, otherSchemas.hits());
        // the folder of each other identity was deleted when the next one opened the cache
        try (Stream<Path> folders = Files.list(repo.resolve(CacheFolder.LOCATION))) {
            assertEquals(1, folders.count());
        }
        assertEquals(uncached(repo).diagnostics(), otherSchemas.result().diagnostics());
    }

    @Test
    void aCorruptedEntryIsIgnoredAndRewritten(@TempDir Path dir) throws IOException {
        Path repo = TestRepositories.minimalCopy(dir);
        Path folder = CacheFolder.open(repo, TOOL, SECRET).orElseThrow().folder();
        validate(repo, TOOL, SECRET);
        // one packed entry holds every file of the run (issue 15: not a file per data file)
        List<Path> entries;
        try (Stream<Path> files = Files.walk(folder)) {
            entries = files.filter(Files::isRegularFile).toList();
        }
        assertEquals(1, entries.size());
        Path entry = entries.get(0);
        byte[] bytes = Files.readAllBytes(entry);
        bytes[bytes.length / 2] ^= 0x01; // one bit in the middle of the trees
        Files.write(entry, bytes);
        Run corrupted = validate(repo, TOOL, SECRET);
        assertEquals(0, corrupted.hits());
        assertEquals(uncached(repo).repository(), corrupted.result().repository());
        assertEquals(FILES, validate(repo, TOOL, SECRET).hits()); // rewritten whole
    }

    @Test
    void anEntryWrittenWithoutThisUsersSecretIsNotTrusted(@TempDir Path dir) throws IOException {
        Path repo = TestRepositories.minimalCopy(dir);
        validate(repo, TOOL, "another secret, another machine!".getBytes(StandardCharsets.US_ASCII));
        Run run = validate(repo, TOOL, SECRET);
        assertEquals(0, run.hits());
    }

    @Test
    void aFileWithSchemaProblemsIsNeverRememberedAsConforming(@TempDir Path dir) throws IOException {
        Path repo = TestRepositories.minimalCopy(dir);
        Path phase = repo.resolve("products/alpha/phase.yaml");
        Files.writeString(phase, Files.readString(phase) + "colour: blue\n");
        Run first = validate(repo, TOOL, SECRET);
        Run second = validate(repo, TOOL, SECRET);
        assertEquals(FILES, second.hits()); // its tree is cached: it parsed
        List<Diagnostic> errors = second.result().diagnostics().stream().filter(Diagnostic::isError).toList();
        assertEquals(1, errors.size());
        assertEquals("products/alpha/phase.yaml", errors.get(0).file());
        assertEquals(first.result().diagnostics(), second.result().diagnostics());
        assertFalse(second.result().repository().orElseThrow().products().stream().anyMatch(p -> p.id().equals("alpha")));
    }

    @Test
    void aTargetFolderThatIsALinkIsNotUsed(@TempDir Path dir) throws IOException {
        Path repo = TestRepositories.minimalCopy(dir);
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Files.createSymbolicLink(repo.resolve("target"), elsewhere);
        assertEquals(Optional.empty(), CacheFolder.open(repo, TOOL, SECRET));
        try (Stream<Path> written = Files.list(elsewhere)) {
            assertEquals(0, written.count());
        }
    }
}
