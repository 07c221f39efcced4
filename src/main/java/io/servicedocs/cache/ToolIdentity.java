package io.servicedocs.cache;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * What a cached result depends on besides the files: the tool that computed it. Its version
 * alone is not enough (every development build is 0.1.0-SNAPSHOT), so the identity is a digest of
 * the version, of the code (the jar's entries by name, size and CRC-32, read from its directory
 * without unpacking; or every file of a classes folder) and of the JSON Schemas the files are
 * validated against. A cache is only read by the identical tool.
 *
 * @param version the tool's version as it says it
 * @param digest  SHA-256 (hex) of version, code and schemas
 */
public record ToolIdentity(String version, String digest) {

    /** The identity of the running tool; empty when its code cannot be read (then no cache). */
    public static Optional<ToolIdentity> current(List<String> schemaResources) {
        try {
            String version = Optional.ofNullable(ToolIdentity.class.getPackage().getImplementationVersion())
                    .orElse("development");
            Path code = Path.of(ToolIdentity.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Optional.of(of(version, codeDigest(code), schemasDigest(schemaResources)));
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The identity of a version with the digests of its code and of its schemas. */
    public static ToolIdentity of(String version, byte[] code, byte[] schemas) {
        return new ToolIdentity(version, CacheFolder.key(version.getBytes(StandardCharsets.UTF_8), code, schemas));
    }

    private static byte[] codeDigest(Path code) throws IOException {
        MessageDigest digest = CacheFolder.sha256();
        if (Files.isRegularFile(code)) {
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

    /** The schema files the tool validates with, by name and bytes. */
    public static byte[] schemasDigest(List<String> resources) throws IOException {
        MessageDigest digest = CacheFolder.sha256();
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
