package io.servicedocs.site.render;

import io.servicedocs.cache.CacheFolder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The pages of the site that need not be rendered again: a page whose inputs (its template and
 * every file of templates/, the common model, its own model, its path) are those of the page the
 * last build published, and whose published file is still the one that build left (by size,
 * modification time and file identity, as {@code BuildCache} trusts the output folder), is copied
 * from the published site instead of rendered. The inputs are compared by a digest of the
 * models' content ({@link ModelDigest}): page models are records, lists, maps, optionals, strings,
 * numbers and booleans; a value of any other type makes the page render every time.
 * A change to one product so renders its own page and the pages that list it, not the others.
 */
public final class PageReuse {

    /**
     * Every page's entry (the digest of its inputs, then the stamp of its published file) lives
     * in one packed entry of the cache, read once and written once per build ({@link #save()}): a
     * file per page made a cold build at 5,000 products write thousands of small files (issue 15).
     */
    private static final String AREA = "packs";

    private final CacheFolder cache;
    private final Path published;
    /** The last build's entries, by page path, and this build's (the next pack). */
    private final Map<String, Entry> last = new java.util.HashMap<>();
    private final Map<String, Entry> next = new java.util.concurrent.ConcurrentHashMap<>();
    /**
     * The digest of the content of each shared value of the pages' inputs, by identity, made
     * once: the shared inputs (templates, common model, the standard) are the same objects on
     * every page, and hashing them again for each of thousands of pages was a third of a cold
     * build's render (issue 15, JFR). Only those values are kept (with 32-byte digests): a
     * page's own values are hashed once anyway, and keeping them would keep every page's model
     * alive to the end of the render (hundreds of MB at 5,000 products). A product's view is
     * shared by its page and its export (both hashed with it apart): the site's pages hold every
     * product's view to the end of the render anyway, so only its digest is added.
     */
    private final Map<Object, java.util.concurrent.CompletableFuture<Optional<byte[]>>> digests =
            Collections.synchronizedMap(new IdentityHashMap<>());
    private final java.util.concurrent.atomic.AtomicInteger reused = new java.util.concurrent.atomic.AtomicInteger();

    /** A page's inputs (their digest) and its published file's stamp (size, modification time, file identity). */
    private record Entry(byte[] inputs, String stamp) {
        boolean same(Entry other) {
            return other != null && java.util.Arrays.equals(inputs, other.inputs) && stamp.equals(other.stamp);
        }
    }

    /** @param published the folder of the site as the last build published it (the output) */
    public PageReuse(CacheFolder cache, Path published) {
        this.cache = cache;
        this.published = published.toAbsolutePath().normalize();
        cache.read(AREA, packKey()).ifPresent(pack -> {
            if (!unpack(pack, last)) {
                last.clear();
            }
        });
    }

