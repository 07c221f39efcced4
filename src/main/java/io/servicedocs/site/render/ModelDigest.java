package io.servicedocs.site.render;

import io.servicedocs.cache.CacheFolder;
import io.servicedocs.site.view.Derived;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The digest (SHA-512/256, {@link #newDigest}) of a page model's content, for {@link PageReuse}: the value is walked (records by
 * their components in order, lists, maps in their order, optionals, strings, numbers, booleans,
 * enum constants) and each part is written as a tag and, for text, its length (a variable-length number) and UTF-8 bytes,
 * so that two models have the same encoding only when they hold the same content. (The model's
 * {@code toString()} text, hashed before, was ambiguous: a string holding {@code ", title="}
 * could make two different models read the same, and building the text was half of the cost.)
 *
 * <p>A record, list or map met again in the same model (the product page's items are listed and
 * indexed by id, the failed checks are also in the checklist) is written as a reference to its
 * first place instead of again: the same tree is still the same encoding, and the product page's
 * model is hashed in about half the bytes (issue 15: hashing the pages' models was a third of a
 * cold build's render, JFR). A value of any other type (an object without content the page model
 * could show) makes the digest unknown: such a page is rendered every time.
 *
 * <p>A record's components marked {@link Derived} (made from its other components, the page's
 * path, the messages and the tool, all hashed already) are left out.
 *
 * <p>Not thread-safe: one per digest.
 */
final class ModelDigest {

    private static final Map<Class<?>, Method[]> COMPONENTS = new ConcurrentHashMap<>();

    /** The bytes hashed by all digests of this run, for -Dservicedocs.timing. */
    static final java.util.concurrent.atomic.LongAdder HASHED = new java.util.concurrent.atomic.LongAdder();

    private final MessageDigest digest = newDigest();
    /** Bytes are gathered here and handed to the digest a block at a time. */
    private final byte[] buffer = new byte[8192];
    private int filled;
    /** The records, lists and maps written so far, by identity, with their number. */
    private final IdentityHashMap<Object, Integer> seen = new IdentityHashMap<>();
    /** The record types named so far, with their number. */
    private final IdentityHashMap<Class<?>, Integer> types = new IdentityHashMap<>();
    private boolean unknown;
    /** Which values are hashed once per build apart, and written as their digest; null: every value is walked. */
    private final java.util.function.Predicate<Object> hashedApart;
    /** The digest of a value hashed apart, made once per build (empty: unknown). */
    private final java.util.function.Function<Object, Optional<byte[]>> apart;

    /** A digest that walks every value (a shared value's own digest). */
    ModelDigest() {
        this(null, null);
    }

    /**
     * A digest that writes each value {@code hashedApart} accepts as {@code apart}'s digest of it
     * ({@link #raw}) instead of walking it again: a value met on many pages is hashed once per
     * build ({@link PageReuse} says which).
     */
    ModelDigest(java.util.function.Predicate<Object> hashedApart, java.util.function.Function<Object, Optional<byte[]>> apart) {
        this.hashedApart = hashedApart;
        this.apart = apart;
    }

