package io.servicedocs.cli;

import io.servicedocs.pipeline.ReviewPipeline;
import io.servicedocs.pipeline.StageTimer;
import io.servicedocs.review.ReportFormats;
import io.servicedocs.review.ReviewFormat;
import io.servicedocs.review.ReviewReport;
import io.servicedocs.source.WorkingTreeSource;
import io.servicedocs.write.StagedFiles;
import io.servicedocs.write.WriteException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "review", mixinStandardHelpOptions = true,
        description = {"Reports what a pull request changes against its base, with a verdict first: blocked,",
                "needs attention (with the reasons) or clear, by the review policy of the head's",
                "standards/standard.yaml (review). Then phase promotions with the verdict of each, level and",
                "security changes, products and waivers, requirements the standard raised.",
                "Reads git trees without checking them out; without --head, the working tree is the head.",
                "Exit status: 1 when the verdict is blocked (by default: a promotion that does not meet its new",
                "phase, a promoted product with a stale assessment or levels without evidence, validation",
                "errors in files the pull request changes or that it causes), 0 when it needs attention or is",
                "clear, 2 for usage or I/O problems (e.g. an unknown ref, a file that cannot be written).",
                "--markdown-file and --json-file write the other formats from the same run, e.g. in CI:",
                "  review --base origin/main --format github --markdown-file review.md --json-file review.json"})
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

    @Option(names = "--markdown-file", paramLabel = "FILE",
            description = "Also write the markdown to FILE (whole, or not at all), from the same run.")
    Path markdownFile;

    @Option(names = "--json-file", paramLabel = "FILE",
            description = "Also write the JSON to FILE (whole, or not at all), from the same run.")
    Path jsonFile;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        ReviewFormat chosen = ReviewFormat.named(format).orElseThrow(() -> new UsageException(
                "'" + format + "' is not a format; expected markdown, github or json"));
        // before the review, which takes a while: a path that cannot be written is a usage error
        writable("--markdown-file", markdownFile);
        writable("--json-file", jsonFile);
        if (markdownFile != null && jsonFile != null
                && markdownFile.toAbsolutePath().normalize().equals(jsonFile.toAbsolutePath().normalize())) {
            throw new UsageException("--markdown-file and --json-file are the same file, " + markdownFile
                    + "; give each its own");
        }
        WorkingTreeSource workingTree = repository.source();
        PrintWriter err = spec.commandLine().getErr();
        ReviewPipeline.Result result = new ReviewPipeline(StageTimer.fromSystemProperties(err))
                .run(workingTree, base, Optional.ofNullable(head), repository.today());
        result.warnings().forEach(warning -> err.println("servicedocs: warning: " + warning));
        ReviewReport report = result.report();
        writeFiles(report);
        PrintWriter out = spec.commandLine().getOut();
        switch (chosen) {
            case GITHUB -> ReportFormats.github(report, DisplayPath.of(workingTree.root())).forEach(out::println);
            case JSON -> out.print(ReportFormats.json(report));
            case MARKDOWN -> out.print(ReportFormats.markdown(report));
        }
        out.flush();
        // needs attention passes the check: its reasons are in the report, for the reviewers
        return report.blocks() ? 1 : 0;
    }

    /**
     * Writes the files asked for, all or none (each to a temporary file beside it, then renamed),
     * so that a failure never leaves half a review for the workflow to post.
     */
    private void writeFiles(ReviewReport report) throws WriteException {
        try (StagedFiles files = new StagedFiles()) {
            if (markdownFile != null) {
                files.stage(markdownFile, ReportFormats.markdown(report).getBytes(StandardCharsets.UTF_8));
            }
            if (jsonFile != null) {
                files.stage(jsonFile, ReportFormats.json(report).getBytes(StandardCharsets.UTF_8));
            }
            files.commit();
        }
    }

    /** Fails with a usage error when {@code file} cannot be written: a folder, or in a folder that is missing or read-only. */
    private static void writable(String option, Path file) throws UsageException {
        if (file == null) {
            return;
        }
        Path folder = file.toAbsolutePath().normalize().getParent();
        if (file.getFileName() == null || Files.isDirectory(file)) {
            throw new UsageException(option + " " + file + " is a folder; expected a file to write");
        }
        if (folder == null || !Files.isDirectory(folder)) {
            throw new UsageException(option + " " + file + ": the folder " + folder + " does not exist");
        }
        if (!Files.isWritable(folder)) {
            throw new UsageException(option + " " + file + ": the folder " + folder + " is not writable");
        }
    }
}
