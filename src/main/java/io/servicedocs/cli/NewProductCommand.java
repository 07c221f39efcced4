package io.servicedocs.cli;

import io.servicedocs.model.Standard;
import io.servicedocs.model.Tier;
import io.servicedocs.scaffold.ProductDraft;
import io.servicedocs.scaffold.ProductWriter;
import io.servicedocs.source.WorkingTreeSource;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "new-product", mixinStandardHelpOptions = true,
        description = {"Creates products/ID/ with every file, valid, all levels 0 and every check answered 'no'.",
                "Edit the TODO values, then assess each item and answer each check."})
final class NewProductCommand implements Callable<Integer> {

    private static final Pattern ID = Pattern.compile("^[a-z][a-z0-9-]{0,61}[a-z0-9]$");

    @Mixin
    RepositoryOptions repository;

    @Parameters(paramLabel = "ID", description = "Product id: lowercase letters, digits and hyphens (the folder name).")
    String id;

    @Option(names = "--name", description = "Display name (default: the id).")
    String name;

    @Option(names = "--team", defaultValue = "unassigned", description = "Owning team id (default: ${DEFAULT-VALUE}).")
    String team;

    @Option(names = "--tier", description = "Tier id (default: the least critical tier of the standard).")
    String tier;

    @Option(names = "--repository-url", paramLabel = "URL", description = "URL of the product's source repository.")
    String repositoryUrl;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        for (Map.Entry<String, String> input : Map.of("ID", id, "--team", team).entrySet()) {
            if (!ID.matcher(input.getValue()).matches()) {
                throw new UsageException(input.getKey() + " '" + input.getValue() + "' is not a valid id; "
                        + "expected lowercase letters, digits and hyphens, starting with a letter");
            }
        }
        if (name != null && name.isBlank()) {
            throw new UsageException("--name is empty; expected the product's display name");
        }
        if (repositoryUrl != null && !repositoryUrl.matches("^https?://\\S+$")) {
            throw new UsageException("--repository-url '" + repositoryUrl + "' is not an http or https URL");
        }
        Optional<Standard> loaded = repository.standard(err);
        if (loaded.isEmpty()) {
            return 1;
        }
        Standard standard = loaded.get();
        WorkingTreeSource source = repository.source();
        List<Tier> tiers = standard.info().tiers();
        Optional<String> chosenTier = Optional.ofNullable(tier)
                .or(() -> tiers.isEmpty() ? Optional.empty() : Optional.of(tiers.get(tiers.size() - 1).id()));
        if (chosenTier.isPresent() && !standard.hasTier(chosenTier.get())) {
            throw new UsageException("unknown tier '" + chosenTier.get() + "'; expected one of "
                    + String.join(", ", tiers.stream().map(Tier::id).toList()));
        }
        var today = repository.today();
        ProductDraft draft = new ProductDraft(id, name == null ? id : name, "TODO: one sentence: what " + id
                + " does for whom.", team, chosenTier,
                repositoryUrl == null ? "https://github.com/your-org/" + id : repositoryUrl,
                standard.phases().get(0).id(), today, today, team, Map.of(), Map.of(), List.of(), new TreeMap<>());
        // products/ linked out of the repository or into .git is neither cleaned nor written through
        Optional<io.servicedocs.source.SourceException> refused =
                new io.servicedocs.source.RepositoryFiles(source.root()).refusal("products");
        if (refused.isPresent()) {
            err.println("servicedocs: " + refused.get().getMessage() + " Nothing was written.");
            return 1;
        }
        ProductWriter.removeLeftovers(source.root());
        ProductWriter.write(source.root(), id, ProductWriter.render(standard, draft));
        out.println("Created " + DisplayPath.of(source.root()).apply("products/" + id) + "/ with "
                + String.join(", ", ProductWriter.render(standard, draft).keySet()) + ".");
        out.println("Next: fill in the TODO values in service-doc.yaml, assess every item in assessment.yaml, "
                + "answer the checks in security.yaml, then run 'servicedocs validate'.");
        return 0;
    }
}
