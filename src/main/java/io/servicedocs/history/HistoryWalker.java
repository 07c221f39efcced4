package io.servicedocs.history;

import io.servicedocs.history.FileChange.BlobKey;
import io.servicedocs.load.FileKind;
import io.servicedocs.load.SchemaValidator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.EmptyTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.AndTreeFilter;
import org.eclipse.jgit.treewalk.filter.PathFilterGroup;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * Walks the first-parent chain of a ref in three passes: (1) the files each commit changed under
 * products/ and standards/, from a diff of its tree with its parent's, so unchanged products are
 * never read; (2) each distinct blob parsed once, on every core; (3) the fold of the changes into
 * {@link Snapshots}.
 */
public final class HistoryWalker {

    private final Repository repository;
    private final SchemaValidator schemas;

    public HistoryWalker(Repository repository, SchemaValidator schemas) {
        this.repository = repository;
        this.schemas = schemas;
    }

    /** A commit and the servicedocs files it changed. */
    record CommitChanges(CommitInfo commit, List<FileChange> changes) {
    }

    public Snapshots walk(ObjectId head) throws IOException {
        boolean shallow = !repository.getObjectDatabase().getShallowCommits().isEmpty();
        List<CommitChanges> commits = changes(head);
        Map<BlobKey, ParsedBlob> parsed = parseAll(commits);
        return new SnapshotFold(parsed).fold(commits, shallow);
    }

    private List<CommitChanges> changes(ObjectId head) throws IOException {
        List<CommitChanges> result = new ArrayList<>();
        try (RevWalk walk = new RevWalk(repository); ObjectReader reader = repository.newObjectReader()) {
            walk.setFirstParent(true);
            walk.markStart(walk.parseCommit(head));
            for (RevCommit commit : walk) {
                result.add(new CommitChanges(info(commit), diff(walk, reader, commit)));
            }
        }
        Collections.reverse(result);
        return result;
    }

    private static CommitInfo info(RevCommit commit) {
        PersonIdent committer = commit.getCommitterIdent();
        return new CommitInfo(commit.name(), committer.getWhenAsInstant(),
                committer.getWhenAsInstant().atZone(committer.getZoneId()).toLocalDate(),
                commit.getAuthorIdent().getName());
    }

    private static List<FileChange> diff(RevWalk walk, ObjectReader reader, RevCommit commit) throws IOException {
        List<FileChange> changes = new ArrayList<>();
        try (TreeWalk tree = new TreeWalk(reader)) {
            // A root commit, or the boundary of a shallow clone, is compared with nothing.
            if (commit.getParentCount() > 0) {
                tree.addTree(walk.parseCommit(commit.getParent(0)).getTree());
            } else {
                tree.addTree(new EmptyTreeIterator());
            }
            tree.addTree(commit.getTree());
            tree.setRecursive(true);
            tree.setFilter(AndTreeFilter.create(
                    PathFilterGroup.createFromStrings(FileKind.PRODUCTS_FOLDER, FileKind.STANDARDS_FOLDER),
                    TreeFilter.ANY_DIFF));
            while (tree.next()) {
                FileMode mode = tree.getFileMode(1);
                // A symbolic link or submodule in git is not a file of ours: as good as deleted.
                boolean file = mode.equals(FileMode.REGULAR_FILE) || mode.equals(FileMode.EXECUTABLE_FILE);
                FileChange.of(tree.getPathString(), file ? Optional.of(tree.getObjectId(1)) : Optional.empty())
                        .ifPresent(changes::add);
            }
        }
        return changes;
    }

    /** Parses each distinct (blob, kind) once; products' files are independent, so on all cores. */
    private Map<BlobKey, ParsedBlob> parseAll(List<CommitChanges> commits) {
        Map<BlobKey, String> paths = new LinkedHashMap<>();
        for (CommitChanges commit : commits) {
            for (FileChange change : commit.changes()) {
                change.key().ifPresent(key -> paths.putIfAbsent(key, change.path()));
            }
        }
        BlobParser parser = new BlobParser(repository, schemas);
        Map<BlobKey, ParsedBlob> parsed = new ConcurrentHashMap<>();
        paths.entrySet().parallelStream().forEach(e ->
                parsed.put(e.getKey(), parser.parse(e.getKey().blob(), e.getKey().kind(), e.getValue())));
        return parsed;
    }
}
