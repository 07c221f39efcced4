package io.servicedocs.pipeline;

import io.servicedocs.cache.CacheFolder;
import io.servicedocs.cache.FileStamp;
import io.servicedocs.model.Diagnostic;
import io.servicedocs.source.GitWorkTree;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The top of the build cache: a whole build, by everything it reads. Its key is a SHA-512/256 of the
 * tool's identity (the cache folder's), the day and language of the build, the output folder, the
 * git commit checked out (the history pages) and the path and a digest of the bytes of every file
 * of the repository but .git/, target/ and the output folder (a superset of what the build reads: data,
 * templates, guides, assets, and the names the engine-config check looks for). A build with the
 * same key made the same site: when the output folder is still exactly what that build published
 * (every file by path, size and modification time), the build's outcome, with its warnings, is
 * given again without validating or rendering anything. Anything else, and the build runs.
 */
final class BuildCache {

    private static final String AREA = "builds";

    private final CacheFolder folder;

    BuildCache(CacheFolder folder) {
        this.folder = folder;
    }

    /**
     * The stamp ({@link #stamp}) of a build of {@code root} into {@code output}, from one walk of
     * the repository that reads no file's bytes; {@link #key} then hashes the files it found (one
     * walk for both: two were a third of the key's time at 1,000 products, issue 15). Taken before
     * the build or the key reads anything, it makes the key safe to remember: a file changed after
     * the walk changes the stamp taken again after the build. Empty when the repository cannot be
     * read whole.
     */
    Optional<Walk> walk(Path root, Path output, LocalDate asOf, Optional<String> language) {
        try {
            Instant walked = Instant.now();
            String head = head(root, output, asOf, language);
            List<Entry> entries = entries(root, output);
            return Optional.of(new Walk(root, walked, head, entries, stamp(head, entries)));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** A walk of the repository: when it began, the key's head, its entries and their stamp. */
    record Walk(Path root, Instant walked, String head, List<Entry> entries, String stamp) {
    }

    /**
     * The key of a walk, from a digest of each file's bytes.
     *
     * <p>The files are read and hashed on every core ({@code parallel}), or on the calling thread
     * alone when the build runs beside it: on 2 cores the common pool has one worker, which the
     * validation's parallel streams need. A file whose {@link FileStamp} (size, modification time
     * in nanoseconds, device, inode, and the inode's change time, which no program can set) is the
     * one it had when its digest was last taken is not read again: its digest is taken from the
     * cache (signed, as every entry). At 5,000 products, reading 25,000 files was half of a build
     * with nothing changed (issue 15). A digest is only kept for a file settled by the walk ({@link
     * FileStamp#settledBy}): one written again within the file system's clock tick is read at
     * every build until it has settled. Where the file system has no change time to read, every
     * file is read.
     */
    Optional<StampAndKey> key(Walk walk, boolean parallel) {
        try {
            List<Entry> entries = walk.entries();
            String where = CacheFolder.key(DIGESTS, walk.root().toAbsolutePath().normalize().toString());
            Map<String, Known> known = known(where);
            AtomicInteger read = new AtomicInteger();
            java.util.stream.Stream<Entry> each = parallel ? entries.parallelStream() : entries.stream();
            List<Optional<Hashed>> hashed = each.map(entry -> {
                if (entry.stamp().isEmpty()) {
                    return Optional.<Hashed>empty();
                }
                // reused only under a stamp with a change time (taken before the bytes are read)
                Optional<String> stamp = entry.stamp().filter(s -> s.changed().isPresent()).map(FileStamp::text);
                boolean settled = entry.stamp().get().settledBy(walk.walked());
                Known last = known.get(entry.name());
                if (last != null && stamp.isPresent() && last.stamp().equals(stamp.get())) {
                    return Optional.of(new Hashed(last.digest(), stamp.filter(s -> settled)));
                }
                read.incrementAndGet();
                return Optional.of(new Hashed(bytesDigest(entry.path()), stamp.filter(s -> settled)));
            }).toList();
            MessageDigest key = digest();
            update(key, walk.head());
            Map<String, Known> settledDigests = new LinkedHashMap<>();
            for (int i = 0; i < entries.size(); i++) {
                Entry entry = entries.get(i);
                update(key, entry.name());
                hashed.get(i).ifPresent(file -> {
                    update(key, file.digest());
                    file.keep().ifPresent(stamp -> settledDigests.put(entry.name(), new Known(stamp, file.digest())));
                });
            }
            // a digest reused was settled when kept, and stays so: the entry changes only when a file was read or went
            if (read.get() > 0 || settledDigests.size() != known.size()) {
                folder.write(DIGESTS, where, encoded(settledDigests));
            }
            return Optional.of(new StampAndKey(walk.stamp(), HexFormat.of().formatHex(key.digest()), read.get()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether a build into {@code output} may be given again ({@link #outcome}): only when the
     * folder is there, since the outcome holds the listing of the site it published.
     */
    static boolean mayGiveAgain(Path output) {
        return Files.isDirectory(output);
    }

    /** Whether a link leads (through any chain of links) to a regular file below the repository. */
    private static boolean leadsToFileInside(Path link, Path resolvedRoot) {
        try {
            Path target = link.toRealPath();
            return target.startsWith(resolvedRoot) && Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return false; // a dangling link, or a loop: its name and target are the entry
        }
    }

    /** A file's digest, and the stamp to keep it under when the file has settled. */
    private record Hashed(byte[] digest, Optional<String> keep) {
    }

    /** The cache's area of the digests of the repository's files, by path and stamp. */
    private static final String DIGESTS = "file-digests";

    /**
     * SHA-512/256 (as collision resistant as SHA-256): the tool runs on C1 only, which has no
     * SHA-256 intrinsic, and there it hashes the repository's bytes about three times faster
     * (issue 15); SHA-256 where a JDK lacks it.
     */
    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-512/256");
        } catch (java.security.NoSuchAlgorithmException e) {
            return CacheFolder.sha256();
        }
    }

    /** A stamp of the repository, the key of its build, and how many files were read for it (not known by their stamp). */
    record StampAndKey(String stamp, String key, int read) {
    }

    /**
     * The state of the same files as the key by path, kind, size and modification time
     * (nanoseconds where the file system keeps them), without reading them: taken with the key
     * and again after the build, it tells whether the repository changed while it was built.
     * Reading and hashing every file a second time for that was half a second of a cold build
     * at 1,000 products (issue 15); an edit keeps neither its size and time nor, at worst, this
     * key: a site remembered under the old key is only given again for the old bytes.
     */
    static Optional<String> stamp(Path root, Path output, LocalDate asOf, Optional<String> language) {
        try {
            return Optional.of(stamp(head(root, output, asOf, language), entries(root, output)));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String stamp(String head, List<Entry> entries) {
        MessageDigest stamps = digest();
        update(stamps, head);
        for (Entry entry : entries) {
            update(stamps, entry.name());
            entry.stamp().ifPresent(stamp -> update(stamps, stamp.text()));
        }
        return HexFormat.of().formatHex(stamps.digest());
    }

    /** What the key and the stamp begin with: the build's day, language, output folder and git state. */
    private static String head(Path root, Path output, LocalDate asOf, Optional<String> language) throws IOException {
        return "as-of " + asOf + "\nlanguage " + language.orElse("") + "\nout "
                + output.toAbsolutePath().normalize() + "\ngit " + gitState(root);
    }

    /** A file's digest as it was last taken, with the file's stamp then. */
    private record Known(String stamp, byte[] digest) {
    }

    /** The digests kept by the last key of this repository, by entry name; none when there are none or they do not read. */
    private Map<String, Known> known(String where) {
        return folder.read(DIGESTS, where).map(content -> {
            Map<String, Known> known = new HashMap<>();
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(content))) {
                for (int i = in.readInt(); i > 0; i--) {
                    String name = text(in);
                    String stamp = text(in);
                    byte[] digest = in.readNBytes(in.readUnsignedByte());
                    known.put(name, new Known(stamp, digest));
                }
                return in.read() == -1 ? known : Map.<String, Known>of();
            } catch (IOException | RuntimeException e) {
                return Map.<String, Known>of();
            }
        }).orElse(Map.of());
    }

    private static byte[] encoded(Map<String, Known> settled) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(settled.size());
            for (Map.Entry<String, Known> entry : settled.entrySet()) {
                text(out, entry.getKey());
                text(out, entry.getValue().stamp());
                out.writeByte(entry.getValue().digest().length);
                out.write(entry.getValue().digest());
            }
        }
        return bytes.toByteArray();
    }

    /**
     * An entry of the walk: its kind and path ("D", "F", "L" with its target, or "O"), for a file
     * (or a link to one) its stamp, and the path its bytes are read from.
     */
    private record Entry(String name, Optional<FileStamp> stamp, Path path) {

        static Entry of(String name, Path path) {
            return new Entry(name, Optional.empty(), path);
        }

        static Entry file(String name, Map<String, Object> attributes, Path path) {
            return new Entry(name, Optional.of(FileStamp.of(attributes)), path);
        }
    }

    /**
     * Every entry of the repository but .git/, target/ and the output folder (and its siblings being
     * written), depth first in each folder's listing order (as Files.walkFileTree went), links not
     * followed. Each entry's attributes come from one stat, the change time with them (the unix view;
     * the basic one, without it, where there is none).
     */
    private static List<Entry> entries(Path root, Path output) throws IOException {
        List<Entry> entries = new ArrayList<>();
        Path out = output.toAbsolutePath().normalize();
        Path realRoot = root.toAbsolutePath().normalize();
        visit(realRoot, realRoot, realRoot.toRealPath(), out, "." + out.getFileName() + ".", entries);
        return entries;
    }

    /**
     * @param resolvedRoot the repository's real path: a link's bytes are only read when it leads to
     *                     a regular file below it. One leading outside names its target in the key
     *                     and is never opened (the build refuses to read it): a file such as
     *                     /proc/kmsg, which reads as a regular file and blocks, would otherwise
     *                     stall every build of a pull request that adds a link to it.
     */
    private static void visit(Path path, Path realRoot, Path resolvedRoot, Path out, String siblings, List<Entry> entries)
            throws IOException {
        Map<String, Object> attributes = attributes(path, LinkOption.NOFOLLOW_LINKS);
        String relative = realRoot.relativize(path).toString();
        if (Boolean.TRUE.equals(attributes.get("isDirectory"))) {
            if (path.equals(out) || (path.getParent() != null && path.getParent().equals(out.getParent())
                    && path.getFileName().toString().startsWith(siblings))
                    || relative.equals(".git") || relative.equals("target")) {
                return;
            }
            entries.add(Entry.of("D " + relative, path));
            List<Path> children = new ArrayList<>();
            try (java.nio.file.DirectoryStream<Path> listing = Files.newDirectoryStream(path)) {
                listing.forEach(children::add);
            }
            for (Path child : children) {
                visit(child, realRoot, resolvedRoot, out, siblings, entries);
            }
        } else if (relative.equals(".git")) {
            return; // a worktree's .git file: gitState has its commit
        } else if (Boolean.TRUE.equals(attributes.get("isSymbolicLink"))) {
            String name = "L " + relative + " -> " + Files.readSymbolicLink(path);
            entries.add(leadsToFileInside(path, resolvedRoot) ? Entry.file(name, attributes(path), path) : Entry.of(name, path));
        } else if (Boolean.TRUE.equals(attributes.get("isRegularFile"))) {
            entries.add(Entry.file("F " + relative, attributes, path));
        } else {
            entries.add(Entry.of("O " + relative, path));
        }
    }

    /**
     * A file's attributes in one stat: the unix view's (with the change time), else the basic
     * view's. Named, not "unix:*", which also looks up the owner's and group's names: that made
     * the walk of 25,000 files take twice as long.
     */
    private static Map<String, Object> attributes(Path path, LinkOption... options) throws IOException {
        try {
            return Files.readAttributes(path, "unix:" + KINDS + "," + FileStamp.UNIX_ATTRIBUTES, options);
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            return Files.readAttributes(path, "basic:" + KINDS + "," + FileStamp.BASIC_ATTRIBUTES, options);
        }
    }

    private static final String KINDS = "isDirectory,isRegularFile,isSymbolicLink";

    /** The digest of a file's bytes, read through one buffer (a big asset is never held whole, on any core). */
    private static byte[] bytesDigest(Path file) {
        MessageDigest digest = digest();
        byte[] buffer = new byte[64 * 1024];
        try (java.io.InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return digest.digest();
    }

    /** The commit checked out and the shallow boundary (the history depends on both), or why there is none. */
    private static String gitState(Path root) throws IOException {
        try (org.eclipse.jgit.lib.Repository repository = GitWorkTree.open(root)) {
            org.eclipse.jgit.lib.ObjectId head = repository.resolve("HEAD^{commit}");
            Path shallow = repository.getDirectory().toPath().resolve("shallow");
            return (head == null ? "no-commit" : head.name())
                    + (Files.isRegularFile(shallow) ? " shallow " + Files.readString(shallow) : "");
        } catch (GitWorkTree.NotAWorkTreeException e) {
            return "none " + e.problem();
        }
    }

    private static void update(MessageDigest digest, String text) {
        update(digest, text.getBytes(StandardCharsets.UTF_8));
    }

    private static void update(MessageDigest digest, byte[] bytes) {
        digest.update(java.nio.ByteBuffer.allocate(4).putInt(bytes.length).array());
        digest.update(bytes);
    }

    /** The outcome of the build of this key, if the output folder is still the one it published. */
    Optional<BuildPipeline.Outcome> outcome(String key, Path output) {
        return folder.read(AREA, key).flatMap(content -> {
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(content))) {
                int files = in.readInt();
                int products = in.readInt();
                List<Diagnostic> diagnostics = new ArrayList<>();
                for (int i = in.readInt(); i > 0; i--) {
                    diagnostics.add(new Diagnostic(Diagnostic.Severity.valueOf(text(in)), text(in), in.readInt(),
                            in.readInt(), text(in), text(in)));
                }
                List<String> notes = new ArrayList<>();
                for (int i = in.readInt(); i > 0; i--) {
                    notes.add(text(in));
                }
                TreeMap<String, String> published = new TreeMap<>();
                for (int i = in.readInt(); i > 0; i--) {
                    published.put(text(in), text(in));
                }
                if (in.read() != -1 || !published.equals(listing(output))) {
                    return Optional.empty();
                }
                return Optional.of(new BuildPipeline.Outcome(files, products, diagnostics, Optional.empty(), notes));
            } catch (IOException | RuntimeException e) {
                return Optional.empty();
            }
        });
    }

    /** Remembers a published build: its outcome and the output folder as it is now. */
    void remember(String key, BuildPipeline.Outcome outcome, Path output) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeInt(outcome.files());
                out.writeInt(outcome.products());
                out.writeInt(outcome.diagnostics().size());
                for (Diagnostic d : outcome.diagnostics()) {
                    text(out, d.severity().name());
                    text(out, d.file());
                    out.writeInt(d.line());
                    out.writeInt(d.column());
                    text(out, d.rule());
                    text(out, d.message());
                }
                out.writeInt(outcome.notes().size());
                for (String note : outcome.notes()) {
                    text(out, note);
                }
                TreeMap<String, String> published = listing(output);
                out.writeInt(published.size());
                for (var entry : published.entrySet()) {
                    text(out, entry.getKey());
                    text(out, entry.getValue());
                }
            }
            folder.write(AREA, key, bytes.toByteArray());
        } catch (IOException | RuntimeException e) {
            // not remembered: the next build runs in full
        }
    }

    /** Every entry of the output folder: path to kind, size and modification time. */
    static TreeMap<String, String> listing(Path output) throws IOException {
        TreeMap<String, String> listing = new TreeMap<>();
        if (!Files.isDirectory(output, LinkOption.NOFOLLOW_LINKS)) {
            return listing;
        }
        Files.walkFileTree(output, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                listing.put(output.relativize(file).toString(), (attributes.isRegularFile() ? "f " : "o ")
                        + attributes.size() + " " + attributes.lastModifiedTime().toMillis());
                return FileVisitResult.CONTINUE;
            }
        });
        return listing;
    }

    private static void text(DataOutputStream out, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String text(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > in.available()) {
            throw new IOException("bad length");
        }
        return new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }
}
