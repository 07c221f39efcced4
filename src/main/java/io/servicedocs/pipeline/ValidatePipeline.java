package io.servicedocs.pipeline;

import io.servicedocs.assess.Assessor;
import io.servicedocs.assess.CampaignProgress;
import io.servicedocs.assess.Portfolio;
import io.servicedocs.model.Campaign;
import io.servicedocs.cost.allocation.CostResult;
import io.servicedocs.model.Diagnostic;
import io.servicedocs.source.SnapshotSource;
import io.servicedocs.load.SchemaValidator;
import io.servicedocs.validate.Validation;
import io.servicedocs.validate.ValidationResult;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code validate}: source -> load -> validate, then the cost stage, so that costs that cannot be
 * computed show here and not only when the site is built. Build and review start with it.
 */
public final class ValidatePipeline {

    private final SchemaValidator schemas;
    private final StageTimer timer;
    private final io.servicedocs.load.ParsedFileCache cache;

    public ValidatePipeline(SchemaValidator schemas, StageTimer timer) {
        this(schemas, timer, io.servicedocs.load.ParsedFileCache.NONE);
    }

    /** @param cache the parsed and schema-checked files of earlier runs (build cache) */
    public ValidatePipeline(SchemaValidator schemas, StageTimer timer, io.servicedocs.load.ParsedFileCache cache) {
        this.schemas = schemas;
        this.timer = timer;
        this.cache = cache;
    }

    /**
     * The cache of parsed and validated files of a working tree (under target/servicedocs-cache),
     * or none when it cannot be made there or the tool's identity cannot be read.
     */
    public static io.servicedocs.load.ParsedFileCache fileCache(java.nio.file.Path repositoryRoot) {
        return io.servicedocs.cache.ToolIdentity.current(SchemaValidator.schemaResources())
                .flatMap(identity -> io.servicedocs.cache.CacheFolder.open(repositoryRoot, identity))
                .map(io.servicedocs.load.ParsedFileCache::in).orElse(io.servicedocs.load.ParsedFileCache.NONE);
    }

    /**
     * A snapshot validated, and its costs when it is valid (no cost stage on invalid data).
     *
     * @param assessed the portfolio when validation already had to assess it (to judge its
     *                 campaigns), so that a build does not assess the same data twice
     */
    public record Checked(ValidationResult validation, CostResult costs, Optional<Portfolio> assessed) {

        public Checked(ValidationResult validation, CostResult costs) {
            this(validation, costs, Optional.empty());
        }

        /** The portfolio of the valid repository: the one validation assessed, or assessed now. */
        public Portfolio portfolio(LocalDate asOf) {
            return assessed.orElseGet(() -> Assessor.assess(validation.repository().orElseThrow(), asOf));
        }

        /** The validation's diagnostics and the cost stage's findings, as one result. */
        public ValidationResult all() {
            if (!costs.failed()) {
                return validation;
            }
            List<Diagnostic> diagnostics = new ArrayList<>(validation.diagnostics());
            diagnostics.addAll(costs.findings());
            return new ValidationResult(validation.repository(), diagnostics);
        }
    }

    public Checked check(SnapshotSource source, LocalDate asOf) throws IOException {
        return check(source, asOf, Optional.empty());
    }

