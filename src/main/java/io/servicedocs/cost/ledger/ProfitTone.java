package io.servicedocs.cost.ledger;

/**
 * How a cost movement reads once profit is taken into account: the colour and the words a page
 * gives it. The rule (one place, used by the trend and by the growth-vs-savings decomposition):
 * a product that lost money in the later month (profit = MRR - operating cost, not above zero) is
 * never {@link #GOOD}: {@link #BAD} when its cost rose, {@link #NEUTRAL} otherwise. A profitable
 * product is {@link #BAD} when its unit cost rose, {@link #GOOD} when its unit cost fell, and
 * {@link #NEUTRAL} when its unit cost is steady or unknown.
 */
public enum ProfitTone {
    GOOD, NEUTRAL, BAD;

    /**
     * @param profitable      whether the later month made a profit (profit above zero)
     * @param costChangeSign  the sign of the operating cost's change (-1, 0, 1)
     * @param unitCostSign    the sign of the unit cost's change, 0 when steady or unknown
     */
    public static ProfitTone of(boolean profitable, int costChangeSign, int unitCostSign) {
        if (!profitable) {
            return costChangeSign > 0 ? BAD : NEUTRAL;
        }
        if (unitCostSign > 0) {
            return BAD;
        }
        return unitCostSign < 0 ? GOOD : NEUTRAL;
    }

    /** The lower-case name pages and exports use: "good", "neutral", "bad". */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
