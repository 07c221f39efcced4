package io.servicedocs.cost.allocation;

import io.servicedocs.cost.ledger.PrepaidSpread;
import io.servicedocs.model.CostSettings;
import java.time.YearMonth;
import java.util.Objects;

/** A declared prepaid amount, who carries it (a product or a pool, and its id), and its monthly parts. */
public record PrepaidReport(CostSettings.Prepaid prepaid, OwnerKind ownerKind, String ownerId, PrepaidSpread spread) {

    public PrepaidReport {
        Objects.requireNonNull(ownerKind, "ownerKind");
        Objects.requireNonNull(ownerId, "ownerId");
    }

    /** The last month of the term, inclusive. */
    public YearMonth lastMonth() {
        return prepaid.firstMonth().plusMonths(prepaid.termMonths() - 1L);
    }

    public boolean ownedBy(OwnerKind kind, String id) {
        return ownerKind == kind && ownerId.equals(id);
    }
}
