package io.servicedocs.cost.data;

import io.servicedocs.cost.aws.AccountMonthCost;
import io.servicedocs.cost.aws.FetchRequest;
import io.servicedocs.cost.aws.FetchResult;
import io.servicedocs.model.CostElement;
import io.servicedocs.model.CostMonth;
import io.servicedocs.model.CostMonth.CostLine;
import io.servicedocs.model.CostMonth.Status;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns what Cost Explorer returned into one {@link CostMonth} of source {@value #SOURCE} per
 * month: every requested month, also one without any cost (a month of zero cost is a fact), and
 * every account, whether a product claims it or not.
 *
 * <p>A month is provisional when Cost Explorer marks it Estimated or when it is not over as of
 * today; otherwise final. The basis is the metric; each account is a cost element {provider aws,
 * id, name}; with a tag key each line carries the tag value, the empty string for Cost Explorer's
 * untagged bucket.
 */
public final class CostExplorerMonths {

    /** The source, and folder under cost-data/, of Cost Explorer's months. */
    public static final String SOURCE = "aws";

    private final Clock clock;

    /** @param clock when the data was retrieved, and which day is today */
    public CostExplorerMonths(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The months, judging which are over as of the clock's today. */
    public List<CostMonth> convert(FetchRequest request, FetchResult result) {
        return convert(request, result, LocalDate.now(clock));
    }

    /** The months, judging which are over as of {@code today}. */
    public List<CostMonth> convert(FetchRequest request, FetchResult result, LocalDate today) {
        Instant retrieved = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        YearMonth current = YearMonth.from(today);
        Map<YearMonth, List<CostLine>> lines = new TreeMap<>();
        for (YearMonth m = request.firstMonth(); !m.isAfter(request.lastMonth()); m = m.plusMonths(1)) {
            lines.put(m, new ArrayList<>());
        }
        Set<YearMonth> estimated = new HashSet<>(result.estimatedMonths());
        for (AccountMonthCost cost : result.costs()) {
            CostElement element = new CostElement(CostElement.Provider.AWS, cost.accountId(), cost.accountName(),
                    Optional.empty());
            Optional<String> tag = request.tagKey().isPresent() ? Optional.of(cost.tagValue().orElse(""))
                    : Optional.empty();
            lines.computeIfAbsent(cost.month(), m -> new ArrayList<>())
                    .add(new CostLine(element, tag, CostMonths.plain(cost.amount()), cost.currency()));
            if (cost.estimated()) {
                estimated.add(cost.month());
            }
        }
        String origin = "AWS Cost Explorer GetCostAndUsage by linked account"
                + request.tagKey().map(k -> " and tag key '" + k + "'").orElse("");
        List<CostMonth> months = new ArrayList<>();
        lines.forEach((month, costs) -> {
            Status status = estimated.contains(month) || !month.isBefore(current) ? Status.PROVISIONAL : Status.FINAL;
            months.add(CostMonths.sorted(new CostMonth(SOURCE, month, status, request.metric(), retrieved,
                    Optional.of(origin), costs, List.of())));
        });
        return months;
    }
}
