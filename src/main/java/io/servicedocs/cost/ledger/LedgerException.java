package io.servicedocs.cost.ledger;

/**
 * A ledger cannot be computed from what was declared: fixed percentages that do not total 100,
 * usage that is missing or all zero, an exchange rate that was not declared, totals that do not
 * balance. The message names the pool, product, currency and month concerned, because the fix is
 * always in the data, never a guess by the tool.
 */
public class LedgerException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public LedgerException(String message) {
        super(message);
    }
}
