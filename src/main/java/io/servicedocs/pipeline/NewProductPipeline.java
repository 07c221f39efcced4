package io.servicedocs.pipeline;

import io.servicedocs.load.SchemaValidator;
import io.servicedocs.load.Suggestions;
import io.servicedocs.model.Diagnostic;
import io.servicedocs.model.Repository;
import io.servicedocs.model.Standard;
import io.servicedocs.model.Tier;
import io.servicedocs.scaffold.ProductDraft;
import io.servicedocs.scaffold.ProductWriter;
import io.servicedocs.source.RepositoryFiles;
import io.servicedocs.source.SourceException;
import io.servicedocs.source.WorkingTreeSource;
import io.servicedocs.validate.Validation;
import io.servicedocs.validate.ValidationResult;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code new-product}: load the standard, draft the product's files from it (every level 0, every
 * check answered "no"), write them all or none.
 */
public final class NewProductPipeline {

    /** What the user asked for; ids and the URL are already checked for form. */
    public record Request(String id, Optional<String> name, String team, Optional<String> tier,
                          Optional<String> repositoryUrl) {
    }

    /** What happened: the files written, or why nothing was. */
    public sealed interface Outcome {
    }

    /** The standard does not load: its diagnostics. */
    public record InvalidStandard(List<Diagnostic> diagnostics) implements Outcome {
    }

    /** The request names something the standard does not have, a tier or a team (a usage error). */
    public record UnknownId(String message) implements Outcome {
    }

    /** products/ is a link that leaves the repository or leads into .git: nothing is written through it. */
    public record Refused(SourceException reason) implements Outcome {
    }

    /** The files written into products/ID/, by name. */
    public record Created(List<String> files) implements Outcome {
    }

    public Outcome run(WorkingTreeSource source, LocalDate today, Request request) throws IOException {
        LoadedStandard standard = standard(source, today);
        if (standard.standard().isEmpty()) {
            return new InvalidStandard(standard.diagnostics());
        }
        Standard loaded = standard.standard().get();
        List<Tier> tiers = loaded.info().tiers();
        Optional<String> tier = request.tier()
                .or(() -> tiers.isEmpty() ? Optional.empty() : Optional.of(tiers.get(tiers.size() - 1).id()));
        if (tier.isPresent() && !loaded.hasTier(tier.get())) {
            return new UnknownId("unknown tier '" + tier.get() + "'; "
                    + Suggestions.expectedOneOf(tier.get(), tiers.stream().map(Tier::id).toList()));
        }
        // With teams.yaml a product's team must be one of its teams: refuse before writing an invalid product.
        if (loaded.declaresTeams() && loaded.team(request.team()).isEmpty()) {
            return new UnknownId("--team: unknown team '" + request.team() + "', not in "
                    + io.servicedocs.load.FileKind.TEAMS.standardPath() + "; " + Suggestions.expectedOneOf(request.team(),
                    loaded.teams().stream().map(io.servicedocs.model.Team::id).distinct().toList()));
        }
        String id = request.id();
        ProductDraft draft = new ProductDraft(id, request.name().orElse(id),
                "TODO: one sentence: what " + id + " does for whom.", request.team(),
                new ProductDraft.People("TODO: product manager", "TODO: tech lead",
                        "TODO: who uses the product and what they rely on"), tier,
                request.repositoryUrl().orElse("https://github.com/your-org/" + id),
                loaded.phases().get(0).id(), today, today, request.team(), Map.of(), Map.of(), List.of(),
                new TreeMap<>());
        Optional<SourceException> refused = new RepositoryFiles(source.root()).refusal("products");
        if (refused.isPresent()) {
            return new Refused(refused.get());
        }
        Map<String, String> files = ProductWriter.render(loaded, draft);
        ProductWriter.removeLeftovers(source.root());
        ProductWriter.write(source.root(), id, files);
        return new Created(List.copyOf(files.keySet()));
    }

    /** The standard of a repository, or the diagnostics that stop it from loading. */
    public record LoadedStandard(Optional<Standard> standard, List<Diagnostic> diagnostics) {
    }

    /**
     * The repository's standard, for commands that write products under it (new-product and the
     * generators): the whole repository is validated, since the standard binds only when it is.
     */
    public static LoadedStandard standard(WorkingTreeSource source, LocalDate today) throws IOException {
        ValidationResult loaded = new Validation(new SchemaValidator(), today).run(source);
        return new LoadedStandard(loaded.repository().map(Repository::standard), loaded.diagnostics());
    }
}
