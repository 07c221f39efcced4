package io.servicedocs.cost.focus;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The FOCUS version a file's columns point to. A FOCUS CSV carries no version column (the
 * version is in the dataset's metadata, delivered apart), so it is inferred from columns that
 * later versions introduced. BillingAccountType and SubAccountType, new in 1.2, are not used as
 * evidence: Microsoft's FocusCost 1.0 export has them too.
 */
public enum FocusVersion {
    V1_0("1.0"), V1_1("1.1"), V1_2("1.2"), UNKNOWN("unknown");

    private static final List<String> INTRODUCED_IN_1_2 = List.of("InvoiceId", "PricingCurrency",
            "PricingCurrencyContractedUnitPrice", "PricingCurrencyEffectiveCost", "PricingCurrencyListUnitPrice");
    private static final List<String> INTRODUCED_IN_1_1 = List.of("CapacityReservationId",
            "CapacityReservationStatus", "CommitmentDiscountQuantity", "CommitmentDiscountUnit",
            "ServiceSubcategory", "SkuMeter", "SkuPriceDetails");
    private static final List<String> MANDATORY_IN_1_0 = List.of("BilledCost", "BillingAccountId",
            "BillingAccountName", "BillingCurrency", "BillingPeriodEnd", "BillingPeriodStart", "ChargeCategory",
            "ChargeClass", "ChargeDescription", "ChargePeriodEnd", "ChargePeriodStart", "ContractedCost",
            "EffectiveCost", "InvoiceIssuerName", "ListCost", "PricingQuantity", "PricingUnit", "ProviderName",
            "PublisherName", "ServiceCategory", "ServiceName");

    private final String label;

    FocusVersion(String label) {
        this.label = label;
    }

    /** "1.0", "1.1", "1.2" or "unknown". */
    public String label() {
        return label;
    }

    /** The version found and why (public: every reading engine detects it the same way). */
    public record Detection(FocusVersion version, String evidence) {
    }

    /** Infers the version from header names (any case, surrounding spaces allowed). */
    public static Detection detect(Collection<String> header) {
        Set<String> names = header.stream().map(FocusVersion::normalise).collect(Collectors.toSet());
        List<String> in12 = present(INTRODUCED_IN_1_2, names);
        if (!in12.isEmpty()) {
            return new Detection(V1_2, "columns introduced in FOCUS 1.2: " + String.join(", ", in12));
        }
        List<String> in11 = present(INTRODUCED_IN_1_1, names);
        if (!in11.isEmpty()) {
            return new Detection(V1_1, "columns introduced in FOCUS 1.1: " + String.join(", ", in11));
        }
        List<String> missing = MANDATORY_IN_1_0.stream().filter(c -> !names.contains(normalise(c))).toList();
        if (missing.isEmpty()) {
            return new Detection(V1_0, "all mandatory FOCUS 1.0 columns and none introduced in 1.1 or 1.2"
                    + " (a 1.1 export without any of its optional new columns would look the same)");
        }
        return new Detection(UNKNOWN, "no column introduced after FOCUS 1.0, and mandatory FOCUS 1.0 columns"
                + " missing: " + String.join(", ", missing));
    }

    static String normalise(String columnName) {
        return columnName.strip().toLowerCase(Locale.ROOT);
    }

    private static List<String> present(List<String> columns, Set<String> names) {
        return columns.stream().filter(c -> names.contains(normalise(c))).toList();
    }
}
