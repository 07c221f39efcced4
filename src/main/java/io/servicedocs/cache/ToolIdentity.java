package io.servicedocs.cache;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * What a cached result depends on besides the files: the tool that computed it. Its version
 * alone is not enough (every development build is 0.1.0-SNAPSHOT), so the identity is a digest of
 * the version, of the code (the jar's central directory: its entries by name, size and CRC-32,
 * read without unpacking; or every file of a classes folder) and of the JSON Schemas the files are
 * validated against. A cache is only read by the identical tool. A jar's identity is remembered
 * while the jar is unchanged ({@link #remembered}).
 *
 * @param version the tool's version as it says it
 * @param digest  {@link CacheFolder#key} (hex) of the cache's format, version, code and schemas
 */
public record ToolIdentity(String version, String digest) {

    /** The identity of the running tool; empty when its code cannot be read (then no cache). */
    public static Optional<ToolIdentity> current(List<String> schemaResources) {
        try {
            String version = Optional.ofNullable(ToolIdentity.class.getPackage().getImplementationVersion())
                    .orElse("development");
            Path code = Path.of(ToolIdentity.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            // the schemas are named by where they are read from: a class path on which another folder
            // or jar comes first and shadows them is another record
            StringBuilder place = new StringBuilder(code.toAbsolutePath().toString());
            for (String resource : schemaResources) {
                place.append('\n').append(ToolIdentity.class.getResource(resource));
            }
            return Optional.of(remembered(code, place.toString(), CacheSecret.userFolder().resolve(IDENTITIES),
                    Instant.now(), () -> of(version, codeDigest(code), schemasDigest(schemaResources))));
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The folder, in this user's folder of the tool, of the identities of the jars it ran from. */
    static final String IDENTITIES = "tool-identities";

    /** Computes an identity from the code and schemas. */
    @FunctionalInterface
    interface Computation {
        ToolIdentity compute() throws IOException;
    }

    /**
     * The identity of the jar {@code code}: remembered in {@code records}, a record per {@code
     * place} (the jar's path and where the schemas were read from) holding the jar's {@link
     * FileStamp}, while that stamp holds; else computed. Computing it hashes the jar's central
     * directory (5.5 MB) and the schemas read out of the jar: ~0.1 s of every command in a new
     * JVM, for an answer that only changes with the jar (issue 15). The jar's schemas are in the
     * jar, so its stamp covers them. A jar not settled by {@code now}, or changed while it was
     * read, is not remembered; nor is a classes folder (a development run) or a jar on a file
     * system without the unix attributes, which are computed every time, as when a record cannot
     * be written. The records are this user's, beside the cache's secret; a record that does not
     * parse, or of another stamp, is ignored and replaced.
     */
    static ToolIdentity remembered(Path code, String place, Path records, Instant now, Computation computation)
            throws IOException {
        Optional<FileStamp> before = FileStamp.ofRegularFile(code);
        if (before.isEmpty()) {
            return computation.compute();
        }
        Path record = records.resolve(CacheFolder.key(place.getBytes(StandardCharsets.UTF_8)));
        Optional<ToolIdentity> known = read(record, before.get());
        if (known.isPresent()) {
            return known.get();
        }
        ToolIdentity identity = computation.compute();
        if (before.get().settledBy(now) && before.equals(FileStamp.ofRegularFile(code))) {
            write(record, before.get(), identity);
        }
        return identity;
    }

    /** The record's identity, when it is a record of this stamp: three lines, the stamp, the version, the digest. */
    private static Optional<ToolIdentity> read(Path record, FileStamp stamp) {
        try {
            List<String> lines = Files.readString(record, StandardCharsets.UTF_8).lines().toList();
            if (lines.size() == 3 && lines.get(0).equals(stamp.text()) && !lines.get(1).isEmpty()
                    && lines.get(2).matches("[0-9a-f]{64}")) {
                return Optional.of(new ToolIdentity(lines.get(1), lines.get(2)));
            }
        } catch (IOException | RuntimeException e) {
            // no record, or not one: computed
        }
        return Optional.empty();
    }

    /** Writes the record under a temporary name and moves it into place: never half a record. */
    private static void write(Path record, FileStamp stamp, ToolIdentity identity) {
        if (identity.version().contains("\n") || identity.version().contains("\r")) {
            return;
        }
        try {
            Files.createDirectories(record.getParent());
            Path temporary = Files.createTempFile(record.getParent(), ".identity", ".tmp");
            try {
                Files.writeString(temporary, stamp.text() + "\n" + identity.version() + "\n" + identity.digest() + "\n",
                        StandardCharsets.UTF_8);
                Files.move(temporary, record, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException | RuntimeException e) {
            // only costs computing it again next time
        }
    }

    /**
     * The identity of a version with the digests of its code and of its schemas; the cache's
     * format is part of it, so that a cache of another format is never read.
     */
    public static ToolIdentity of(String version, byte[] code, byte[] schemas) {
        return new ToolIdentity(version, CacheFolder.key(CacheFolder.FORMAT.getBytes(StandardCharsets.US_ASCII),
                version.getBytes(StandardCharsets.UTF_8), code, schemas));
    }

    private static byte[] codeDigest(Path code) throws IOException {
        MessageDigest digest = CacheFolder.digest();
        if (Files.isRegularFile(code)) {
            Optional<byte[]> directory = centralDirectory(code);
            if (directory.isPresent()) {
                digest.update(directory.get());
                return digest.digest();
            }
            try (ZipFile jar = new ZipFile(code.toFile())) {
                jar.stream().sorted(java.util.Comparator.comparing(ZipEntry::getName)).forEach(entry -> {
                    digest.update(entry.getName().getBytes(StandardCharsets.UTF_8));
                    digest.update(java.nio.ByteBuffer.allocate(16).putLong(entry.getSize()).putLong(entry.getCrc()).array());
                });
            }
        } else {
            try (var files = Files.walk(code)) {
                for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                    digest.update(code.relativize(file).toString().getBytes(StandardCharsets.UTF_8));
                    digest.update(Files.readAllBytes(file));
                }
            }
        }
        return digest.digest();
    }

    /**
     * The central directory of a jar, as its bytes: every entry's name, sizes and CRC-32 (and
     * times) in one block at the end of the file, read with one seek. Hashing it is the cheap
     * form of hashing the entries one by one: the shaded jar has ~50,000 entries, and listing,
     * sorting and hashing them one at a time cost ~0.3 s of every validate (issue 15). The times
     * make a rebuild of identical code another identity: that only costs a cold cache. Empty when
     * the end record is not the plain one (a ZIP64 jar, a comment): then the entries are listed.
     */
    static Optional<byte[]> centralDirectory(Path jar) throws IOException {
        try (var channel = java.nio.channels.FileChannel.open(jar, java.nio.file.StandardOpenOption.READ)) {
            long size = channel.size();
            int endLength = 22; // the end-of-central-directory record without a comment
            if (size < endLength) {
                return Optional.empty();
            }
            java.nio.ByteBuffer end = readFully(channel, size - endLength, endLength)
                    .order(java.nio.ByteOrder.LITTLE_ENDIAN);
            if (end.getInt(0) != 0x06054b50 || end.getShort(20) != 0) {
                return Optional.empty();
            }
            long directorySize = Integer.toUnsignedLong(end.getInt(12));
            long directoryOffset = Integer.toUnsignedLong(end.getInt(16));
            if (directorySize == 0xFFFFFFFFL || directoryOffset == 0xFFFFFFFFL
                    || directoryOffset + directorySize != size - endLength || directorySize > Integer.MAX_VALUE) {
                return Optional.empty();
            }
            return Optional.of(readFully(channel, directoryOffset, (int) directorySize).array());
        }
    }

    private static java.nio.ByteBuffer readFully(java.nio.channels.FileChannel channel, long at, int length) throws IOException {
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, at + buffer.position()) < 0) {
                throw new IOException("the jar ends early");
            }
        }
        return buffer;
    }

    /** The schema files the tool validates with, by name and bytes. */
    public static byte[] schemasDigest(List<String> resources) throws IOException {
        MessageDigest digest = CacheFolder.digest();
        for (String resource : resources) {
            try (InputStream in = ToolIdentity.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IOException("no resource " + resource);
                }
                digest.update(resource.getBytes(StandardCharsets.UTF_8));
                digest.update(in.readAllBytes());
            }
        }
        return digest.digest();
    }
}
