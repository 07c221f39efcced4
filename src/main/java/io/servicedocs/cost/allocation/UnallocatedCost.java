package io.servicedocs.cost.allocation;

import io.servicedocs.model.CostElement;
import io.servicedocs.model.Money;
import java.time.YearMonth;
import java.util.Objects;

/**
 * Cost of a month that no product and no shared pool claims: shown, never dropped. {@code tag}
 * is the cost line's tag value when the data was grouped by a tag.
 */
public record UnallocatedCost(YearMonth month, String source, CostElement element, java.util.Optional<String> tag,
                              Money billed, Money converted, boolean provisional) {

    public UnallocatedCost {
        Objects.requireNonNull(month, "month");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(element, "element");
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(billed, "billed");
        Objects.requireNonNull(converted, "converted");
    }
}
