package io.servicedocs.pipeline;

import io.servicedocs.assess.Assessor;
import io.servicedocs.assess.Portfolio;
import io.servicedocs.digest.CampaignDeadlines;
import io.servicedocs.digest.Digest;
import io.servicedocs.digest.DigestBuilder;
import io.servicedocs.history.FiscalCalendar;
import io.servicedocs.history.History;
import io.servicedocs.load.SchemaValidator;
import io.servicedocs.model.Repository;
import io.servicedocs.review.ReviewNames;
import io.servicedocs.source.GitCommits;
import io.servicedocs.source.GitTreeSource;
import io.servicedocs.source.GitWorkTree;
import io.servicedocs.validate.ValidationResult;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.errors.RepositoryNotFoundException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * {@code digest}: the branch's history (phase and level changes with their dates), the products
 * at the head (the last first-parent commit dated on or before the as-of day) judged on that day, and the products at the start of the window judged on
 * that day (the last first-parent commit before it), folded into a {@link Digest}. Problems of
 * the git repository, and a head whose standard does not load, are {@link IOException}s.
 */
public final class DigestPipeline {

    private final StageTimer timer;
    private final SchemaValidator schemas = new SchemaValidator();

    public DigestPipeline(StageTimer timer) {
        this.timer = timer;
    }

    /** The digest, the names and links to write it with, and what the reader should know about how it was made. */
    public record Result(Digest digest, ReviewNames names, List<String> warnings) {
    }

    public Result run(Path clone, Optional<String> ref, LocalDate since, LocalDate asOf) throws IOException {
        // the fiscal calendar shapes only history's periods, which the digest does not use
        History history = new HistoryPipeline(timer).run(clone, ref, asOf, new FiscalCalendar(Month.APRIL));
        List<String> warnings = new ArrayList<>();
        history.incomplete().ifPresent(warnings::add);
        history.warnings().forEach(w -> warnings.add(w.toString()));
        org.eclipse.jgit.lib.Repository opened;
        try {
            opened = GitWorkTree.openClone(clone);
        } catch (RepositoryNotFoundException e) {
            throw new IOException(clone + " is not a git repository; the digest is read from git "
                    + "(use --repo DIR to point at a clone)", e);
        }
        try (org.eclipse.jgit.lib.Repository git = opened; RevWalk walk = new RevWalk(git)) {
            List<String> candidates = ref.map(List::of).orElse(HistoryPipeline.DEFAULT_REFS);
            ObjectId headId = GitCommits.first(git, candidates).orElseThrow(() -> new IOException(
                    "no commit found at " + String.join(", ", candidates) + " in " + clone));
            // the state on the as-of day: a digest dated in the past reads the branch as it was then
            RevCommit head = lastBefore(walk, walk.parseCommit(headId), asOf.plusDays(1)).orElseThrow(() ->
                    new IOException("no commit of " + String.join(", ", candidates) + " is dated on or before "
                            + asOf + " (--as-of)"));
            String headName = head.abbreviate(10).name();
            ValidationResult now = new ValidatePipeline(schemas, timer)
                    .check(new GitTreeSource(git, head), asOf).validation();
            Repository repository = now.repository().orElseThrow(() -> new IOException("products/ and standards/ at "
                    + headName + " do not load (" + now.errorCount() + " errors); run servicedocs validate"));
            if (now.hasErrors()) {
                warnings.add("the head " + headName + " has " + now.errorCount() + " validation errors; the digest "
                        + "reads what loads (run servicedocs validate)");
            }
            Optional<Portfolio> atSince = Optional.empty();
            Optional<RevCommit> before = lastBefore(walk, head, since);
            if (before.isPresent()) {
                ValidationResult then = new ValidatePipeline(schemas, timer)
                        .check(new GitTreeSource(git, before.get()), since).validation();
                atSince = then.repository().map(r -> Assessor.assess(r, since));
                if (atSince.isEmpty()) {
                    warnings.add("the products at " + before.get().abbreviate(10).name() + " (the start of the window) "
                            + "do not load; every gap at the head counts as new");
                }
            }
            Portfolio portfolio = timer.time("assess", () -> Assessor.assess(repository, asOf));
            Digest digest = new DigestBuilder(since, asOf, CampaignDeadlines.of(repository.campaigns()))
                    .build(headName, history, atSince, portfolio);
            return new Result(digest, ReviewNames.of(Optional.of(repository), Optional.of(repository)), warnings);
        }
    }

    /**
     * The last commit of the first-parent chain dated before {@code since}, dated as the history
     * dates commits; empty when the chain starts in the window or a shallow clone ends it earlier.
     */
    static Optional<RevCommit> lastBefore(RevWalk walk, RevCommit head, LocalDate since) throws IOException {
        RevCommit commit = head;
        while (true) {
            PersonIdent committer = commit.getCommitterIdent();
            if (committer.getWhenAsInstant().atZone(committer.getZoneId()).toLocalDate().isBefore(since)) {
                return Optional.of(commit);
            }
            if (commit.getParentCount() == 0) {
                return Optional.empty();
            }
            try {
                commit = walk.parseCommit(commit.getParent(0));
            } catch (MissingObjectException e) {
                return Optional.empty(); // a shallow clone: history's own warning says so
            }
        }
    }
}
