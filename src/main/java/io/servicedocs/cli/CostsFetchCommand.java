package io.servicedocs.cli;

import io.servicedocs.cost.aws.Backoff;
import io.servicedocs.cost.aws.FetchReport;
import io.servicedocs.cost.aws.FetchRequest;
import io.servicedocs.pipeline.CostsFetchPipeline;
import io.servicedocs.source.WorkingTreeSource;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "fetch", mixinStandardHelpOptions = true,
        description = {"Fetches the monthly cost of every AWS account from Cost Explorer.",
                "Writes cost-data/aws/<YYYY-MM>.yaml, one file per month, also for months",
                "without cost. Credentials and region come from the AWS SDK's",
                "default chains (environment, profile, SSO, instance role). Cost Explorer",
                "charges USD 0.01 per request; --max-requests caps a run (the SDK's",
                "retries count). Every request is under time limits and the whole",
                "run under --deadline: past it the run stops and writes nothing.",
                "Exit status: 0 written or unchanged; 1 a final month refused or a",
                "cost-data file unreadable (nothing written); 2 usage problems, or the",
                "fetch failed (credentials, network, timeout, deadline, request cap)."})
final class CostsFetchCommand implements Callable<Integer> {

    @Mixin
    RepositoryOptions repository;

    @Mixin
    CostsWriteOptions writing;

    @Mixin
    NetworkOptions network;

    @Option(names = "--from", required = true, paramLabel = "YYYY-MM", converter = MonthRange.Converter.class,
            description = "The first month to fetch.")
    YearMonth from;

    @Option(names = "--to", paramLabel = "YYYY-MM", converter = MonthRange.Converter.class,
            description = "The last month to fetch (default: the current month).")
    YearMonth to;

    @Option(names = "--metric", paramLabel = "METRIC", defaultValue = FetchRequest.DEFAULT_METRIC,
            description = "The Cost Explorer metric (default: ${DEFAULT-VALUE}; e.g. NetAmortizedCost, UnblendedCost).")
    String metric;

    @Option(names = "--tag-key", paramLabel = "KEY",
            description = "Also group by this cost-allocation tag: one line per account and tag value "
                    + "(the empty value for untagged resources).")
    String tagKey;

    @Option(names = "--max-requests", paramLabel = "N", defaultValue = "" + FetchRequest.DEFAULT_MAX_REQUESTS,
            description = "Stop rather than send more than N requests (default: ${DEFAULT-VALUE}, USD 1.00).")
    int maxRequests;

    @Option(names = "--endpoint", paramLabel = "URL",
            description = "Send the requests to this endpoint instead of AWS's (the SDK's AWS_ENDPOINT_URL works too).")
    String endpoint;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        LocalDate today = writing.today(repository);
        YearMonth last = MonthRange.last(from, to, today, "Cost Explorer has no cost of months to come");
        Optional<URI> endpointUri = Optional.empty();
        if (endpoint != null) {
            endpointUri = endpointUri(endpoint);
            if (endpointUri.isEmpty()) {
                throw new UsageException("--endpoint '" + endpoint + "' is not an http or https URL, e.g. "
                        + "https://ce.us-east-1.amazonaws.com");
            }
        }
        FetchRequest request;
        try {
            request = new FetchRequest(from, last, metric, Optional.ofNullable(tagKey), maxRequests, Backoff.DEFAULT);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        WorkingTreeSource source = CostsWriteOptions.repository(repository);
        UnaryOperator<String> displayPath = DisplayPath.of(source.root());
        CostsFetchPipeline.Result result = new CostsFetchPipeline().run(new CostsFetchPipeline.Request(source.root(),
                request, endpointUri, network.limits(), writing.acceptFinalChanges, writing.clock(), today));
        if (result instanceof CostsFetchPipeline.Unreadable unreadable) {
            CostsWriteOptions.printUnreadable(unreadable.problem(), displayPath, err);
            unreadable.report().ifPresent(report -> out.println(requests(report)));
            return 1;
        }
        if (result instanceof CostsFetchPipeline.FetchFailed failed) {
            err.println("servicedocs: " + failed.problem().getMessage());
            err.println("Nothing was written.");
            out.println(requests(failed.problem().report()));
            return Main.USAGE_OR_IO; // the fetch failed: credentials, network, a limit
        }
        CostsFetchPipeline.Saved saved = (CostsFetchPipeline.Saved) result;
        CostsWriteOptions.print(saved.outcome(), displayPath, out, err);
        out.println(requests(saved.report()));
        return saved.outcome().refused().isEmpty() ? 0 : 1;
    }

    static String requests(FetchReport report) {
        return report.requests() + " request(s) to Cost Explorer (at most USD " + report.maxChargeUsd().toPlainString()
                + ")";
    }

    private static Optional<URI> endpointUri(String text) {
        try {
            URI uri = new URI(text);
            boolean http = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
            return http && uri.getHost() != null ? Optional.of(uri) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
