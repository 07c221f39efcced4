package io.servicedocs.cache;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Optional;

/**
 * The secret that signs the cache's entries, kept outside every repository: in
 * {@code $XDG_CACHE_HOME/servicedocs/cache-secret} (else {@code ~/.cache/servicedocs/}), 32 random
 * bytes made on first use, readable by the user only. A cache restored in CI must restore this file
 * with it (.github/workflows/publish.yml does); without it, the cache is rebuilt.
 */
public final class CacheSecret {

    private static final int LENGTH = 32;

    private CacheSecret() {
    }

    /** The secret, made if there is none yet; empty when it cannot be read or made (then no cache). */
    public static Optional<byte[]> load() {
        return load(userFolder().resolve("cache-secret"));
    }

    /** This user's folder of the tool, outside every repository: $XDG_CACHE_HOME/servicedocs, else ~/.cache/servicedocs. */
    static Path userFolder() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache"))
                .resolve("servicedocs");
    }

    static Optional<byte[]> load(Path file) {
        try {
            if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectories(file.getParent());
                byte[] secret = new byte[LENGTH];
                new SecureRandom().nextBytes(secret);
                Path temporary = Files.createTempFile(file.getParent(), ".cache-secret", ".tmp");
                try {
                    try {
                        Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
                    } catch (UnsupportedOperationException e) {
                        // not a POSIX file system: the user's folder protects it
                    }
                    Files.write(temporary, secret);
                    Files.move(temporary, file); // never replaces: two first runs keep the first one's
                } catch (FileAlreadyExistsException e) {
                    // another run made it first: read that one
                } finally {
                    Files.deleteIfExists(temporary);
                }
            }
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                return Optional.empty();
            }
            byte[] secret = Files.readAllBytes(file);
            return secret.length == LENGTH ? Optional.of(secret) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
