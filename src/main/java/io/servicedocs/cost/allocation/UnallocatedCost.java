package io.servicedocs.cost.allocation;

import io.servicedocs.model.CostElement;
import io.servicedocs.model.Money;
import java.time.YearMonth;
import java.util.Objects;

/** Cost of a month that no product and no shared pool claims: shown, never dropped. */
public record UnallocatedCost(YearMonth month, String source, CostElement element, Money billed, Money converted,
                              boolean provisional) {

    public UnallocatedCost {
        Objects.requireNonNull(month, "month");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(element, "element");
        Objects.requireNonNull(billed, "billed");
        Objects.requireNonNull(converted, "converted");
    }
}
