package io.servicedocs.cli;

import io.servicedocs.load.SchemaValidator;
import io.servicedocs.review.ReportFormats;
import io.servicedocs.review.ReviewReport;
import io.servicedocs.review.Reviewer;
import io.servicedocs.source.GitTreeSource;
import io.servicedocs.source.SnapshotSource;
import io.servicedocs.source.WorkingTreeSource;
import io.servicedocs.validate.Validation;
import io.servicedocs.validate.ValidationResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.revwalk.filter.RevFilter;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "review", mixinStandardHelpOptions = true,
        description = {"Reports what a pull request changes against its base: phase promotions with the verdict",
                "of each, level and security changes, products and waivers, requirements the standard raised.",
                "Reads git trees without checking them out; without --head, the working tree is the head.",
                "Exit status: 1 when a promotion does not meet its new phase or the head has validation errors,",
                "0 otherwise, 2 for usage or I/O problems (e.g. an unknown ref)."})
final class ReviewCommand implements Callable<Integer> {

    @Mixin
    RepositoryOptions repository;

    @Option(names = "--base", required = true, paramLabel = "REF", description = "The base branch or commit, e.g. origin/main.")
    String base;

    @Option(names = "--head", paramLabel = "REF", description = "The head commit (default: the working tree).")
    String head;

    @Option(names = "--format", defaultValue = "markdown", paramLabel = "FORMAT",
            description = "markdown (default: for the PR comment and job summary), github (annotations) or json.")
    String format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!java.util.List.of("markdown", "github", "json").contains(format)) {
            spec.commandLine().getErr().println("servicedocs: '" + format + "' is not a format; expected markdown, github or json");
            return Main.USAGE_OR_IO;
        }
        WorkingTreeSource workingTree = repository.source();
        FileRepositoryBuilder builder = new FileRepositoryBuilder().findGitDir(workingTree.root().toFile());
        if (builder.getGitDir() == null) {
            spec.commandLine().getErr().println("servicedocs: " + workingTree.root()
                    + " is not in a git repository; review compares git commits");
            return Main.USAGE_OR_IO;
        }
        Repository git = builder.setMustExist(true).build();
        if (git.isBare() || !git.getWorkTree().toPath().toRealPath().equals(workingTree.root())) {
            git.close();
            spec.commandLine().getErr().println("servicedocs: review reads products/ and standards/ at the top of the git "
                    + "working tree; expected --repo to be that folder");
            return Main.USAGE_OR_IO;
        }
        try (git; RevWalk walk = new RevWalk(git)) {
            RevCommit baseCommit = commit(git, walk, base);
            RevCommit headCommit = commit(git, walk, head == null ? "HEAD" : head);
            walk.reset();
            walk.setRevFilter(RevFilter.MERGE_BASE);
            walk.markStart(walk.parseCommit(baseCommit));
            walk.markStart(walk.parseCommit(headCommit));
            RevCommit mergeBase = walk.next();
            if (mergeBase == null) {
                spec.commandLine().getErr().println("servicedocs: " + base + " and " + (head == null ? "HEAD" : head)
                        + " have no common history; fetch the whole history (actions/checkout: fetch-depth: 0)");
                return Main.USAGE_OR_IO;
            }
            SnapshotSource headSource = head == null ? workingTree : new GitTreeSource(git, headCommit);
            SchemaValidator schemas = new SchemaValidator();
            ValidationResult before = new Validation(schemas, repository.today()).run(new GitTreeSource(git, mergeBase));
            if (before.repository().isEmpty()) {
                spec.commandLine().getErr().println("servicedocs: warning: the standard at the base does not load; "
                        + "every product is compared with an empty base");
            }
            ValidationResult after = new Validation(schemas, repository.today()).run(headSource);
            String baseName = base + " (" + mergeBase.abbreviate(8).name() + ")";
            String headName = head == null ? "working tree" : head + " (" + headCommit.abbreviate(8).name() + ")";
            GitTreeSource baseSource = new GitTreeSource(git, mergeBase);
            ReviewReport report = new Reviewer(repository.today()).compare(baseName, before, baseSource, headName, after,
                    headSource);
            PrintWriter out = spec.commandLine().getOut();
            switch (format) {
                case "github" -> ReportFormats.github(report, ValidateCommand.displayPath(workingTree.root())).forEach(out::println);
                case "json" -> out.print(ReportFormats.json(report));
                default -> out.print(ReportFormats.markdown(report));
            }
            out.flush();
            return report.blocks() ? 1 : 0;
        }
    }

    private static RevCommit commit(Repository git, RevWalk walk, String ref) throws IOException {
        ObjectId id = git.resolve(ref + "^{commit}");
        if (id == null) {
            throw new IOException("unknown git ref '" + ref + "'; expected a branch, tag or commit of " + git.getDirectory());
        }
        return walk.parseCommit(id);
    }
}
