package io.servicedocs.pipeline;

import io.servicedocs.site.render.AsciidocTimeoutException;
import io.servicedocs.site.render.SecureAsciidoc;
import io.servicedocs.site.render.SiteBuilder;
import io.servicedocs.site.render.SiteException;
import io.servicedocs.site.render.SitePublisher;

import io.servicedocs.assess.Assessor;
import io.servicedocs.assess.Portfolio;
import io.servicedocs.cost.allocation.CostAllocation;
import io.servicedocs.cost.allocation.CostReport;
import io.servicedocs.cost.ledger.LedgerException;
import io.servicedocs.history.FiscalCalendar;
import io.servicedocs.history.History;
import io.servicedocs.history.HistoryReader;
import io.servicedocs.load.SchemaValidator;
import io.servicedocs.model.Diagnostic;
import io.servicedocs.model.Repository;
import io.servicedocs.source.WorkingTreeSource;
import io.servicedocs.validate.Validation;
import io.servicedocs.validate.ValidationResult;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The whole build: load and validate, enrich with costs, assess, render, publish. One instance keeps the schemas
 * (and, through the JVM, Asciidoctor) warm, so that `serve` rebuilds fast.
 */
public final class SitePipeline {

    private final SchemaValidator schemas = new SchemaValidator();
    private final HistoryReader histories = new HistoryReader(schemas);

    /** What a build did: the files written, or why there is no new site. */
    public record Outcome(int files, int products, List<Diagnostic> diagnostics, Optional<String> failure,
                          List<String> notes) {

        public boolean built() {
            return failure.isEmpty();
        }
    }

    /** For the benchmarks (-Dservicedocs.timing=true): the wall time of each stage, on stderr. */
    private static void stage(String name, long start) {
        if (Boolean.getBoolean("servicedocs.timing")) {
            System.err.printf("servicedocs timing: stage %s %d ms%n", name, (System.nanoTime() - start) / 1_000_000);
        }
    }

    public Outcome run(WorkingTreeSource source, Path output, LocalDate asOf) throws IOException {
        SecureAsciidoc.warmUp(); // JRuby starts while the data is validated
        long start = System.nanoTime();
        ValidationResult result = new Validation(schemas, asOf).run(source);
        stage("validate", start);
        if (result.hasErrors()) {
            return new Outcome(0, 0, result.diagnostics(), Optional.of("the data has " + result.errorCount() + " error(s)"),
                    List.of());
        }
        Repository repository = result.repository().orElseThrow();
        Optional<CostReport> costs;
        try {
            start = System.nanoTime();
            costs = CostAllocation.compute(repository);
            stage("costs", start);
        } catch (LedgerException e) {
            return new Outcome(0, 0, result.diagnostics(), Optional.of("the costs cannot be computed: " + e.getMessage()),
                    List.of());
        }
        start = System.nanoTime();
        Portfolio portfolio = Assessor.assess(repository, asOf);
        stage("assess", start);
        FiscalCalendar calendar = new FiscalCalendar(Month.of(repository.site().fiscalYearStart().orElse(4)));
        Optional<History> history = histories.ofCheckout(source.root(), asOf, calendar);
        List<String> notes = new ArrayList<>();
        history.flatMap(History::incomplete).ifPresent(notes::add);
        history.ifPresent(h -> h.warnings().forEach(w -> notes.add("history: " + w)));
        if (history.isEmpty()) {
            notes.add("no git history here: the site's history pages say so (build from a git clone to show them)");
        }
        Path staging = SitePublisher.stagingFolder(output);
        try {
            start = System.nanoTime();
            int files = new SiteBuilder(source.root()).build(repository, portfolio, history, costs, staging);
            stage("render", start);
            SitePublisher.publish(staging, output);
            return new Outcome(files, portfolio.products().size(), result.diagnostics(), Optional.empty(), notes);
        } catch (SiteException e) {
            return new Outcome(0, 0, result.diagnostics(), Optional.of(e.getMessage()), notes);
        } catch (AsciidocTimeoutException e) {
            List<Diagnostic> located = new ArrayList<>(result.diagnostics());
            located.add(e.diagnostic(source));
            return new Outcome(0, 0, located, Optional.of("an AsciiDoc document is over its time budget"), notes);
        } finally {
            SitePublisher.deleteTree(staging);
        }
    }
}