    /**
     * SHA-512/256 (FIPS 180-4, as collision resistant as SHA-256): the tool runs on C1 only
     * ({@code -XX:TieredStopAtLevel=1}), which has no SHA-256 intrinsic, and there SHA-512/256
     * hashes about three times faster than SHA-256 (it works on 64-bit words); SHA-256 where a
     * JDK lacks it.
     */
    static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-512/256");
        } catch (java.security.NoSuchAlgorithmException e) {
            return CacheFolder.sha256();
        }
    }

    /** Writes a digest made apart (a shared value's). */
    void raw(byte[] bytes) {
        tag('H');
        integer(bytes.length);
        bytes(bytes, 0, bytes.length);
    }

    /** Writes a count (of model entries). */
    void count(int count) {
        tag('#');
        integer(count);
    }

    /** Writes a value of a page model. */
    void value(Object value) {
        if (unknown) {
            return;
        }
        if (value == null) {
            tag('0');
        } else if (value instanceof String text) {
            tag('S');
            text(text);
        } else if (value instanceof Boolean bool) {
            tag(bool ? 'T' : 'F');
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            tag('I');
            number(((Number) value).longValue());
        } else if (value instanceof BigDecimal || value instanceof BigInteger || value instanceof Double
                || value instanceof Float) {
            // exact texts of their values (BigDecimal with its scale), named by type
            tag('N');
            text(value.getClass().getName());
            text(value.toString());
        } else if (value instanceof Enum<?> constant) {
            tag('E');
            text(constant.getDeclaringClass().getName());
            text(constant.name());
        } else if (value instanceof Optional<?> optional) {
            tag(optional.isPresent() ? 'O' : 'o');
            optional.ifPresent(this::value);
        } else if (value instanceof Character character) {
            tag('C');
            text(character.toString());
        } else if (hashedApart != null && hashedApart.test(value)) {
            Optional<byte[]> made = apart.apply(value);
            if (made.isPresent()) {
                raw(made.get());
            } else {
                unknown = true;
            }
        } else if (again(value)) {
            return;
        } else if (value instanceof Record record) {
            record(record);
        } else if (value instanceof Collection<?> collection) {
            tag('L');
            integer(collection.size());
            for (Object element : collection) {
                value(element);
            }
        } else if (value instanceof Map<?, ?> map) {
            tag('M');
            integer(map.size());
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                value(entry.getKey());
                value(entry.getValue());
            }
        } else {
            unknown = true;
        }
    }

    /** The SHA-256 of what was written, or empty when a value had no content to tell. */
    Optional<byte[]> finish() {
        if (unknown) {
            return Optional.empty();
        }
        HASHED.add(filled);
        digest.update(buffer, 0, filled);
        filled = 0;
        return Optional.of(digest.digest());
    }

    /** Writes a reference when {@code value} (a record, list or map) was written before; else numbers it. */
    private boolean again(Object value) {
        if (!(value instanceof Record || value instanceof Collection<?> || value instanceof Map<?, ?>)) {
            return false;
        }
        Integer number = seen.get(value);
        if (number != null) {
            tag('R');
            integer(number);
            return true;
        }
        seen.put(value, seen.size());
        return false;
    }

    private void record(Record record) {
        Class<?> type = record.getClass();
        Integer number = types.get(type);
        if (number == null) {
            tag('D');
            text(type.getName());
            types.put(type, types.size());
        } else {
            tag('P');
            integer(number);
        }
        for (Method accessor : COMPONENTS.computeIfAbsent(type, ModelDigest::accessors)) {
            try {
                value(accessor.invoke(record));
            } catch (IllegalAccessException | InvocationTargetException e) {
                unknown = true;
                return;
            }
        }
    }

    /** The accessors of a record type's components, in order, but those {@link Derived} from the others. */
    private static Method[] accessors(Class<?> type) {
        java.util.List<Method> accessors = new java.util.ArrayList<>();
        for (RecordComponent component : type.getRecordComponents()) {
            if (component.isAnnotationPresent(Derived.class)) {
                continue;
            }
            Method accessor = component.getAccessor();
            accessor.setAccessible(true);
            accessors.add(accessor);
        }
        return accessors.toArray(new Method[0]);
    }

    private void text(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        integer(bytes.length);
        bytes(bytes, 0, bytes.length);
    }

    private void tag(char tag) {
        if (filled == buffer.length) {
            flush();
        }
        buffer[filled++] = (byte) tag;
    }

    /**
     * Writes a count, length or number (not negative) in as few bytes as it needs, seven bits a
     * byte, the last byte without its high bit (LEB128): no encoding of a number is the start of
     * another's, so the encoding stays unambiguous. Most are below 128 (one byte, not four): the
     * digest is most of a page's fingerprint on C1 (issue 15, JFR).
     */
    private void integer(int value) {
        if (filled + 5 > buffer.length) {
            flush();
        }
        while ((value & ~0x7F) != 0) {
            buffer[filled++] = (byte) ((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        buffer[filled++] = (byte) value;
    }

    /** Writes any long as {@link #integer} does, its sign folded into the lowest bit (zigzag): small numbers take one byte. */
    private void number(long value) {
        if (filled + 10 > buffer.length) {
            flush();
        }
        long folded = (value << 1) ^ (value >> 63);
        while ((folded & ~0x7FL) != 0) {
            buffer[filled++] = (byte) ((folded & 0x7F) | 0x80);
            folded >>>= 7;
        }
        buffer[filled++] = (byte) folded;
    }

    private void bytes(byte[] bytes, int from, int length) {
        if (length > buffer.length - filled) {
            flush();
            if (length > buffer.length) {
                HASHED.add(length);
                digest.update(bytes, from, length);
                return;
            }
        }
        System.arraycopy(bytes, from, buffer, filled, length);
        filled += length;
    }

    private void flush() {
        HASHED.add(filled);
        digest.update(buffer, 0, filled);
        filled = 0;
    }
}
