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
 * last build published, and whose published file is still the one that build wrote (by SHA-256),
 * is copied from the published site instead of rendered. The inputs are compared by a SHA-256 of
 * the models' text: page models are records, lists, maps and strings, whose text is all their
 * content; a value without such a text (an object's identity) only makes the page render again.
 * A change to one product so renders its own page and the pages that list it, not the others.
 */
public final class PageReuse {

    /**
     * Every page's entry (64 bytes: the SHA-256 of its inputs, then of its bytes) lives in one
     * packed entry of the cache, read once and written once per build ({@link #save()}): a file
     * per page made a cold build at 5,000 products write thousands of small files (issue 15).
     */
    private static final String AREA = "packs";

    private final CacheFolder cache;
    private final Path published;
    /** The last build's entries, by page path, and this build's (the next pack). */
    private final Map<String, byte[]> last = new java.util.HashMap<>();
    private final Map<String, byte[]> next = new java.util.concurrent.ConcurrentHashMap<>();
    /**
     * The SHA-256 of the text of each value a page's inputs hold, by identity, made once: the
     * shared inputs (templates, common model, the standard) are the same objects on every page,
     * and hashing their text again for each of thousands of pages was a third of a cold build's
     * render (issue 15, JFR). Only those values are kept (with 32-byte digests, not their texts):
     * a page's own values are hashed once anyway, and keeping them would keep every page's model
     * alive to the end of the render (hundreds of MB at 5,000 products).
     */
    private final Map<Object, byte[]> digests = Collections.synchronizedMap(new IdentityHashMap<>());
    private final java.util.concurrent.atomic.AtomicInteger reused = new java.util.concurrent.atomic.AtomicInteger();

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
        if (next.size() != last.size() || next.entrySet().stream()
                .anyMatch(e -> !java.util.Arrays.equals(e.getValue(), last.get(e.getKey())))) {
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(next.size() * 120 + 8);
            try (java.io.DataOutputStream out = new java.io.DataOutputStream(bytes)) {
                Map<String, byte[]> sorted = new java.util.TreeMap<>(next);
                out.writeInt(sorted.size());
                for (Map.Entry<String, byte[]> entry : sorted.entrySet()) {
                    out.writeUTF(entry.getKey());
                    out.write(entry.getValue());
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("a byte array cannot fail", e);
            }
            cache.write(AREA, packKey(), bytes.toByteArray());
        }
    }

    private static boolean unpack(byte[] pack, Map<String, byte[]> entries) {
        try (java.io.DataInputStream in = new java.io.DataInputStream(new java.io.ByteArrayInputStream(pack))) {
            int count = in.readInt();
            for (int i = 0; i < count; i++) {
                String path = in.readUTF();
                byte[] entry = in.readNBytes(64);
                if (entry.length != 64) {
                    return false;
                }
                entries.put(path, entry);
            }
            return in.read() == -1;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private String packKey() {
        return CacheFolder.key("pages-pack-2", published.toString());
    }

    /** Pages copied instead of rendered in this build. */
    public int reused() {
        return reused.get();
    }

    /**
     * The SHA-256 of a page's inputs.
     *
     * @param sharedNames the names in {@code model} whose values are the same objects on every page
     */
    String fingerprint(String shared, String template, String path, String section, Map<String, Object> model,
                       java.util.Set<String> sharedNames) {
        MessageDigest digest = CacheFolder.sha256();
        digest.update(digestOf(shared));
        for (String part : new String[] {template, path, section}) {
            update(digest, part);
        }
        model.forEach((name, value) -> {
            update(digest, name);
            digest.update(sharedNames.contains(name) ? digestOf(value) : textDigest(value));
        });
        return java.util.HexFormat.of().formatHex(digest.digest());
    }

    /** The SHA-256 of a value's text (a fixed 32 bytes: the page's digest needs no length before it). */
    private byte[] digestOf(Object value) {
        byte[] known = digests.get(value);
        if (known != null) {
            return known;
        }
        byte[] made = textDigest(value);
        digests.put(value, made);
        return made;
    }

    private static byte[] textDigest(Object value) {
        return CacheFolder.sha256().digest(String.valueOf(value).getBytes(StandardCharsets.UTF_8));
    }

    private static void update(MessageDigest digest, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        digest.update(java.nio.ByteBuffer.allocate(4).putInt(bytes.length).array());
        digest.update(bytes);
    }

    /** Writes the published page to {@code staged} when its inputs and its published bytes are the last build's. */
    boolean reuse(String path, String fingerprint, Path staged) throws IOException {
        Optional<byte[]> entry = Optional.ofNullable(last.get(path));
        if (entry.isEmpty() || entry.get().length != 64
                || !MessageDigest.isEqual(java.util.HexFormat.of().parseHex(fingerprint), java.util.Arrays.copyOf(entry.get(), 32))) {
            return false;
        }
        Path old = published.resolve(path);
        if (!Files.isRegularFile(old, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        byte[] bytes = Files.readAllBytes(old);
        if (!MessageDigest.isEqual(CacheFolder.sha256().digest(bytes), java.util.Arrays.copyOfRange(entry.get(), 32, 64))) {
            return false;
        }
        Files.write(staged, bytes);
        next.put(path, entry.get());
        reused.incrementAndGet();
        return true;
    }

    /** Remembers the inputs and the bytes of a page just rendered. */
    void remember(String path, String fingerprint, byte[] sha256) {
        byte[] entry = new byte[64];
        System.arraycopy(java.util.HexFormat.of().parseHex(fingerprint), 0, entry, 0, 32);
        System.arraycopy(sha256, 0, entry, 32, 32);
        next.put(path, entry);
    }
}
