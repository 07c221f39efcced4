package io.servicedocs.source;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.revwalk.filter.RevFilter;

/** Commits named by the user (branches, tags, ids) and the merge base of two of them. */
public final class GitCommits {

    private GitCommits() {
    }

    /**
     * The commit a ref names.
     *
     * @throws IOException when the ref names no commit, saying what was expected
     */
    public static RevCommit commit(Repository git, String ref) throws IOException {
        ObjectId id = git.resolve(ref + "^{commit}");
        if (id == null) {
            throw new IOException("unknown git ref '" + ref + "'; expected a branch, tag or commit of " + git.getDirectory());
        }
        try (RevWalk walk = new RevWalk(git)) {
            return walk.parseCommit(id);
        }
    }

    /** The commit of the first ref that names one, e.g. main, else origin/main, else HEAD. */
    public static Optional<ObjectId> first(Repository git, List<String> refs) throws IOException {
        for (String ref : refs) {
            ObjectId id = git.resolve(ref + "^{commit}");
            if (id != null) {
                return Optional.of(id);
            }
        }
        return Optional.empty();
    }

    /** The best common ancestor of two commits; empty when their histories never meet (e.g. a shallow clone). */
    public static Optional<RevCommit> mergeBase(Repository git, RevCommit a, RevCommit b) throws IOException {
        try (RevWalk walk = new RevWalk(git)) {
            walk.setRevFilter(RevFilter.MERGE_BASE);
            walk.markStart(walk.parseCommit(a));
            walk.markStart(walk.parseCommit(b));
            return Optional.ofNullable(walk.next());
        }
    }
}
