package io.servicedocs.pipeline;

import io.servicedocs.assess.Portfolio;
import io.servicedocs.cost.allocation.CostReport;
import io.servicedocs.cost.allocation.CostResult;
import io.servicedocs.history.FiscalCalendar;
import io.servicedocs.history.History;
import io.servicedocs.history.HistoryReader;
import io.servicedocs.model.Costs;
import io.servicedocs.model.Diagnostic;
import io.servicedocs.model.Repository;
import io.servicedocs.site.render.AsciidocTimeoutException;
import io.servicedocs.site.render.ConvertedAsciidoc;
import io.servicedocs.site.render.SecureAsciidoc;
import io.servicedocs.site.render.PageReuse;
import io.servicedocs.site.render.SiteBuilder;
import io.servicedocs.site.render.SiteException;
import io.servicedocs.site.render.SitePublisher;
import io.servicedocs.source.WorkingTreeSource;
import io.servicedocs.load.SchemaValidator;
import io.servicedocs.cache.CacheFolder;
import io.servicedocs.cache.ToolIdentity;
import io.servicedocs.load.ParsedFileCache;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code build} (and each rebuild of {@code serve}): validate with costs, assess, read the
 * history, render into a staging folder, publish. One instance keeps the schemas, the last
 * history (and, through the JVM, Asciidoctor) warm, so that {@code serve} rebuilds fast.
 */
public final class BuildPipeline {

    /** Compiled while the build computes its cache key and reads its files (the first check waits for them). */
    private final SchemaValidator schemas = SchemaValidator.compiledInBackground();
    private final HistoryReader histories = new HistoryReader(schemas);
    private final StageTimer timer;
    /** The build cache: folder and identity, when this pipeline uses one. */
    private final Optional<CacheFolder> cache;

    /** A pipeline without cache: every build validates and renders everything. */
    public BuildPipeline(StageTimer timer) {
        this(timer, Optional.empty());
    }

    /**
     * @param cache the build cache (target/servicedocs-cache of the repository, {@link #cacheOf}):
     *              parsed and validated files are reused, and a build of exactly the same inputs
     *              into an output folder left as it published it is not done again
     */
    public BuildPipeline(StageTimer timer, Optional<CacheFolder> cache) {
        this.timer = timer;
        this.cache = cache;
    }

    /** The build cache of a repository, for the tool as it runs; empty when it cannot be made. */
    public static Optional<CacheFolder> cacheOf(Path repositoryRoot) {
        return ToolIdentity.current(SchemaValidator.schemaResources())
                .flatMap(identity -> CacheFolder.open(repositoryRoot, identity));
    }

    /** What a build did: the files written, or why there is no new site. */
    public record Outcome(int files, int products, List<Diagnostic> diagnostics, Optional<String> failure,
                          List<String> notes) {

        public boolean built() {
            return failure.isEmpty();
        }
    }

    public Outcome run(WorkingTreeSource source, Path output, LocalDate asOf) throws IOException {
        return run(source, output, asOf, Optional.empty());
    }

    /** @param language the language of the site instead of site.yaml's (--language) */
    public Outcome run(WorkingTreeSource source, Path output, LocalDate asOf, Optional<String> language)
            throws IOException {
        Optional<BuildCache> builds = cache.map(BuildCache::new);
        if (builds.isEmpty()) {
            return build(source, output, asOf, language);
        }
        // The walk takes each file's stamp (size and time) before the build or the key reads its
        // bytes: a file changed after it changes the stamp taken again after the build.
        Optional<BuildCache.Walk> walk = timer.time("cache-key walk", () -> builds.get().walk(source.root(), output, asOf, language));
        if (walk.isEmpty()) {
            return build(source, output, asOf, language);
        }
        if (!BuildCache.mayGiveAgain(output)) {
            // Nothing published there, so no build can be given again: the key only names this
            // one's outcome, and is hashed on a thread of its own while the build runs (at 5,000
            // products a cold build waited 1.6 s or more for it, issue 15). A key that could not
            // be made is none: the build is then not remembered.
            java.util.concurrent.CompletableFuture<Optional<BuildCache.StampAndKey>> hashing = java.util.concurrent.CompletableFuture
                    .supplyAsync(() -> timer.time("cache-key", () -> builds.get().key(walk.get(), false)), work -> {
                        Thread thread = new Thread(work, "servicedocs-build-key");
                        thread.setDaemon(true);
                        thread.start();
                    }).exceptionally(failure -> Optional.empty());
            Outcome outcome;
            try {
                outcome = build(source, output, asOf, language);
            } catch (IOException | RuntimeException | Error e) {
                hashing.join(); // not left writing the cache's digests after the build
                throw e;
            }
            remember(builds.get(), hashing.join(), outcome, source, output, asOf, language);
            return outcome;
        }
        Optional<BuildCache.StampAndKey> keys = timer.time("cache-key", () -> builds.get().key(walk.get(), true));
        Optional<Outcome> again = keys.flatMap(k -> builds.get().outcome(k.key(), output));
        if (again.isPresent()) {
            timer.count("cache-key files read", keys.get().read());
            return again.get();
        }
        Outcome outcome = build(source, output, asOf, language);
        remember(builds.get(), keys, outcome, source, output, asOf, language);
        return outcome;
    }

    /**
     * Remembers a build under its key, only when the repository did not change while it was built
     * (the stamp taken again is the walk's): else the site may hold some of both states, and the
     * next build must run.
     */
    private void remember(BuildCache builds, Optional<BuildCache.StampAndKey> keys, Outcome outcome,
                          WorkingTreeSource source, Path output, LocalDate asOf, Optional<String> language) {
        keys.ifPresent(k -> timer.count("cache-key files read", k.read()));
        if (keys.isPresent() && outcome.built() && Optional.of(keys.get().stamp())
                .equals(timer.time("cache-key", () -> BuildCache.stamp(source.root(), output, asOf, language)))) {
            builds.remember(keys.get().key(), outcome, output);
        }
    }

