package io.servicedocs.cli;

import io.servicedocs.pipeline.InitPipeline;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "init", mixinStandardHelpOptions = true,
        description = {"Creates a new programme repository in DIR: the tool, its workflows, CODEOWNERS and schemas, "
                + "a starter standard to edit, site settings, guides and no products.",
                "With --example, a copy of the example company instead."})
final class InitCommand implements Callable<Integer> {

    /** Set by the ./servicedocs launcher: the checkout it runs from, which init copies. */
    static final String HOME_PROPERTY = "servicedocs.home";

    @Parameters(paramLabel = "DIR", arity = "0..1", description = "The new repository's folder: must not exist, or be empty.")
    Path target;

    @Option(names = "--in-place", description = {"Instead of DIR: turn this checkout (a fork or clone of the template) "
            + "into the same starter, removing the example's data; git shows every change, nothing is committed."})
    boolean inPlace;

    @Option(names = "--example", description = "Copy the example company (products, costs, guides) instead of the starter.")
    boolean example;

    @Option(names = "--no-git", description = "Do not make DIR a git repository (default: git init, one first commit on main).")
    boolean noGit;

    @Option(names = "--from", paramLabel = "CHECKOUT",
            description = "The servicedocs checkout to copy (default: the one ./servicedocs runs from).")
    Path from;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path home = Optional.ofNullable(from)
                .or(() -> Optional.ofNullable(System.getProperty(HOME_PROPERTY)).filter(h -> !h.isBlank()).map(Path::of))
                .orElseThrow(() -> new UsageException("no servicedocs checkout to copy: run init through the "
                        + "./servicedocs launcher of a checkout, or give --from CHECKOUT"));
        if (inPlace == (target != null)) {
            throw UsageException.withUsage(inPlace ? "give either DIR or --in-place, not both"
                    : "missing DIR: the folder of the new repository (or --in-place)");
        }
        if (inPlace && example) {
            throw new UsageException("--in-place --example would change nothing: a fork has the example already");
        }
        if (inPlace) {
            InitPipeline.Outcome converted = new InitPipeline().runInPlace(home);
            if (converted instanceof InitPipeline.Refused refused) {
                throw new UsageException(refused.reason() + ". Nothing was changed.");
            }
            InitPipeline.Converted done = (InitPipeline.Converted) converted;
            out.println("Removed the example's " + done.removed().size() + " files from " + done.checkout()
                    + " and wrote the starter's " + done.written().size() + ": " + String.join(", ", done.written()) + ".");
            out.println("Next: ./servicedocs validate && ./servicedocs build, then review with 'git status' and commit.");
            return 0;
        }
        InitPipeline.Outcome outcome = new InitPipeline().run(new InitPipeline.Request(home, target, example, !noGit));
        if (outcome instanceof InitPipeline.Refused refused) {
            throw new UsageException(refused.reason() + ". Nothing was written.");
        }
        InitPipeline.Created created = (InitPipeline.Created) outcome;
        String where = target.toString();
        out.println("Created " + where + " with " + created.files().size() + " files"
                + (example ? ", the example company" : ", a starter standard and no products")
                + (created.committed() ? ", committed on branch main." : "."));
        out.println("Next: cd " + where + " && ./servicedocs validate && ./servicedocs build"
                + (example ? "" : "; then edit site.yaml and standards/ (README.md says how)."));
        return 0;
    }
}
