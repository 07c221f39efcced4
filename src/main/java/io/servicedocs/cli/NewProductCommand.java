package io.servicedocs.cli;

import io.servicedocs.pipeline.NewProductPipeline;
import io.servicedocs.source.WorkingTreeSource;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
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

    @Option(names = "--team", defaultValue = "unassigned", description = "Owning team id; one of standards/teams.yaml when the repository has it (default: ${DEFAULT-VALUE}).")
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
        for (String[] input : new String[][] {{"ID", id}, {"--team", team}}) {
            if (!ID.matcher(input[1]).matches()) {
                throw new UsageException(input[0] + " '" + input[1] + "' is not a valid id; "
                        + "expected lowercase letters, digits and hyphens, starting with a letter");
            }
        }
        if (name != null && name.isBlank()) {
            throw new UsageException("--name is empty; expected the product's display name");
        }
        if (repositoryUrl != null && !repositoryUrl.matches("^https?://\\S+$")) {
            throw new UsageException("--repository-url '" + repositoryUrl + "' is not an http or https URL");
        }
        WorkingTreeSource source = repository.source();
        NewProductPipeline.Outcome outcome = new NewProductPipeline().run(source, repository.today(),
                new NewProductPipeline.Request(id, Optional.ofNullable(name), team, Optional.ofNullable(tier),
                        Optional.ofNullable(repositoryUrl)));
        if (outcome instanceof NewProductPipeline.InvalidStandard invalid) {
            RepositoryOptions.printInvalidStandard(invalid.diagnostics(), source, err);
            return 1;
        }
        if (outcome instanceof NewProductPipeline.UnknownId unknown) {
            throw new UsageException(unknown.message());
        }
        if (outcome instanceof NewProductPipeline.Refused refused) {
            err.println("servicedocs: " + refused.reason().getMessage() + " Nothing was written.");
            return 1;
        }
        List<String> files = ((NewProductPipeline.Created) outcome).files();
        out.println("Created " + DisplayPath.of(source.root()).apply("products/" + id) + "/ with "
                + String.join(", ", files) + ".");
        out.println("Next: fill in the TODO values in service-doc.yaml, assess every item in assessment.yaml, "
                + "answer the checks in security.yaml, then run 'servicedocs validate'.");
        return 0;
    }
}
