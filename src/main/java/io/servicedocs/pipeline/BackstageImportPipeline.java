package io.servicedocs.pipeline;

import io.servicedocs.load.Suggestions;
import io.servicedocs.model.Diagnostic;
import io.servicedocs.model.Phase;
import io.servicedocs.model.Standard;
import io.servicedocs.model.Tier;
import io.servicedocs.scaffold.ProductWriter;
import io.servicedocs.scaffold.backstage.CatalogImport;
import io.servicedocs.scaffold.backstage.CatalogReader;
import io.servicedocs.source.RepositoryFiles;
import io.servicedocs.source.SourceException;
import io.servicedocs.source.WorkingTreeSource;
import io.servicedocs.write.StagedFiles;
import io.servicedocs.write.WriteException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code import backstage}: load the standard, check the lifecycle mapping against its phases,
 * read every catalog document, decide per entity (create or skip, and why), then write every
 * product or none. Nothing is written when a catalog file cannot be read, or with a dry run.
 */
public final class BackstageImportPipeline {

    /** What the user asked for; team ids are already checked for form. */
    public record Request(List<Path> catalog, Map<String, String> lifecycles, Map<String, String> teams,
                          boolean includeSystems, Optional<String> pagerDuty, boolean dryRun) {
    }

    public sealed interface Outcome {
    }

    /** The standard does not load: its diagnostics. */
    public record InvalidStandard(List<Diagnostic> diagnostics) implements Outcome {
    }

    /** The mapping names a phase the standard does not have (a usage error). */
    public record UnknownPhase(String message) implements Outcome {
    }

    /** Catalog files or documents that cannot be read, at file:line:column: nothing was written. */
    public record BadCatalog(List<Diagnostic> problems) implements Outcome {
    }

    /** products/ is a link that leaves the repository or leads into .git: nothing is written through it. */
    public record Refused(SourceException reason) implements Outcome {
    }

    /**
     * The plan, and whether it was written (false for a dry run).
     *
     * @param placeholdersErrorFrom the phase from which the standard makes placeholders errors, if any
     */
    public record Done(CatalogImport.Plan plan, boolean written, Optional<String> placeholdersErrorFrom,
                       List<String> phases) implements Outcome {

        /** The products created in or past the phase that makes their TODO placeholders errors. */
        public List<String> productsWithPlaceholderErrors() {
            int from = placeholdersErrorFrom.map(phases::indexOf).orElse(-1);
            return from < 0 ? List.of() : plan.products().stream()
                    .filter(p -> phases.indexOf(p.draft().phase()) >= from)
                    .map(p -> p.draft().id()).toList();
        }
    }

    public Outcome run(WorkingTreeSource source, LocalDate today, Request request) throws IOException {
        NewProductPipeline.LoadedStandard loaded = NewProductPipeline.standard(source, today);
        if (loaded.standard().isEmpty()) {
            return new InvalidStandard(loaded.diagnostics());
        }
        Standard standard = loaded.standard().get();
        List<String> phases = standard.phases().stream().map(Phase::id).toList();
        for (Map.Entry<String, String> mapping : request.lifecycles().entrySet()) {
            if (!phases.contains(mapping.getValue())) {
                return new UnknownPhase("--lifecycle " + mapping.getKey() + "=" + mapping.getValue() + ": unknown phase '"
                        + mapping.getValue() + "'; " + Suggestions.expectedOneOf(mapping.getValue(), phases));
            }
        }
        CatalogReader.Catalog catalog = new CatalogReader().read(request.catalog());
        if (!catalog.problems().isEmpty()) {
            return new BadCatalog(catalog.problems());
        }
        Optional<SourceException> refused = new RepositoryFiles(source.root()).refusal("products");
        if (refused.isPresent()) {
            return new Refused(refused.get());
        }
        List<Tier> tiers = standard.info().tiers();
        Optional<String> tier = tiers.isEmpty() ? Optional.empty() : Optional.of(tiers.get(tiers.size() - 1).id());
        CatalogImport.Plan plan = CatalogImport.plan(catalog.entities(), new CatalogImport.Rules(request.lifecycles(),
                request.teams(), request.includeSystems(), phases, tier, existingProducts(source.root()),
                request.pagerDuty(), today, standard.teams().stream().map(io.servicedocs.model.Team::id)
                .collect(java.util.stream.Collectors.toSet())));
        Optional<String> errorFrom = standard.info().findings().placeholdersErrorFrom();
        if (request.dryRun()) {
            return new Done(plan, false, errorFrom, phases);
        }
        if (!plan.products().isEmpty()) {
            write(source.root(), standard, plan);
        }
        return new Done(plan, true, errorFrom, phases);
    }

    /** The names under products/: a product, or anything else that holds its name, is never overwritten. */
    private static Set<String> existingProducts(Path root) throws IOException {
        Path products = root.resolve("products");
        if (!Files.isDirectory(products)) {
            return Set.of();
        }
        try (Stream<Path> entries = Files.list(products)) {
            return entries.map(p -> p.getFileName().toString()).collect(Collectors.toUnmodifiableSet());
        }
    }

    /** Every file of every product staged first, then moved into place: all products or none. */
    private static void write(Path root, Standard standard, CatalogImport.Plan plan) throws IOException {
        try (StagedFiles staged = new StagedFiles()) {
            for (CatalogImport.Planned product : plan.products()) {
                Path folder = root.resolve("products").resolve(product.draft().id());
                if (Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
                    // made since the plan was decided: still never overwritten
                    throw new WriteException(folder, "products/" + product.draft().id()
                            + " appeared while importing; nothing was written. Run the import again.", null);
                }
                for (Map.Entry<String, String> file : ProductWriter.render(standard, product.draft()).entrySet()) {
                    staged.stage(folder.resolve(file.getKey()), file.getValue().getBytes(StandardCharsets.UTF_8));
                }
            }
            staged.commit();
        }
    }
}
