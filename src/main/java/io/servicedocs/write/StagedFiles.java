package io.servicedocs.write;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Files written all or none: {@link #stage} writes each whole to a temporary file beside its
 * target ({@link TemporaryFiles}), {@link #commit} moves them all into place, each in one atomic
 * rename. When staging fails (disk full, read-only, permission), the targets are untouched; when
 * a rename fails half-way, the files already moved are put back from their backups and the files
 * created are removed, so that the folder is as it was. Every failure is a {@link WriteException}
 * that names the file. {@link #close} removes whatever was not committed.
 *
 * <p>Not for concurrent writers of the same files: the last commit wins, file by file.
 */
public final class StagedFiles implements AutoCloseable {

    /** The file system operations, replaceable in tests to fail at a chosen file. */
    public interface Operations {
        /** Writes {@code content} to the new file {@code file} and forces it to the disk. */
        void write(Path file, byte[] content) throws IOException;

        /** Makes {@code backup}, a new file, hold what {@code file} holds now. */
        void backup(Path file, Path backup) throws IOException;

        /** Moves {@code from} to {@code to} in one atomic rename, replacing {@code to}. */
        void move(Path from, Path to) throws IOException;
    }

    /** The real file system. */
    public static final Operations SYSTEM = new Operations() {
        @Override
        public void write(Path file, byte[] content) throws IOException {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
        }

        @Override
        public void backup(Path file, Path backup) throws IOException {
            try {
                // a second name for the same content: instant, and the rename over the file keeps it
                Files.createLink(backup, file);
            } catch (UnsupportedOperationException | IOException e) {
                Files.deleteIfExists(backup);
                Files.copy(file, backup, StandardCopyOption.COPY_ATTRIBUTES);
            }
        }

        @Override
        public void move(Path from, Path to) throws IOException {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        }
    };

    private record Staged(Path target, Path temporary) {
    }

    private record Moved(Path target, Path backup) {
    }

    private final Operations operations;
    private final List<Staged> staged = new ArrayList<>();
    /** Folders this instance made, outermost first: removed again when nothing is committed. */
    private final List<Path> createdFolders = new ArrayList<>();
    private boolean committed;

    public StagedFiles() {
        this(SYSTEM);
    }

    public StagedFiles(Operations operations) {
        this.operations = Objects.requireNonNull(operations, "operations");
    }

    /**
     * Writes {@code content} to a temporary file beside {@code target}, making its folder when
     * missing. The target is not touched.
     *
     * @throws WriteException naming {@code target}; then nothing of this instance is left on disk
     */
    public void stage(Path target, byte[] content) throws WriteException {
        if (committed) {
            throw new IllegalStateException("already committed");
        }
        makeFolders(target);
        Path temporary = TemporaryFiles.temporary(target);
        try {
            operations.write(temporary, content);
            staged.add(new Staged(target, temporary));
        } catch (IOException e) {
            discard(temporary);
            abort();
            throw new WriteException(target, "cannot write " + target + ": " + TemporaryFiles.reason(e, target)
                    + ". Nothing was written.", e);
        }
    }

    /** The targets staged, in order. */
    public List<Path> targets() {
        return staged.stream().map(Staged::target).toList();
    }

    /**
     * Moves every staged file into place. When one cannot be, those moved before it are put back
     * as they were, and the exception names the file that failed (and any that could not be put
     * back, with where its previous content is).
     */
    public void commit() throws WriteException {
        if (committed) {
            throw new IllegalStateException("already committed");
        }
        List<Moved> moved = new ArrayList<>();
        for (Staged file : staged) {
            Path backup = null;
            try {
                if (Files.exists(file.target(), LinkOption.NOFOLLOW_LINKS)
                        && !Files.isDirectory(file.target(), LinkOption.NOFOLLOW_LINKS)) {
                    // (a folder in the way makes the rename fail: nothing to put back)
                    backup = TemporaryFiles.backup(file.target());
                    operations.backup(file.target(), backup);
                }
                operations.move(file.temporary(), file.target());
                TemporaryFiles.release(file.temporary());
                moved.add(new Moved(file.target(), backup));
            } catch (IOException e) {
                if (backup != null) {
                    discard(backup); // the target was not replaced
                }
                List<String> notRestored = restore(moved);
                abort();
                String message = "cannot write " + file.target() + ": " + TemporaryFiles.reason(e, file.target())
                        + ". " + (notRestored.isEmpty()
                        ? (moved.isEmpty() ? "Nothing was written." : "Nothing was written: the " + moved.size()
                        + " file(s) already replaced or created by this run were put back as they were.")
                        : "The files of this run could not all be put back: " + String.join("; ", notRestored) + ".");
                throw new WriteException(file.target(), message, e);
            }
        }
        committed = true;
        for (Moved file : moved) {
            if (file.backup() != null) {
                discard(file.backup());
            }
        }
        staged.clear();
    }

    /** Puts back, last first, the files moved; what cannot be is described. */
    private List<String> restore(List<Moved> moved) {
        List<String> notRestored = new ArrayList<>();
        List<Moved> reversed = new ArrayList<>(moved);
        Collections.reverse(reversed);
        for (Moved file : reversed) {
            try {
                if (file.backup() == null) {
                    Files.deleteIfExists(file.target());
                } else {
                    operations.move(file.backup(), file.target());
                    TemporaryFiles.release(file.backup());
                }
            } catch (IOException e) {
                notRestored.add(file.backup() == null
                        ? file.target() + " was created and could not be removed (" + TemporaryFiles.reason(e, file.target()) + ")"
                        : file.target() + " is new; its previous content is in " + file.backup() + " ("
                                + TemporaryFiles.reason(e, file.target()) + ")");
            }
        }
        return notRestored;
    }

    /** Removes the temporary files not committed, and the folders made for them when empty. */
    private void abort() {
        for (Staged file : staged) {
            discard(file.temporary());
        }
        staged.clear();
        List<Path> folders = new ArrayList<>(createdFolders);
        Collections.reverse(folders);
        for (Path folder : folders) {
            try {
                Files.deleteIfExists(folder);
            } catch (IOException e) {
                // not empty (someone else wrote there) or not removable: leave it
            }
        }
        createdFolders.clear();
    }

    private void makeFolders(Path target) throws WriteException {
        Path folder = target.toAbsolutePath().getParent();
        List<Path> missing = new ArrayList<>();
        for (Path f = folder; f != null && !Files.exists(f, LinkOption.NOFOLLOW_LINKS); f = f.getParent()) {
            missing.add(0, f);
        }
        for (Path f : missing) {
            try {
                Files.createDirectory(f);
                createdFolders.add(f);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                if (!Files.isDirectory(f)) {
                    abort();
                    throw new WriteException(target, "cannot write " + target + ": " + f + " is in the way and not "
                            + "a folder. Nothing was written.", e);
                }
            } catch (IOException e) {
                abort();
                throw new WriteException(target, "cannot write " + target + ": cannot make the folder " + f + ": "
                        + TemporaryFiles.reason(e, f) + ". Nothing was written.", e);
            }
        }
    }

    private static void discard(Path temporary) {
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException e) {
            // left for the next run that writes there: this process will be dead then
        } finally {
            TemporaryFiles.release(temporary);
        }
    }

    /** Removes what was staged and not committed. */
    @Override
    public void close() {
        if (!committed) {
            abort();
        }
    }
}
