package io.servicedocs.cli;

import io.servicedocs.digest.ChatWebhook;
import io.servicedocs.digest.DigestMarkdown;
import io.servicedocs.pipeline.DigestPipeline;
import io.servicedocs.pipeline.StageTimer;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

@Command(name = "digest", mixinStandardHelpOptions = true,
        description = {"What changed on a branch since a day (promotions, demotions, new products, level "
                + "improvements, new gaps) and what needs attention now (plans overdue or due within 14 days, "
                + "waivers expiring, stale assessments), for a weekly post to the team chat.",
                "The window runs from --since (included) to --as-of (excluded), so weekly runs cover each day once.",
                "Exit status: 0 done, 1 the webhook refused the post or could not be reached, 2 usage or I/O "
                        + "problems (e.g. not a git repository, the webhook variable not set)."})
final class DigestCommand implements Callable<Integer> {

    /** Exit status when the post fails: the digest itself was made. */
    static final int POST_FAILED = 1;

    @Mixin
    RepositoryOptions repository;

    @Option(names = "--since", paramLabel = "YYYY-MM-DD",
            description = "First day of the window (default: 7 days before --as-of).")
    LocalDate since;

    @Option(names = "--ref", paramLabel = "REF",
            description = "The branch or commit to read (default: main, else origin/main, else HEAD).")
    String ref;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "markdown",
            description = "markdown (default) or json.")
    String format;

    @Option(names = "--post-to-env", paramLabel = "VARIABLE",
            description = "Also post the Markdown as {\"text\": ...} to the chat webhook whose URL is in this "
                    + "environment variable (e.g. SERVICEDOCS_DIGEST_WEBHOOK). The URL is a secret: it is read "
                    + "from the environment only and never printed.")
    String postToEnv;

    @Spec
    CommandSpec spec;

    private final Function<String, Optional<String>> environment;

    DigestCommand() {
        this(name -> Optional.ofNullable(System.getenv(name)));
    }

    /** With the environment to read the webhook from: tests give their own. */
    DigestCommand(Function<String, Optional<String>> environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean json = switch (format) {
            case "markdown" -> false;
            case "json" -> true;
            default -> throw new UsageException("'" + format + "' is not a format; expected markdown or json");
        };
        LocalDate asOf = repository.today();
        LocalDate from = since != null ? since : asOf.minusDays(7);
        if (!from.isBefore(asOf)) {
            throw new UsageException("--since " + from + " must be before --as-of " + asOf);
        }
        Optional<ChatWebhook> webhook = Optional.empty();
        if (postToEnv != null) {
            // checked before the work: a missing secret is a setup problem, said at once
            String address = environment.apply(postToEnv).filter(v -> !v.isBlank()).orElseThrow(() ->
                    new UsageException("the environment variable " + postToEnv + " is not set; it must hold the "
                            + "chat webhook's URL"));
            try {
                webhook = Optional.of(ChatWebhook.at(address, "the environment variable " + postToEnv,
                        ChatWebhook.Limits.DEFAULT));
            } catch (ChatWebhook.PostException e) {
                throw new UsageException(e.getMessage());
            }
        }
        StageTimer timer = StageTimer.fromSystemProperties(err);
        DigestPipeline.Result result = new DigestPipeline(timer).run(repository.repo, Optional.ofNullable(ref), from,
                asOf);
        result.warnings().forEach(w -> err.println("servicedocs: warning: " + w));
        String markdown = DigestMarkdown.render(result.digest(), result.names());
        if (json) {
            out.println(JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build()
                    .writeValueAsString(result.digest()));
        } else {
            out.print(markdown);
        }
        out.flush();
        if (webhook.isPresent()) {
            try {
                int status = webhook.get().post(markdown);
                err.println("servicedocs: posted the digest to the webhook in " + postToEnv + " (HTTP " + status + ")");
            } catch (ChatWebhook.PostException e) {
                err.println("servicedocs: the digest was not posted: " + e.getMessage());
                return POST_FAILED;
            }
        }
        timer.sinceJvmStart();
        return 0;
    }
}
