package io.servicedocs.model;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A product's monthly revenue, labour and demand, in month order. */
public record Finance(Map<YearMonth, Month> months) {

    public Finance {
        months = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(months));
    }

    /**
     * Whether the file reports {@code month}: it lists no month at all (a product without finance
     * to report, such as a PoC), or one as late or later. A month it skips before its last earned
     * and spent nothing; a month after its last is not reported yet.
     */
    public boolean reports(YearMonth month) {
        return months.isEmpty() || !month.isAfter(((java.util.SortedMap<YearMonth, Month>) months).lastKey());
    }

    public record Month(Optional<Money> mrr, Optional<Labour> labour, Optional<BigDecimal> demand) {
    }

    /** Labour cost of a month: investment is excluded from operating cost, maintenance is not. */
    public record Labour(Money investment, Money maintenance) {
    }
}
