package io.servicedocs.cost.allocation;

import io.servicedocs.model.CostElement;
import io.servicedocs.model.Money;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The unallocated cost of one element (with its tag) from one source, over every month it had
 * some: each month's cost in month order, their total, and the cost of the latest final month.
 */
public record UnallocatedElement(String source, CostElement element, Optional<String> tag, List<UnallocatedCost> months,
                                 Money total, Optional<Money> inLatestFinalMonth) {

    public UnallocatedElement {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(element, "element");
        Objects.requireNonNull(tag, "tag");
        months = List.copyOf(months);
        if (months.isEmpty()) {
            throw new IllegalArgumentException("an unallocated element has at least one month of cost");
        }
        Objects.requireNonNull(total, "total");
        Objects.requireNonNull(inLatestFinalMonth, "inLatestFinalMonth");
    }

    public YearMonth firstMonth() {
        return months.get(0).month();
    }

    public YearMonth lastMonth() {
        return months.get(months.size() - 1).month();
    }
}
