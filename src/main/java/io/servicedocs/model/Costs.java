package io.servicedocs.model;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything about costs a repository holds: the allocation settings (absent: costs are not set
 * up), the exchange rates, the usage metrics, and the cost data, sorted by month then source.
 */
public record Costs(Optional<CostSettings> settings, ExchangeRates rates, UsageMetrics usage, List<CostMonth> months) {

    public static final Costs NONE = new Costs(Optional.empty(), ExchangeRates.NONE, UsageMetrics.NONE, List.of());

    public Costs {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(rates, "rates");
        Objects.requireNonNull(usage, "usage");
        months = months.stream().sorted(Comparator.comparing(CostMonth::month).thenComparing(CostMonth::source)).toList();
    }

    public boolean configured() {
        return settings.isPresent();
    }
}