    /** @param language the language to read the repository in instead of site.yaml's (--language) */
    public Checked check(SnapshotSource source, LocalDate asOf, Optional<String> language) throws IOException {
        ValidationResult validated;
        try {
            validated = timer.time("validate", () -> new Validation(schemas, asOf, language, cache)
                    .runLeavingCacheToSave(source));
        } catch (IOException | RuntimeException | Error e) {
            saveCache();
            throw e;
        }
        if (validated.hasErrors() || validated.repository().isEmpty()) {
            saveCache();
            // the overdue campaigns are only judged on valid data (campaignsToJudge): nothing to add
            return new Checked(validated, new CostResult(Optional.empty(), List.of()));
        }
        // The cost stage and the assessment (to judge campaigns) read the same immutable model and
        // not each other's results: side by side (issue 15). The parse cache's pack is written and
        // the assessment made on another thread (CompletableFuture's: a thread of its own on 2
        // cores), the cost stage on this one, with its months allocated in parallel on this thread
        // and the common pool's (the cost stage is the longer: at 1,000 products ~450 ms against
        // ~200 ms). Overdue campaigns are warnings, so they cannot stop the cost stage.
        java.util.concurrent.CompletableFuture<Optional<Portfolio>> assessing =
                java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                    saveCache();
                    return campaignsToJudge(validated)
                            ? Optional.of(timer.time("assess", () -> Assessor.assess(validated.repository().get(), asOf)))
                            : Optional.empty();
                });
        CostResult costs;
        try {
            costs = timer.time("costs", () -> CostResult.of(validated.repository().get()));
        } catch (RuntimeException | Error e) {
            // the pack being written is let finish (it is written whole or not at all either way),
            // and a failure of that side too is kept with this one
            assessing.handle((portfolio, failure) -> {
                if (failure != null) {
                    e.addSuppressed(failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                            ? failure.getCause() : failure);
                }
                return null;
            }).join();
            throw e;
        }
        Optional<Portfolio> assessed = io.servicedocs.concurrent.Futures.joined(assessing);
        ValidationResult validation = assessed.map(p -> withOverdueCampaigns(validated, p)).orElse(validated);
        return new Checked(validation, costs, assessed);
    }

    /** Writes the parse cache's pack of this validation (once: a second call finds nothing new). */
    private void saveCache() {
        timer.time("cache-save", () -> {
            cache.save();
            return null;
        });
    }

    /**
     * The validation with a warning (campaign-overdue) for each campaign past its due date with
     * goals unmet, at its due date. Judging goals needs the assessment, a later stage than
     * validation: so it is added here, and only on valid data, whose products are all assessed.
     */
    static ValidationResult withOverdueCampaigns(ValidationResult validation, Portfolio portfolio) {
        List<Diagnostic> diagnostics = new ArrayList<>(validation.diagnostics());
        for (CampaignProgress progress : CampaignProgress.all(validation.repository().get().campaigns(), portfolio)) {
            overdue(progress).ifPresent(diagnostics::add);
        }
        return new ValidationResult(validation.repository(), diagnostics);
    }

    /** Valid data with campaigns: only then are they judged, since only then is every product assessed. */
    private static boolean campaignsToJudge(ValidationResult validation) {
        return !validation.hasErrors() && validation.repository().isPresent()
                && !validation.repository().get().campaigns().isEmpty();
    }

    /** The campaign-overdue warning of a campaign, if it is past due with goals unmet. */
    static Optional<Diagnostic> overdue(CampaignProgress progress) {
        List<CampaignProgress.ProductPart> late = progress.late();
        if (late.isEmpty()) {
            return Optional.empty();
        }
        Campaign campaign = progress.campaign();
        int unmet = progress.goals() - progress.goalsMet();
        return Optional.of(Diagnostic.warning(campaign.path(), campaign.dueAt(), "campaign-overdue",
                "campaign '" + campaign.id() + "' was due on " + campaign.due() + " and " + unmet + " of "
                        + progress.goals() + " product x goal pairs are unmet, in " + late.size() + " of "
                        + progress.products().size() + " products: " + late.stream()
                        .map(p -> p.product() + " (" + p.unmet().size() + (p.unmet().size() == 1 ? " goal)" : " goals)"))
                        .collect(java.util.stream.Collectors.joining(", "))));
    }

    /** Every diagnostic of the snapshot, its costs' included. */
    public ValidationResult run(SnapshotSource source, LocalDate asOf) throws IOException {
        return check(source, asOf).all();
    }

    /** As {@link #run(SnapshotSource, LocalDate)}, read in {@code language} instead of site.yaml's. */
    public ValidationResult run(SnapshotSource source, LocalDate asOf, Optional<String> language) throws IOException {
        return check(source, asOf, language).all();
    }
}
