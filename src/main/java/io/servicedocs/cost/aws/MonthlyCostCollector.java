package io.servicedocs.cost.aws;

import io.servicedocs.load.NumberBounds;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import software.amazon.awssdk.services.costexplorer.model.DimensionValuesWithAttributes;
import software.amazon.awssdk.services.costexplorer.model.GetCostAndUsageResponse;
import software.amazon.awssdk.services.costexplorer.model.Group;
import software.amazon.awssdk.services.costexplorer.model.MetricValue;
import software.amazon.awssdk.services.costexplorer.model.ResultByTime;

/**
 * Merges the pages of one GetCostAndUsage fetch into {@link AccountMonthCost} records. Every group
 * is kept, zero and negative amounts included; what cannot be read exactly is refused loudly.
 */
final class MonthlyCostCollector {

    private static final Comparator<AccountMonthCost> ORDER = Comparator
            .comparing(AccountMonthCost::month)
            .thenComparing(AccountMonthCost::accountId)
            .thenComparing(c -> c.tagValue().orElse(""))
            .thenComparing(c -> c.tagValue().isPresent());

    private record Key(YearMonth month, String accountId, Optional<String> tagValue) {
    }

    private record Cost(BigDecimal amount, Currency currency) {
    }

    private final String metric;
    private final Optional<String> tagKey;
    private final Map<Key, Cost> costs = new LinkedHashMap<>();
    private final Map<YearMonth, Boolean> estimatedByMonth = new HashMap<>();
    private final Map<String, String> accountNames = new HashMap<>();

    MonthlyCostCollector(String metric, Optional<String> tagKey) {
        this.metric = metric;
        this.tagKey = tagKey;
    }

    /** Adds one page; throws {@link IllegalStateException} with the reason when it cannot be read. */
    void add(GetCostAndUsageResponse page) {
        for (DimensionValuesWithAttributes value : page.dimensionValueAttributes()) {
            String description = value.attributes().get("description");
            if (value.value() != null && description != null && !description.isBlank()) {
                accountNames.put(value.value(), description);
            }
        }
        for (ResultByTime result : page.resultsByTime()) {
            YearMonth month = monthOf(result);
            // a month split over pages is provisional if any page says so
            estimatedByMonth.merge(month, Boolean.TRUE.equals(result.estimated()), Boolean::logicalOr);
            for (Group group : result.groups()) {
                addGroup(month, group);
            }
        }
    }

    List<AccountMonthCost> costs() {
        List<AccountMonthCost> out = new ArrayList<>(costs.size());
        costs.forEach((key, cost) -> out.add(new AccountMonthCost(key.month(), key.accountId(),
                Optional.ofNullable(accountNames.get(key.accountId())), key.tagValue(), cost.amount(),
                cost.currency(), estimatedByMonth.getOrDefault(key.month(), false))));
        out.sort(ORDER);
        return out;
    }

    List<YearMonth> estimatedMonths() {
        TreeSet<YearMonth> months = new TreeSet<>();
        estimatedByMonth.forEach((month, estimated) -> {
            if (estimated) {
                months.add(month);
            }
        });
        return List.copyOf(months);
    }

    private void addGroup(YearMonth month, Group group) {
        List<String> keys = group.keys();
        int expected = tagKey.isPresent() ? 2 : 1;
        if (keys.size() != expected) {
            throw new IllegalStateException("a group of " + month + " has the keys " + keys + "; expected "
                    + expected + " (linked account" + (expected == 2 ? " and tag)" : ")"));
        }
        String accountId = keys.get(0);
        Optional<String> tagValue = tagKey.isPresent() ? Optional.of(tagValueOf(keys.get(1))).filter(v -> !v.isEmpty())
                : Optional.empty();
        MetricValue value = group.metrics().get(metric);
        if (value == null) {
            throw new IllegalStateException("the group " + keys + " of " + month + " has no metric '" + metric
                    + "', only " + group.metrics().keySet());
        }
        Cost cost = new Cost(amountOf(value, keys, month), currencyOf(value, keys, month));
        Cost previous = costs.putIfAbsent(new Key(month, accountId, tagValue), cost);
        if (previous != null) {
            throw new IllegalStateException("the group " + keys + " of " + month + " came twice");
        }
    }

    private String tagValueOf(String key) {
        String prefix = tagKey.orElseThrow() + "$";
        if (!key.startsWith(prefix)) {
            throw new IllegalStateException("the tag group '" + key + "' does not start with '" + prefix + "'");
        }
        return key.substring(prefix.length());
    }

    private static YearMonth monthOf(ResultByTime result) {
        if (result.timePeriod() == null || result.timePeriod().start() == null) {
            throw new IllegalStateException("a result has no TimePeriod.Start");
        }
        try {
            return YearMonth.from(LocalDate.parse(result.timePeriod().start()));
        } catch (DateTimeParseException e) {
            throw new IllegalStateException("the period start '" + result.timePeriod().start() + "' is not a date");
        }
    }

    private static BigDecimal amountOf(MetricValue value, List<String> keys, YearMonth month) {
        if (value.amount() == null) {
            throw new IllegalStateException("the amount of " + keys + " in " + month + " is missing");
        }
        try {
            // the bounds of what the tool reads back from cost-data
            return NumberBounds.parse(value.amount());
        } catch (NumberBounds.Refused e) {
            throw new IllegalStateException("the amount of " + keys + " in " + month + ": " + e.getMessage());
        }
    }

    private static Currency currencyOf(MetricValue value, List<String> keys, YearMonth month) {
        try {
            return Currency.getInstance(value.unit());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalStateException("the unit '" + value.unit() + "' of " + keys + " in " + month
                    + " is not an ISO 4217 currency code");
        }
    }
}
