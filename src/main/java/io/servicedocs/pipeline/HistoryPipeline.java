package io.servicedocs.pipeline;

import io.servicedocs.history.FiscalCalendar;
import io.servicedocs.history.History;
import io.servicedocs.history.HistoryAnalysis;
import io.servicedocs.history.HistoryWalker;
import io.servicedocs.history.Snapshots;
import io.servicedocs.source.GitCommits;
import io.servicedocs.source.GitWorkTree;
import io.servicedocs.load.SchemaValidator;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.errors.RepositoryNotFoundException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;

/**
 * {@code history}: the first-parent log of a branch, each commit's snapshot loaded, then
 * timelines, lead times and improvements per period. Problems of the git repository (none, no
 * commit at the ref) are {@link IOException}s.
 */
public final class HistoryPipeline {

    /** Where the history is read when no ref is given: the first of these that names a commit. */
    static final List<String> DEFAULT_REFS = List.of("main", "origin/main", "HEAD");

    private final StageTimer timer;

    public HistoryPipeline(StageTimer timer) {
        this.timer = timer;
    }

    public History run(Path clone, Optional<String> ref, LocalDate asOf, FiscalCalendar calendar) throws IOException {
        Repository opened;
        try {
            opened = GitWorkTree.openClone(clone);
        } catch (RepositoryNotFoundException e) {
            throw new IOException(clone + " is not a git repository; the history is read from git "
                    + "(use --repo DIR to point at a clone)", e);
        }
        try (Repository git = opened) {
            List<String> candidates = ref.map(List::of).orElse(DEFAULT_REFS);
            ObjectId head = GitCommits.first(git, candidates).orElseThrow(() -> new IOException(
                    "no commit found at " + String.join(", ", candidates) + " in " + clone));
            Snapshots snapshots = timer.time("walk", () -> new HistoryWalker(git, new SchemaValidator()).walk(head));
            return timer.time("analyse", () -> HistoryAnalysis.analyse(snapshots, asOf, calendar));
        }
    }
}
