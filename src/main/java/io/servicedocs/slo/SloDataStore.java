package io.servicedocs.slo;

import io.servicedocs.cost.data.CostDataException;
import io.servicedocs.load.FileKind;
import io.servicedocs.load.LoadedDocument;
import io.servicedocs.load.SchemaValidator;
import io.servicedocs.load.SloDataFiles;
import io.servicedocs.model.CostMonth.Status;
import io.servicedocs.model.Diagnostic;
import io.servicedocs.model.Position;
import io.servicedocs.model.SloDataFile;
import io.servicedocs.model.SloDataFile.Attained;
import io.servicedocs.model.SloDataFile.Revision;
import io.servicedocs.model.SloMonth;
import io.servicedocs.source.SourceException;
import io.servicedocs.source.WorkingTreeSource;
import io.servicedocs.write.StagedFiles;
import io.servicedocs.write.TemporaryFiles;
import io.servicedocs.write.WriteException;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Writes SLO measurements to slo-data/&lt;source&gt;/&lt;YYYY-MM&gt;.yaml, with the rules of
 * {@link io.servicedocs.cost.data.CostDataStore}:
 * <ul>
 *   <li>no file yet: <b>created</b>;</li>
 *   <li>a provisional month: <b>replaced</b>, the replaced attainments kept under
 *       {@code revisions} (the first estimate replaced and the last before the month turned
 *       final: a daily fetch would otherwise add a revision a day), or <b>unchanged</b> when every
 *       figure is the same (the file is not touched);</li>
 *   <li>a final month with the same figures: <b>unchanged</b>;</li>
 *   <li>a final month whose figures would change, or that would become provisional again:
 *       <b>refused</b>, unless final changes are accepted (then replaced, with a revision that
 *       says so).</li>
 * </ul>
 * A run may measure some products only ({@code --product}): the SLOs of the other products in
 * an existing file are kept as they are. Every file is planned first; when one is refused or one
 * that would be replaced cannot be read, nothing is written; the files are then written all or
 * none ({@link StagedFiles}).
 */
public final class SloDataStore {

    public enum Action { CREATED, REPLACED, UNCHANGED, REFUSED }

    public static final String REFETCHED = "provisional month re-fetched";
    public static final String FINAL_CHANGED = "final month changed and accepted (--accept-final-changes)";
    public static final String FINAL_REPLACED_BY_PROVISIONAL =
            "final month replaced by provisional data (--accept-final-changes)";

    /** One file's fate; {@code after} is what is (or would be) written. */
    public record FileOutcome(String path, Action action, Optional<SloDataFile> before, SloDataFile after,
                              Optional<String> refusal) {
        public FileOutcome {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(before, "before");
            Objects.requireNonNull(after, "after");
            Objects.requireNonNull(refusal, "refusal");
        }
    }

    /** Every file of a run; {@code written} is false when nothing was written. */
    public record Outcome(List<FileOutcome> files, boolean written) {
        public Outcome {
            files = List.copyOf(files);
        }

        public List<FileOutcome> refused() {
            return files.stream().filter(f -> f.action() == Action.REFUSED).toList();
        }
    }

    private final WorkingTreeSource tree;
    private final Path root;
    private final Clock clock;
    private final SloDataFiles files;
    private final StagedFiles.Operations operations;

    public SloDataStore(Path repositoryRoot, Clock clock, SchemaValidator schemas) throws IOException {
        this(repositoryRoot, clock, schemas, StagedFiles.SYSTEM);
    }

    SloDataStore(Path repositoryRoot, Clock clock, SchemaValidator schemas, StagedFiles.Operations operations)
            throws IOException {
        this.tree = new WorkingTreeSource(repositoryRoot);
        this.root = tree.root();
        this.clock = Objects.requireNonNull(clock, "clock");
        this.files = new SloDataFiles(schemas);
        this.operations = Objects.requireNonNull(operations, "operations");
    }

    /**
     * Checks that the files at {@code paths} that exist can be read, before anything is fetched.
     *
     * @throws CostDataException naming every problem (file, line, column)
     */
    public void checkReadable(Set<String> paths) throws CostDataException, IOException {
        List<Diagnostic> problems = new ArrayList<>();
        for (String path : paths) {
            read(path, problems);
        }
        if (!problems.isEmpty()) {
            throw unreadable(problems);
        }
    }

