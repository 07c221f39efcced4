package io.servicedocs.pipeline;

import io.servicedocs.review.ReviewReport;
import io.servicedocs.review.Reviewer;
import io.servicedocs.source.ChangedFiles;
import io.servicedocs.source.GitCommits;
import io.servicedocs.source.GitTreeSource;
import io.servicedocs.source.GitWorkTree;
import io.servicedocs.source.SnapshotSource;
import io.servicedocs.source.WorkingTreeSource;
import io.servicedocs.load.SchemaValidator;
import io.servicedocs.validate.ValidationResult;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * {@code review --base REF [--head REF]}: the merge base and the head (a commit, or the working
 * tree) loaded and validated alike, the head with its costs, the paths the pull request changes
 * (to tell its problems from those it found), then compared. Problems of the git
 * repository (none, not its top, an unknown ref, no common history) are {@link IOException}s.
 */
public final class ReviewPipeline {

    private final SchemaValidator schemas = new SchemaValidator();
    private final StageTimer timer;

    public ReviewPipeline(StageTimer timer) {
        this.timer = timer;
    }

    /** The report, and what the reader should know about how it was made. */
    public record Result(ReviewReport report, List<String> warnings) {
    }

    public Result run(WorkingTreeSource workingTree, String base, Optional<String> head, LocalDate asOf)
            throws IOException {
        String headRef = head.orElse("HEAD");
        try (Repository git = open(workingTree)) {
            RevCommit baseCommit = GitCommits.commit(git, base);
            RevCommit headCommit = GitCommits.commit(git, headRef);
            RevCommit mergeBase = GitCommits.mergeBase(git, baseCommit, headCommit).orElseThrow(() -> new IOException(
                    base + " and " + headRef + " have no common history; fetch the whole history (actions/checkout: "
                            + "fetch-depth: 0)"));
            GitTreeSource baseSource = new GitTreeSource(git, mergeBase);
            SnapshotSource headSource = head.isEmpty() ? workingTree : new GitTreeSource(git, headCommit);
            List<String> warnings = new ArrayList<>();
            // the base with its costs too, as the head: a cost problem both have is not this change's
            ValidationResult before = new ValidatePipeline(schemas, timer).check(baseSource, asOf).all();
            if (before.repository().isEmpty()) {
                warnings.add("the standard at the base does not load; every product is compared with an empty base");
            }
            // the head's costs are computed as build would: a cost-ledger error blocks the pull request
            ValidatePipeline.Checked after = new ValidatePipeline(schemas, timer).check(headSource, asOf);
            String baseName = base + " (" + mergeBase.abbreviate(8).name() + ")";
            String headName = head.map(ref -> ref + " (" + headCommit.abbreviate(8).name() + ")").orElse("working tree");
            Set<String> changed = timer.time("changed-files", () -> head.isEmpty()
                    ? ChangedFiles.againstWorkingTree(git, mergeBase) : ChangedFiles.between(git, mergeBase, headCommit));
            ReviewReport report = timer.time("review", () -> new Reviewer(asOf).compare(baseName, before, baseSource,
                    headName, after.all(), after.costs().report(), headSource, changed));
            return new Result(report, warnings);
        }
    }

    private static Repository open(WorkingTreeSource workingTree) throws IOException {
        try {
            return GitWorkTree.open(workingTree.root());
        } catch (GitWorkTree.NotAWorkTreeException e) {
            throw new IOException(e.problem() == GitWorkTree.Problem.NOT_IN_GIT
                    ? workingTree.root() + " is not in a git repository; review compares git commits"
                    : "review reads products/ and standards/ at the top of the git working tree; expected --repo to "
                            + "be that folder", e);
        }
    }
}