    private Outcome build(WorkingTreeSource source, Path output, LocalDate asOf, Optional<String> language)
            throws IOException {
        // The texts the last build converted are known (build cache): JRuby then starts only at a new one.
        ConvertedAsciidoc conversions = cache.map(ConvertedAsciidoc::in).orElse(ConvertedAsciidoc.none());
        if (!conversions.lastBuildKnown()) {
            SecureAsciidoc.warmUp(); // JRuby starts while the data is validated
        }
        // Only what the render reads stays referenced while it runs (issue 15: memory at 5,000
        // products): the checked repository is left in check's frame, with its raw cost data.
        Checking checking = check(source, asOf, language);
        if (checking instanceof Refused refused) {
            return refused.outcome();
        }
        Renderable checked = (Renderable) checking;
        List<Diagnostic> diagnostics = checked.diagnostics();
        Repository repository = checked.repository();
        Portfolio portfolio = checked.portfolio();
        FiscalCalendar calendar = new FiscalCalendar(Month.of(repository.site().fiscalYearStart().orElse(4)));
        Optional<History> history = timer.time("history", () -> histories.ofCheckout(source.root(), asOf, calendar));
        List<String> notes = notes(history);
        Path staging = SitePublisher.stagingFolder(output);
        try {
            Rendered rendered = timer.time("render", () -> render(source.root(), repository, portfolio, history,
                    checked.costs(), staging, output, conversions));
            if (rendered.refusal().isPresent()) {
                return failed(diagnostics, rendered.refusal().get(), notes);
            }
            SitePublisher.publish(staging, output);
            return new Outcome(rendered.files(), portfolio.products().size(), diagnostics, Optional.empty(), notes);
        } catch (AsciidocTimeoutException e) {
            List<Diagnostic> located = new ArrayList<>(diagnostics);
            located.add(e.diagnostic(source, List.of(repository.site().language(), repository.site().defaultLanguage())));
            return failed(located, "an AsciiDoc document is over its time budget", notes);
        } finally {
            SitePublisher.deleteTree(staging);
        }
    }

    /** A checked repository: refused (errors, or costs that cannot be computed), or what the render needs. */
    private sealed interface Checking permits Refused, Renderable {
    }

    private record Refused(Outcome outcome) implements Checking {
    }

    /**
     * @param repository the repository without its raw cost data (the cost report holds what the
     *                   site shows of it)
     */
    private record Renderable(List<Diagnostic> diagnostics, Repository repository, Portfolio portfolio,
                              Optional<CostReport> costs) implements Checking {
    }

    private Checking check(WorkingTreeSource source, LocalDate asOf, Optional<String> language) throws IOException {
        // The file cache lives as long as the validation: it spools what it parsed until it writes
        // its pack, and nothing of it is kept through the render.
        ValidatePipeline.Checked checked = new ValidatePipeline(schemas, timer,
                cache.map(ParsedFileCache::in).orElse(ParsedFileCache.NONE)).check(source, asOf, language);
        List<Diagnostic> diagnostics = checked.validation().diagnostics();
        if (checked.validation().hasErrors()) {
            return new Refused(failed(diagnostics, "the data has " + checked.validation().errorCount() + " error(s)",
                    List.of()));
        }
        CostResult costs = checked.costs();
        if (costs.failed()) {
            return new Refused(failed(diagnostics, costs.findings().stream().map(Diagnostic::message)
                    .collect(Collectors.joining("; ")), List.of()));
        }
        Repository repository = checked.validation().repository().orElseThrow();
        Portfolio portfolio = timer.time("assess", () -> checked.portfolio(asOf));
        Costs shownCosts = repository.costs();
        return new Renderable(diagnostics, new Repository(repository.site(), repository.standard(), repository.products(),
                new Costs(shownCosts.settings(), shownCosts.rates(), shownCosts.usage(), List.of()),
                repository.campaigns(), repository.sloMonths()), portfolio, costs.report());
    }

    /** The files written, or why the templates or content cannot make a site (a {@link SiteException}). */
    private record Rendered(int files, Optional<String> refusal) {
    }

    private Rendered render(Path root, Repository repository, Portfolio portfolio, Optional<History> history,
                            Optional<CostReport> costs, Path staging, Path output, ConvertedAsciidoc conversions) throws IOException {
        try {
            Optional<PageReuse> reuse = cache.map(folder -> new PageReuse(folder, output));
            Rendered rendered = new Rendered(new SiteBuilder(root, reuse, conversions).build(repository, portfolio, history,
                    costs, staging), Optional.empty());
            reuse.ifPresent(pages -> timer.count("pages reused", pages.reused()));
            reuse.ifPresent(PageReuse::save);
            conversions.save();
            return rendered;
        } catch (SiteException e) {
            return new Rendered(0, Optional.of(e.getMessage()));
        }
    }

    private static List<String> notes(Optional<History> history) {
        List<String> notes = new ArrayList<>();
        history.flatMap(History::incomplete).ifPresent(notes::add);
        history.ifPresent(h -> h.warnings().forEach(w -> notes.add("history: " + w)));
        if (history.isEmpty()) {
            notes.add("no git history here: the site's history pages say so (build from a git clone to show them)");
        }
        return notes;
    }

    private static Outcome failed(List<Diagnostic> diagnostics, String why, List<String> notes) {
        return new Outcome(0, 0, diagnostics, Optional.of(why), notes);
    }
}
