package io.servicedocs.cost.focus;

import io.servicedocs.model.Money;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What one FOCUS file says: EffectiveCost per provider, sub-account, month and currency (sorted
 * in that order, and per value of {@code tagKey} when the file was read with one), the one-time
 * purchases among them, the FOCUS version the columns point to, how many rows were read, and
 * notes about the file as a whole worth printing (e.g. that a file read with a tag key has no
 * Tags column, and is therefore read without it: {@code tagKey} is then empty).
 */
public record FocusImport(String source, FocusVersion version, String versionEvidence,
                          List<MonthlyCost> monthlyCosts, List<PurchaseLine> purchases, RowCounts rows,
                          Optional<String> tagKey, List<String> notes) {

    /** A file read without a tag key. */
    public FocusImport(String source, FocusVersion version, String versionEvidence,
                       List<MonthlyCost> monthlyCosts, List<PurchaseLine> purchases, RowCounts rows) {
        this(source, version, versionEvidence, monthlyCosts, purchases, rows, Optional.empty());
    }

    /** A file read with or without a tag key, without notes. */
    public FocusImport(String source, FocusVersion version, String versionEvidence,
                       List<MonthlyCost> monthlyCosts, List<PurchaseLine> purchases, RowCounts rows,
                       Optional<String> tagKey) {
        this(source, version, versionEvidence, monthlyCosts, purchases, rows, tagKey, List.of());
    }

    public FocusImport {
        Objects.requireNonNull(tagKey, "tagKey");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(versionEvidence, "versionEvidence");
        monthlyCosts = List.copyOf(monthlyCosts);
        purchases = List.copyOf(purchases);
        Objects.requireNonNull(rows, "rows");
        notes = List.copyOf(notes);
    }

    /** The grand total per currency, by currency code; currencies are never added together. */
    public List<Money> totalsByCurrency() {
        Map<String, BigDecimal> totals = new TreeMap<>();
        for (MonthlyCost cost : monthlyCosts) {
            totals.merge(cost.effectiveCost().currency().getCurrencyCode(), cost.effectiveCost().amount(),
                    BigDecimal::add);
        }
        return totals.entrySet().stream()
                .map(e -> new Money(e.getValue(), Currency.getInstance(e.getKey())))
                .toList();
    }
}
