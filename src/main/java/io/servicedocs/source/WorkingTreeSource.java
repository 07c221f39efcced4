package io.servicedocs.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** The repository as it is on disk. Symbolic links are followed only while they stay inside it. */
public final class WorkingTreeSource implements SnapshotSource {

    private final Path root;

    /** @throws IOException when {@code root} is not an existing folder */
    public WorkingTreeSource(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            throw new NoSuchFileException(root.toString(), null, "not a folder");
        }
        this.root = root.toRealPath();
    }

    public Path root() {
        return root;
    }

    @Override
    public String describe() {
        return root.toString();
    }

    @Override
    public List<Entry> list(String folder) throws IOException {
        Path dir = resolve(folder);
        if (!Files.isDirectory(dir) || !isInside(dir)) {
            return List.of();
        }
        List<Entry> entries = new ArrayList<>();
        try (Stream<Path> children = Files.list(dir)) {
            for (Path child : (Iterable<Path>) children::iterator) {
                entries.add(new Entry(child.getFileName().toString(), kindOf(child)));
            }
        }
        entries.sort(Comparator.comparing(Entry::name));
        return entries;
    }

    @Override
    public byte[] read(String path, long maxBytes) throws IOException, SourceException {
        Path file = resolve(path);
        if (!Files.exists(file)) {
            throw new NoSuchFileException(path);
        }
        if (!isInside(file)) {
            throw new SourceException("path-outside-repository",
                    "'" + path + "' is a symbolic link to a place outside the repository; "
                            + "expected a file inside it. Replace the link by the file itself.");
        }
        if (!Files.isRegularFile(file)) {
            throw new SourceException("file-unreadable", "'" + path + "' is not a regular file");
        }
        long size = Files.size(file);
        if (size > maxBytes) {
            throw new SourceException("file-too-large", "file is " + size + " bytes; expected at most "
                    + maxBytes + " bytes. Split it or move long text to the site's content/ pages.");
        }
        try (InputStream in = Files.newInputStream(file)) {
            // The size may change between the check and the read: never read past the limit.
            byte[] data = in.readNBytes((int) maxBytes + 1);
            if (data.length > maxBytes) {
                throw new SourceException("file-too-large", "file is larger than " + maxBytes + " bytes");
            }
            return data;
        }
    }

    /** One walk of the folders, not following links (which are visited as entries). */
    @Override
    public void walk(java.util.function.Predicate<String> enter, java.util.function.Consumer<String> visitor)
            throws IOException {
        Files.walkFileTree(root, new java.nio.file.SimpleFileVisitor<>() {
            @Override
            public java.nio.file.FileVisitResult preVisitDirectory(Path dir, java.nio.file.attribute.BasicFileAttributes a) {
                return dir.equals(root) || enter.test(relative(dir)) ? java.nio.file.FileVisitResult.CONTINUE
                        : java.nio.file.FileVisitResult.SKIP_SUBTREE;
            }

            @Override
            public java.nio.file.FileVisitResult visitFile(Path file, java.nio.file.attribute.BasicFileAttributes a) {
                visitor.accept(relative(file));
                return java.nio.file.FileVisitResult.CONTINUE;
            }
        });
    }

    private String relative(Path path) {
        return root.relativize(path).toString().replace(java.io.File.separatorChar, '/');
    }

    private Path resolve(String relative) {
        Path p = relative.isEmpty() ? root : root.resolve(relative).normalize();
        if (!p.startsWith(root)) {
            throw new IllegalArgumentException("path leaves the repository: " + relative);
        }
        return p;
    }

    private boolean isInside(Path p) throws IOException {
        return p.toRealPath().startsWith(root);
    }

    private Kind kindOf(Path child) throws IOException {
        if (Files.isSymbolicLink(child)) {
            if (!Files.exists(child)) {
                return Kind.OTHER;
            }
            if (!isInside(child)) {
                return Kind.LINK_OUTSIDE;
            }
        }
        if (Files.isDirectory(child)) {
            return Kind.FOLDER;
        }
        return Files.isRegularFile(child, LinkOption.NOFOLLOW_LINKS) || Files.isRegularFile(child)
                ? Kind.FILE : Kind.OTHER;
    }
}
