package io.servicedocs.pipeline;

import io.servicedocs.cache.CacheFolder;
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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The top of the build cache: a whole build, by everything it reads. Its key is a SHA-512/256 of the
 * tool's identity (the cache folder's), the day and language of the build, the output folder, the
 * git commit checked out (the history pages) and the path and bytes of every file of the
 * repository but .git/, target/ and the output folder (a superset of what the build reads: data,
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
     * The stamp ({@link #stamp}) and the key of a build of {@code root} into {@code output}, made
     * in one walk of the repository (two walks were a third of the key's time at 1,000 products,
     * issue 15): each file's size and time are taken before its bytes are read, so a file changed
     * while the key reads it changes the stamp taken again after the build. Empty when the
     * repository cannot be read whole.
     */
    static Optional<StampAndKey> stampAndKey(Path root, Path output, LocalDate asOf, Optional<String> language) {
        MessageDigest key = digest();
        return walk(root, output, asOf, language, Optional.of(key))
                .map(stamp -> new StampAndKey(stamp, HexFormat.of().formatHex(key.digest())));
    }

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

    /** A stamp of the repository and the key of its build. */
    record StampAndKey(String stamp, String key) {
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
        return walk(root, output, asOf, language, Optional.empty());
    }

    /** The stamp; with {@code contents}, the key is written to it on the way (the same walk, each file's bytes after its stamp). */
    private static Optional<String> walk(Path root, Path output, LocalDate asOf, Optional<String> language,
                                         Optional<MessageDigest> contents) {
        try {
            MessageDigest stamps = digest();
            String head = "as-of " + asOf + "\nlanguage " + language.orElse("") + "\nout "
                    + output.toAbsolutePath().normalize() + "\ngit " + gitState(root);
            update(stamps, head);
            contents.ifPresent(digest -> update(digest, head));
            Path out = output.toAbsolutePath().normalize();
            String siblings = "." + out.getFileName() + ".";
            Path realRoot = root.toAbsolutePath().normalize();
            Files.walkFileTree(realRoot, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                    Path relative = realRoot.relativize(dir);
                    if (dir.equals(out) || (dir.getParent() != null && dir.getParent().equals(out.getParent())
                            && dir.getFileName().toString().startsWith(siblings))
                            || relative.toString().equals(".git") || relative.toString().equals("target")) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    both("D " + relative);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    String relative = realRoot.relativize(file).toString();
                    if (relative.equals(".git")) {
                        return FileVisitResult.CONTINUE; // a worktree's .git file: gitState has its commit
                    }
                    if (attributes.isSymbolicLink()) {
                        both("L " + relative + " -> " + Files.readSymbolicLink(file));
                        if (Files.isRegularFile(file)) {
                            update(stamps, stampOf(Files.readAttributes(file, BasicFileAttributes.class)));
                            if (contents.isPresent()) {
                                update(contents.get(), Files.readAllBytes(file));
                            }
                        }
                    } else if (attributes.isRegularFile()) {
                        both("F " + relative);
                        update(stamps, stampOf(attributes));
                        if (contents.isPresent()) {
                            update(contents.get(), Files.readAllBytes(file));
                        }
                    } else {
                        both("O " + relative);
                    }
                    return FileVisitResult.CONTINUE;
                }

                private void both(String text) {
                    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
                    update(stamps, bytes);
                    contents.ifPresent(digest -> update(digest, bytes));
                }
            });
            return Optional.of(HexFormat.of().formatHex(stamps.digest()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String stampOf(BasicFileAttributes attributes) {
        java.time.Instant modified = attributes.lastModifiedTime().toInstant();
        return attributes.size() + " " + modified.getEpochSecond() + "." + modified.getNano() + " " + attributes.fileKey();
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
