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

    private static final String AREA = "pages";

    private final CacheFolder cache;
    private final Path published;
    /** The text of values shared by many pages (the standard), made once. */
    private final Map<Object, String> shared = Collections.synchronizedMap(new IdentityHashMap<>());
    private final java.util.concurrent.atomic.AtomicInteger reused = new java.util.concurrent.atomic.AtomicInteger();

    /** @param published the folder of the site as the last build published it (the output) */
    public PageReuse(CacheFolder cache, Path published) {
        this.cache = cache;
        this.published = published.toAbsolutePath().normalize();
    }

    /** Pages copied instead of rendered in this build. */
    public int reused() {
        return reused.get();
    }

    /** The SHA-256 of a page's inputs. */
    String fingerprint(String shared, String template, String path, String section, Map<String, Object> model) {
        MessageDigest digest = CacheFolder.sha256();
        for (String part : new String[] {shared, template, path, section}) {
            update(digest, part);
        }
        model.forEach((name, value) -> {
            update(digest, name);
            update(digest, this.shared.computeIfAbsent(value, String::valueOf));
        });
        return java.util.HexFormat.of().formatHex(digest.digest());
    }

    private static void update(MessageDigest digest, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        digest.update(java.nio.ByteBuffer.allocate(4).putInt(bytes.length).array());
        digest.update(bytes);
    }

    /** Writes the published page to {@code staged} when its inputs and its published bytes are the last build's. */
    boolean reuse(String path, String fingerprint, Path staged) throws IOException {
        Optional<byte[]> entry = cache.read(AREA, key(path));
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
        reused.incrementAndGet();
        return true;
    }

    /** Remembers the inputs and the bytes of a page just rendered. */
    void remember(String path, String fingerprint, byte[] sha256) {
        byte[] entry = new byte[64];
        System.arraycopy(java.util.HexFormat.of().parseHex(fingerprint), 0, entry, 0, 32);
        System.arraycopy(sha256, 0, entry, 32, 32);
        cache.write(AREA, key(path), entry);
    }

    private String key(String path) {
        return CacheFolder.key(published.toString(), path);
    }
}
