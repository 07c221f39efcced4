package io.servicedocs.pipeline;

import io.servicedocs.cost.aws.CostExplorerClients;
import io.servicedocs.cost.aws.CostExplorerFetchException;
import io.servicedocs.cost.aws.CostExplorerFetcher;
import io.servicedocs.cost.aws.FetchReport;
import io.servicedocs.cost.aws.FetchRequest;
import io.servicedocs.cost.aws.FetchResult;
import io.servicedocs.cost.data.CostDataException;
import io.servicedocs.cost.data.CostDataStore;
import io.servicedocs.cost.data.CostDataStore.Outcome;
import io.servicedocs.cost.data.CostDataStore.WritePolicy;
import io.servicedocs.cost.data.CostExplorerMonths;
import io.servicedocs.model.CostMonth;
import io.servicedocs.net.NetworkLimits;
import io.servicedocs.load.SchemaValidator;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.costexplorer.CostExplorerClient;

/**
 * {@code costs fetch}: check that the files this run may replace are readable (before spending
 * money), fetch every month from Cost Explorer in memory within the deadline, convert, and save
 * through {@link CostDataStore}, which decides every month before writing any.
 */
public final class CostsFetchPipeline {

    /** Where and how: the repository's root, what to fetch, from where, within which limits. */
    public record Request(Path root, FetchRequest fetch, Optional<URI> endpoint, NetworkLimits limits,
                          boolean acceptFinalChanges, Clock clock, LocalDate today) {
    }

    /** What a run did; nothing is written unless it is {@link Saved} with no refused month. */
    public sealed interface Result permits Unreadable, FetchFailed, Saved {
    }

    /** A cost-data file the run would replace cannot be read; the requests sent so far, if any. */
    public record Unreadable(CostDataException problem, Optional<FetchReport> report) implements Result {
    }

    public record FetchFailed(CostExplorerFetchException problem) implements Result {
    }

    public record Saved(Outcome outcome, FetchReport report) implements Result {
    }

    public Result run(Request request) throws IOException {
        CostDataStore store = new CostDataStore(request.root(), request.clock(), new SchemaValidator());
        try {
            store.existing(CostExplorerMonths.SOURCE, request.fetch().months());
        } catch (CostDataException e) {
            return new Unreadable(e, Optional.empty());
        }
        FetchResult fetched;
        try (CostExplorerClient client = CostExplorerClients.standard(request.endpoint(), request.limits())) {
            fetched = new CostExplorerFetcher(client, request.limits()).fetch(request.fetch());
        } catch (CostExplorerFetchException e) {
            return new FetchFailed(e);
        }
        List<CostMonth> months = new CostExplorerMonths(request.clock()).convert(request.fetch(), fetched, request.today());
        try {
            return new Saved(store.save(months, WritePolicy.fetch(request.acceptFinalChanges())), fetched.report());
        } catch (CostDataException e) {
            return new Unreadable(e, Optional.of(fetched.report()));
        }
    }
}
