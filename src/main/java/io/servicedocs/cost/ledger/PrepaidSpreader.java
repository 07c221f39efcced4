package io.servicedocs.cost.ledger;

import io.servicedocs.model.Money;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Spreads a prepaid amount evenly over its term. Whole units are divided by the number of
 * months; the units left over go one each to the earliest months (JPY 1,000,000 over 12 months:
 * 83,334 for the first four, 83,333 for the other eight), so the parts add up to the amount and
 * the same licence always spreads the same way.
 */
public final class PrepaidSpreader {

    private PrepaidSpreader() {
    }

    public static PrepaidSpread spread(PrepaidCost prepaid) {
        Money rounded = MinorUnit.round(prepaid.amount());
        // equal weights: the largest-remainder tie-break then favours the earliest months
        List<BigInteger> units = LargestRemainder.apportion(MinorUnit.units(rounded),
                Collections.nCopies(prepaid.termMonths(), BigInteger.ONE));
        List<PrepaidPart> parts = new ArrayList<>(units.size());
        for (int i = 0; i < units.size(); i++) {
            parts.add(new PrepaidPart(prepaid.id(), prepaid.firstMonth().plusMonths(i),
                    MinorUnit.ofUnits(units.get(i), rounded.currency())));
        }
        return new PrepaidSpread(prepaid, MinorUnit.minus(prepaid.amount(), rounded), parts);
    }
}
