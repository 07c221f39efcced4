package io.servicedocs.cost.data;

import io.servicedocs.load.FileKind;
import io.servicedocs.load.LoadedDocument;
import io.servicedocs.load.SchemaValidator;
import io.servicedocs.model.CostMonth;
import io.servicedocs.model.CostMonth.Revision;
import io.servicedocs.model.CostMonth.Status;
import io.servicedocs.model.Diagnostic;
import io.servicedocs.model.Money;
import io.servicedocs.model.Position;
import io.servicedocs.source.SourceException;
import io.servicedocs.source.WorkingTreeSource;
import io.servicedocs.write.StagedFiles;
import io.servicedocs.write.TemporaryFiles;
import io.servicedocs.write.WriteException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Writes {@link CostMonth}s to cost-data/&lt;source&gt;/&lt;YYYY-MM&gt;.yaml of a repository.
 *
 * <p>Policy, month by month:
 * <ul>
 *   <li>no file yet: <b>created</b>;</li>
 *   <li>a provisional month: <b>replaced</b>, and its status, retrieval time and totals per
 *       currency are appended to {@code revisions}; when the new content has the same status,
 *       basis and lines (names included) it is <b>unchanged</b> and the file is not touched.
 *       Estimates change daily until the bill closes, so {@code revisions} keeps the first
 *       estimate that was replaced and the last one before the month turned final, not every
 *       daily estimate in between (the cost-data branch's git history has those);</li>
 *   <li>a final month with the same status, basis and lines (amounts compared by value, names of
 *       cost elements ignored): <b>unchanged</b>, the file is not touched;</li>
 *   <li>a final month whose figures would change, or that would become provisional again:
 *       <b>refused</b>, unless final changes are accepted, in which case it is replaced with a
 *       revision that says so.</li>
 * </ul>
 * Every month is planned before anything is written. When any month is refused, or any file
 * that would be replaced cannot be read (or is invalid, or the new content would be larger than
 * servicedocs reads back), nothing at all is written. The months are written all or none: each
 * to a temporary file in the same folder, then all moved into place, each atomically; when a
 * move fails, those already moved are put back ({@link StagedFiles}).
 */
public final class CostDataStore {

    /** What happens to one month. */
    public enum Action { CREATED, REPLACED, UNCHANGED, REFUSED }

    /**
     * Whether final months may change, and the reason recorded when a provisional month is
     * replaced.
     */
    public record WritePolicy(boolean acceptFinalChanges, String provisionalReplacedReason,
                              Optional<YearMonth> openBillingPeriodsFrom) {
        public WritePolicy {
            Objects.requireNonNull(provisionalReplacedReason, "provisionalReplacedReason");
            Objects.requireNonNull(openBillingPeriodsFrom, "openBillingPeriodsFrom");
        }

        /** Without billing periods: every billing period counts as closed. */
        public WritePolicy(boolean acceptFinalChanges, String provisionalReplacedReason) {
            this(acceptFinalChanges, provisionalReplacedReason, Optional.empty());
        }

        /**
         * For {@code servicedocs costs import} on {@code today}: the billing periods from this
         * month on are not closed, and may still change a final month's part.
         */
        public static WritePolicy importing(boolean acceptFinalChanges, java.time.LocalDate today) {
            return new WritePolicy(acceptFinalChanges, RevisionReason.REIMPORTED.text(),
                    Optional.of(YearMonth.from(today)));
        }

        /** For {@code servicedocs costs fetch}. */
        public static WritePolicy fetch(boolean acceptFinalChanges) {
            return new WritePolicy(acceptFinalChanges, RevisionReason.REFETCHED.text());
        }

        /** For {@code servicedocs costs import}. */
        public static WritePolicy importing(boolean acceptFinalChanges) {
            return new WritePolicy(acceptFinalChanges, RevisionReason.REIMPORTED.text());
        }
    }

    /**
     * The fate of one month: the file (relative to the repository root), the content before (none
     * for a new file), the content after (for a refused month: what would have been written, for
     * an unchanged one: the new data, which states the same figures), and for a refusal why.
     */
    public record MonthOutcome(String path, Action action, Optional<CostMonth> before, CostMonth after,
                               Optional<String> refusal) {
        public MonthOutcome {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(before, "before");
            Objects.requireNonNull(after, "after");
            Objects.requireNonNull(refusal, "refusal");
        }

        public String source() {
            return after.source();
        }

        public YearMonth month() {
            return after.month();
        }

        public List<Money> oldTotals() {
            return before.map(CostMonths::totals).orElse(List.of());
        }

        public List<Money> newTotals() {
            return CostMonths.totals(after);
        }
    }

    /** Every month of a run, in the order given; {@code written} is false when nothing was written. */
    public record Outcome(List<MonthOutcome> months, boolean written) {
        public Outcome {
            months = List.copyOf(months);
        }

        public List<MonthOutcome> refused() {
            return months.stream().filter(m -> m.action() == Action.REFUSED).toList();
        }

        public long count(Action action) {
            return months.stream().filter(m -> m.action() == action).count();
        }
    }

    /** The months planned, with the text to write for those created or replaced. */
    public static final class Plan {
        private final List<MonthOutcome> months;
        private final Map<String, String> texts;

        private Plan(List<MonthOutcome> months, Map<String, String> texts) {
            this.months = List.copyOf(months);
            this.texts = new LinkedHashMap<>(texts);
        }

        public List<MonthOutcome> months() {
            return months;
        }

        public boolean refused() {
            return months.stream().anyMatch(m -> m.action() == Action.REFUSED);
        }

        /** The text that would be written to {@code path}, if it is created or replaced. */
        public Optional<String> text(String path) {
            return Optional.ofNullable(texts.get(path));
        }
    }

    private final WorkingTreeSource tree;
    private final Path root;
    private final Clock clock;
    private final CostMonthYaml yaml;
    private final long maxBytes;
    private final StagedFiles.Operations operations;

    /**
     * @param repositoryRoot the repository whose cost-data/ folder is written
     * @param clock the time recorded in revisions as when a content was replaced
     * @throws IOException when {@code repositoryRoot} is not an existing folder
     */
    public CostDataStore(Path repositoryRoot, Clock clock, SchemaValidator schemas) throws IOException {
        this(repositoryRoot, clock, schemas, FileKind.COST_MONTH.maxBytes(), StagedFiles.SYSTEM);
    }

    /**
     * For tests: a smaller size limit, and file system operations that fail where a test wants.
     *
     * @param maxBytes the largest month file written (and read); the loader's limit in real use
     */
    CostDataStore(Path repositoryRoot, Clock clock, SchemaValidator schemas, long maxBytes,
                  StagedFiles.Operations operations) throws IOException {
        this.tree = new WorkingTreeSource(repositoryRoot);
        this.root = tree.root();
        this.clock = Objects.requireNonNull(clock, "clock");
        this.yaml = new CostMonthYaml(schemas);
        this.maxBytes = maxBytes;
        this.operations = Objects.requireNonNull(operations, "operations");
    }

    public Path root() {
        return root;
    }

    /**
     * The month files of {@code source} that exist among {@code months}, read and checked.
     *
     * @throws CostDataException when any of them cannot be read or is invalid: every problem found
     */
    public Map<YearMonth, CostMonth> existing(String source, Collection<YearMonth> months)
            throws CostDataException, IOException {
        Map<YearMonth, CostMonth> found = new LinkedHashMap<>();
        List<Diagnostic> problems = new ArrayList<>();
        for (YearMonth month : months) {
            read(CostMonth.pathOf(source, month), problems).ifPresent(m -> found.put(month, m));
        }
        if (!problems.isEmpty()) {
            throw unreadable(problems);
        }
        return found;
    }

    /**
     * The months that have a file in cost-data/{@code source}/ (YYYY-MM.yaml), sorted; none when
     * the folder does not exist or is a link out of the repository (writing refuses that anyway).
     */
    public List<YearMonth> months(String source) throws IOException {
        String folder = CostMonth.FOLDER + "/" + source;
        Path dir = root.resolve(folder);
        if (folderOutside(folder + "/x").isPresent() || !Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        List<YearMonth> months = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, "[0-9][0-9][0-9][0-9]-[0-9][0-9].yaml")) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                try {
                    months.add(YearMonth.parse(name.substring(0, 7)));
                } catch (java.time.format.DateTimeParseException e) {
                    // not a month file (2026-13.yaml): validation reports it
                }
            }
        }
        months.sort(null);
        return months;
    }

    /** Plans and, when no month is refused, writes. */
    public Outcome save(List<CostMonth> months, WritePolicy policy) throws CostDataException, IOException {
        return write(plan(months, policy));
    }

    /**
     * Decides each month without writing anything.
     *
     * @throws CostDataException when a file that would be replaced cannot be read or is invalid,
     *         or the new content would not be a valid month file
     */
    public Plan plan(List<CostMonth> months, WritePolicy policy) throws CostDataException, IOException {
        Set<String> paths = new HashSet<>();
        for (CostMonth month : months) {
            if (!paths.add(month.path())) {
                throw new IllegalArgumentException("the month " + month.month() + " of source '" + month.source()
                        + "' is given twice; merge it first");
            }
        }
        List<Diagnostic> problems = new ArrayList<>();
        Map<String, Optional<CostMonth>> before = new LinkedHashMap<>();
        for (CostMonth month : months) {
            before.put(month.path(), read(month.path(), problems));
        }
        if (!problems.isEmpty()) {
            throw unreadable(problems);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        List<MonthOutcome> outcomes = new ArrayList<>();
        Map<String, String> texts = new LinkedHashMap<>();
        List<Diagnostic> invalid = new ArrayList<>();
        List<Diagnostic> tooLarge = new ArrayList<>();
        for (CostMonth month : months) {
            CostMonth fresh = CostMonths.sorted(month);
            MonthOutcome outcome = decide(fresh, before.get(month.path()), policy, now);
            outcomes.add(outcome);
            if (outcome.action() == Action.CREATED || outcome.action() == Action.REPLACED) {
                String text = CostMonthYaml.render(outcome.after());
                byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
                if (bytes.length > maxBytes) {
                    // validate and build would refuse to read it: never write what cannot be read back
                    tooLarge.add(Diagnostic.error(outcome.path(), Position.START, "file-too-large", "the month would be "
                            + bytes.length + " bytes with its " + outcome.after().costs().size() + " line(s); "
                            + "servicedocs reads at most " + maxBytes + " bytes per cost-data month file. Import "
                            + "it in parts under two sources (e.g. by billing account), or without --tag-key"));
                    continue;
                }
                LoadedDocument<CostMonth> check = yaml.parse(outcome.path(), bytes);
                if (!check.diagnostics().isEmpty()) {
                    invalid.addAll(check.diagnostics());
                } else if (!check.record().orElseThrow().equals(outcome.after())) {
                    throw new IllegalStateException("the text written for " + outcome.path()
                            + " does not read back as the same month:\n" + text);
                }
                texts.put(outcome.path(), text);
            }
        }
        if (!tooLarge.isEmpty()) {
            throw new CostDataException(tooLarge.size() + " month file(s) would be larger than servicedocs reads "
                    + "back; nothing was written", tooLarge);
        }
        if (!invalid.isEmpty()) {
            throw new CostDataException("the new content would not be a valid month file; nothing was written",
                    invalid);
        }
        return new Plan(outcomes, texts);
    }

    /**
     * Writes the files the plan creates or replaces, unless it refuses a month: then nothing.
     * All of them or none: each is written whole to a temporary file beside it, then all are
     * renamed into place; when one cannot be, those already renamed are put back as they were.
     * First, temporary files that interrupted runs left in cost-data/ are removed.
     *
     * @throws WriteException when a file cannot be written; it names the file, and the
     *         repository's cost-data/ is as it was before
     */
    public Outcome write(Plan plan) throws IOException {
        removeLeftovers();
        if (plan.refused()) {
            return new Outcome(plan.months(), false);
        }
        boolean any = false;
        try (StagedFiles files = new StagedFiles(operations)) {
            for (MonthOutcome month : plan.months()) {
                Optional<String> text = plan.text(month.path());
                if (text.isPresent()) {
                    if (folderOutside(month.path()).isPresent()) {
                        // became a link out of the repository since it was planned
                        throw new WriteException(root.resolve(month.path()), "cannot write " + root.resolve(month.path())
                                + ": its folder is a symbolic link to a place outside the repository. Nothing was written.",
                                null);
                    }
                    files.stage(root.resolve(month.path()), text.get().getBytes(StandardCharsets.UTF_8));
                    any = true;
                }
            }
            files.commit();
        }
        return new Outcome(plan.months(), any);
    }

    /**
     * Removes what killed runs left in cost-data/ and its source folders (their process is dead);
     * a live writer's temporary files are left alone.
     */
    private void removeLeftovers() throws IOException {
        Path data = root.resolve(CostMonth.FOLDER);
        if (!Files.isDirectory(data, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        TemporaryFiles.removeLeftovers(data);
        List<Path> sources = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(data)) {
            for (Path entry : entries) {
                if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
                    sources.add(entry);
                }
            }
        }
        for (Path source : sources) {
            TemporaryFiles.removeLeftovers(source);
        }
    }

    private MonthOutcome decide(CostMonth fresh, Optional<CostMonth> existing, WritePolicy policy, Instant now) {
        String path = fresh.path();
        if (existing.isEmpty()) {
            return new MonthOutcome(path, Action.CREATED, existing, fresh, Optional.empty());
        }
        CostMonth old = existing.get();
        if (old.status() == Status.PROVISIONAL) {
            if (CostMonths.sameLines(old, fresh)) {
                return new MonthOutcome(path, Action.UNCHANGED, existing, fresh, Optional.empty());
            }
            if (fresh.status() == Status.PROVISIONAL && !old.revisions().isEmpty()
                    && old.revisions().get(old.revisions().size() - 1).status() == Status.PROVISIONAL) {
                // A daily fetch changes the estimate every day: the file keeps the first estimate
                // (already recorded) and the latest; git history of cost-data has every one between.
                return new MonthOutcome(path, Action.REPLACED, existing, new CostMonth(fresh.source(), fresh.month(),
                        fresh.status(), fresh.basis(), fresh.retrieved(), fresh.origin(), fresh.costs(), old.revisions()),
                        Optional.empty());
            }
            return replaced(path, old, fresh, fresh.status() == Status.FINAL
                    ? policy.provisionalReplacedReason() + ": now final" : policy.provisionalReplacedReason(), now);
        }
        if (CostMonths.sameFigures(old, fresh)) {
            return new MonthOutcome(path, Action.UNCHANGED, existing, fresh, Optional.empty());
        }
        BillingPeriodChange change = BillingPeriodChange.of(old, fresh, policy.openBillingPeriodsFrom());
        if (change.allowed()) {
            RevisionReason reason = change.changedOpen().isEmpty() ? RevisionReason.BILLING_PERIOD_ADDED
                    : RevisionReason.OPEN_BILLING_PERIOD_REIMPORTED;
            Revision last = old.revisions().isEmpty() ? null : old.revisions().get(old.revisions().size() - 1);
            if (reason == RevisionReason.OPEN_BILLING_PERIOD_REIMPORTED && last != null
                    && last.reason().equals(reason.text())) {
                // an open billing period is imported daily: keep the revision already recorded, as for estimates
                return new MonthOutcome(path, Action.REPLACED, existing, new CostMonth(fresh.source(), fresh.month(),
                        fresh.status(), fresh.basis(), fresh.retrieved(), fresh.origin(), fresh.costs(),
                        old.revisions()), Optional.empty());
            }
            return replaced(path, old, fresh, reason.text(), now);
        }
        boolean regrouped = fresh.status() == old.status() && old.basis().equals(fresh.basis())
                && CostMonths.sameUnitTotals(old, fresh);
        String what = fresh.status() == Status.PROVISIONAL
                ? "the final month would become provisional again"
                : !old.basis().equals(fresh.basis())
                ? "the final month would change its basis from '" + old.basis() + "' to '" + fresh.basis() + "'"
                : regrouped
                ? "the final month's cost would be divided by tag differently (" + CostMonths.taggedLines(old)
                        + " line(s) with a tag value before, " + CostMonths.taggedLines(fresh) + " after); every account, "
                        + "subscription or project keeps its amount, but who owns a tagged part may change"
                : "the final month's figures would change" + (change.changedClosed().isEmpty() ? ""
                        : " (closed billing period(s) " + change.changedClosed() + " imported again with other figures)");
        if (policy.acceptFinalChanges()) {
            String reason = fresh.status() == Status.PROVISIONAL
                    ? RevisionReason.FINAL_REPLACED_BY_PROVISIONAL.text()
                    : regrouped
                    ? RevisionReason.FINAL_REGROUPED.text()
                    : RevisionReason.FINAL_CHANGED.text();
            return replaced(path, old, fresh, reason, now);
        }
        return new MonthOutcome(path, Action.REFUSED, existing, fresh, Optional.of(what));
    }

    private static MonthOutcome replaced(String path, CostMonth old, CostMonth fresh, String reason, Instant now) {
        List<Revision> revisions = new ArrayList<>(old.revisions());
        revisions.add(new Revision(now, old.status(), old.retrieved(), CostMonths.totals(old), reason));
        CostMonth after = new CostMonth(fresh.source(), fresh.month(), fresh.status(), fresh.basis(),
                fresh.retrieved(), fresh.origin(), fresh.costs(), revisions);
        return new MonthOutcome(path, Action.REPLACED, Optional.of(old), after, Optional.empty());
    }

    /** The month file at {@code path}, empty when there is none; problems go to {@code problems}. */
    private Optional<CostMonth> read(String path, List<Diagnostic> problems) throws IOException {
        Optional<Diagnostic> outside = folderOutside(path);
        if (outside.isPresent()) {
            problems.add(outside.get());
            return Optional.empty();
        }
        byte[] bytes;
        try {
            bytes = tree.read(path, maxBytes);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (SourceException e) {
            problems.add(Diagnostic.error(path, Position.START, e.rule(), e.getMessage()));
            return Optional.empty();
        } catch (IOException e) {
            // permission, I/O error: a problem of this file, named as validate names it
            problems.add(Diagnostic.error(path, Position.START, "file-unreadable",
                    "cannot read file: " + TemporaryFiles.reason(e, root.resolve(path))));
            return Optional.empty();
        }
        LoadedDocument<CostMonth> parsed = yaml.parse(path, bytes);
        problems.addAll(parsed.diagnostics());
        return parsed.record();
    }

    /**
     * A source folder that is a link out of the repository, into .git or to nothing is neither
     * read nor written through (the rule is {@link io.servicedocs.source.RepositoryFiles}').
     */
    private Optional<Diagnostic> folderOutside(String path) throws IOException {
        String folder = path.substring(0, path.lastIndexOf('/'));
        Optional<SourceException> refusal = tree.files().refusal(folder);
        if (refusal.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Diagnostic.error(refusal.get().path().orElse(folder), Position.START, refusal.get().rule(),
                refusal.get().getMessage() + " Nothing was written."));
    }

    private static CostDataException unreadable(List<Diagnostic> problems) {
        List<Diagnostic> sorted = problems.stream().sorted(Diagnostic.ORDER).toList();
        long files = sorted.stream().map(Diagnostic::file).distinct().count();
        return new CostDataException(files + " cost-data file(s) cannot be read; nothing was written. "
                + "Fix or delete them (they are written by servicedocs and not meant to be edited), then run again",
                sorted);
    }
}
