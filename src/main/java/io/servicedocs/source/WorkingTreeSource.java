package io.servicedocs.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The repository as it is on disk. Symbolic links are followed only while they stay inside it
 * and outside .git; the rule is {@link RepositoryFiles}'.
 */
public final class WorkingTreeSource implements SnapshotSource {

    private final RepositoryFiles files;

    /** @throws IOException when {@code root} is not an existing folder */
    public WorkingTreeSource(Path root) throws IOException {
        this.files = new RepositoryFiles(root);
    }

    public Path root() {
        return files.root();
    }

    /** The rule for reading this repository's files, for readers that are not loading data (the site). */
    public RepositoryFiles files() {
        return files;
    }

    @Override
    public String describe() {
        return files.root().toString();
    }

    @Override
    public List<Entry> list(String folder) throws IOException {
        try {
            return files.list(folder);
        } catch (SourceException e) {
            throw new RefusedFolderException(e);
        }
    }

    @Override
    public byte[] read(String path, long maxBytes) throws IOException, SourceException {
        return files.read(path, maxBytes);
    }

    @Override
    public java.util.Optional<String> whereIs(String folder) throws IOException {
        try {
            return files.vet(folder).map(vetted -> vetted.real().toString());
        } catch (SourceException e) {
            return java.util.Optional.empty();
        }
    }

    @Override
    public SourceException refusal(String path) throws IOException {
        java.util.Optional<SourceException> refusal = files.refusal(path);
        return refusal.isPresent() ? refusal.get() : SnapshotSource.super.refusal(path);
    }

    /** One walk of the folders, not following links (which are visited as entries). */
    @Override
    public void walk(java.util.function.Predicate<String> enter, java.util.function.Consumer<String> visitor)
            throws IOException {
        Files.walkFileTree(files.root(), new java.nio.file.SimpleFileVisitor<>() {
            @Override
            public java.nio.file.FileVisitResult preVisitDirectory(Path dir, java.nio.file.attribute.BasicFileAttributes a) {
                return dir.equals(files.root()) || enter.test(relative(dir)) ? java.nio.file.FileVisitResult.CONTINUE
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
        return files.root().relativize(path).toString().replace(java.io.File.separatorChar, '/');
    }
}
