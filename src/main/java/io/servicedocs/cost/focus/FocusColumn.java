package io.servicedocs.cost.focus;

import java.util.Locale;

/**
 * The FOCUS columns servicedocs reads, in the order their checks are reported, with whether a file
 * must have them. One list for every reading engine (the Java reader and DuckDB), so that they
 * cannot come to read different columns.
 */
public enum FocusColumn {
    PROVIDER_NAME("ProviderName", true),
    BILLING_ACCOUNT_ID("BillingAccountId", true),
    BILLING_ACCOUNT_NAME("BillingAccountName", false),
    BILLING_PERIOD_START("BillingPeriodStart", false),
    SUB_ACCOUNT_ID("SubAccountId", false),
    SUB_ACCOUNT_NAME("SubAccountName", false),
    CHARGE_PERIOD_START("ChargePeriodStart", true),
    BILLING_CURRENCY("BillingCurrency", true),
    CHARGE_PERIOD_END("ChargePeriodEnd", false),
    EFFECTIVE_COST("EffectiveCost", true),
    BILLED_COST("BilledCost", false),
    LIST_COST("ListCost", false),
    CHARGE_CATEGORY("ChargeCategory", true),
    CHARGE_CLASS("ChargeClass", false),
    COMMITMENT_DISCOUNT_ID("CommitmentDiscountId", false),
    CHARGE_FREQUENCY("ChargeFrequency", false),
    CHARGE_DESCRIPTION("ChargeDescription", false),
    TAGS("Tags", false);

    private final String focusName;
    private final boolean required;

    FocusColumn(String focusName, boolean required) {
        this.focusName = focusName;
        this.required = required;
    }

    /** The column's name in the FOCUS specification, e.g. {@code EffectiveCost}. */
    public String focusName() {
        return focusName;
    }

    /** Whether a file without the column is refused. */
    public boolean required() {
        return required;
    }

    /** The name of this column's value in the SQL engines' queries (e.g. {@code x_effectivecost}). */
    public String sql() {
        return "x_" + focusName.toLowerCase(Locale.ROOT);
    }
}
