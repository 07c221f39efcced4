package io.servicedocs.load;

import io.servicedocs.cache.CacheFolder;
import io.servicedocs.model.Diagnostic;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The content-addressed cache of parsed and validated files: for the exact bytes of a file at a
 * path, what {@link YamlReader} made of them (the tree with every node's position, or the one
 * parse diagnostic), and for each file kind whether the tree conforms to its JSON Schema. Keys
 * are {@link CacheFolder#key}s (SHA-512/256) of the path and the bytes, in a {@link CacheFolder} of this tool's identity (version,
 * code, schemas): the same bytes read by the same tool give the same result, so a hit is that
 * result. Only "conforms" is remembered of the schema check: a file with schema problems is
 * checked again (its problems need the validator's explanations, and it is rare), so a cache can
 * never make an invalid file pass. An entry that cannot be read back whole is a miss.
 *
 * <p>One instance serves one run: each tree it gives out carries its key
 * ({@link YamlDocument#cacheKey()}), so that the schema check of a tree can be looked up. Thread-safe.
 */
public final class ParsedFileCache {

    /** No cache: every file is parsed and checked (review, history, tests, --no-cache). */
    public static final ParsedFileCache NONE = new ParsedFileCache(Optional.empty());

    /**
     * The one entry of the cache's folder that holds every file of the last run: one file read
     * with one sequential read when the cache opens and written once at the end of the run
     * ({@link #save()}). A file per data file (the first version) made a cold run at 5,000
     * products write ~50,000 small files and their folders, which cost more than the parsing it
     * saved.
     */
    private static final String PACKS = "packs";
    private static final String FILES_PACK = CacheFolder.key("parsed-files-pack-2");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Optional<CacheFolder> folder;
    /** The pack of the last run, read once: encoded trees by key, and the keys known to conform. */
    private final Map<String, byte[]> packedTrees;
    private final java.util.Set<String> packedConforming;
    /** What this run used or made, by key: the next pack (files gone from the repository drop out). */
    private final Map<String, byte[]> usedTrees = new java.util.concurrent.ConcurrentHashMap<>();
    /** The schema checks known to pass in this run, by key. */
    private final java.util.Set<String> known = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final java.util.concurrent.atomic.AtomicInteger hits = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicInteger misses = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicBoolean changed = new java.util.concurrent.atomic.AtomicBoolean();
    /**
     * The trees parsed in this run, by key: their encoded bytes wait in a scratch file of the
     * cache folder (the spool) until the pack is written, not in memory, where a cold run at
     * 5,000 products held ~45 MB of them through the whole validation (issue 15).
     */
    private final Map<String, Spooled> spooledTrees = new java.util.concurrent.ConcurrentHashMap<>();
    private final Object spoolLock = new Object();
    /** The spool, opened at the first tree parsed; guarded by spoolLock. */
    private java.nio.channels.FileChannel spool;
    private long spoolEnd;
    /** The spool could not be made or written: the trees of this run stay in memory. */
    private boolean spoolFailed;

    /** Where a tree's encoded bytes are in the spool. */
    private record Spooled(long offset, int length) {
    }

    private ParsedFileCache(Optional<CacheFolder> folder) {
        this.folder = folder;
        Map<String, byte[]> trees = new HashMap<>();
        java.util.Set<String> conforming = new java.util.HashSet<>();
        folder.flatMap(f -> f.read(PACKS, FILES_PACK)).ifPresent(pack -> {
            if (!unpack(pack, trees, conforming)) {
                trees.clear();
                conforming.clear();
            }
        });
        this.packedTrees = trees;
        this.packedConforming = conforming;
    }

    public static ParsedFileCache in(CacheFolder folder) {
        return new ParsedFileCache(Optional.of(folder));
    }

    /** Files read from the cache in this run. */
    public int hits() {
        return hits.get();
    }

    /** Files parsed in this run (and stored). */
    public int misses() {
        return misses.get();
    }

    /** The parse of {@code bytes} at {@code path}: from the cache, else from {@code parse} (then stored). */
    public YamlReader.Result read(String path, byte[] bytes, Supplier<YamlReader.Result> parse) {
        if (folder.isEmpty()) {
            return parse.get();
        }
        String key = CacheFolder.key(path.getBytes(StandardCharsets.UTF_8), bytes);
        byte[] packed = packedTrees.get(key);
        Optional<YamlReader.Result> cached = packed == null ? Optional.empty() : decode(path, packed);
        if (cached.isPresent()) {
            hits.incrementAndGet();
            usedTrees.put(key, packed);
            return keyed(cached.get(), key);
        }
        misses.incrementAndGet();
        YamlReader.Result result = parse.get();
        encode(result).ifPresent(content -> {
            if (spool(key, content)) {
                usedTrees.remove(key);
            } else {
                usedTrees.put(key, content);
            }
            changed.set(true);
        });
        return keyed(result, key);
    }

    /**
     * The result with its tree carrying its key, so that its schema check can be looked up: the
     * tree holds its key, rather than this cache holding every tree it gave out (by identity)
     * until the end of the run, which kept every tree of a validation alive (issue 15).
     */
    private static YamlReader.Result keyed(YamlReader.Result result, String key) {
        return result.document().map(doc -> YamlReader.Result.of(doc.cachedAs(key))).orElse(result);
    }

    /** Whether this tree is known to conform to the schema of {@code kind} (checked before, same bytes and tool). */
    public boolean conforms(FileKind kind, YamlDocument doc) {
        Optional<String> key = doc.cacheKey();
        if (key.isEmpty() || folder.isEmpty()) {
            return false;
        }
        String conforming = conformingKey(kind, key.get());
        if (known.contains(conforming)) {
            return true; // a file is checked twice in a run (salvaging load, then load)
        }
        if (packedConforming.contains(conforming)) {
            known.add(conforming);
            return true;
        }
        return false;
    }

    /** Records that this tree, just checked, has no problem with the schema of {@code kind}. */
    public void conformed(FileKind kind, YamlDocument doc) {
        Optional<String> key = doc.cacheKey();
        if (key.isPresent() && folder.isPresent() && known.add(conformingKey(kind, key.get()))) {
            changed.set(true);
        }
    }

    /**
     * Writes this run's files (those read and those parsed, with the schema checks that passed)
     * as the one pack, when they differ from the pack read: once, at the end of a validation.
     * Nothing to do without a cache.
     */
    public void save() {
        if (folder.isEmpty()) {
            return;
        }
        synchronized (spoolLock) {
            try {
                boolean dropped = usedTrees.size() + spooledTrees.size() != packedTrees.size()
                        || !packedConforming.containsAll(known) || known.size() != packedConforming.size();
                if (changed.get() || dropped) {
                    // streamed into the entry's file, the spooled trees read back one at a time: the
                    // whole pack in one array doubled the encoded trees in memory (issue 15)
                    Map<String, Stored> trees = new java.util.TreeMap<>();
                    usedTrees.forEach((key, bytes) -> trees.put(key, new InMemory(bytes)));
                    spooledTrees.forEach((key, at) -> trees.put(key, new FromSpool(at, spool)));
                    java.util.Set<String> conforming = new java.util.TreeSet<>(known);
                    folder.get().write(PACKS, FILES_PACK, packLength(trees, conforming),
                            out -> writePack(trees, conforming, out));
                    // the spooled trees are not read back into memory: this cache is done with
                    // its run (a later miss of one of them parses it again)
                    packedTrees.clear();
                    packedTrees.putAll(usedTrees);
                    packedConforming.clear();
                    packedConforming.addAll(known);
                    changed.set(false);
                }
            } finally {
                closeSpool();
            }
        }
    }

    /** Appends a tree's encoded bytes to the spool; false when there is no spool (then the caller keeps them). */
    private boolean spool(String key, byte[] content) {
        synchronized (spoolLock) {
            if (spoolFailed) {
                return false;
            }
            try {
                if (spool == null) {
                    Optional<java.nio.file.Path> file = folder.get().scratchFile(PACKS);
                    if (file.isEmpty()) {
                        spoolFailed = true;
                        return false;
                    }
                    spool = java.nio.channels.FileChannel.open(file.get(), java.nio.file.StandardOpenOption.READ,
                            java.nio.file.StandardOpenOption.WRITE, java.nio.file.StandardOpenOption.DELETE_ON_CLOSE);
                }
                long at = spoolEnd;
                java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    spoolEnd += spool.write(buffer, spoolEnd);
                }
                spooledTrees.put(key, new Spooled(at, content.length));
                return true;
            } catch (IOException | RuntimeException e) {
                // the spool's trees are lost with it: those parsed later stay in memory, and the
                // next run parses the lost ones again (the cache is an optimisation)
                spoolFailed = true;
                spooledTrees.clear();
                return false;
            }
        }
    }

    /** Closes (and so deletes) the spool; its trees are gone from this cache. Under spoolLock. */
    private void closeSpool() {
        spooledTrees.clear();
        if (spool != null) {
            try {
                spool.close();
            } catch (IOException e) {
                // a scratch file left behind only takes room in the cache folder
            }
            spool = null;
            spoolEnd = 0;
        }
    }

    /**
     * The kind's name and the tree's key (itself a digest): unique without hashing again, which
     * cost a SHA-256 per file and check (issue 15).
     */
    private static String conformingKey(FileKind kind, String treeKey) {
        return kind.name() + ":" + treeKey;
    }

    // The pack: the number of trees, each as its key and encoded bytes; then the number of
    // conforming keys and each key. Sorted, so that the same files always give the same pack.

    /** A tree's encoded bytes as the pack writes them: in memory, or in the spool. */
    private sealed interface Stored permits InMemory, FromSpool {
        int length();

        void writeTo(java.io.OutputStream out) throws IOException;
    }

    private record InMemory(byte[] bytes) implements Stored {
        @Override
        public int length() {
            return bytes.length;
        }

        @Override
        public void writeTo(java.io.OutputStream out) throws IOException {
            out.write(bytes);
        }
    }

    private record FromSpool(Spooled at, java.nio.channels.FileChannel spool) implements Stored {
        @Override
        public int length() {
            return at.length();
        }

        @Override
        public void writeTo(java.io.OutputStream out) throws IOException {
            java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(at.length());
            while (buffer.hasRemaining()) {
                if (spool.read(buffer, at.offset() + buffer.position()) < 0) {
                    throw new java.io.EOFException("the spool ends before its tree");
                }
            }
            out.write(buffer.array());
        }
    }

    static byte[] pack(Map<String, byte[]> trees, java.util.Set<String> conforming) {
        Map<String, Stored> stored = new java.util.LinkedHashMap<>();
        trees.forEach((key, bytes) -> stored.put(key, new InMemory(bytes)));
        long size = packLength(stored, conforming);
        if (size > Integer.MAX_VALUE - 64) {
            throw new IllegalArgumentException("a pack of " + size + " bytes");
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream((int) size);
        try {
            writePack(stored, conforming, out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("a byte array does not fail", e);
        }
        return out.toByteArray();
    }

    /** The length of the pack of these trees and keys, as {@link #writePack} writes it. */
    private static long packLength(Map<String, Stored> trees, java.util.Set<String> conforming) {
        long size = 8;
        for (Map.Entry<String, Stored> tree : trees.entrySet()) {
            size += utfLength(tree.getKey()) + 4 + tree.getValue().length();
        }
        for (String key : conforming) {
            size += utfLength(key);
        }
        return size;
    }

    /** Writes the pack, in the order of the map and set given (sorted by {@link #save}). */
    private static void writePack(Map<String, Stored> trees, java.util.Set<String> conforming,
                                  java.io.OutputStream stream) throws IOException {
        java.io.DataOutputStream out = new java.io.DataOutputStream(stream);
        out.writeInt(trees.size());
        for (Map.Entry<String, Stored> tree : trees.entrySet()) {
            putUtf(out, tree.getKey());
            out.writeInt(tree.getValue().length());
            tree.getValue().writeTo(out);
        }
        out.writeInt(conforming.size());
        for (String key : conforming) {
            putUtf(out, key);
        }
        out.flush();
    }

    /** The bytes {@link java.io.DataOutputStream#writeUTF} writes for a key (keys are ASCII: hex digits, a kind's name). */
    private static int utfLength(String key) {
        return 2 + key.getBytes(StandardCharsets.UTF_8).length;
    }

    /** As {@link java.io.DataOutputStream#writeUTF}, for the ASCII keys of the pack. */
    private static void putUtf(java.io.DataOutputStream out, String key) throws IOException {
        byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
        for (byte b : bytes) {
            if (b <= 0) {
                throw new IllegalArgumentException("a key that is not ASCII: " + key);
            }
        }
        out.writeShort(bytes.length);
        out.write(bytes);
    }

    /** Fills the maps from a pack; false when it is not one whole pack. */
    static boolean unpack(byte[] pack, Map<String, byte[]> trees, java.util.Set<String> conforming) {
        try {
            In in = new In(pack);
            int count = in.readInt();
            for (int i = 0; i < count; i++) {
                String key = in.readUTF();
                int length = in.readInt();
                if (length < 0 || length > in.available()) {
                    return false;
                }
                trees.put(key, in.readNBytes(length));
            }
            int conformingCount = in.readInt();
            for (int i = 0; i < conformingCount; i++) {
                conforming.add(in.readUTF());
            }
            return in.read() == -1;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    // The format: a tag byte, then the parse diagnostic or the tree (its nodes in tree order,
    // each with its position and each property with its key's). Only the node types YamlReader
    // makes are written; another is not cached.

    private static final byte DOCUMENT = 'D';
    private static final byte PROBLEM = 'P';

    static Optional<byte[]> encode(YamlReader.Result result) {
        Out out = new Out(4096);
        try {
            if (result.document().isPresent()) {
                YamlDocument doc = result.document().get();
                out.writeByte(DOCUMENT);
                writeNode(out, doc.root(), doc.rootPlace(), doc.places());
            } else {
                Diagnostic problem = result.problem().orElseThrow();
                out.writeByte(PROBLEM);
                out.writeUTF(problem.severity().name());
                writeLong(out, problem.file());
                out.writeInt(problem.line());
                out.writeInt(problem.column());
                writeLong(out, problem.rule());
                writeLong(out, problem.message());
            }
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
        return Optional.of(out.toByteArray());
    }

    static Optional<YamlReader.Result> decode(String path, byte[] content) {
        try {
            In in = new In(content);
            byte tag = in.readByte();
            YamlReader.Result result;
            if (tag == DOCUMENT) {
                Read root = readNode(in);
                result = YamlReader.Result.of(new YamlDocument(path, root.node(), root.place(), root.places()));
            } else if (tag == PROBLEM) {
                Diagnostic.Severity severity = Diagnostic.Severity.valueOf(in.readUTF());
                result = YamlReader.Result.of(new Diagnostic(severity, readLong(in), in.readInt(), in.readInt(),
                        readLong(in), readLong(in)));
            } else {
                return Optional.empty();
            }
            return in.read() == -1 ? Optional.of(result) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    // Each node is written in tree order with its position, and each property with its key's
    // position: a pointer is never written, since reading the tree rebuilds it. Pointers written
    // out (the first format: two sorted maps of every pointer) made the pack ~4 times the size of
    // the YAML, and hashing it (HMAC) and sorting it cost ~1 s of a cold validate of 1,000
    // products (issue 15). Numbers are variable-length: most lines and columns take one byte.

    private static void writeNode(Out out, JsonNode node, long place, Places places) throws IOException {
        writePlace(out, place);
        if (node instanceof ObjectNode object) {
            out.writeByte('{');
            writeVarint(out, object.size());
            int index = 0;
            for (Map.Entry<String, JsonNode> property : object.properties()) {
                writeLong(out, property.getKey());
                writePlace(out, places.key(index));
                writeNode(out, property.getValue(), places.value(index), places.child(index));
                index++;
            }
        } else if (node instanceof ArrayNode array) {
            out.writeByte('[');
            writeVarint(out, array.size());
            int index = 0;
            for (JsonNode element : array) {
                writeNode(out, element, places.value(index), places.child(index));
                index++;
            }
        } else if (node.isString()) {
            out.writeByte('s');
            writeLong(out, node.stringValue());
        } else if (node.isInt()) {
            out.writeByte('i');
            out.writeInt(node.intValue());
        } else if (node.isLong()) {
            out.writeByte('l');
            out.writeLong(node.longValue());
        } else if (node.isBigDecimal()) {
            out.writeByte('d');
            writeLong(out, node.decimalValue().toString());
        } else if (node.isBoolean()) {
            out.writeByte(node.booleanValue() ? 't' : 'f');
        } else if (node.isNull()) {
            out.writeByte('n');
        } else {
            throw new IllegalArgumentException("a node YamlReader does not make: " + node.getNodeType());
        }
    }

    /** A node read back: the node, where it stands and where its children do. */
    private record Read(JsonNode node, long place, Places places) {
    }

    private static Read readNode(In in) throws IOException {
        long at = readPlace(in);
        byte tag = in.readByte();
        switch (tag) {
            case '{': {
                ObjectNode object = NODES.objectNode();
                int size = readVarint(in);
                Places.Builder places = new Places.Builder(true);
                for (int i = 0; i < size; i++) {
                    String name = readLong(in);
                    long keyAt = readPlace(in);
                    if (object.has(name)) {
                        throw new IOException("duplicate key");
                    }
                    Read child = readNode(in);
                    object.set(name, child.node());
                    places.add(name, keyAt, child.place(), child.places());
                }
                return new Read(object, at, places.build());
            }
            case '[': {
                ArrayNode array = NODES.arrayNode();
                int size = readVarint(in);
                Places.Builder places = new Places.Builder(false);
                for (int i = 0; i < size; i++) {
                    Read child = readNode(in);
                    array.add(child.node());
                    places.add(child.place(), child.places());
                }
                return new Read(array, at, places.build());
            }
            case 's':
                return new Read(NODES.stringNode(readLong(in)), at, Places.NONE);
            case 'i':
                return new Read(NODES.numberNode(in.readInt()), at, Places.NONE);
            case 'l':
                return new Read(NODES.numberNode(in.readLong()), at, Places.NONE);
            case 'd':
                return new Read(NODES.numberNode(new BigDecimal(readLong(in))), at, Places.NONE);
            case 't':
                return new Read(NODES.booleanNode(true), at, Places.NONE);
            case 'f':
                return new Read(NODES.booleanNode(false), at, Places.NONE);
            case 'n':
                return new Read(NODES.nullNode(), at, Places.NONE);
            default:
                throw new IOException("unknown node tag " + tag);
        }
    }

    /** A place as line and column, or a 0 alone for none (lines start at 1). */
    private static void writePlace(Out out, long place) throws IOException {
        if (place == Places.UNKNOWN) {
            writeVarint(out, 0);
            return;
        }
        if (Places.line(place) < 1 || Places.column(place) < 1) {
            throw new IllegalArgumentException("a place YamlReader does not make: " + place);
        }
        writeVarint(out, Places.line(place));
        writeVarint(out, Places.column(place));
    }

    /** The place written, or {@link Places#UNKNOWN} for none. */
    private static long readPlace(In in) throws IOException {
        int line = readVarint(in);
        if (line == 0) {
            return Places.UNKNOWN;
        }
        int column = readVarint(in);
        if (column < 1) {
            throw new IOException("bad column");
        }
        return Places.pack(line, column);
    }

    /** A non-negative int in 7-bit groups, low group first. */
    private static void writeVarint(Out out, int value) throws IOException {
        int v = value;
        while ((v & ~0x7F) != 0) {
            out.writeByte((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        out.writeByte(v);
    }

    private static int readVarint(In in) throws IOException {
        int value = 0;
        for (int shift = 0; shift < 32; shift += 7) {
            int b = in.readUnsignedByte();
            value |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                if (value < 0) {
                    throw new IOException("bad number");
                }
                return value;
            }
        }
        throw new IOException("bad number");
    }

    /** A string of any length (writeUTF stops at 64 KiB), as UTF-8 bytes. */
    private static void writeLong(Out out, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        writeVarint(out, bytes.length);
        out.write(bytes);
    }

    private static String readLong(In in) throws IOException {
        int length = readVarint(in);
        if (length < 0 || length > in.available()) {
            throw new IOException("bad length");
        }
        return new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    /**
     * Reads the big-endian numbers and strings {@link Out} writes from an array. A DataInputStream
     * over a ByteArrayInputStream takes a lock for every byte read (its read() is synchronized):
     * that was most of decoding a cached tree (issue 15).
     */
    private static final class In {
        private final byte[] bytes;
        private int at;

        In(byte[] bytes) {
            this.bytes = bytes;
        }

        int available() {
            return bytes.length - at;
        }

        /** The next byte (0..255), or -1 at the end. */
        int read() {
            return at < bytes.length ? bytes[at++] & 0xFF : -1;
        }

        int readUnsignedByte() throws IOException {
            if (at >= bytes.length) {
                throw new java.io.EOFException();
            }
            return bytes[at++] & 0xFF;
        }

        byte readByte() throws IOException {
            return (byte) readUnsignedByte();
        }

        int readInt() throws IOException {
            return (readUnsignedByte() << 24) | (readUnsignedByte() << 16) | (readUnsignedByte() << 8) | readUnsignedByte();
        }

        long readLong() throws IOException {
            return ((long) readInt() << 32) | (readInt() & 0xFFFFFFFFL);
        }

        byte[] readNBytes(int length) throws IOException {
            if (length < 0 || length > available()) {
                throw new java.io.EOFException();
            }
            byte[] read = java.util.Arrays.copyOfRange(bytes, at, at + length);
            at += length;
            return read;
        }

        /** As {@link java.io.DataInputStream#readUTF} for the ASCII strings of this format. */
        String readUTF() throws IOException {
            int length = (readUnsignedByte() << 8) | readUnsignedByte();
            return new String(readNBytes(length), StandardCharsets.UTF_8);
        }
    }

    /** Writes big-endian numbers and strings into a growing array, without DataOutputStream's locks (see {@link In}). */
    private static final class Out {
        private byte[] bytes;
        private int size;

        Out(int capacity) {
            bytes = new byte[capacity];
        }

        private void ensure(int more) {
            if (size + more > bytes.length) {
                bytes = java.util.Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
            }
        }

        void writeByte(int b) {
            ensure(1);
            bytes[size++] = (byte) b;
        }

        void writeInt(int v) {
            ensure(4);
            bytes[size++] = (byte) (v >>> 24);
            bytes[size++] = (byte) (v >>> 16);
            bytes[size++] = (byte) (v >>> 8);
            bytes[size++] = (byte) v;
        }

        void writeLong(long v) {
            writeInt((int) (v >>> 32));
            writeInt((int) v);
        }

        void write(byte[] more) {
            ensure(more.length);
            System.arraycopy(more, 0, bytes, size, more.length);
            size += more.length;
        }

        /** As {@link java.io.DataOutputStream#writeUTF} for the ASCII strings of this format (a severity's name). */
        void writeUTF(String text) {
            byte[] ascii = text.getBytes(StandardCharsets.UTF_8);
            for (byte b : ascii) {
                if (b <= 0) {
                    throw new IllegalArgumentException("not ASCII: " + text);
                }
            }
            writeByte(ascii.length >>> 8);
            writeByte(ascii.length);
            write(ascii);
        }

        byte[] toByteArray() {
            return java.util.Arrays.copyOf(bytes, size);
        }
    }
}
