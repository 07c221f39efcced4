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
 * What the Java CSV reader made of one FOCUS file: its {@link ChargeGroup}s (what every reading
 * engine returns; one-time purchases carry their term), a summary of EffectiveCost per provider,
 * sub-account, month and currency (sorted in that order, and per value of {@code tagKey} when the
 * file was read with one) with the line of each sum's first row, the FOCUS version the columns
 * point to, the rows read, used and skipped, and notes about the file as a whole worth printing
 * (e.g. that a file read with a tag key has no Tags column, and is therefore read without it:
 * {@code tagKey} is then empty).
 */
public record FocusImport(String source, FocusVersion version, String versionEvidence, List<ChargeGroup> groups,
                          List<MonthlyCost> monthlyCosts, RowCounts rows, Optional<String> tagKey, List<String> notes) {

    public FocusImport {
        Objects.requireNonNull(tagKey, "tagKey");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(versionEvidence, "versionEvidence");
        groups = List.copyOf(groups);
        monthlyCosts = List.copyOf(monthlyCosts);
        Objects.requireNonNull(rows, "rows");
        notes = List.copyOf(notes);
    }

    /** The one-time purchases: the groups of category Purchase that carry a term (other one-time charges do too). */
    public List<ChargeGroup> purchases() {
        return groups.stream().filter(g -> g.term().isPresent() && g.chargeCategory().equals("Purchase")).toList();
    }

    /** This file as every reading engine describes its input. */
    public FocusRead focusRead() {
        return new FocusRead(source, version, versionEvidence, groups, rows.used(), tagKey, notes);
    }

    /** The grand total of EffectiveCost per currency, by currency code; currencies are never added together. */
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
