package io.servicedocs.cache;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The build cache on disk: {@code target/servicedocs-cache/} of the repository. Entries live in a
 * folder named for the tool's identity ({@link ToolIdentity}: its version, code and schemas), so
 * that a cache written by another build of the tool is never read; the other folders are deleted
 * when this one is opened. Each entry is addressed by a SHA-512/256 key ({@link #digest}) and holds
 * its own key and a HMAC-SHA-512/256 of its key and content under a secret kept outside the repository ({@link
 * CacheSecret}): an entry that is truncated, corrupted, for another key or not written by this
 * user's tool (a repository is untrusted: a pull request could commit a forged target/) is a miss,
 * never trusted. The cache's folders are used only when they are real folders (a link for target/
 * would make the cache write outside the repository), and entries are read without following
 * links. Entries are written to a temporary file and moved into place, so a reader never sees half
 * an entry. Deleting the folder is always safe: the next run recomputes everything.
 */
public final class CacheFolder {

    /** Where the cache lives, under the repository. */
    public static final String LOCATION = "target/servicedocs-cache";

    /**
     * The format of an entry and of its key and MAC (2: SHA-512/256 and HMAC-SHA-512/256, which were
     * SHA-256 in 1). It is part of the tool's identity ({@link ToolIdentity#of}), so a cache folder of
     * another format is another folder, deleted when this one opens, and never read.
     */
    static final String FORMAT = "servicedocs-cache-2";

    private static final byte[] MAGIC = (FORMAT + "\n").getBytes(StandardCharsets.US_ASCII);

    private final Path folder;
    private final byte[] secret;
    /** Folders checked to be real folders in this run. */
    private final java.util.Set<Path> checked = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private CacheFolder(Path folder, byte[] secret) {
        this.folder = folder;
        this.secret = secret.clone();
    }

    /**
     * The cache of {@code repositoryRoot} for this identity, its folder created, and the folders
     * of other identities removed (they can never be read again). Empty when the folder cannot be
     * made (a read-only checkout): the run then goes without a cache.
     */
    public static Optional<CacheFolder> open(Path repositoryRoot, ToolIdentity identity) {
        return CacheSecret.load().flatMap(secret -> open(repositoryRoot, identity, secret));
    }

    /** As {@link #open(Path, ToolIdentity)} with the given secret (tests). */
    public static Optional<CacheFolder> open(Path repositoryRoot, ToolIdentity identity, byte[] secret) {
        Path target = repositoryRoot.resolve("target");
        Path base = repositoryRoot.resolve(LOCATION);
        Path folder = base.resolve(identity.digest().substring(0, 32));
        try {
            realFolder(target);
            realFolder(base);
            try (var others = Files.list(base)) {
                for (Path other : others.filter(p -> !p.equals(folder)).toList()) {
                    deleteTree(other);
                }
            }
            realFolder(folder);
            return Optional.of(new CacheFolder(folder, secret));
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty();
        }
    }

    /** Makes {@code folder} unless it exists; refuses it when it exists as anything but a real folder (a link). */
    private static void realFolder(Path folder) throws IOException {
        if (Files.exists(folder, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            if (!Files.isDirectory(folder, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                throw new IOException(folder + " is not a folder");
            }
        } else {
            Files.createDirectory(folder);
        }
    }

    /** The folder of an entry, made and checked once per run. */
    private Path entryFolder(Path file) throws IOException {
        Path area = file.getParent().getParent();
        for (Path dir : java.util.List.of(area, file.getParent())) {
            if (!checked.contains(dir)) {
                synchronized (checked) {
                    realFolder(dir);
                }
                checked.add(dir);
            }
        }
        return file.getParent();
    }

    public Path folder() {
        return folder;
    }

    /**
     * The content stored under {@code key} in {@code area}, if it is there whole and is that key's.
     * Read straight into one array of the content's length, a slice at a time (see {@link #SLICE}).
     */
    public Optional<byte[]> read(String area, String key) {
        Path file = file(area, key);
        try {
            entryFolder(file);
            try (var channel = Files.newByteChannel(file, java.nio.file.StandardOpenOption.READ,
                    java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                byte[] expectedHead = head(key);
                long size = channel.size();
                if (size < expectedHead.length + 4 + 32 || size > Integer.MAX_VALUE - 64) {
                    return Optional.empty();
                }
                byte[] head = new byte[expectedHead.length + 4];
                if (!readFully(channel, head) || !Arrays.equals(head, 0, expectedHead.length, expectedHead, 0,
                        expectedHead.length)) {
                    return Optional.empty();
                }
                int length = java.nio.ByteBuffer.wrap(head, expectedHead.length, 4).getInt();
                if (length < 0 || size != (long) head.length + length + 32) {
                    return Optional.empty();
                }
                byte[] content = new byte[length];
                byte[] digest = new byte[32];
                if (!readFully(channel, content) || !readFully(channel, digest) || channel.read(java.nio.ByteBuffer.allocate(1)) != -1
                        || !MessageDigest.isEqual(digest, mac(key, content))) {
                    return Optional.empty();
                }
                return Optional.of(content);
            }
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty();
        }
    }

    /**
     * The most read from or written to an entry's file in one call. A heap buffer goes through the
     * channel via a temporary direct buffer of its size, which the JDK then keeps for the thread
     * (jdk.nio.maxCachedBufferSize is unbounded by default): reading the 43 MB pack of 5,000
     * products whole held 43 MB of native memory to the end of the build (issue 15: its peak
     * RSS). In slices, that buffer is this size.
     */
    static final int SLICE = 1 << 16;

    /** Fills {@code into} from the channel, a slice at a time; false when the file ends first. */
    private static boolean readFully(java.nio.channels.SeekableByteChannel channel, byte[] into) throws IOException {
        for (int at = 0; at < into.length; ) {
            int read = channel.read(java.nio.ByteBuffer.wrap(into, at, Math.min(SLICE, into.length - at)));
            if (read < 0) {
                return false;
            }
            at += read;
        }
        return true;
    }

    /** An entry's first bytes, before the content's length: the format and the key. */
    private static byte[] head(String key) throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.write(MAGIC);
            out.writeUTF(key);
        }
        return bytes.toByteArray();
    }

    /** Stores {@code content} under {@code key}; a failure to write only costs a later miss. */
    public void write(String area, String key, byte[] content) {
        write(area, key, content.length, out -> out.write(content));
    }

    /** Writes an entry's content, {@code length} bytes exactly, to the stream it is given. */
    @FunctionalInterface
    public interface Content {
        void writeTo(java.io.OutputStream out) throws IOException;
    }

    /**
     * Stores the {@code length} bytes {@code content} writes under {@code key}, streamed to the
     * file with its MAC computed on the way: the content is never held whole in memory (the one
     * pack of a cold run at 5,000 products is ~45 MB, issue 15). The entry is written under a
     * temporary name and moved into place only when exactly {@code length} bytes came, so a
     * failed or short write leaves the previous entry (or none), never half of one. A failure
     * to write only costs a later miss.
     */
    public void write(String area, String key, long length, Content content) {
        Path file = file(area, key);
        try {
            if (length < 0 || length > Integer.MAX_VALUE - 64) {
                return;
            }
            entryFolder(file);
            javax.crypto.Mac mac = macOf(key);
            Path temporary = Files.createTempFile(file.getParent(), ".entry", ".tmp");
            try {
                try (DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(
                        Files.newOutputStream(temporary), SLICE))) {
                    out.write(MAGIC);
                    out.writeUTF(key);
                    out.writeInt((int) length);
                    long[] written = {0};
                    content.writeTo(new java.io.FilterOutputStream(out) {
                        @Override
                        public void write(int b) throws IOException {
                            mac.update((byte) b);
                            written[0]++;
                            out.write(b);
                        }

                        @Override
                        public void write(byte[] bytes, int offset, int count) throws IOException {
                            mac.update(bytes, offset, count);
                            written[0] += count;
                            // in slices: a larger write passes the buffer and reaches the channel whole (SLICE)
                            for (int at = offset; at < offset + count; at += SLICE) {
                                out.write(bytes, at, Math.min(SLICE, offset + count - at));
                            }
                        }

                        @Override
                        public void close() {
                            // the entry's stream is closed here, after the digest
                        }
                    });
                    if (written[0] != length) {
                        return; // not the announced content: the temporary file is deleted below
                    }
                    out.write(mac.doFinal());
                }
                try {
                    Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException | UncheckedIOException e) {
            // the cache is an optimisation: a run that cannot write it just does the work next time
        }
    }

    /**
     * A new empty file in {@code area} for a run's scratch data (the parse cache's spool), made
     * readable by this user only; its user deletes it. Empty when it cannot be made.
     */
    public Optional<Path> scratchFile(String area) {
        Path folderOfArea = folder.resolve(area);
        try {
            synchronized (checked) {
                realFolder(folderOfArea);
            }
            return Optional.of(Files.createTempFile(folderOfArea, ".scratch", ".tmp"));
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty();
        }
    }

    /** HMAC-SHA-512/256 of key and content under this user's secret: only this user's tool made it. */
    private byte[] mac(String key, byte[] content) {
        return macOf(key).doFinal(content);
    }

    /**
     * The HMAC of an entry, fed its key: the content follows (at once or streamed). HMAC-SHA-512/256
     * for the speed of {@link #digest} (its MAC is 32 bytes, as HMAC-SHA-256's); HMAC-SHA-256 where a
     * JDK lacks it (then an entry written by the other is a miss, never trusted).
     */
    private javax.crypto.Mac macOf(String key) {
        try {
            javax.crypto.Mac mac;
            String algorithm = "HmacSHA512/256";
            try {
                mac = javax.crypto.Mac.getInstance(algorithm);
            } catch (NoSuchAlgorithmException e) {
                algorithm = "HmacSHA256";
                mac = javax.crypto.Mac.getInstance(algorithm);
            }
            mac.init(new javax.crypto.spec.SecretKeySpec(secret, algorithm));
            mac.update(key.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return mac;
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
    }

    /** The file of an entry: two levels by the key's first characters, as git spreads its objects. */
    Path file(String area, String key) {
        return folder.resolve(area).resolve(key.substring(0, 2)).resolve(key);
    }

    /** A {@link #digest} of the parts, each preceded by its length (so that ("ab","c") and ("a","bc") differ). */
    public static String key(byte[]... parts) {
        MessageDigest digest = digest();
        for (byte[] part : parts) {
            digest.update(java.nio.ByteBuffer.allocate(4).putInt(part.length).array());
            digest.update(part);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    public static String key(String... parts) {
        return key(Arrays.stream(parts).map(p -> p.getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new));
    }

    /**
     * SHA-512/256 (FIPS 180-4, as collision resistant as SHA-256, a 32-byte digest), the digest of
     * the cache's keys and of the tool's identity: the tool runs on C1 only, which has no SHA-256
     * intrinsic, and there it hashes about 1.25 times as fast as SHA-256 (it works on 64-bit words;
     * 133 against 107 MB/s); a cold validate of 1,000 products hashes ~24 MB (the files, the
     * parse cache's pack, the jar's central directory). SHA-256 where a JDK lacks it.
     */
    public static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-512/256");
        } catch (NoSuchAlgorithmException e) {
            return sha256();
        }
    }

    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static void deleteTree(Path path) throws IOException {
        if (Files.isDirectory(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            try (var children = Files.list(path)) {
                for (Path child : children.toList()) {
                    deleteTree(child);
                }
            }
        }
        Files.deleteIfExists(path);
    }
}
