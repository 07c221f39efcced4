package io.servicedocs.cost.focus;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Currency;
import java.util.Objects;
import java.util.Optional;

/**
 * One group of FOCUS rows, summed by a reading engine (the Java CSV reader, DuckDB or Athena):
 * everything the import needs to know about them, nothing per row. Every engine groups by the
 * same key and spells the values the same way, so that the same rows give equal groups whatever
 * engine read them.
 *
 * <p>The key: provider, billing account, sub-account (empty when the rows have none: SaaS),
 * billing currency, billing period (the UTC month of BillingPeriodStart: the invoice), charge
 * month (the UTC month of ChargePeriodStart: when the cost was incurred), charge category,
 * charge class, charge frequency, tag value (with a tag key) and, for one-time charges only
 * (ChargeFrequency One-Time: purchases, and e.g. a spend commitment's unused part charged for its
 * whole term), the charge's term. Values are in FOCUS's own spelling whatever the file's case: categories
 * {@code Usage, Purchase, Tax, Credit, Adjustment}; class {@code Correction} or empty;
 * frequency {@code One-Time, Recurring, Usage-Based} or empty.
 *
 * <p>The sums are exact decimals of the three cost metrics; a null cost in a row counts as 0 in
 * that metric's sum. {@code firstRow} says where the group's first row is, for messages
 * ("file.csv line 12", "BILLING_PERIOD=2026-01/part-0.parquet row 3"), when the engine knows.
 */
public record ChargeGroup(String provider, String billingAccountId, Optional<String> billingAccountName,
                          Optional<String> subAccountId, Optional<String> subAccountName, Currency currency,
                          YearMonth billingPeriod, YearMonth chargeMonth, String chargeCategory,
                          Optional<String> chargeClass, Optional<String> chargeFrequency, Optional<String> tag,
                          Optional<ChargeTerm> term, BigDecimal effectiveCost, BigDecimal billedCost,
                          BigDecimal listCost, long rows, Optional<String> firstRow) {

    public ChargeGroup {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(billingAccountId, "billingAccountId");
        Objects.requireNonNull(billingAccountName, "billingAccountName");
        Objects.requireNonNull(subAccountId, "subAccountId");
        Objects.requireNonNull(subAccountName, "subAccountName");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(billingPeriod, "billingPeriod");
        Objects.requireNonNull(chargeMonth, "chargeMonth");
        Objects.requireNonNull(chargeCategory, "chargeCategory");
        Objects.requireNonNull(chargeClass, "chargeClass");
        Objects.requireNonNull(chargeFrequency, "chargeFrequency");
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(term, "term");
        Objects.requireNonNull(effectiveCost, "effectiveCost");
        Objects.requireNonNull(billedCost, "billedCost");
        Objects.requireNonNull(listCost, "listCost");
        Objects.requireNonNull(firstRow, "firstRow");
        if (rows < 1) {
            throw new IllegalArgumentException("a charge group comes from at least one row, got " + rows);
        }
    }

    /** True for a row of ChargeClass Correction: it corrects an earlier billing period. */
    public boolean correction() {
        return chargeClass.filter("Correction"::equals).isPresent();
    }

    /**
     * The exact charge period of a one-time charge (ChargeFrequency One-Time, whatever its
     * category), with the commitment discount it buys when the file says so. Only such rows carry
     * a term; other rows are grouped by month alone.
     */
    public record ChargeTerm(LocalDate start, LocalDate endExclusive, Optional<String> commitmentDiscountId,
                             Optional<String> description) {
        public ChargeTerm {
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(endExclusive, "endExclusive");
            Objects.requireNonNull(commitmentDiscountId, "commitmentDiscountId");
            Objects.requireNonNull(description, "description");
            if (endExclusive.isBefore(start)) {
                throw new IllegalArgumentException("a term ends on or after its start, got " + start + " to " + endExclusive);
            }
        }
    }
}
