package io.servicedocs.model;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One SLO of a product, declared in products/&lt;id&gt;/slos.yaml as an OpenSLO v1 {@code SLO}
 * document, resolved: its indicator is inline, referenced ({@code indicatorRef}) or made from one
 * of the standard's SLI templates, and its data source is the {@code DataSource} document it
 * names. Windows are calendar-aligned months; {@code target} is the objective's ratio (0..1, e.g.
 * 0.999), {@code targetPercent} in the file is read as target / 100.
 */
public record SloDeclaration(String name, Optional<String> displayName, Optional<String> description,
                             String service, Sli indicator, BigDecimal target, BudgetingMethod budgetingMethod,
                             String file, Position position) {

    public enum BudgetingMethod { OCCURRENCES, TIMESLICES, RATIO_TIMESLICES }

    public SloDeclaration {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(indicator, "indicator");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(budgetingMethod, "budgetingMethod");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(position, "position");
    }

    /**
     * An SLI as a ratio of two counts over the month, as the data source must be asked for it:
     * {@code good} and {@code total} queries (one of them may be derived from {@code bad} by the
     * fetcher). For Prometheus they are PromQL expressions of counters; for Datadog, the SLO is
     * read from Datadog's SLO history by {@code datadogSloId}. {@code template} names the
     * standard's SLI template the queries were made from, with the parameters given.
     */
    public record Sli(String name, Optional<String> template, Map<String, String> parameters, DataSource dataSource,
                      Optional<String> good, Optional<String> bad, Optional<String> total,
                      Optional<String> datadogSloId) {
        public Sli {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(template, "template");
            parameters = Map.copyOf(parameters);
            Objects.requireNonNull(dataSource, "dataSource");
            Objects.requireNonNull(good, "good");
            Objects.requireNonNull(bad, "bad");
            Objects.requireNonNull(total, "total");
            Objects.requireNonNull(datadogSloId, "datadogSloId");
        }
    }

    /** An OpenSLO {@code DataSource}: its name, type and connection details (no secrets: those come from the environment). */
    public record DataSource(String name, Type type, Map<String, String> connection) {
        public enum Type { PROMETHEUS, DATADOG }

        public DataSource {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
            connection = Map.copyOf(connection);
        }
    }
}