    /**
     * Plans every file, then writes them all unless one is refused.
     *
     * @param fresh each file's new content: the SLOs measured this run
     * @param scope the products measured this run: an existing file's SLOs of other products are kept
     */
    public Outcome save(List<SloDataFile> fresh, Set<String> scope, boolean acceptFinalChanges)
            throws CostDataException, IOException {
        List<Diagnostic> problems = new ArrayList<>();
        Map<String, Optional<SloDataFile>> before = new LinkedHashMap<>();
        for (SloDataFile file : fresh) {
            if (before.put(file.path(), read(file.path(), problems)) != null) {
                throw new IllegalArgumentException(file.path() + " is given twice");
            }
        }
        if (!problems.isEmpty()) {
            throw unreadable(problems);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        List<FileOutcome> outcomes = new ArrayList<>();
        Map<String, String> texts = new LinkedHashMap<>();
        List<Diagnostic> invalid = new ArrayList<>();
        for (SloDataFile file : fresh) {
            Optional<SloDataFile> old = before.get(file.path());
            SloDataFile merged = merge(file, old, scope);
            FileOutcome outcome = decide(merged, old, acceptFinalChanges, now);
            outcomes.add(outcome);
            if (outcome.action() == Action.CREATED || outcome.action() == Action.REPLACED) {
                String text = SloDataFiles.render(outcome.after());
                LoadedDocument<SloDataFile> check = files.parse(outcome.path(), text.getBytes(StandardCharsets.UTF_8));
                invalid.addAll(check.diagnostics());
                texts.put(outcome.path(), text);
            }
        }
        if (!invalid.isEmpty()) {
            throw new CostDataException("the new content would not be a valid SLO month file; nothing was written",
                    invalid);
        }
        if (outcomes.stream().anyMatch(o -> o.action() == Action.REFUSED)) {
            return new Outcome(outcomes, false);
        }
        boolean any = false;
        try (StagedFiles staged = new StagedFiles(operations)) {
            for (FileOutcome outcome : outcomes) {
                String text = texts.get(outcome.path());
                if (text != null) {
                    Path target = root.resolve(outcome.path());
                    Optional<SourceException> refusal = tree.files().refusal(outcome.path()
                            .substring(0, outcome.path().lastIndexOf('/')));
                    if (refusal.isPresent()) {
                        throw new WriteException(target, "cannot write " + target + ": " + refusal.get().getMessage()
                                + " Nothing was written.", null);
                    }
                    Files.createDirectories(target.getParent());
                    TemporaryFiles.removeLeftovers(target.getParent());
                    staged.stage(target, text.getBytes(StandardCharsets.UTF_8));
                    any = true;
                }
            }
            staged.commit();
        }
        return new Outcome(outcomes, any);
    }

    /** The fresh SLOs, plus the old file's SLOs of products this run did not measure. */
    private static SloDataFile merge(SloDataFile fresh, Optional<SloDataFile> old, Set<String> scope) {
        if (old.isEmpty()) {
            return fresh;
        }
        List<SloMonth> slos = new ArrayList<>(fresh.slos());
        for (SloMonth kept : old.get().slos()) {
            if (!scope.contains(kept.product())) {
                slos.add(new SloMonth(kept.product(), kept.slo(), kept.source(), kept.month(), fresh.status(),
                        kept.good(), kept.total(), kept.attainment(), kept.target(), fresh.retrieved(), kept.note()));
            }
        }
        return new SloDataFile(fresh.source(), fresh.month(), fresh.status(), fresh.retrieved(),
                SloDataFiles.sorted(slos), fresh.revisions());
    }

    private static FileOutcome decide(SloDataFile fresh, Optional<SloDataFile> existing, boolean accept, Instant now) {
        String path = fresh.path();
        if (existing.isEmpty()) {
            return new FileOutcome(path, Action.CREATED, existing, fresh, Optional.empty());
        }
        SloDataFile old = existing.get();
        if (old.status() == fresh.status() && sameFigures(old, fresh)) {
            return new FileOutcome(path, Action.UNCHANGED, existing, old, Optional.empty());
        }
        if (old.status() == Status.PROVISIONAL) {
            boolean lastWasProvisional = !old.revisions().isEmpty()
                    && old.revisions().get(old.revisions().size() - 1).status() == Status.PROVISIONAL;
            if (fresh.status() == Status.PROVISIONAL && lastWasProvisional) {
                return new FileOutcome(path, Action.REPLACED, existing, withRevisions(fresh, old.revisions()),
                        Optional.empty());
            }
            return replaced(path, old, fresh, fresh.status() == Status.FINAL ? REFETCHED + ": now final" : REFETCHED, now);
        }
        String what = fresh.status() == Status.PROVISIONAL ? "the final month would become provisional again"
                : "the final month's figures would change";
        if (accept) {
            return replaced(path, old, fresh, fresh.status() == Status.PROVISIONAL ? FINAL_REPLACED_BY_PROVISIONAL
                    : FINAL_CHANGED, now);
        }
        return new FileOutcome(path, Action.REFUSED, existing, fresh, Optional.of(what));
    }

    private static FileOutcome replaced(String path, SloDataFile old, SloDataFile fresh, String reason, Instant now) {
        List<Revision> revisions = new ArrayList<>(old.revisions());
        revisions.add(new Revision(now, old.status(), old.retrieved(), reason, old.slos().stream()
                .map(s -> new Attained(s.product(), s.slo(), s.attainment())).toList()));
        return new FileOutcome(path, Action.REPLACED, Optional.of(old), withRevisions(fresh, revisions), Optional.empty());
    }

    private static SloDataFile withRevisions(SloDataFile file, List<Revision> revisions) {
        return new SloDataFile(file.source(), file.month(), file.status(), file.retrieved(), file.slos(), revisions);
    }

    /** Same SLOs with the same target, counts, attainment and note (decimals by value). */
    static boolean sameFigures(SloDataFile a, SloDataFile b) {
        List<SloMonth> x = SloDataFiles.sorted(a.slos());
        List<SloMonth> y = SloDataFiles.sorted(b.slos());
        if (x.size() != y.size()) {
            return false;
        }
        for (int i = 0; i < x.size(); i++) {
            SloMonth p = x.get(i);
            SloMonth q = y.get(i);
            if (!p.product().equals(q.product()) || !p.slo().equals(q.slo()) || p.target().compareTo(q.target()) != 0
                    || !same(p.good(), q.good()) || !same(p.total(), q.total())
                    || !same(p.attainment(), q.attainment()) || !p.note().equals(q.note())) {
                return false;
            }
        }
        return true;
    }

    private static boolean same(Optional<BigDecimal> a, Optional<BigDecimal> b) {
        return a.isPresent() == b.isPresent() && (a.isEmpty() || a.get().compareTo(b.get()) == 0);
    }

    private Optional<SloDataFile> read(String path, List<Diagnostic> problems) throws IOException {
        String folder = path.substring(0, path.lastIndexOf('/'));
        Optional<SourceException> refusal = tree.files().refusal(folder);
        if (refusal.isPresent()) {
            problems.add(Diagnostic.error(refusal.get().path().orElse(folder), Position.START, refusal.get().rule(),
                    refusal.get().getMessage() + " Nothing was written."));
            return Optional.empty();
        }
        if (!Files.isDirectory(root.resolve(folder), LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        byte[] bytes;
        try {
            bytes = tree.read(path, FileKind.SLO_MONTH.maxBytes());
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (SourceException e) {
            problems.add(Diagnostic.error(path, Position.START, e.rule(), e.getMessage()));
            return Optional.empty();
        }
        LoadedDocument<SloDataFile> parsed = files.parse(path, bytes);
        problems.addAll(parsed.diagnostics());
        return parsed.record();
    }

    private static CostDataException unreadable(List<Diagnostic> problems) {
        List<Diagnostic> sorted = problems.stream().sorted(Diagnostic.ORDER).toList();
        long count = sorted.stream().map(Diagnostic::file).distinct().count();
        return new CostDataException(count + " slo-data file(s) cannot be read; nothing was written. Fix or delete "
                + "them (they are written by servicedocs and not meant to be edited), then run again", sorted);
    }
}
