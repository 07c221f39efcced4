package io.servicedocs.cost.aws;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Currency;
import java.util.Objects;
import java.util.Optional;

/**
 * The cost of one AWS account in one month, exactly as Cost Explorer states it. With a tag key,
 * one per tag value; {@code tagValue} is empty for resources without the tag (Cost Explorer's
 * {@code Key$} bucket). {@code estimated} marks a month whose bill is not final yet: fetch it
 * again later.
 */
public record AccountMonthCost(
        YearMonth month,
        String accountId,
        Optional<String> accountName,
        Optional<String> tagValue,
        BigDecimal amount,
        Currency currency,
        boolean estimated) {

    public AccountMonthCost {
        Objects.requireNonNull(month, "month");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(accountName, "accountName");
        Objects.requireNonNull(tagValue, "tagValue");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
    }
}
