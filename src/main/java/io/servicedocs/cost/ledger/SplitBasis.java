package io.servicedocs.cost.ledger;

import io.servicedocs.model.Money;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Map;
import java.util.Objects;

/**
 * What proportional and usage splits weigh targets by in one month: each product's direct cost
 * (in one currency, ideally the reporting one) and each usage metric's value per product.
 */
public record SplitBasis(YearMonth month, Map<String, Money> directCost, Map<String, Map<String, BigDecimal>> usage) {

    public SplitBasis {
        Objects.requireNonNull(month, "month");
        directCost = Map.copyOf(directCost);
        usage = usage.entrySet().stream()
                .collect(java.util.stream.Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> Map.copyOf(e.getValue())));
    }

    /** For even and fixed splits, which weigh nothing measured. */
    public static SplitBasis none(YearMonth month) {
        return new SplitBasis(month, Map.of(), Map.of());
    }
}