    /** Writes this build's entries as the one pack of pages (once, after the render). */
    public void save() {
        if (next.size() != last.size() || next.entrySet().stream().anyMatch(e -> !e.getValue().same(last.get(e.getKey())))) {
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(next.size() * 140 + 8);
            try (java.io.DataOutputStream out = new java.io.DataOutputStream(bytes)) {
                Map<String, Entry> sorted = new java.util.TreeMap<>(next);
                out.writeInt(sorted.size());
                for (Map.Entry<String, Entry> entry : sorted.entrySet()) {
                    out.writeUTF(entry.getKey());
                    out.write(entry.getValue().inputs());
                    out.writeUTF(entry.getValue().stamp());
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("a byte array cannot fail", e);
            }
            cache.write(AREA, packKey(), bytes.toByteArray());
        }
    }

    private static boolean unpack(byte[] pack, Map<String, Entry> entries) {
        try (java.io.DataInputStream in = new java.io.DataInputStream(new java.io.ByteArrayInputStream(pack))) {
            int count = in.readInt();
            for (int i = 0; i < count; i++) {
                String path = in.readUTF();
                byte[] inputs = in.readNBytes(32);
                if (inputs.length != 32) {
                    return false;
                }
                entries.put(path, new Entry(inputs, in.readUTF()));
            }
            return in.read() == -1;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private String packKey() {
        // 3: the inputs hashed as ModelDigest's encoding, the published file by its stamp;
        // 4: a product page's product hashed apart (shared with its export), the exports too;
        // 5: lengths and numbers as variable-length numbers; 6: derived components left out
        return CacheFolder.key("pages-pack-6", published.toString());
    }

    /** Pages copied instead of rendered in this build. */
    public int reused() {
        return reused.get();
    }

    /**
     * The digest of a page's inputs, or empty when they hold a value whose content cannot be
     * told (the page is then rendered every time).
     *
     * @param sharedNames the names in {@code model} whose values are the same objects on every page
     */
    Optional<byte[]> fingerprint(String shared, String template, String path, String section, Map<String, Object> model,
                                 java.util.Set<String> sharedNames) {
        ModelDigest page = new ModelDigest(PageReuse::hashedApart, this::digestOf);
        Optional<byte[]> sharedDigest = digestOf(shared);
        if (sharedDigest.isEmpty()) {
            return Optional.empty();
        }
        page.raw(sharedDigest.get());
        page.value(template);
        page.value(path);
        page.value(section);
        page.count(model.size());
        for (Map.Entry<String, Object> entry : model.entrySet()) {
            page.value(entry.getKey());
            if (sharedNames.contains(entry.getKey())) {
                Optional<byte[]> value = digestOf(entry.getValue());
                if (value.isEmpty()) {
                    return Optional.empty();
                }
                page.raw(value.get());
            } else {
                page.value(entry.getValue());
            }
        }
        return page.finish();
    }

    /**
     * A product's view, the bulk of the product pages' models and of the pages of the security
     * matrix and of readiness, which list a hundred of the same views each: hashed once per build
     * and written as its digest wherever a page's model holds it, instead of walked on every page
     * that holds it (issue 15).
     */
    static boolean hashedApart(Object value) {
        return value instanceof io.servicedocs.site.view.ProductView;
    }

    /**
     * The digest of a shared value's content, made once per build and value: a thread that needs
     * it while another is making it waits for that one's (a product's page and its export, rendered
     * side by side, each hashed the product: a build after one change hashed half again as many
     * bytes, issue 15).
     */
    private Optional<byte[]> digestOf(Object value) {
        java.util.concurrent.CompletableFuture<Optional<byte[]>> mine = new java.util.concurrent.CompletableFuture<>();
        java.util.concurrent.CompletableFuture<Optional<byte[]>> known = digests.putIfAbsent(value, mine);
        if (known != null) {
            return io.servicedocs.concurrent.Futures.joined(known);
        }
        try {
            ModelDigest digest = new ModelDigest();
            digest.value(value);
            Optional<byte[]> made = digest.finish();
            mine.complete(made);
            return made;
        } catch (RuntimeException | Error e) {
            digests.remove(value, mine);
            mine.completeExceptionally(e);
            throw e;
        }
    }

    /**
     * Puts the published page at {@code staged} when its inputs and its published file are the
     * last build's: as a second link to the same file where the file system allows it (the staging
     * folder is beside the output, on its file system), else as a copy. Copying every page but one
     * of a site of 1,000 products (2,000 files, 100 MB) took 3.5 s of system time of a build after
     * one change, which linking them does not (issue 15). The writers of the site never write into
     * an existing file ({@link SiteBuilder}), so a page written later at the same path cannot
     * change the published one through the link; publishing then deletes the old site, and the
     * page keeps its content, its modification time and its identity, so its stamp.
     */
    boolean reuse(String path, byte[] fingerprint, Path staged) throws IOException {
        Entry entry = last.get(path);
        if (entry == null || !MessageDigest.isEqual(fingerprint, entry.inputs())) {
            return false;
        }
        Path old = published.resolve(path);
        Optional<String> stamp = stamp(old);
        if (stamp.isEmpty() || !stamp.get().equals(entry.stamp())) {
            return false;
        }
        Files.deleteIfExists(staged);
        try {
            Files.createLink(staged, old);
        } catch (UnsupportedOperationException | java.nio.file.FileSystemException e) {
            // no hard links here (another file system under the output, a FAT or network drive)
            Files.copy(old, staged, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        remember(path, fingerprint, staged);
        reused.incrementAndGet();
        return true;
    }

    /** Remembers the inputs of a page just written to {@code staged} (complete and closed) and the stamp of the file. */
    void remember(String path, byte[] fingerprint, Path staged) throws IOException {
        Optional<String> stamp = stamp(staged);
        if (stamp.isPresent()) {
            next.put(path, new Entry(fingerprint, stamp.get()));
        }
    }

    /**
     * A regular file's size, modification time (to the nanosecond where the file system keeps it)
     * and identity (device and inode, where the system has one): publishing renames the staging folder, which keeps all three,
     * and a file written again (by hand, or by another build) changes at least one of them. A
     * SHA-256 of every page as it was written was a tenth of a cold build's render (issue 15,
     * JFR) for the same check. Empty when the file is not a regular file.
     */
    private static Optional<String> stamp(Path file) throws IOException {
        java.nio.file.attribute.BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (java.nio.file.NoSuchFileException e) {
            return Optional.empty();
        }
        if (!attributes.isRegularFile()) {
            return Optional.empty();
        }
        java.time.Instant modified = attributes.lastModifiedTime().toInstant();
        return Optional.of(attributes.size() + " " + modified.getEpochSecond() + "." + modified.getNano() + " "
                + attributes.fileKey());
    }
}
