package io.servicedocs.site.render;

import io.servicedocs.cache.CacheFolder;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What Asciidoctor made of each AsciiDoc text of the last build (content pages' headers and
 * bodies, description fields), kept in the build cache: a build whose texts are all known does
 * not start JRuby at all (about 1.5 CPU-s of a build's render and JRuby's warm-up, issue 15), and
 * one that meets a new text starts it then. Kept is Asciidoctor's own output, before
 * {@link HtmlSanitizer}, which still cleans every page as before; the cache's entries are signed
 * ({@link CacheFolder}) and its folder is named for the tool's version, Asciidoctor's included.
 *
 * <p>A text that names one of Asciidoctor's clock attributes ({@code {localdate}}, {@code
 * {docdate}}...) is converted every time: its HTML depends on when it is converted. All entries
 * live in one packed entry of the cache, read once when the build starts and written once after
 * it, holding only the texts of that build.
 */
public final class ConvertedAsciidoc {

    private static final String AREA = "packs";

    /** Attributes whose value is the time of the conversion: a text that names one is never kept. */
    private static final List<String> CLOCK = List.of("localdate", "localtime", "localyear", "docdate", "doctime",
            "docyear", "localdatetime", "docdatetime");

    private final Optional<CacheFolder> cache;
    private final Map<String, String> last = new HashMap<>();
    private final Map<String, String> next = new ConcurrentHashMap<>();
    private final boolean lastBuildKnown;

    private ConvertedAsciidoc(Optional<CacheFolder> cache) {
        this.cache = cache;
        this.lastBuildKnown = cache.flatMap(folder -> folder.read(AREA, packKey())).map(pack -> unpack(pack, last))
                .orElse(false);
        if (!lastBuildKnown) {
            last.clear();
        }
    }

    /** Nothing kept: every text is converted (a build without cache, a test). */
    public static ConvertedAsciidoc none() {
        return new ConvertedAsciidoc(Optional.empty());
    }

    /** The conversions the last build left in {@code cache}, and this build's for the next. */
    public static ConvertedAsciidoc in(CacheFolder cache) {
        return new ConvertedAsciidoc(Optional.of(cache));
    }

    /**
     * Whether the last build's conversions were found: then JRuby need not start before a text
     * turns out to be new (else it starts with the build, and warms up while the data is validated).
     */
    public boolean lastBuildKnown() {
        return lastBuildKnown;
    }

    /** A description field's HTML, sanitised, converted within the budget when it is new ({@link SecureAsciidoc#fieldToHtml}). */
    public String field(String file, String pointer, String asciidoc) {
        return HtmlSanitizer.clean(converted("body", asciidoc,
                () -> AsciidocTimeoutException.converting(file, pointer, () -> SecureAsciidoc.convert(asciidoc))));
    }

    /** Asciidoctor's HTML of a text (a field or a content page's body), made by {@code convert} when it is new. */
    String converted(String kind, String asciidoc, Supplier<String> convert) {
        if (cache.isEmpty() || CLOCK.stream().anyMatch(asciidoc::contains)) {
            return convert.get();
        }
        String key = kind + " " + CacheFolder.key(kind, asciidoc);
        String known = next.get(key);
        if (known == null) {
            known = last.get(key);
            if (known == null) {
                known = convert.get();
            }
            next.put(key, known);
        }
        return known;
    }

    /**
     * A content page's header as the page uses it: its title and its jbake-* and revdate
     * attributes, in order. Only a header whose attributes are all text is kept.
     */
    record Header(Optional<String> title, List<Map.Entry<String, Object>> attributes) {

        boolean keepable() {
            return attributes.stream().allMatch(a -> a.getValue() instanceof String);
        }

        String encoded() {
            StringBuilder text = new StringBuilder();
            text.append(title.isPresent() ? '1' : '0').append(title.map(ConvertedAsciidoc::counted).orElse(""));
            attributes.forEach(a -> text.append(counted(a.getKey())).append(counted((String) a.getValue())));
            return text.toString();
        }

        static Header decoded(String text) {
            int[] at = {1};
            Optional<String> title = text.charAt(0) == '1' ? Optional.of(uncounted(text, at)) : Optional.empty();
            List<Map.Entry<String, Object>> attributes = new ArrayList<>();
            while (at[0] < text.length()) {
                attributes.add(Map.entry(uncounted(text, at), uncounted(text, at)));
            }
            return new Header(title, List.copyOf(attributes));
        }
    }

    /** A content page's header, read by {@code load} when the page's text is new. */
    Header header(String asciidoc, Supplier<Header> load) {
        if (cache.isEmpty() || CLOCK.stream().anyMatch(asciidoc::contains)) {
            return load.get();
        }
        String key = "header " + CacheFolder.key("header", asciidoc);
        String known = next.get(key);
        if (known == null) {
            known = last.get(key);
        }
        if (known == null) {
            Header made = load.get();
            if (made.keepable()) {
                next.put(key, made.encoded());
            }
            return made;
        }
        next.put(key, known);
        return Header.decoded(known);
    }

    private static String counted(String text) {
        return text.length() + ":" + text;
    }

    private static String uncounted(String text, int[] at) {
        int colon = text.indexOf(':', at[0]);
        int length = Integer.parseInt(text.substring(at[0], colon));
        at[0] = colon + 1 + length;
        return text.substring(colon + 1, at[0]);
    }

    /** Writes this build's conversions as the one pack (once, after the render), when they are not the last build's. */
    public void save() {
        if (cache.isEmpty() || next.equals(last)) {
            return;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            Map<String, String> sorted = new TreeMap<>(next);
            out.writeInt(sorted.size());
            for (Map.Entry<String, String> entry : sorted.entrySet()) {
                for (String text : List.of(entry.getKey(), entry.getValue())) {
                    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
                    out.writeInt(utf8.length);
                    out.write(utf8);
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("a byte array cannot fail", e);
        }
        cache.get().write(AREA, packKey(), bytes.toByteArray());
    }

    private static boolean unpack(byte[] pack, Map<String, String> entries) {
        try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(pack))) {
            int count = in.readInt();
            for (int i = 0; i < count; i++) {
                String key = text(in, pack.length);
                entries.put(key, text(in, pack.length));
            }
            return in.read() == -1;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static String text(DataInputStream in, int most) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > most) {
            throw new IOException("not a pack of conversions");
        }
        byte[] utf8 = in.readNBytes(length);
        if (utf8.length != length) {
            throw new IOException("not a pack of conversions");
        }
        return new String(utf8, StandardCharsets.UTF_8);
    }

    private static String packKey() {
        // 1: the key by kind and text, Asciidoctor's output before the sanitiser, headers encoded as Header.encoded
        return CacheFolder.key("asciidoc-pack-1");
    }
}
