package io.servicedocs.cli;

import io.servicedocs.cost.athena.AthenaClients;
import io.servicedocs.cost.athena.AthenaFocusQuery;
import io.servicedocs.cost.athena.AthenaFocusReader;
import io.servicedocs.cost.focus.FocusInput;
import io.servicedocs.cost.focus.FocusInput.AthenaTable;
import io.servicedocs.net.NetworkLimits;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.athena.AthenaClient;

/**
 * The options of {@code costs import --engine athena}: where the FOCUS table is, where Athena
 * writes its results, which billing periods to read, and the time limits of the calls (the
 * deadline is the query's total timeout).
 */
final class AthenaImportOptions {

    @Option(names = "--database", paramLabel = "NAME",
            description = "With --engine athena: the Athena (Glue) database of the FOCUS table.")
    String database;

    @Option(names = "--table", paramLabel = "NAME",
            description = "With --engine athena: the FOCUS table, e.g. the one AWS Data Exports' Athena "
                    + "integration creates.")
    String table;

    @Option(names = "--workgroup", paramLabel = "NAME",
            description = "With --engine athena: the Athena workgroup the query runs in (e.g. primary).")
    String workgroup;

    @Option(names = "--output-location", paramLabel = "S3_URL",
            description = "With --engine athena: the S3 location (s3://BUCKET/PREFIX/) where Athena writes the "
                    + "query's results.")
    String outputLocation;

    @Option(names = "--billing-period", paramLabel = "YYYY-MM", converter = MonthRange.Converter.class,
            description = "Read only this billing period (repeatable): its BILLING_PERIOD=YYYY-MM partition of an "
                    + "export folder (--engine duckdb) or of the Athena table (--engine athena; without it, every "
                    + "partition is scanned and paid for). Not with --engine java.")
    List<YearMonth> billingPeriods = new ArrayList<>();

    @Option(names = "--endpoint", paramLabel = "URL",
            description = "With --engine athena: send the requests to this endpoint instead of AWS's (the SDK's "
                    + "AWS_ENDPOINT_URL_ATHENA works too).")
    String endpoint;

    @Mixin
    NetworkOptions network;

    /** The options given that only --engine athena takes, e.g. [--database, --table]. */
    List<String> given() {
        List<String> given = new ArrayList<>();
        if (database != null) {
            given.add("--database");
        }
        if (table != null) {
            given.add("--table");
        }
        if (workgroup != null) {
            given.add("--workgroup");
        }
        if (outputLocation != null) {
            given.add("--output-location");
        }
        if (endpoint != null) {
            given.add("--endpoint");
        }
        return given;
    }

    /** The table and what to read, checked; a usage error says what is missing or wrong. */
    FocusInput input(Optional<String> tagKey) throws UsageException {
        List<String> missing = new ArrayList<>();
        if (database == null) {
            missing.add("--database NAME");
        }
        if (table == null) {
            missing.add("--table NAME");
        }
        if (workgroup == null) {
            missing.add("--workgroup NAME");
        }
        if (outputLocation == null) {
            missing.add("--output-location S3_URL");
        }
        if (!missing.isEmpty()) {
            throw new UsageException("--engine athena needs " + String.join(", ", missing)
                    + " (e.g. --database cur --table focus_1_0 --workgroup primary --output-location "
                    + "s3://my-athena-results/servicedocs/)");
        }
        AthenaTable athena = new AthenaTable(database, table, workgroup, outputLocation);
        List<String> problems = AthenaFocusQuery.problems(athena, tagKey, AthenaFocusQuery.DEFAULT_PARTITION_COLUMN);
        if (!problems.isEmpty()) {
            throw new UsageException(String.join("; ", problems));
        }
        return new FocusInput(List.of(), Optional.of(athena), tagKey, billingPeriods);
    }

    NetworkLimits limits() {
        return network.limits();
    }

    /** The production client; a usage error when the endpoint or the region is not usable. */
    AthenaClient client() throws UsageException {
        Optional<URI> uri = Optional.empty();
        if (endpoint != null) {
            try {
                URI parsed = new URI(endpoint);
                boolean http = "http".equalsIgnoreCase(parsed.getScheme()) || "https".equalsIgnoreCase(parsed.getScheme());
                uri = http && parsed.getHost() != null ? Optional.of(parsed) : Optional.empty();
            } catch (URISyntaxException e) {
                // reported below
            }
            if (uri.isEmpty()) {
                throw new UsageException("--endpoint '" + endpoint + "' is not an http or https URL, e.g. "
                        + "https://athena.eu-west-1.amazonaws.com");
            }
        }
        try {
            return AthenaClients.standard(uri, network.limits());
        } catch (IllegalStateException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** The reader over {@code client}, under the time limits given. */
    AthenaFocusReader reader(AthenaClient client) {
        return new AthenaFocusReader(client, network.limits());
    }
}
