package io.servicedocs.serve;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Watches the folders a site is made from (standards/, products/, cost-data/, templates/, content/, assets/
 * and the repository root for site.yaml) and tells when something changed. Editors write a file
 * in several steps, so changes are gathered until the tree has been quiet for a moment.
 */
public final class SourceWatcher implements AutoCloseable {

    static final List<String> FOLDERS = List.of("standards", "products", "cost-data", "templates", "content", "assets");

    private final WatchService watcher;
    private final Path root;

    public SourceWatcher(Path root) throws IOException {
        this.root = root;
        this.watcher = FileSystems.getDefault().newWatchService();
        root.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                StandardWatchEventKinds.ENTRY_DELETE);
        for (String folder : FOLDERS) {
            registerTree(root.resolve(folder));
        }
    }

    private void registerTree(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> folders = Files.walk(folder)) {
            for (Path dir : (Iterable<Path>) folders.filter(Files::isDirectory)::iterator) {
                dir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                        StandardWatchEventKinds.ENTRY_DELETE);
            }
        }
    }

    /**
     * Blocks until a source file changes, then until the tree is quiet for {@code quietMillis}.
     * Changes in the repository root other than site.yaml (e.g. the output folder) are ignored.
     */
    public void awaitChange(long quietMillis) throws InterruptedException, IOException {
        boolean changed = false;
        while (!changed) {
            changed = drain(watcher.take());
        }
        WatchKey key;
        while ((key = watcher.poll(quietMillis, TimeUnit.MILLISECONDS)) != null) {
            drain(key);
        }
    }

    private boolean drain(WatchKey key) throws IOException {
        Path dir = (Path) key.watchable();
        boolean relevant = false;
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                relevant = true;
                continue;
            }
            Path changed = dir.resolve((Path) event.context());
            if (dir.equals(root)) {
                String name = changed.getFileName().toString();
                if (name.equals("site.yaml")) {
                    relevant = true;
                } else if (FOLDERS.contains(name) && event.kind() == StandardWatchEventKinds.ENTRY_CREATE) {
                    registerTree(changed);
                    relevant = true;
                }
                continue;
            }
            if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(changed)) {
                registerTree(changed);
            }
            relevant = true;
        }
        key.reset();
        return relevant;
    }

    @Override
    public void close() throws IOException {
        watcher.close();
    }
}
