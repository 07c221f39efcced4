package io.servicedocs.pipeline;

import io.servicedocs.cost.data.CostDataException;
import io.servicedocs.load.SchemaValidator;
import io.servicedocs.model.SloDataFile;
import io.servicedocs.model.SloDeclaration.DataSource;
import io.servicedocs.model.SloMonth;
import io.servicedocs.net.Deadline;
import io.servicedocs.net.NetworkLimits;
import io.servicedocs.slo.DatadogSloFetcher;
import io.servicedocs.slo.MonthWindow;
import io.servicedocs.slo.ProductSlo;
import io.servicedocs.slo.PrometheusSloFetcher;
import io.servicedocs.slo.SloDataStore;
import io.servicedocs.slo.SloFetchException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code slo fetch}: check that the slo-data files this run may replace can be read, measure every
 * SLO in every month in memory (Prometheus or Datadog, as its data source says), then save
 * through {@link SloDataStore}, which decides every file before writing any. A fetch that fails
 * writes nothing.
 */
public final class SloFetchPipeline {

    /** What to measure, from where, within which limits. */
    public record Request(Path root, List<ProductSlo> slos, YearMonth from, YearMonth to,
                          Optional<URI> datadogEndpoint, Map<String, String> environment, NetworkLimits limits,
                          DatadogSloFetcher.RateLimitWaits waits, boolean acceptFinalChanges, Clock clock) {
        public Request {
            slos = List.copyOf(slos);
            environment = Map.copyOf(environment);
        }
    }

    public sealed interface Result permits Unreadable, FetchFailed, Saved {
    }

    public record Unreadable(CostDataException problem) implements Result {
    }

    public record FetchFailed(SloFetchException problem) implements Result {
    }

    /** Written (or refused); {@code notes} are the months measured without an attainment, with why. */
    public record Saved(SloDataStore.Outcome outcome, List<SloMonth> notes) implements Result {
    }

    public Result run(Request request) throws IOException {
        SloDataStore store = new SloDataStore(request.root(), request.clock(), new SchemaValidator());
        Instant now = request.clock().instant().truncatedTo(ChronoUnit.SECONDS);
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = request.from(); !m.isAfter(request.to()); m = m.plusMonths(1)) {
            months.add(m);
        }
        Set<String> paths = new TreeSet<>();
        for (ProductSlo slo : request.slos()) {
            months.forEach(m -> paths.add(SloDataFile.pathOf(slo.source(), m)));
        }
        try {
            store.checkReadable(paths);
        } catch (CostDataException e) {
            return new Unreadable(e);
        }
        Deadline deadline = request.limits().startDeadline();
        Map<String, List<SloMonth>> byFile = new LinkedHashMap<>();
        Map<String, MonthWindow> windows = new LinkedHashMap<>();
        try {
            PrometheusSloFetcher prometheus = new PrometheusSloFetcher(request.limits(), deadline);
            // one Datadog client per data source: each names its own site
            Map<String, DatadogSloFetcher> datadogBySource = new LinkedHashMap<>();
            for (ProductSlo slo : request.slos()) {
                Optional<DatadogSloFetcher> datadog = Optional.empty();
                if (slo.declaration().indicator().dataSource().type() == DataSource.Type.DATADOG) {
                    DatadogSloFetcher existing = datadogBySource.get(slo.source());
                    if (existing == null) {
                        existing = new DatadogSloFetcher(request.environment(),
                                Optional.ofNullable(slo.declaration().indicator().dataSource().connection().get("site")),
                                request.datadogEndpoint(), request.limits(), deadline, request.waits());
                        datadogBySource.put(slo.source(), existing);
                    }
                    datadog = Optional.of(existing);
                }
                for (YearMonth month : months) {
                    MonthWindow window = MonthWindow.of(month, now);
                    SloMonth measured = slo.declaration().indicator().dataSource().type() == DataSource.Type.DATADOG
                            ? datadog.orElseThrow().fetch(slo, window, now)
                            : prometheus.fetch(slo, window, now);
                    String path = SloDataFile.pathOf(slo.source(), month);
                    byFile.computeIfAbsent(path, p -> new ArrayList<>()).add(measured);
                    windows.put(path, window);
                }
            }
        } catch (SloFetchException e) {
            return new FetchFailed(e);
        }
        List<SloDataFile> files = new ArrayList<>();
        List<SloMonth> notes = new ArrayList<>();
        byFile.forEach((path, slos) -> {
            SloMonth first = slos.get(0);
            files.add(new SloDataFile(first.source(), first.month(), windows.get(path).status(), now, slos, List.of()));
            slos.stream().filter(s -> s.note().isPresent()).forEach(notes::add);
        });
        Set<String> scope = new LinkedHashSet<>();
        request.slos().forEach(s -> scope.add(s.product()));
        try {
            return new Saved(store.save(files, scope, request.acceptFinalChanges()), notes);
        } catch (CostDataException e) {
            return new Unreadable(e);
        }
    }
}
